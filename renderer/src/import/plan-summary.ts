/**
 * What crosses between the planning worker and the dialog. A plan of 360,000 values is two lists
 * of 360,000 objects: copying them to the UI thread on every change of the mapping cost most of a
 * second. The dialog gets a summary (the counts and the first rows of each list), and the
 * operation crosses once, on Import, packed as numbers: indexes into the document the plan was
 * made for, which both sides hold in the same order.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { ImportPlan } from "../../../shared/interchange/actuals-import.ts";
import type { ImportEntry, ImportProblem } from "../../../shared/interchange/import-mapping.ts";
import type { Operation } from "../../../shared/operations/operation.ts";

/**
 * Rows the summary lists, and so the preview draws: enough to read, few enough that a 100,000-row
 * file stays quick to copy and to draw. The counts cover them all.
 */
export const SUMMARY_ENTRIES = 200;
export const SUMMARY_PROBLEMS = 500;

export type ImportBatch = Extract<Operation, { type: "batch" }>;

export interface PlanSummary {
  /** Which plan this is, for asking its operation (PlanWorker.operation). */
  id: number;
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
  problemCount: number;
  /** The first SUMMARY_ENTRIES values read, in sheet order. */
  entries: ImportEntry[];
  /** The first SUMMARY_PROBLEMS problems, in sheet order. */
  problems: ImportProblem[];
  /** The undo step's name. */
  label: string;
}

export function summarize(plan: ImportPlan, id: number): PlanSummary {
  return {
    id,
    rows: plan.rows,
    added: plan.added,
    changed: plan.changed,
    unchanged: plan.unchanged,
    problemCount: plan.problemCount,
    entries: plan.entries.slice(0, SUMMARY_ENTRIES),
    problems: plan.problems.slice(0, SUMMARY_PROBLEMS),
    label: plan.operation.label,
  };
}

/** An import's batch of `actual.set` as typed arrays (sent without copying) and the notes, if any. */
export interface PackedBatch {
  label: string;
  measures: Uint32Array;
  periods: Uint32Array;
  values: Float64Array;
  /** Per value: its note, or null to keep the note the cell has; null when no value sets one. */
  notes: Array<string | null> | null;
}

/** Packs an import's batch against the document it was planned for. */
export function packBatch(batch: ImportBatch, doc: ScorecardDocument): PackedBatch {
  const measureAt = new Map(doc.measures.map((m, i) => [m.id, i]));
  const periodAt = new Map(doc.periods.map((p, i) => [p.id, i]));
  const n = batch.operations.length;
  const packed: PackedBatch = {
    label: batch.label,
    measures: new Uint32Array(n),
    periods: new Uint32Array(n),
    values: new Float64Array(n),
    notes: null,
  };
  batch.operations.forEach((op, i) => {
    const m = op.type === "actual.set" ? measureAt.get(op.measureId) : undefined;
    const p = op.type === "actual.set" ? periodAt.get(op.periodId) : undefined;
    if (op.type !== "actual.set" || m === undefined || p === undefined) {
      throw new Error("the import holds a change that is not a value of this scorecard");
    }
    packed.measures[i] = m;
    packed.periods[i] = p;
    packed.values[i] = op.value;
    if (op.note !== undefined) {
      packed.notes ??= new Array<string | null>(n).fill(null);
      packed.notes[i] = op.note;
    }
  });
  return packed;
}

/** The batch again, against the same document; anything that does not fit it is refused. */
export function unpackBatch(packed: PackedBatch, doc: ScorecardDocument): ImportBatch {
  const n = packed.values.length;
  if (packed.measures.length !== n || packed.periods.length !== n || (packed.notes && packed.notes.length !== n)) {
    throw new Error("the import arrived incomplete");
  }
  const operations: ImportBatch["operations"] = new Array(n);
  for (let i = 0; i < n; i++) {
    const measure = doc.measures[packed.measures[i] as number];
    const period = doc.periods[packed.periods[i] as number];
    if (!measure || !period) throw new Error("the import does not fit this scorecard");
    const note = packed.notes?.[i];
    operations[i] =
      typeof note === "string"
        ? { type: "actual.set", measureId: measure.id, periodId: period.id, value: packed.values[i] as number, note }
        : { type: "actual.set", measureId: measure.id, periodId: period.id, value: packed.values[i] as number };
  }
  return { type: "batch", label: packed.label, operations };
}
