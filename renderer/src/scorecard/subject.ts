/**
 * The item the detail panel is about (the selected row, else the whole scorecard), resolved to its
 * engine index, and what the panel shows of it: its name, its scores across periods, the series of
 * its trend chart and the explanation of its score.
 */
import type { ScoreTable } from "../../../shared/scoring/engine.ts";
import {
  type Explanation,
  explainMeasure,
  explainObjective,
  explainOverall,
  explainPerspective,
  explainTrend,
} from "../../../shared/scoring/explain.ts";
import type { ScoringModel } from "../../../shared/scoring/model.ts";
import { STATUS_TEXT } from "../../../shared/scoring/status.ts";
import { finiteOrNull } from "../../../shared/scoring/view.ts";
import type { Selection } from "../state/document-store.ts";
import type { RowKind } from "./tree-rows.ts";

export type Subject = { kind: RowKind; index: number; id: string } | { kind: "overall" };

/** The selection as the scorecard view understands it; anything else (none, a link, a deleted item) is the overall score. */
export function subjectOf(model: ScoringModel, selection: Selection): Subject {
  if (!selection || selection.kind === "scorecard") return { kind: "overall" };
  const { kind, id } = selection;
  const index =
    kind === "measure"
      ? model.measureIndex.get(id)
      : kind === "objective"
        ? model.objectiveIndex.get(id)
        : kind === "perspective"
          ? model.perspectiveOrder.findIndex((d) => model.doc.perspectives[d]?.id === id)
          : undefined;
  return kind !== "link" && kind !== "period" && index !== undefined && index >= 0
    ? { kind, index, id }
    : { kind: "overall" };
}

export function subjectName(model: ScoringModel, subject: Subject): string {
  const { doc } = model;
  switch (subject.kind) {
    case "measure":
      return doc.measures[subject.index]?.name ?? "";
    case "objective":
      return doc.objectives[subject.index]?.name ?? "";
    case "perspective":
      return doc.perspectives[model.perspectiveOrder[subject.index] ?? -1]?.name ?? "";
    case "overall":
      return "Overall score";
  }
}

/** The score table row of a subject: its array and row number (P cells per row). */
function scoreRow(table: ScoreTable, subject: Subject): { series: Float64Array; row: number } {
  if (subject.kind === "overall") return { series: table.overall, row: 0 };
  return { series: table[subject.kind], row: subject.index };
}

/** The subject's score in every period, in period order; null where it has none. */
export function scoreSeries(model: ScoringModel, table: ScoreTable, subject: Subject): Array<number | null> {
  const { series, row } = scoreRow(table, subject);
  const P = model.periodCount;
  return Array.from({ length: P }, (_, k) => finiteOrNull(series[row * P + k]));
}

export interface ChartLine {
  key: "actual" | "target" | "low" | "high" | "score" | "green" | "amber";
  label: string;
  values: Array<number | null>;
}

/**
 * What the trend chart draws: for a measure its actuals (real ones only, never carried-forward
 * values) against the target in force or the band; for the rest the score in % with the
 * green and amber thresholds.
 */
export function chartLines(
  model: ScoringModel,
  table: ScoreTable,
  subject: Subject,
): { unit: string; lines: ChartLine[] } {
  const P = model.periodCount;
  const periods = Array.from({ length: P }, (_, k) => k);
  if (subject.kind === "measure") {
    const i = subject.index;
    const m = model.doc.measures[i];
    const actual = periods.map((k) => (model.hasActual[i * P + k] === 1 ? finiteOrNull(model.value[i * P + k]) : null));
    const lines: ChartLine[] = [{ key: "actual", label: "Actual", values: actual }];
    if (m?.band) {
      lines.push(
        { key: "low", label: "Band low", values: periods.map(() => m.band?.low ?? null) },
        { key: "high", label: "Band high", values: periods.map(() => m.band?.high ?? null) },
      );
    } else {
      lines.push({ key: "target", label: "Target", values: periods.map((k) => finiteOrNull(model.target[i * P + k])) });
    }
    return { unit: m?.unit ?? "", lines };
  }
  const percent = (x: number) => Math.round(x * 1000) / 10;
  const thresholds = model.thresholds;
  return {
    unit: "%",
    lines: [
      {
        key: "score",
        label: "Score",
        values: scoreSeries(model, table, subject).map((s) => (s === null ? null : percent(s))),
      },
      // Threshold lines, named by the status that starts there.
      { key: "green", label: STATUS_TEXT.green.label, values: periods.map(() => percent(thresholds.green)) },
      { key: "amber", label: STATUS_TEXT.amber.label, values: periods.map(() => percent(thresholds.amber)) },
    ],
  };
}

/** "Why is this 62 %?" for the subject in period k. */
export function explanationOf(model: ScoringModel, table: ScoreTable, subject: Subject, k: number): Explanation {
  switch (subject.kind) {
    case "measure":
      return explainMeasure(model, table, subject.index, k);
    case "objective":
      return explainObjective(model, table, subject.index, k);
    case "perspective":
      return explainPerspective(model, table, subject.index, k);
    case "overall":
      return explainOverall(model, table, k);
  }
}

/** The change since the previous period, explained. */
export function trendExplanationOf(model: ScoringModel, table: ScoreTable, subject: Subject, k: number): Explanation {
  const { series, row } = scoreRow(table, subject);
  return explainTrend(model, series, row, k);
}
