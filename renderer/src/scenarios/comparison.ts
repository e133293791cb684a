/**
 * The scenario comparison as plain data: each saved scenario evaluated by the what-if engine (once
 * per document and scenario), the baseline beside them, and the rows the table and the bar chart
 * show. No React here, so the numbers can be tested against the engine directly.
 */
import type { Scenario, ScorecardDocument } from "../../../shared/domain/types.ts";
import type { Status } from "../../../shared/scoring/status.ts";
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";
import { type Spend, scenarioOf } from "../state/whatif.ts";

/** At most this many scenarios side by side: more would not fit a board's screen. */
export const MAX_COMPARED = 4;

/** The baseline's spend: no investment named, so each at its base. */
const BASE_SPEND: Spend = Object.freeze({});

/** What a saved scenario does to the document; evaluated once per (document, scenario). */
export function resultOfScenario(doc: ScorecardDocument, scenario: Scenario): ScenarioResult {
  // The scenario row's spend is as immutable as the document, so the sliders' cache serves it.
  return scenarioOf(doc, scenario.spend);
}

/** The document at base spend: the reference every delta is measured against. */
export function baselineResult(doc: ScorecardDocument): ScenarioResult {
  return scenarioOf(doc, BASE_SPEND);
}

/** One column of the comparison: the baseline, or one chosen scenario. */
export interface Column {
  key: string;
  kind: "baseline" | "scenario";
  name: string;
  scenario: Scenario | null;
  result: ScenarioResult;
  /** The highest projected overall among the compared scenarios (ties all get it). */
  best: boolean;
}

/** A score in one column: the value, its change against the baseline (null in the baseline column) and status. */
export interface ScoreCell {
  score: number | null;
  delta: number | null;
  status: Status;
}

export interface MoneyCell {
  value: number;
  /** Against base spend; null in the baseline column. */
  delta: number | null;
}

export interface ScoreRow {
  key: string;
  label: string;
  cells: ScoreCell[];
}

export interface MoneyRow {
  key: string;
  label: string;
  cells: MoneyCell[];
}

export interface Comparison {
  columns: Column[];
  /** Overall first, then the perspectives top to bottom. */
  scores: ScoreRow[];
  /** One row per investment, in the document's order. */
  spend: MoneyRow[];
  total: MoneyRow;
}

/** Tolerance for calling two overall scores equal: far below what any display shows. */
const TIE = 1e-12;

/** The columns: the baseline, then the chosen scenarios in the order given. */
export function comparisonColumns(doc: ScorecardDocument, chosen: readonly Scenario[]): Column[] {
  const scenarios = chosen.map(
    (s): Column => ({
      key: s.id,
      kind: "scenario",
      name: s.name,
      scenario: s,
      result: resultOfScenario(doc, s),
      best: false,
    }),
  );
  const scores = scenarios.map((c) => c.result.overall.projected).filter((v): v is number => v !== null);
  if (scores.length > 0) {
    const top = Math.max(...scores);
    for (const c of scenarios) {
      const v = c.result.overall.projected;
      c.best = v !== null && top - v <= TIE;
    }
  }
  const baseline: Column = {
    key: "baseline",
    kind: "baseline",
    name: "Baseline",
    scenario: null,
    result: baselineResult(doc),
    best: false,
  };
  return [baseline, ...scenarios];
}

/** A column's score with its delta: the baseline column shows no delta. */
function scoreCell(column: Column, s: { projected: number | null; delta: number | null; status: Status }): ScoreCell {
  return { score: s.projected, delta: column.kind === "baseline" ? null : s.delta, status: s.status };
}

/** Every row of the comparison table for these columns. */
export function buildComparison(doc: ScorecardDocument, columns: Column[]): Comparison {
  const first = columns[0]?.result;
  const perspectives = first?.perspectives ?? [];
  const scores: ScoreRow[] = [
    { key: "overall", label: "Overall", cells: columns.map((c) => scoreCell(c, c.result.overall)) },
    ...perspectives.map(
      (p, q): ScoreRow => ({
        key: p.id,
        label: p.name,
        cells: columns.map((c) => {
          const own = c.result.perspectives[q];
          return own ? scoreCell(c, own) : { score: null, delta: null, status: "none" };
        }),
      }),
    ),
  ];
  const lineOf = (c: Column, id: string) => c.result.spend.investments.find((l) => l.id === id);
  const spend = doc.investments.map(
    (inv): MoneyRow => ({
      key: inv.id,
      label: inv.name,
      cells: columns.map((c) => {
        const line = lineOf(c, inv.id);
        const value = line?.spend ?? inv.baseSpend;
        return { value, delta: c.kind === "baseline" ? null : value - inv.baseSpend };
      }),
    }),
  );
  const total: MoneyRow = {
    key: "total",
    label: "Total spend",
    cells: columns.map((c) => ({
      value: c.result.spend.projected,
      delta: c.kind === "baseline" ? null : c.result.spend.delta,
    })),
  };
  return { columns, scores, spend, total };
}

/** The grouped bar chart: one group per score row (overall, perspectives), one bar per column, in %. */
export interface ChartData {
  /** Group labels, full length (the chart shortens them for the axis). */
  groups: string[];
  series: Array<{ key: string; label: string; kind: Column["kind"]; values: Array<number | null> }>;
}

export function chartData(comparison: Comparison): ChartData {
  return {
    groups: comparison.scores.map((r) => r.label),
    series: comparison.columns.map((c, k) => ({
      key: c.key,
      label: c.name,
      kind: c.kind,
      values: comparison.scores.map((r) => {
        const score = r.cells[k]?.score ?? null;
        // Rounded to a tenth of a point: the bars show nothing finer, and the tooltip reads cleanly.
        return score === null ? null : Math.round(score * 1000) / 10;
      }),
    })),
  };
}

/**
 * What the engine warns about for these columns, each once: the model's own warnings (an
 * investment with base 0), then each scenario's spends outside their slider range, under its name.
 */
export function comparisonWarnings(
  columns: readonly Column[],
): Array<{ key: string; scenario: string | null; text: string }> {
  const model = new Set(columns[0]?.result.warnings ?? []);
  const out = [...model].map((text) => ({ key: `model:${text}`, scenario: null as string | null, text }));
  for (const c of columns) {
    if (c.kind !== "scenario") continue;
    for (const text of c.result.warnings)
      if (!model.has(text)) out.push({ key: `${c.key}:${text}`, scenario: c.name, text });
  }
  return out;
}
