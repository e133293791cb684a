/**
 * What the PDF report shows, as plain data: the scorecard of the chosen period (the engine's
 * tree, as the scorecard view reads it), a summary line per perspective, the scenario comparison
 * in page-wide slices, whether the strategy map fits a page legibly, and the dialog's defaults.
 * No React here, so the numbers can be checked against the engine directly.
 */
import type { PageSize } from "../../../shared/api/contract.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { plainText } from "../../../shared/domain/readable-path.ts";
import type { ScorecardView, Status } from "../../../shared/scoring/view.ts";
import { safeFileName } from "../app/document-actions.ts";
import { buildComparison, type Comparison, comparisonColumns } from "../scenarios/comparison.ts";
import { type Scores, viewFor } from "../state/scores.ts";

export interface ReportOptions {
  pageSize: PageSize;
  /** The period reported on, by id; null: the latest. */
  periodId: string | null;
  /** Compare the saved what-if scenarios (only when the document has some). */
  scenarios: boolean;
}

interface PerspectiveLine {
  id: string;
  name: string;
  color: string;
  score: number | null;
  status: Status;
  coverage: number;
  objectives: number;
  measures: number;
}

interface ReportContent {
  view: ScorecardView;
  perspectives: PerspectiveLine[];
  measureCount: number;
  objectiveCount: number;
}

export function reportContent(scores: Scores, periodId: string | null): ReportContent {
  const view = viewFor(scores, periodId);
  const perspectives = view.perspectives.map(
    (p): PerspectiveLine => ({
      id: p.id,
      name: p.name,
      color: p.color,
      score: p.score,
      status: p.status,
      coverage: p.coverage,
      objectives: p.objectives.length,
      measures: p.objectives.reduce((n, o) => n + o.measures.length, 0),
    }),
  );
  return {
    view,
    perspectives,
    measureCount: perspectives.reduce((n, p) => n + p.measures, 0),
    objectiveCount: perspectives.reduce((n, p) => n + p.objectives, 0),
  };
}

/** Scenarios beside the baseline in one table: the width of a portrait page holds this many. */
const SCENARIOS_PER_TABLE = 3;

/**
 * Every saved scenario against the baseline, in tables of at most SCENARIOS_PER_TABLE scenarios
 * (each with the baseline first), built by the Scenarios view's own comparison: the same numbers.
 * "Best overall" is judged across all of them, not per table.
 */
export function scenarioTables(doc: ScorecardDocument): Comparison[] {
  if (doc.scenarios.length === 0) return [];
  const [baseline, ...scenarios] = comparisonColumns(doc, doc.scenarios);
  if (!baseline) return [];
  const tables: Comparison[] = [];
  for (let i = 0; i < scenarios.length; i += SCENARIOS_PER_TABLE) {
    tables.push(buildComparison(doc, [baseline, ...scenarios.slice(i, i + SCENARIOS_PER_TABLE)]));
  }
  return tables;
}

/**
 * The map's box on its page, in CSS pixels: the narrower page's (A4) printable width, and the
 * height left under the section heading. The same box for both sizes keeps the map identical.
 */
export const MAP_BOX = { width: 670, height: 850 } as const;
/** Below this the cards' 15 px names print under 6 px: unreadable, so the map is left out. */
const MIN_MAP_SCALE = 0.4;

/** How much the map is scaled to fit MAP_BOX (never enlarged); null when it would be unreadable. */
export function mapScale(width: number, height: number): number | null {
  if (width <= 0 || height <= 0) return null;
  const scale = Math.min(1, MAP_BOX.width / width, MAP_BOX.height / height);
  return scale >= MIN_MAP_SCALE ? scale : null;
}

/** Regions that use US Letter paper; everywhere else uses A4. */
const LETTER_REGIONS = new Set(["US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "SV", "NI", "DO"]);

/** The paper of the user's region: Letter for en-US (and the Americas that use it), else A4. */
export function defaultPageSize(locale: string): PageSize {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && LETTER_REGIONS.has(region) ? "Letter" : "A4";
  } catch {
    return "A4";
  }
}

/** The name the save dialog suggests: the file's name with " report.pdf", free of reserved characters. */
export function reportFileName(fileName: string): string {
  return safeFileName(plainText(fileName.replace(/\.scorecard$/i, "")), " report.pdf");
}

/** The report's date line, in the app's one locale (as every number is written). */
export function reportDate(now: Date): string {
  return now.toLocaleDateString("en-US", { year: "numeric", month: "long", day: "numeric" });
}
