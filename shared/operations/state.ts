/**
 * A document held for editing: the entity lists in display order, an id index, and the cells
 * (actuals, per-period targets) keyed by measure and period, so that one cell edit costs a map
 * lookup rather than a scan of 360,000 rows. Steps are the smallest changes; applying one
 * returns the step that undoes it exactly.
 */
import { ENTITY_COLLECTIONS } from "../domain/schema.ts";
import type { Actual, PeriodTarget, Scorecard, ScorecardDocument } from "../domain/types.ts";
import type { CellCollection, EntityCollection, EntityRow } from "./operation.ts";

export type CellRow = Actual | PeriodTarget;

export type Step =
  | { kind: "scorecard"; value: Scorecard }
  /** Insert (at an index, default the end) or, when the id exists, replace in place. */
  | { kind: "put"; collection: EntityCollection; row: EntityRow; at?: number }
  | { kind: "remove"; collection: EntityCollection; id: string }
  | { kind: "move"; collection: EntityCollection; id: string; to: number }
  /** Set a cell, or clear it with row null. */
  | { kind: "cell"; collection: CellCollection; measureId: string; periodId: string; row: CellRow | null };

export interface Applied {
  inverse: Step;
  /** The ids before and after the row's new place (insert, move), so the file can keep the same order. */
  neighbours?: Neighbours;
}

export type Neighbours = readonly [before: string | null, after: string | null];

type Cells<R> = Map<string, Map<string, R>>;

export class DocumentState {
  scorecard: Scorecard;
  private readonly lists: { [C in EntityCollection]: EntityRow[] };
  private readonly byId = new Map<string, { collection: EntityCollection; row: EntityRow }>();
  /** Built on first use: opening a large file to read it never pays for indexing 360,000 cells. */
  private cellIndex: { actuals: Cells<Actual>; periodTargets: Cells<PeriodTarget> } | null = null;
  private readonly initialCells: Pick<ScorecardDocument, "actuals" | "periodTargets">;
  private cached: ScorecardDocument | null = null;

  /** Takes a valid document; its rows are shared, never mutated (steps replace rows). */
  constructor(doc: ScorecardDocument) {
    this.scorecard = doc.scorecard;
    this.lists = {} as { [C in EntityCollection]: EntityRow[] };
    for (const c of ENTITY_COLLECTIONS) {
      const list = [...doc[c]] as EntityRow[];
      this.lists[c] = list;
      for (const row of list) this.byId.set(row.id, { collection: c, row });
    }
    this.initialCells = { actuals: doc.actuals, periodTargets: doc.periodTargets };
    // A file written by us lists cells in canonical order already; then that is the document.
    if (this.isCanonical(doc.actuals) && this.isCanonical(doc.periodTargets)) {
      const cached = { scorecard: this.scorecard } as ScorecardDocument;
      for (const c of ENTITY_COLLECTIONS) (cached as unknown as Record<string, unknown>)[c] = [...this.lists[c]];
      cached.actuals = doc.actuals;
      cached.periodTargets = doc.periodTargets;
      this.cached = cached;
    }
  }

  list<C extends EntityCollection>(collection: C): ReadonlyArray<ScorecardDocument[C][number]> {
    return this.lists[collection] as ReadonlyArray<ScorecardDocument[C][number]>;
  }

  find(id: string): { collection: EntityCollection; row: EntityRow } | undefined {
    return this.byId.get(id);
  }

  get<C extends EntityCollection>(collection: C, id: string): ScorecardDocument[C][number] | undefined {
    const hit = this.byId.get(id);
    return hit?.collection === collection ? (hit.row as ScorecardDocument[C][number]) : undefined;
  }

  cell(collection: "actuals", measureId: string, periodId: string): Actual | undefined;
  cell(collection: "periodTargets", measureId: string, periodId: string): PeriodTarget | undefined;
  cell(collection: CellCollection, measureId: string, periodId: string): CellRow | undefined;
  cell(collection: CellCollection, measureId: string, periodId: string): CellRow | undefined {
    return this.cells[collection].get(measureId)?.get(periodId);
  }

  /** The cells of one measure, keyed by period id. */
  cellsOf(collection: "actuals", measureId: string): ReadonlyMap<string, Actual>;
  cellsOf(collection: "periodTargets", measureId: string): ReadonlyMap<string, PeriodTarget>;
  cellsOf(collection: CellCollection, measureId: string): ReadonlyMap<string, CellRow>;
  cellsOf(collection: CellCollection, measureId: string): ReadonlyMap<string, CellRow> {
    return this.cells[collection].get(measureId) ?? EMPTY;
  }

  /** Measures that have at least one cell in this period. */
  measuresWithCellIn(collection: CellCollection, periodId: string): string[] {
    const out: string[] = [];
    for (const [measureId, byPeriod] of this.cells[collection]) if (byPeriod.has(periodId)) out.push(measureId);
    return out;
  }

  apply(step: Step): Applied {
    this.cached = null;
    switch (step.kind) {
      case "scorecard": {
        const before = this.scorecard;
        this.scorecard = step.value;
        return { inverse: { kind: "scorecard", value: before } };
      }
      case "put": {
        const list = this.lists[step.collection];
        const existing = this.byId.get(step.row.id);
        if (existing) {
          if (existing.collection !== step.collection) throw new Error(`id ${step.row.id} belongs to another list`);
          list[list.indexOf(existing.row)] = step.row;
          this.byId.set(step.row.id, { collection: step.collection, row: step.row });
          return { inverse: { kind: "put", collection: step.collection, row: existing.row } };
        }
        const index = Math.min(step.at ?? list.length, list.length);
        list.splice(index, 0, step.row);
        this.byId.set(step.row.id, { collection: step.collection, row: step.row });
        return {
          inverse: { kind: "remove", collection: step.collection, id: step.row.id },
          neighbours: neighbours(list, index),
        };
      }
      case "remove": {
        const hit = this.mustFind(step.collection, step.id);
        const list = this.lists[step.collection];
        const index = list.indexOf(hit);
        list.splice(index, 1);
        this.byId.delete(step.id);
        return { inverse: { kind: "put", collection: step.collection, row: hit, at: index } };
      }
      case "move": {
        const hit = this.mustFind(step.collection, step.id);
        const list = this.lists[step.collection];
        const from = list.indexOf(hit);
        list.splice(from, 1);
        const index = Math.min(step.to, list.length);
        list.splice(index, 0, hit);
        return {
          inverse: { kind: "move", collection: step.collection, id: step.id, to: from },
          neighbours: neighbours(list, index),
        };
      }
      case "cell": {
        const byPeriod = this.cellMap(step.collection, step.measureId, step.row !== null);
        const before = byPeriod?.get(step.periodId) ?? null;
        if (step.row) byPeriod?.set(step.periodId, step.row);
        else if (byPeriod) {
          byPeriod.delete(step.periodId);
          if (byPeriod.size === 0) this.cells[step.collection].delete(step.measureId);
        }
        return { inverse: { ...step, row: before } };
      }
    }
  }

  /**
   * The whole document. Cells come measure by measure (in measure order), each in period order:
   * the order of cells carries no meaning, so it is canonical rather than remembered.
   */
  document(): ScorecardDocument {
    if (this.cached) return this.cached;
    const doc = { scorecard: this.scorecard } as ScorecardDocument;
    for (const c of ENTITY_COLLECTIONS) (doc as unknown as Record<string, unknown>)[c] = [...this.lists[c]];
    doc.actuals = this.orderedCells(this.cells.actuals);
    doc.periodTargets = this.orderedCells(this.cells.periodTargets);
    this.cached = doc;
    return doc;
  }

  /** True when cells run measure by measure in measure order, each in period order. */
  private isCanonical(cells: ReadonlyArray<{ measureId: string; periodId: string }>): boolean {
    const measureAt = new Map(this.lists.measures.map((m, i) => [m.id, i]));
    const periodAt = new Map(this.lists.periods.map((p, k) => [p.id, k]));
    let lastMeasureId = "";
    let m = -1;
    let k = -1;
    for (const cell of cells) {
      if (cell.measureId !== lastMeasureId) {
        const next = measureAt.get(cell.measureId);
        if (next === undefined || next <= m) return false;
        m = next;
        k = -1;
        lastMeasureId = cell.measureId;
      }
      const period = periodAt.get(cell.periodId);
      if (period === undefined || period <= k) return false;
      k = period;
    }
    return true;
  }

  private orderedCells<R>(cells: Cells<R>): R[] {
    const out: R[] = [];
    const periods = this.lists.periods;
    for (const m of this.lists.measures) {
      const byPeriod = cells.get(m.id);
      if (!byPeriod) continue;
      if (byPeriod.size === 1) {
        out.push(...byPeriod.values());
        continue;
      }
      for (const p of periods) {
        const row = byPeriod.get(p.id);
        if (row) out.push(row);
      }
    }
    return out;
  }

  private get cells(): { actuals: Cells<Actual>; periodTargets: Cells<PeriodTarget> } {
    if (!this.cellIndex) {
      const index = { actuals: new Map(), periodTargets: new Map() };
      this.cellIndex = index;
      for (const a of this.initialCells.actuals) this.cellMap("actuals", a.measureId, true).set(a.periodId, a);
      for (const t of this.initialCells.periodTargets) {
        this.cellMap("periodTargets", t.measureId, true).set(t.periodId, t);
      }
    }
    return this.cellIndex;
  }

  private mustFind(collection: EntityCollection, id: string): EntityRow {
    const hit = this.byId.get(id);
    if (!hit || hit.collection !== collection) throw new Error(`no ${collection} row with id ${id}`);
    return hit.row;
  }

  private cellMap(collection: CellCollection, measureId: string, create: true): Map<string, CellRow>;
  private cellMap(collection: CellCollection, measureId: string, create: boolean): Map<string, CellRow> | undefined;
  private cellMap(collection: CellCollection, measureId: string, create: boolean): Map<string, CellRow> | undefined {
    const all = this.cells[collection] as Cells<CellRow>;
    let byPeriod = all.get(measureId);
    if (!byPeriod && create) {
      byPeriod = new Map();
      all.set(measureId, byPeriod);
    }
    return byPeriod;
  }
}

function neighbours(list: readonly EntityRow[], index: number): Neighbours {
  return [list[index - 1]?.id ?? null, list[index + 1]?.id ?? null];
}

const EMPTY: ReadonlyMap<string, never> = new Map<string, never>();
