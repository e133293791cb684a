/**
 * Reads every row of an opened file into a plain, not-yet-trusted document, plus what the file
 * store needs to keep writing it (list positions, period keys). Problems that only the file can
 * have (a malformed actual series, a note without an actual) are reported here; everything else
 * is left to the shared validator.
 */
import { error } from "../../shared/domain/problems.ts";
import { cellEndNames, describeId, quote } from "../../shared/domain/readable-path.ts";
import type { Problem } from "../../shared/domain/types.ts";
import type { EntityCollection } from "../../shared/operations/operation.ts";
import { ENTITY_COLLECTIONS } from "../../shared/domain/schema.ts";
import { CELL_BYTES, forEachCell } from "./series.ts";
import type { Db } from "./sqlite.ts";
import { CODECS, readExpr, SCORECARD_COLUMNS, scorecardFromValues } from "./tables.ts";

type Value = string | number | null;

export interface FileRows {
  raw: Record<string, unknown>;
  problems: Problem[];
  /** Sort key of every row of every list, by id. */
  positions: Map<string, number>;
  /** periods.key by period id: the key actual series refer to. */
  periodKeys: Map<string, number>;
}

export function readRows(db: Db): FileRows {
  const problems: Problem[] = [];
  const positions = new Map<string, number>();
  const raw: Record<string, unknown> = {};

  const scorecards = db
    .prepare(`SELECT ${SCORECARD_COLUMNS.map(readExpr).join(", ")} FROM scorecard`)
    .raw()
    .all() as Value[][];
  if (scorecards.length !== 1) {
    problems.push(error("scorecard", `the file must hold exactly one scorecard row, not ${scorecards.length}`));
  }
  raw.scorecard = scorecards[0] ? scorecardFromValues(scorecards[0]) : undefined;

  for (const c of ENTITY_COLLECTIONS) raw[c] = readList(db, c, positions);

  const periodKeys = readPeriodKeys(db);
  const periodByKey = new Map([...periodKeys].map(([id, key]) => [key, id]));

  const scenarios = new Map(
    (raw.scenarios as Array<{ id: string; spend: Record<string, unknown> }>).map((s) => [s.id, s]),
  );
  const spendRows = db
    .prepare(
      "SELECT substr(scenario_id, 1, 100), substr(investment_id, 1, 100), spend FROM scenario_spend ORDER BY scenario_id, pos",
    )
    .raw()
    .all() as [string, string, Value][];
  for (const [scenarioId, investmentId, spend] of spendRows) {
    const scenario = scenarios.get(scenarioId);
    if (scenario) scenario.spend[investmentId] = spend;
    else problems.push(error("scenario spend", `refers to unknown scenario ${describeId(scenarioId)}`));
  }

  raw.periodTargets = (
    db
      .prepare("SELECT substr(measure_id, 1, 100), substr(period_id, 1, 100), target FROM period_targets")
      .raw()
      .all() as Value[][]
  ).map(([measureId, periodId, target]) => ({ measureId, periodId, target }));

  raw.actuals = readActuals(db, periodByKey, cellEndNames(raw), problems);
  return { raw, problems, positions, periodKeys };
}

/** periods.key by period id. */
export function readPeriodKeys(db: Db): Map<string, number> {
  const rows = db.prepare("SELECT substr(id, 1, 100), key FROM periods").raw().all() as [string, number][];
  return new Map(rows);
}

/** The sort key of every row of every list, by id (readRows collects the same while reading rows). */
export function readPositions(db: Db): Map<string, number> {
  const positions = new Map<string, number>();
  for (const c of ENTITY_COLLECTIONS) {
    for (const [id, pos] of db.prepare(`SELECT id, pos FROM ${CODECS[c].table}`).raw().all() as [string, number][]) {
      positions.set(id, pos);
    }
  }
  return positions;
}

function readList(db: Db, collection: EntityCollection, positions: Map<string, number>): unknown[] {
  const codec = CODECS[collection];
  const sql = `SELECT substr(id, 1, 100), pos, ${codec.columns.map(readExpr).join(", ")} FROM ${codec.table} ORDER BY pos`;
  return (db.prepare(sql).raw().all() as Value[][]).map(([id = null, pos = null, ...values]) => {
    if (typeof id === "string" && typeof pos === "number") positions.set(id, pos);
    return codec.fromValues(id, values);
  });
}

function readActuals(
  db: Db,
  periodByKey: ReadonlyMap<number, string>,
  names: ReadonlyMap<string, string>,
  problems: Problem[],
): unknown[] {
  const nameOf = (id: string, what: string) => {
    const name = names.get(id);
    return name === undefined ? `unknown ${what} ${describeId(id)}` : quote(name);
  };
  // Notes are few; group them by measure so the 360,000-cell loop below does one lookup per measure.
  const notes = new Map<string, Map<string, Value>>();
  const noteRows = db
    .prepare(
      `SELECT substr(measure_id, 1, 100), substr(period_id, 1, 100), ${readExpr({ name: "note", text: true })} FROM actual_notes`,
    )
    .raw()
    .all() as [string, string, Value][];
  for (const [measureId, periodId, note] of noteRows) {
    const byPeriod = notes.get(measureId) ?? new Map<string, Value>();
    byPeriod.set(periodId, note);
    notes.set(measureId, byPeriod);
  }

  // Period keys → dense indices, so "two values for one period" is an array check, not a Set per measure.
  const periodIds = [...periodByKey.values()];
  const indexOfKey = new Map([...periodByKey.keys()].map((key, i) => [key, i]));
  const lastSeen = new Int32Array(periodIds.length).fill(-1);

  // A series can hold at most one cell per period; anything longer is refused unread.
  const maxBytes = periodByKey.size * CELL_BYTES;
  const out: unknown[] = [];
  const series = db
    .prepare(
      // In measure order, so a file we wrote yields cells in canonical order (state.ts) as read.
      `SELECT substr(s.measure_id, 1, 100), CASE WHEN length(s.cells) <= ? THEN s.cells END, length(s.cells)
       FROM actual_series s LEFT JOIN measures m ON m.id = s.measure_id ORDER BY m.pos`,
    )
    .raw()
    .all(maxBytes) as Array<[string, Uint8Array | null, number]>;
  let serial = 0;
  for (const [measureId, blob, length] of series) {
    serial++;
    const problem = (message: string) => problems.push(error(`actuals of ${nameOf(measureId, "measure")}`, message));
    const measureNotes = notes.get(measureId);
    const wellFormed =
      blob !== null &&
      forEachCell(blob, (periodKey, value) => {
        const index = indexOfKey.get(periodKey);
        if (index === undefined) {
          problem(`refers to unknown period key ${periodKey}`);
          return;
        }
        const periodId = periodIds[index] as string;
        if (lastSeen[index] === serial) {
          problem(`holds two values for one period (${periodId})`);
          return;
        }
        lastSeen[index] = serial;
        const note = measureNotes?.get(periodId);
        if (note !== undefined) measureNotes?.delete(periodId);
        out.push({ measureId, periodId, value, note: note ?? "" });
      });
    if (!wellFormed) problem(`the stored series is malformed (${length} bytes)`);
  }
  for (const [measureId, byPeriod] of notes) {
    for (const periodId of byPeriod.keys()) {
      problems.push(
        error(
          "actual notes",
          `the note for ${nameOf(measureId, "measure")} in ${nameOf(periodId, "period")} has no actual`,
        ),
      );
    }
  }
  return out;
}
