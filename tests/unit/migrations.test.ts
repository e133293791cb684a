/**
 * SPEC §4: forward-only numbered migrations. A file of every older schema version, filled with
 * representative rows by raw SQL (as that version's app wrote them), must (a) read as a current
 * document without a byte of the file changing, and (b) be migrated in place when opened for
 * editing, ending with exactly the schema a new file has, the same document, and working edits.
 * A file of a newer version is refused with both versions named.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileRefused } from "../../electron/file/errors.ts";
import { APPLICATION_ID } from "../../electron/file/format.ts";
import { MIGRATIONS, SCHEMA_VERSION } from "../../electron/file/migrations.ts";
import { readScorecardFile } from "../../electron/file/open.ts";
import { encodeSeries } from "../../electron/file/series.ts";
import { createFile } from "../../electron/file/sqlite.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { builder } from "../support/docs.ts";
import { sha256, steppingClock, tempDir } from "../support/files.ts";

const APP_VERSION = "0.0.0-test";

/** What a file of an older version holds: a small scorecard touching every table of that version. */
function representativeDocument(withWhatIf: boolean) {
  const b = builder(3);
  const financial = b.perspective("Financial", 2);
  const customer = b.perspective("Customer");
  const revenue = b.objective(financial, "Grow revenue");
  const happy = b.objective(customer, "Happy customers", 0.5);
  const fast = b.objective(customer, "Fast delivery");
  const objective = b.doc.objectives.find((o) => o.id === revenue)!;
  objective.position = { x: 120.5, y: -40 };
  objective.owner = "CFO";
  objective.description = "Top line, in the local currency";
  const nps = b.measure(happy, {
    name: "Net promoter score",
    unit: "pts",
    baseline: 20,
    target: 50,
    validRange: { min: -100, max: 100 },
    thresholds: { green: 0.95, amber: 0.7 },
    owner: "CX lead",
    dataSource: "Survey",
  });
  const lead = b.measure(fast, {
    name: "Lead time",
    unit: "days",
    kind: "leading",
    direction: "band",
    method: "band",
    band: { low: 2, high: 5, tolerance: 1.5 },
    weight: 2,
  });
  const share = b.measure(revenue, { name: "Revenue growth", baseline: 0, target: 12, frequency: "year" });
  b.doc.links.push({ id: b.newId(), fromId: happy, toId: revenue, strength: 0.7, note: "loyal customers buy more" });
  b.doc.links.push({ id: b.newId(), fromId: fast, toId: happy, strength: 0.4, note: "" });
  b.actual(nps, 0, 24);
  b.actual(nps, 1, 31.5);
  b.actual(nps, 2, -3);
  b.actual(lead, 0, 4.25);
  b.actual(share, 2, 7);
  b.doc.actuals[1]!.note = "after the survey change";
  b.doc.periodTargets.push({ measureId: nps, periodId: b.periodId(1), target: 35 });
  b.doc.periodTargets.push({ measureId: share, periodId: b.periodId(2), target: 10 });
  if (withWhatIf) {
    const crm = b.newId();
    b.doc.investments.push({
      id: crm,
      name: "CRM",
      description: "",
      category: "grow",
      baseSpend: 2e5,
      minSpend: 0,
      maxSpend: 5e5,
    });
    b.doc.impacts.push({
      id: b.newId(),
      investmentId: crm,
      measureId: nps,
      effect: 5,
      curve: "linear",
      lag: 2,
      confidence: "medium",
    });
    b.doc.scenarios.push({
      id: b.newId(),
      name: "More CRM",
      notes: "",
      spend: { [crm]: 3e5 },
      createdAt: b.doc.scorecard.createdAt,
    });
  }
  return { b, ids: { financial, customer, revenue, happy, fast, nps, lead, share } };
}

/** Period keys as an old app may have left them: not 1…n (periods were added and deleted). */
const PERIOD_KEYS = [3, 7, 11];

/**
 * Writes `doc` with raw SQL in the layout of the v1 tables (and the v2 what-if tables when the
 * file has them). Rows go in in reverse, so only `pos` gives the order back.
 */
function insertRows(db: Database.Database, doc: ScorecardDocument, tables: ReadonlySet<string>): void {
  const s = doc.scorecard;
  db.prepare(
    `INSERT INTO scorecard (one, id, title, organization, currency, period_kind, green, amber, cap, missing_policy,
       created_at, modified_at, app_version) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    s.id,
    s.title,
    s.organization,
    s.currency,
    s.periodKind,
    s.scoring.thresholds.green,
    s.scoring.thresholds.amber,
    s.scoring.cap,
    s.scoring.missingPolicy,
    s.createdAt,
    s.modifiedAt,
    "0.9.0",
  );
  const reversed = <T>(list: readonly T[]) => list.map((row, pos) => ({ row, pos })).reverse();
  for (const { row: p, pos } of reversed(doc.perspectives)) {
    db.prepare("INSERT INTO perspectives VALUES (?, ?, ?, ?, ?, ?, ?)").run(
      p.id,
      pos,
      p.name,
      p.description,
      p.order,
      p.weight,
      p.color,
    );
  }
  for (const { row: o, pos } of reversed(doc.objectives)) {
    db.prepare("INSERT INTO objectives VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run(
      o.id,
      pos,
      o.perspectiveId,
      o.name,
      o.description,
      o.owner,
      o.weight,
      o.position?.x ?? null,
      o.position?.y ?? null,
    );
  }
  for (const { row: l, pos } of reversed(doc.links)) {
    db.prepare("INSERT INTO links VALUES (?, ?, ?, ?, ?, ?)").run(l.id, pos, l.fromId, l.toId, l.strength, l.note);
  }
  for (const { row: m, pos } of reversed(doc.measures)) {
    db.prepare(`INSERT INTO measures VALUES (${Array(22).fill("?").join(", ")})`).run(
      m.id,
      pos,
      m.objectiveId,
      m.name,
      m.description,
      m.unit,
      m.kind,
      m.direction,
      m.method,
      m.baseline,
      m.target,
      m.band?.low ?? null,
      m.band?.high ?? null,
      m.band?.tolerance ?? null,
      m.validRange?.min ?? null,
      m.validRange?.max ?? null,
      m.weight,
      m.frequency,
      m.owner,
      m.dataSource,
      m.thresholds?.green ?? null,
      m.thresholds?.amber ?? null,
    );
  }
  const keyOf = new Map(doc.periods.map((p, i) => [p.id, PERIOD_KEYS[i]!]));
  for (const { row: p, pos } of reversed(doc.periods)) {
    db.prepare("INSERT INTO periods (key, id, pos, label, start) VALUES (?, ?, ?, ?, ?)").run(
      keyOf.get(p.id),
      p.id,
      pos,
      p.label,
      p.start,
    );
  }
  for (const t of doc.periodTargets) {
    db.prepare("INSERT INTO period_targets VALUES (?, ?, ?)").run(t.measureId, t.periodId, t.target);
  }
  // One packed series per measure (series.ts), cells deliberately not in period order.
  for (const m of doc.measures) {
    const cells = doc.actuals
      .filter((a) => a.measureId === m.id)
      .map((a) => ({ periodKey: keyOf.get(a.periodId)!, value: a.value }))
      .reverse();
    if (cells.length > 0) db.prepare("INSERT INTO actual_series VALUES (?, ?)").run(m.id, encodeSeries(cells));
  }
  for (const a of doc.actuals) {
    if (a.note !== "") db.prepare("INSERT INTO actual_notes VALUES (?, ?, ?)").run(a.measureId, a.periodId, a.note);
  }
  if (!tables.has("investments")) return;
  for (const { row: i, pos } of reversed(doc.investments)) {
    db.prepare("INSERT INTO investments VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
      i.id,
      pos,
      i.name,
      i.description,
      i.category,
      i.baseSpend,
      i.minSpend,
      i.maxSpend,
    );
  }
  for (const { row: i, pos } of reversed(doc.impacts)) {
    db.prepare("INSERT INTO impacts VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
      i.id,
      pos,
      i.investmentId,
      i.measureId,
      i.effect,
      i.curve,
      i.lag,
      i.confidence,
    );
  }
  for (const { row: sc, pos } of reversed(doc.scenarios)) {
    db.prepare("INSERT INTO scenarios VALUES (?, ?, ?, ?, ?)").run(sc.id, pos, sc.name, sc.notes, sc.createdAt);
    Object.entries(sc.spend).forEach(([investmentId, spend], k) => {
      db.prepare("INSERT INTO scenario_spend VALUES (?, ?, ?, ?)").run(sc.id, investmentId, k, spend);
    });
  }
}

/** Tables this test knows how to fill; a migration adding another one must extend insertRows. */
const FILLED_TABLES = [
  "scorecard",
  "perspectives",
  "objectives",
  "links",
  "measures",
  "periods",
  "period_targets",
  "actual_series",
  "actual_notes",
  "investments",
  "impacts",
  "scenarios",
  "scenario_spend",
];

interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaOf(file: string): SchemaRow[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").all() as SchemaRow[];
  } finally {
    db.close();
  }
}

function pragmas(file: string): { userVersion: number; applicationId: number; integrity: string; fk: unknown[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      userVersion: db.pragma("user_version", { simple: true }) as number,
      applicationId: db.pragma("application_id", { simple: true }) as number,
      integrity: db.pragma("integrity_check", { simple: true }) as string,
      fk: db.pragma("foreign_key_check") as unknown[],
    };
  } finally {
    db.close();
  }
}

/** The form a loaded document takes: validated (names trimmed), cells in canonical order. */
function canonical(doc: ScorecardDocument): ScorecardDocument {
  const { document, problems } = validateDocument(doc);
  if (!document) throw new Error(`representative document is invalid: ${JSON.stringify(problems)}`);
  return new DocumentState(document).document();
}

/** Writes a file of schema version `version` holding the representative rows. */
function writeOldFile(file: string, version: number) {
  const db = createFile(file, {}, version);
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]);
    const rep = representativeDocument(tables.has("investments"));
    db.transaction(() => insertRows(db, rep.b.doc, tables))();
    const doc = { ...rep.b.doc, scorecard: { ...rep.b.doc.scorecard, appVersion: "0.9.0" } };
    return { ...rep, tables, expected: canonical(doc) };
  } finally {
    db.close();
  }
}

let dir: string;
beforeEach(() => {
  dir = tempDir("migrations-");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the migrations", () => {
  it("are numbered 1…n without gaps, each with a description and some SQL", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    for (const m of MIGRATIONS) {
      expect(m.description.trim().length).toBeGreaterThan(0);
      expect(m.sql.trim().length).toBeGreaterThan(0);
    }
  });

  it("build a new file with our application id, the current version and a rollback journal", () => {
    const file = path.join(dir, "new.scorecard");
    createFile(file).close();
    const header = fs.readFileSync(file).subarray(0, 100);
    expect(header.readUInt32BE(68)).toBe(APPLICATION_ID);
    expect(header.readInt32BE(60)).toBe(SCHEMA_VERSION);
    expect([header[18], header[19]]).toEqual([1, 1]);
    expect(fs.readdirSync(dir)).toEqual(["new.scorecard"]);
  });
});

const OLDER_VERSIONS = Array.from({ length: SCHEMA_VERSION - 1 }, (_, i) => i + 1);

describe.each(OLDER_VERSIONS)("a file of schema version %i", (version) => {
  it("holds only tables this test fills", () => {
    const file = path.join(dir, "old.scorecard");
    const { tables } = writeOldFile(file, version);
    for (const t of tables) expect(FILLED_TABLES).toContain(t);
    expect(pragmas(file).userVersion).toBe(version);
  });

  it("reads as a current document, and the file keeps every byte", () => {
    const file = path.join(dir, "old.scorecard");
    const { expected } = writeOldFile(file, version);
    const hash = sha256(file);

    const loaded = readScorecardFile(file);

    expect(loaded.schemaVersion).toBe(version);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.document).toEqual(expected);
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dir)).toEqual(["old.scorecard"]);
  });

  it("is migrated in place when opened for editing: current version, a new file's schema, same document", () => {
    const file = path.join(dir, "old.scorecard");
    const { expected } = writeOldFile(file, version);
    const readOnly = readScorecardFile(file).document;
    const fresh = path.join(dir, "fresh.scorecard");
    createFile(fresh).close();

    const store = ScorecardStore.open(file, { appVersion: APP_VERSION, now: steppingClock() });
    try {
      expect(store.openedVersion).toBe(version);
      expect(store.document()).toEqual(readOnly);
      expect(store.document()).toEqual(expected);
    } finally {
      store.close();
    }

    expect(schemaOf(file)).toEqual(schemaOf(fresh));
    const after = pragmas(file);
    expect(after).toEqual({ userVersion: SCHEMA_VERSION, applicationId: APPLICATION_ID, integrity: "ok", fk: [] });
    expect(fs.readdirSync(dir).sort()).toEqual(["fresh.scorecard", "old.scorecard"]);
    const reread = readScorecardFile(file);
    expect(reread.schemaVersion).toBe(SCHEMA_VERSION);
    expect(reread.document).toEqual(expected);
  });

  it("takes edits after migrating, kept across reopening", () => {
    const file = path.join(dir, "old.scorecard");
    const { b, ids } = writeOldFile(file, version);
    const newPeriod = b.newId();

    const store = ScorecardStore.open(file, { appVersion: APP_VERSION, now: steppingClock() });
    try {
      store.apply({ type: "update", entity: "measure", id: ids.nps, changes: { name: "NPS", weight: 3 } });
      store.apply({ type: "actual.set", measureId: ids.lead, periodId: b.periodId(2), value: 3, note: "new" });
      store.apply({ type: "actual.set", measureId: ids.nps, periodId: b.periodId(1), value: 33 });
      store.apply({
        type: "create",
        entity: "period",
        value: { id: newPeriod, label: "2025-Q4", start: "2025-10-01" },
      });
      store.apply({ type: "actual.set", measureId: ids.share, periodId: newPeriod, value: 9 });
      store.apply({ type: "periodTarget.clear", measureId: ids.nps, periodId: b.periodId(1) });
      store.apply({ type: "delete", entity: "link", id: b.doc.links[1]!.id });
      expect(store.undo()).not.toBeNull();
      expect(store.document().links).toHaveLength(2);
    } finally {
      store.close();
    }

    const doc = readScorecardFile(file).document;
    expect(doc.scorecard.appVersion).toBe(APP_VERSION);
    expect(doc.measures.find((m) => m.id === ids.nps)).toMatchObject({ name: "NPS", weight: 3 });
    const actual = (m: string, p: string) => doc.actuals.find((a) => a.measureId === m && a.periodId === p);
    expect(actual(ids.lead, b.periodId(2))).toMatchObject({ value: 3, note: "new" });
    // The old cell's note survives rewriting its series.
    expect(actual(ids.nps, b.periodId(1))).toMatchObject({ value: 33, note: "after the survey change" });
    expect(actual(ids.nps, b.periodId(2))).toMatchObject({ value: -3 });
    expect(actual(ids.share, newPeriod)).toMatchObject({ value: 9 });
    expect(doc.periods.map((p) => p.label)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
    expect(doc.periodTargets).toEqual([{ measureId: ids.share, periodId: b.periodId(2), target: 10 }]);
    expect(doc.links).toHaveLength(2);

    // The new period got a key past the old ones, which kept theirs.
    const db = new Database(file, { readonly: true });
    try {
      const keys = db.prepare("SELECT key FROM periods ORDER BY pos").pluck().all();
      expect(keys).toEqual([...PERIOD_KEYS, Math.max(...PERIOD_KEYS) + 1]);
    } finally {
      db.close();
    }
  });

  it("is refused untouched — not migrated — when its rows are invalid", () => {
    const file = path.join(dir, "old.scorecard");
    const { ids } = writeOldFile(file, version);
    const db = new Database(file);
    db.pragma("foreign_keys = OFF");
    db.prepare("UPDATE measures SET objective_id = ? WHERE id = ?").run(
      "00000000-0000-4000-8000-00000000beef",
      ids.lead,
    );
    db.close();
    const hash = sha256(file);

    for (const open of [() => readScorecardFile(file), () => ScorecardStore.open(file, { appVersion: APP_VERSION })]) {
      let refused: unknown;
      try {
        (open() as { close?: () => void }).close?.();
      } catch (e) {
        refused = e;
      }
      expect(refused).toBeInstanceOf(FileRefused);
      expect((refused as FileRefused).kind).toBe("invalid");
      expect((refused as FileRefused).problems).toContainEqual(
        expect.objectContaining({ path: expect.stringContaining("“Lead time”.objectiveId") }),
      );
    }
    expect(sha256(file)).toBe(hash);
    expect(pragmas(file).userVersion).toBe(version);
    expect(fs.readdirSync(dir)).toEqual(["old.scorecard"]);
  });

  it("is refused untouched when its structure differs from that version's", () => {
    const file = path.join(dir, "old.scorecard");
    writeOldFile(file, version);
    const db = new Database(file);
    db.exec("CREATE TRIGGER sneaky AFTER INSERT ON measures BEGIN DELETE FROM links; END");
    db.close();
    const hash = sha256(file);
    for (const open of [() => readScorecardFile(file), () => ScorecardStore.open(file, { appVersion: APP_VERSION })]) {
      expect(open).toThrow(
        expect.objectContaining({ kind: "structure", message: expect.stringMatching(/trigger “sneaky”/) }),
      );
    }
    expect(sha256(file)).toBe(hash);
    expect(pragmas(file).userVersion).toBe(version);
  });
});

describe("a file of a newer schema version", () => {
  it(`(${SCHEMA_VERSION + 1}) is refused by both opens, naming both versions, untouched`, () => {
    const file = path.join(dir, "newer.scorecard");
    const db = createFile(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const hash = sha256(file);

    for (const open of [() => readScorecardFile(file), () => ScorecardStore.open(file, { appVersion: APP_VERSION })]) {
      let refused: unknown;
      try {
        (open() as { close?: () => void }).close?.();
      } catch (e) {
        refused = e;
      }
      expect(refused).toBeInstanceOf(FileRefused);
      const e = refused as FileRefused;
      expect(e.kind).toBe("newer");
      expect(e.message).toMatch(/^newer\.scorecard: /);
      expect(e.message).toMatch(/newer/);
      expect(e.message).toContain(`version ${SCHEMA_VERSION + 1}`);
      expect(e.message).toContain(`up to ${SCHEMA_VERSION}`);
    }
    expect(sha256(file)).toBe(hash);
    expect(fs.readdirSync(dir)).toEqual(["newer.scorecard"]);
  });

  it("(no version at all: user_version 0) is refused as not a scorecard structure", () => {
    const file = path.join(dir, "zero.scorecard");
    const db = createFile(file);
    db.pragma("user_version = 0");
    db.close();
    const hash = sha256(file);
    expect(() => readScorecardFile(file)).toThrow(expect.objectContaining({ kind: "structure" }));
    expect(() => ScorecardStore.open(file, { appVersion: APP_VERSION })).toThrow(
      expect.objectContaining({ kind: "structure" }),
    );
    expect(sha256(file)).toBe(hash);
  });
});
