/**
 * Row-level writes, shared by the whole-document writer (new file, Save As, Share) and the
 * file store's per-edit writes. Statements are prepared once per connection.
 */
import type Database from "better-sqlite3";
import type { Scorecard, ScorecardDocument } from "../../shared/domain/types.ts";
import type { EntityCollection, EntityRow } from "../../shared/operations/operation.ts";
import { ENTITY_COLLECTIONS } from "../../shared/domain/schema.ts";
import { encodeSeries, type SeriesCell } from "./series.ts";
import type { Db } from "./sqlite.ts";
import { CODECS, SCORECARD_COLUMNS, scorecardValues } from "./tables.ts";

type Statement = Database.Statement<unknown[]>;

/** The statements for one list's table. */
interface ListStatements {
  insert: Statement;
  update: Statement;
  remove: Statement;
  move: Statement;
}

function listStatements(db: Db, collection: EntityCollection): ListStatements {
  const { table, columns } = CODECS[collection];
  const names = columns.map((col) => col.name);
  // Periods also carry their internal key, the number actual series refer to.
  const key = collection === "periods" ? "key, " : "";
  const keyParam = collection === "periods" ? "?, " : "";
  return {
    insert: db.prepare(
      `INSERT INTO ${table} (${key}id, pos, ${names.join(", ")}) VALUES (${keyParam}?, ?, ${names.map(() => "?").join(", ")})`,
    ),
    update: db.prepare(`UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(", ")} WHERE id = ?`),
    remove: db.prepare(`DELETE FROM ${table} WHERE id = ?`),
    move: db.prepare(`UPDATE ${table} SET pos = ? WHERE id = ?`),
  };
}

function otherStatements(db: Db) {
  return {
    scorecard: db.prepare(
      `INSERT OR REPLACE INTO scorecard (one, ${SCORECARD_COLUMNS.map((c) => c.name).join(", ")}) VALUES (1, ${SCORECARD_COLUMNS.map(() => "?").join(", ")})`,
    ),
    clearSpend: db.prepare("DELETE FROM scenario_spend WHERE scenario_id = ?"),
    spend: db.prepare("INSERT INTO scenario_spend (scenario_id, investment_id, pos, spend) VALUES (?, ?, ?, ?)"),
    series: db.prepare("INSERT OR REPLACE INTO actual_series (measure_id, cells) VALUES (?, ?)"),
    clearSeries: db.prepare("DELETE FROM actual_series WHERE measure_id = ?"),
    note: db.prepare("INSERT OR REPLACE INTO actual_notes (measure_id, period_id, note) VALUES (?, ?, ?)"),
    clearNote: db.prepare("DELETE FROM actual_notes WHERE measure_id = ? AND period_id = ?"),
    target: db.prepare("INSERT OR REPLACE INTO period_targets (measure_id, period_id, target) VALUES (?, ?, ?)"),
    clearTarget: db.prepare("DELETE FROM period_targets WHERE measure_id = ? AND period_id = ?"),
  };
}

export class RowWriter {
  private readonly lists: Record<EntityCollection, ListStatements>;
  private readonly stmt: ReturnType<typeof otherStatements>;

  constructor(db: Db) {
    this.lists = Object.fromEntries(ENTITY_COLLECTIONS.map((c) => [c, listStatements(db, c)])) as Record<
      EntityCollection,
      ListStatements
    >;
    this.stmt = otherStatements(db);
  }

  scorecard(s: Scorecard): void {
    this.stmt.scorecard.run(scorecardValues(s));
  }

  /** Inserts a new row at sort key `pos` (`periodKey` for periods). */
  insertRow(collection: EntityCollection, row: EntityRow, pos: number, periodKey?: number): void {
    const values = CODECS[collection].toValues(row);
    const key = collection === "periods" ? [periodKey] : [];
    this.lists[collection].insert.run(...key, row.id, pos, ...values);
    if (collection === "scenarios") this.writeSpend(row as ScorecardDocument["scenarios"][number]);
  }

  /** Replaces an existing row's fields, keeping its place. */
  updateRow(collection: EntityCollection, row: EntityRow): void {
    this.lists[collection].update.run(...CODECS[collection].toValues(row), row.id);
    if (collection === "scenarios") this.writeSpend(row as ScorecardDocument["scenarios"][number]);
  }

  deleteRow(collection: EntityCollection, id: string): void {
    if (collection === "scenarios") this.stmt.clearSpend.run(id);
    this.lists[collection].remove.run(id);
  }

  setPos(collection: EntityCollection, id: string, pos: number): void {
    this.lists[collection].move.run(pos, id);
  }

  series(measureId: string, cells: readonly SeriesCell[]): void {
    if (cells.length === 0) this.stmt.clearSeries.run(measureId);
    else this.stmt.series.run(measureId, encodeSeries(cells));
  }

  note(measureId: string, periodId: string, note: string): void {
    if (note === "") this.stmt.clearNote.run(measureId, periodId);
    else this.stmt.note.run(measureId, periodId, note);
  }

  periodTarget(measureId: string, periodId: string, target: number | null): void {
    if (target === null) this.stmt.clearTarget.run(measureId, periodId);
    else this.stmt.target.run(measureId, periodId, target);
  }

  private writeSpend(s: ScorecardDocument["scenarios"][number]): void {
    this.stmt.clearSpend.run(s.id);
    Object.entries(s.spend).forEach(([investmentId, spend], pos) => {
      this.stmt.spend.run(s.id, investmentId, pos, spend);
    });
  }
}

/**
 * Writes a whole (validated) document into an empty file in one transaction: lists in order
 * (pos = index), period keys 1…n, one series per measure with actuals.
 */
export function writeDocument(db: Db, doc: ScorecardDocument): void {
  const w = new RowWriter(db);
  db.transaction(() => {
    w.scorecard(doc.scorecard);
    const periodKeys = new Map(doc.periods.map((p, i) => [p.id, i + 1]));
    for (const c of ENTITY_COLLECTIONS) {
      doc[c].forEach((row: EntityRow, i: number) => {
        w.insertRow(c, row, i, c === "periods" ? periodKeys.get(row.id) : undefined);
      });
    }
    const byMeasure = new Map<string, SeriesCell[]>();
    for (const a of doc.actuals) {
      const cells = byMeasure.get(a.measureId) ?? [];
      cells.push({ periodKey: periodKeys.get(a.periodId) ?? 0, value: a.value });
      byMeasure.set(a.measureId, cells);
      if (a.note !== "") w.note(a.measureId, a.periodId, a.note);
    }
    for (const [measureId, cells] of byMeasure) w.series(measureId, cells);
    for (const t of doc.periodTargets) w.periodTarget(t.measureId, t.periodId, t.target);
  })();
}
