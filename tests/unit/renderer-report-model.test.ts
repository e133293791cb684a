/**
 * The PDF report's pure parts: the period's content (the engine's tree with per-perspective
 * counts), the scenario tables (the Scenarios view's comparison, sliced three to a table), when
 * the map is printed, and the dialog's defaults.
 */
import { describe, expect, it } from "vitest";
import type { Scenario, ScorecardDocument } from "../../shared/domain/types.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";
import { buildComparison, comparisonColumns } from "../../renderer/src/scenarios/comparison.ts";
import { scoresOf } from "../../renderer/src/state/scores.ts";
import {
  defaultPageSize,
  MAP_BOX,
  mapScale,
  reportContent,
  reportFileName,
  scenarioTables,
} from "../../renderer/src/report/report-model.ts";
import { idSequence } from "../support/docs.ts";

const demo = (): ScorecardDocument =>
  demoScorecard({ newId: idSequence(), now: "2026-01-01T00:00:00.000Z", appVersion: "test" });

describe("report content", () => {
  it("is the engine's scorecard of the chosen period, with each perspective's counts", () => {
    const doc = demo();
    const first = doc.periods[0];
    if (!first) throw new Error("the demo has periods");
    for (const periodId of [null, first.id]) {
      const content = reportContent(scoresOf(doc), periodId);
      const k = periodId === null ? doc.periods.length - 1 : 0;
      expect(content.view).toEqual(scorecardView(doc, k));
      expect(content.measureCount).toBe(doc.measures.length);
      expect(content.objectiveCount).toBe(doc.objectives.length);
      for (const line of content.perspectives) {
        const objectives = doc.objectives.filter((o) => o.perspectiveId === line.id);
        expect(line.objectives).toBe(objectives.length);
        expect(line.measures).toBe(doc.measures.filter((m) => objectives.some((o) => o.id === m.objectiveId)).length);
      }
    }
  });

  it("compares every scenario with the baseline, three to a table, best judged across all", () => {
    const doc = demo();
    const base = doc.scenarios[0] as Scenario;
    const many: Scenario[] = Array.from({ length: 7 }, (_, i) => ({
      ...base,
      id: `s${i}`,
      name: `Scenario ${i}`,
      spend: Object.fromEntries(Object.entries(base.spend).map(([id, v]) => [id, v * (1 + i / 10)])),
    }));
    const wide = { ...doc, scenarios: many };
    const tables = scenarioTables(wide);
    expect(tables.map((t) => t.columns.map((c) => c.name))).toEqual([
      ["Baseline", "Scenario 0", "Scenario 1", "Scenario 2"],
      ["Baseline", "Scenario 3", "Scenario 4", "Scenario 5"],
      ["Baseline", "Scenario 6"],
    ]);
    const all = comparisonColumns(wide, many);
    const [baseline, ...rest] = all;
    if (!baseline) throw new Error("a baseline");
    expect(tables[1]).toEqual(buildComparison(wide, [baseline, ...rest.slice(3, 6)]));
    expect(tables.flatMap((t) => t.columns.filter((c) => c.best).map((c) => c.name))).toEqual(
      all.filter((c) => c.best).map((c) => c.name),
    );
    expect(scenarioTables({ ...doc, scenarios: [] })).toEqual([]);
  });
});

describe("the map on its page", () => {
  it("is scaled down to the box, never up, and left out when its cards would be unreadable", () => {
    expect(mapScale(400, 300)).toBe(1);
    expect(mapScale(MAP_BOX.width * 2, 100)).toBe(0.5);
    expect(mapScale(1440, MAP_BOX.height * 2)).toBeCloseTo(MAP_BOX.width / 1440);
    expect(mapScale(1440, 15_000)).toBeNull();
    expect(mapScale(0, 100)).toBeNull();
  });
});

describe("the dialog's defaults", () => {
  it("offers Letter where it is the paper, A4 elsewhere", () => {
    for (const locale of ["en-US", "en", "es-MX", "fr-CA"]) expect(defaultPageSize(locale)).toBe("Letter");
    for (const locale of ["en-GB", "de-DE", "fr", "ja-JP", "not a locale", ""])
      expect(defaultPageSize(locale)).toBe("A4");
  });

  it("suggests the file's name as a report, without reserved characters", () => {
    expect(reportFileName("Plan.scorecard")).toBe("Plan report.pdf");
    expect(reportFileName('a/b\\c:d*e?"f<g>h|i.scorecard')).toBe("a b c d e f g h i report.pdf");
    expect(reportFileName(".scorecard")).toBe("Scorecard report.pdf");
    // The app's one file-name rule (safeFileName): at most 180 characters before " report.pdf".
    expect(reportFileName(`${"x".repeat(300)}.scorecard`)).toBe(`${"x".repeat(180)} report.pdf`);
    // Control and direction characters from the title are not put into a file name.
    const odd = reportFileName("Plan\u202e\u0007 Q3.scorecard");
    expect(odd).toMatch(/^Plan.* Q3 report\.pdf$/);
    for (const c of ["\u202e", "\u0007"]) expect(odd).not.toContain(c);
  });
});
