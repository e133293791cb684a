/**
 * The scorecard of one period as a plain tree (perspective → objective → measure) with scores,
 * status, coverage and trend: what the UI table, the CLI's `score --json` and exports read.
 * Scores are fractions (0.62 for 62 %); "no score" is null, never NaN.
 */
import type { MeasureKind, ScorecardDocument } from "../domain/types.ts";
import { type ScoreTable, scoreAll } from "./engine.ts";
import { compileModel, type ScoringModel } from "./model.ts";
import { type Status, statusOf } from "./status.ts";

export type { Status } from "./status.ts";

export interface NodeScore {
  id: string;
  name: string;
  score: number | null;
  status: Status;
  coverage: number;
  /** Score minus the previous period's score; null when either is missing. */
  trend: number | null;
}

export interface MeasureRow {
  id: string;
  name: string;
  unit: string;
  kind: MeasureKind;
  value: number | null;
  /** Target in force (the period's own, else the measure's); null for band measures, which have `band`. */
  target: number | null;
  band: { low: number; high: number } | null;
  score: number | null;
  status: Status;
  stale: boolean;
  trend: number | null;
}

export interface ScorecardView {
  /** Every period in start-date order: the order period indices refer to. */
  periods: Array<{ id: string; label: string }>;
  /** Index of the scored period in `periods`; −1 when the scorecard has none. */
  periodIndex: number;
  period: { id: string; label: string } | null;
  overall: { score: number | null; status: Status; coverage: number; trend: number | null };
  leadingIndex: number | null;
  laggingIndex: number | null;
  perspectives: Array<NodeScore & { color: string; objectives: Array<NodeScore & { measures: MeasureRow[] }> }>;
  warnings: string[];
}

/** Scores `doc` (already validated) for period `periodIndex` in start-date order; default the latest. */
export function scorecardView(doc: ScorecardDocument, periodIndex?: number): ScorecardView {
  const model = compileModel(doc);
  return viewOf(model, scoreAll(model), periodIndex ?? model.periodCount - 1);
}

/** The tree for period k of an already computed score table. */
export function viewOf(model: ScoringModel, table: ScoreTable, k: number): ScorecardView {
  const { doc, thresholds } = model;
  const P = model.periodCount;
  const period = model.periods[k];
  const valid = period !== undefined;
  const at = (arr: Float64Array, row: number, kk = k) => (valid && kk >= 0 ? finiteOrNull(arr[row * P + kk]) : null);
  const trendOf = (arr: Float64Array, row: number) => {
    const now = at(arr, row);
    const before = at(arr, row, k - 1);
    return now === null || before === null ? null : now - before;
  };

  const perspectives = model.perspectiveOrder.map((docIndex, q) => {
    const p = doc.perspectives[docIndex] as ScorecardDocument["perspectives"][number];
    const score = at(table.perspective, q);
    return {
      id: p.id,
      name: p.name,
      color: p.color,
      score,
      status: statusOf(score, thresholds),
      coverage: at(table.perspectiveCoverage, q) ?? 0,
      trend: trendOf(table.perspective, q),
      objectives: (model.objectivesByPerspective[q] ?? []).map((o) => {
        const obj = doc.objectives[o] as ScorecardDocument["objectives"][number];
        const objScore = at(table.objective, o);
        return {
          id: obj.id,
          name: obj.name,
          score: objScore,
          status: statusOf(objScore, thresholds),
          coverage: at(table.objectiveCoverage, o) ?? 0,
          trend: trendOf(table.objective, o),
          measures: (model.measuresByObjective[o] ?? []).map((i) => measureRow(model, table, i, k, at, trendOf)),
        };
      }),
    };
  });

  const overall = valid ? finiteOrNull(table.overall[k]) : null;
  const before = valid && k > 0 ? finiteOrNull(table.overall[k - 1]) : null;
  return {
    periods: model.periods.map((p) => ({ id: p.id, label: p.label })),
    periodIndex: valid ? k : -1,
    period: period ? { id: period.id, label: period.label } : null,
    overall: {
      score: overall,
      status: statusOf(overall, thresholds),
      coverage: valid ? (finiteOrNull(table.overallCoverage[k]) ?? 0) : 0,
      trend: overall === null || before === null ? null : overall - before,
    },
    leadingIndex: valid ? finiteOrNull(table.leading[k]) : null,
    laggingIndex: valid ? finiteOrNull(table.lagging[k]) : null,
    perspectives,
    warnings: [...model.warnings],
  };
}

function measureRow(
  model: ScoringModel,
  table: ScoreTable,
  i: number,
  k: number,
  at: (arr: Float64Array, row: number) => number | null,
  trendOf: (arr: Float64Array, row: number) => number | null,
): MeasureRow {
  const m = model.doc.measures[i] as ScorecardDocument["measures"][number];
  const score = at(table.measure, i);
  const cell = i * model.periodCount + k;
  const valid = k >= 0 && k < model.periodCount;
  return {
    id: m.id,
    name: m.name,
    unit: m.unit,
    kind: m.kind,
    value: valid ? finiteOrNull(model.value[cell]) : null,
    target: m.band ? null : valid ? finiteOrNull(model.target[cell]) : m.target,
    band: m.band ? { low: m.band.low, high: m.band.high } : null,
    score,
    status: statusOf(score, m.thresholds ?? model.thresholds),
    stale: valid && model.stale[cell] === 1,
    trend: trendOf(table.measure, i),
  };
}

export function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}
