/**
 * The grid's content for one document: measures in scorecard order (perspective › objective),
 * each with one cell per period in start-date order. A row keeps its object across documents
 * while its measure's data is unchanged, so memoized rows re-render only where an edit landed.
 */
import type { Measure, Period, ScorecardDocument } from "../../../shared/domain/types.ts";
import type { ScoringModel } from "../../../shared/scoring/model.ts";

export interface CellData {
  /** The actual recorded in this period, or null. */
  actual: number | null;
  /** Under carry-forward, the value carried into a missing cell, and the period it came from. */
  carried: { value: number; from: string } | null;
  note: string;
}

export interface MeasureRow {
  kind: "measure";
  /** Position among measure rows (the grid's row coordinate). */
  index: number;
  measure: Measure;
  cells: CellData[];
}

export interface GroupRow {
  kind: "group";
  key: string;
  perspective: string;
  objective: string;
}

export type GridLine = MeasureRow | GroupRow;

export interface GridModel {
  lines: GridLine[];
  rows: MeasureRow[];
  periods: readonly Period[];
}

export function gridModelOf(doc: ScorecardDocument, model: ScoringModel, previous: GridModel | null): GridModel {
  const P = model.periodCount;
  const notes = new Map<string, string>();
  for (const a of doc.actuals) if (a.note !== "") notes.set(`${a.measureId} ${a.periodId}`, a.note);
  const reuse = new Map(previous?.rows.map((r) => [r.measure.id, r]));

  const lines: GridLine[] = [];
  const rows: MeasureRow[] = [];
  for (let q = 0; q < model.perspectiveCount; q++) {
    for (const o of model.objectivesByPerspective[q] ?? []) {
      const objective = doc.objectives[o];
      const measures = model.measuresByObjective[o] ?? [];
      if (!objective || measures.length === 0) continue;
      lines.push({
        kind: "group",
        key: objective.id,
        perspective: perspectiveName(doc, objective.perspectiveId),
        objective: objective.name,
      });
      for (const i of measures) {
        const measure = doc.measures[i] as Measure;
        const cells = Array.from({ length: P }, (_, k): CellData => {
          const cell = i * P + k;
          const period = model.periods[k] as Period;
          const source = model.periods[model.valueSource[cell] ?? -1];
          return {
            actual: model.hasActual[cell] ? (model.value[cell] as number) : null,
            carried: model.stale[cell] && source ? { value: model.value[cell] as number, from: source.label } : null,
            note: notes.get(`${measure.id} ${period.id}`) ?? "",
          };
        });
        const old = reuse.get(measure.id);
        const row: MeasureRow =
          old && old.index === rows.length && old.measure === measure && sameCells(old.cells, cells)
            ? old
            : { kind: "measure", index: rows.length, measure, cells };
        rows.push(row);
        lines.push(row);
      }
    }
  }
  return { lines, rows, periods: model.periods };
}

function perspectiveName(doc: ScorecardDocument, id: string): string {
  return doc.perspectives.find((p) => p.id === id)?.name ?? "";
}

function sameCells(a: readonly CellData[], b: readonly CellData[]): boolean {
  return (
    a.length === b.length &&
    a.every((x, k) => {
      const y = b[k] as CellData;
      return (
        x.actual === y.actual &&
        x.note === y.note &&
        x.carried?.value === y.carried?.value &&
        x.carried?.from === y.carried?.from
      );
    })
  );
}
