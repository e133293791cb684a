/**
 * A corpus of hostile `.scorecard` files (SPEC §4: opening a file from email is opening untrusted
 * input). Each generator writes one case into a given folder and returns the path to open. Every
 * case is deterministic: random bytes come from a seeded generator, documents from fixed ids.
 * Files that need to be "almost valid" start as a real file written by ScorecardStore.create and
 * are then altered with plain better-sqlite3 (rollback journal, so nothing is left beside them).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { SCHEMA_VERSION } from "../../electron/file/migrations.ts";
import { encodeSeries } from "../../electron/file/series.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import { prng } from "../../shared/random/prng.ts";
import { NOW } from "./docs.ts";
import { type Fixture, fixtureDocument } from "./store-fixture.ts";

export const TEST_APP_VERSION = "0.0.0-test";

/** Deterministic bytes from a seed. */
export function seededBytes(seed: number, length: number): Buffer {
  const next = prng(seed);
  const buf = Buffer.alloc(length);
  for (let i = 0; i < length; i++) buf[i] = Math.floor(next() * 256);
  return buf;
}

/** A valid file holding the store fixture (every entity kind); returns its path and the fixture. */
export function writeValidScorecard(dir: string, name: string): { file: string; fixture: Fixture } {
  const fixture = fixtureDocument();
  const file = path.join(dir, name);
  ScorecardStore.create(file, fixture.doc, { appVersion: TEST_APP_VERSION, now: () => NOW }).close();
  return { file, fixture };
}

/** Runs `edit` on a plain better-sqlite3 connection (no hardening, no checks), then closes it. */
export function editRaw(file: string, edit: (db: Database.Database) => void): void {
  const db = new Database(file);
  try {
    edit(db);
  } finally {
    db.close();
  }
}

/** A valid file altered by `edit`. */
function alteredScorecard(dir: string, name: string, edit: (db: Database.Database, fixture: Fixture) => void): string {
  const { file, fixture } = writeValidScorecard(dir, name);
  editRaw(file, (db) => edit(db, fixture));
  return file;
}

/** periods.key of the fixture's period `index` (the key actual series refer to). */
function periodKey(db: Database.Database, fixture: Fixture, index: number): number {
  const id = fixture.doc.periods[index]?.id;
  const row = db.prepare("SELECT key FROM periods WHERE id = ?").get(id) as { key: number } | undefined;
  if (!row) throw new Error(`no period ${index} in the file`);
  return row.key;
}

/** A file truncated to `length(bytes)` bytes of a valid one. */
function truncatedScorecard(dir: string, name: string, cut: (bytes: Buffer, pageSize: number) => number): string {
  const { file } = writeValidScorecard(dir, name);
  const bytes = fs.readFileSync(file);
  const pageSize = bytes.readUInt16BE(16);
  fs.writeFileSync(file, bytes.subarray(0, cut(bytes, pageSize)));
  return file;
}

/** Ids that the fixture does not use (the fixture's idSequence stays far below these). */
export const FOREIGN_IDS = {
  perspective: "00000000-0000-4000-8000-00000000dead",
  linkA: "00000000-0000-4000-8000-0000000000a1",
  linkB: "00000000-0000-4000-8000-0000000000a2",
  measure: "00000000-0000-4000-8000-00000000beef",
} as const;

export const HOSTILE_IDS = [
  "empty",
  "random-bytes",
  "text-renamed",
  "truncated-half",
  "truncated-page",
  "corrupted-page",
  "other-application",
  "wrong-application-id",
  "newer-version",
  "extra-trigger",
  "extra-view",
  "virtual-table",
  "changed-table",
  "wal-sidecar",
  "wal-mode-header",
  "huge-text",
  "infinite-baseline",
  "non-finite-series",
  "dangling-reference",
  "link-cycle",
  "orphan-series",
  "garbled-series",
  "unknown-period-key",
  "too-large",
  "directory",
  "missing",
] as const;

export type HostileId = (typeof HOSTILE_IDS)[number];

export interface HostileCase {
  id: HostileId;
  /** What the file is, in a few words. */
  what: string;
  /** Writes the case into `dir` and returns the path to open. */
  write(dir: string): string;
  /** A size limit to open it with (the too-large case uses a small one rather than 256 MB of disk). */
  maxBytes?: number;
}

/** Text that is plainly not a database: a CSV export someone renamed. */
const CSV = `${["measure,period,value", "Uptime,2025-Q1,99.1", "Uptime,2025-Q2,99.4", "Tickets,2025-Q1,480"].join("\n")}\n`;

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    id: "empty",
    what: "an empty file",
    write: (dir) => {
      const file = path.join(dir, "empty.scorecard");
      fs.writeFileSync(file, "");
      return file;
    },
  },
  {
    id: "random-bytes",
    what: "64 KiB of random bytes",
    write: (dir) => {
      const file = path.join(dir, "noise.scorecard");
      fs.writeFileSync(file, seededBytes(0x5eed, 64 * 1024));
      return file;
    },
  },
  {
    id: "text-renamed",
    what: "a CSV text file renamed to .scorecard",
    write: (dir) => {
      const file = path.join(dir, "export.scorecard");
      fs.writeFileSync(file, CSV.repeat(20));
      return file;
    },
  },
  {
    id: "truncated-half",
    what: "a valid file cut in half (mid-page)",
    write: (dir) => truncatedScorecard(dir, "half.scorecard", (bytes) => Math.floor(bytes.length / 2) - 777),
  },
  {
    id: "truncated-page",
    what: "a valid file cut at a page boundary inside the data",
    write: (dir) =>
      truncatedScorecard(dir, "cut.scorecard", (bytes, pageSize) => {
        const pages = bytes.length / pageSize;
        return Math.max(2, Math.floor(pages / 2)) * pageSize;
      }),
  },
  {
    id: "corrupted-page",
    what: "a valid file whose measures page is overwritten with random bytes (size and header intact)",
    write: (dir) => {
      const { file } = writeValidScorecard(dir, "corrupt.scorecard");
      let root = 0;
      let pageSize = 0;
      editRaw(file, (db) => {
        root = (db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'measures'").get() as { rootpage: number })
          .rootpage;
        pageSize = db.pragma("page_size", { simple: true }) as number;
      });
      const bytes = fs.readFileSync(file);
      // Keep the page's type byte; garble its header fields and cells.
      seededBytes(0xbad, pageSize - 1).copy(bytes, (root - 1) * pageSize + 1);
      fs.writeFileSync(file, bytes);
      return file;
    },
  },
  {
    id: "other-application",
    what: "an SQLite database of another application (application id 0)",
    write: (dir) => {
      const file = path.join(dir, "contacts.scorecard");
      editRaw(file, (db) => {
        db.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT, email TEXT)");
        const insert = db.prepare("INSERT INTO contacts (name, email) VALUES (?, ?)");
        for (let i = 0; i < 50; i++) insert.run(`Contact ${i}`, `c${i}@example.com`);
      });
      return file;
    },
  },
  {
    id: "wrong-application-id",
    what: "our file with another application_id",
    write: (dir) =>
      alteredScorecard(dir, "foreign-id.scorecard", (db) => {
        db.pragma(`application_id = ${0x12345678}`);
      }),
  },
  {
    id: "newer-version",
    what: `our file with user_version = ${SCHEMA_VERSION + 1}`,
    write: (dir) =>
      alteredScorecard(dir, "from-the-future.scorecard", (db) => {
        db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
      }),
  },
  {
    id: "extra-trigger",
    what: "our file with a trigger that rewrites the title",
    write: (dir) =>
      alteredScorecard(dir, "trigger.scorecard", (db) => {
        db.exec(
          "CREATE TRIGGER measures_audit AFTER UPDATE ON measures BEGIN UPDATE scorecard SET title = 'pwned'; END",
        );
      }),
  },
  {
    id: "extra-view",
    what: "our file with an extra view",
    write: (dir) =>
      alteredScorecard(dir, "view.scorecard", (db) => {
        db.exec("CREATE VIEW measure_names AS SELECT id, name FROM measures");
      }),
  },
  {
    id: "virtual-table",
    what: "our file with an fts5 virtual table (and its shadow tables)",
    write: (dir) =>
      alteredScorecard(dir, "fts.scorecard", (db) => {
        db.exec("CREATE VIRTUAL TABLE measure_search USING fts5(name)");
        db.exec("INSERT INTO measure_search (name) SELECT name FROM measures");
      }),
  },
  {
    id: "changed-table",
    what: "our file with an extra column in measures",
    write: (dir) =>
      alteredScorecard(dir, "altered.scorecard", (db) => {
        db.exec("ALTER TABLE measures ADD COLUMN x TEXT");
      }),
  },
  {
    id: "wal-sidecar",
    what: "a valid file with a junk -wal file beside it",
    write: (dir) => {
      const { file } = writeValidScorecard(dir, "with-wal.scorecard");
      fs.writeFileSync(`${file}-wal`, seededBytes(0x3a1, 4096 + 32));
      return file;
    },
  },
  {
    id: "wal-mode-header",
    what: "our file switched to write-ahead-log mode in its header",
    write: (dir) =>
      alteredScorecard(dir, "wal-mode.scorecard", (db) => {
        db.pragma("journal_mode = WAL");
      }),
  },
  {
    id: "huge-text",
    what: "a measure name of about 5 MB",
    write: (dir) =>
      alteredScorecard(dir, "huge.scorecard", (db, fx) => {
        db.prepare("UPDATE measures SET name = ? WHERE id = ?").run("Revenue ".repeat(655_360), fx.ids.revenue);
      }),
  },
  {
    id: "infinite-baseline",
    what: "a measure baseline of 1e999 (Infinity)",
    write: (dir) =>
      alteredScorecard(dir, "infinite.scorecard", (db, fx) => {
        db.prepare("UPDATE measures SET baseline = 1e999 WHERE id = ?").run(fx.ids.tickets);
      }),
  },
  {
    id: "non-finite-series",
    what: "an actual series holding NaN and Infinity",
    write: (dir) =>
      alteredScorecard(dir, "nan.scorecard", (db, fx) => {
        const cells = encodeSeries([
          { periodKey: periodKey(db, fx, 0), value: Number.NaN },
          { periodKey: periodKey(db, fx, 1), value: Number.POSITIVE_INFINITY },
        ]);
        db.prepare("UPDATE actual_series SET cells = ? WHERE measure_id = ?").run(cells, fx.ids.revenue);
        // The fixture's note on the first actual of this measure stays attached to period 0.
      }),
  },
  {
    id: "dangling-reference",
    what: "an objective whose perspective does not exist",
    write: (dir) =>
      alteredScorecard(dir, "dangling.scorecard", (db, fx) => {
        db.pragma("foreign_keys = OFF");
        db.prepare("UPDATE objectives SET perspective_id = ? WHERE id = ?").run(FOREIGN_IDS.perspective, fx.ids.cost);
      }),
  },
  {
    id: "link-cycle",
    what: "links A→B and B→A between two objectives of one perspective",
    write: (dir) =>
      alteredScorecard(dir, "cycle.scorecard", (db, fx) => {
        const insert = db.prepare(
          "INSERT INTO links (id, pos, from_id, to_id, strength, note) VALUES (?, ?, ?, ?, 0.5, '')",
        );
        insert.run(FOREIGN_IDS.linkA, 10, fx.ids.value, fx.ids.cost);
        insert.run(FOREIGN_IDS.linkB, 11, fx.ids.cost, fx.ids.value);
      }),
  },
  {
    id: "orphan-series",
    what: "an actual series of a measure that does not exist",
    write: (dir) =>
      alteredScorecard(dir, "orphan.scorecard", (db, fx) => {
        db.pragma("foreign_keys = OFF");
        const cells = encodeSeries([{ periodKey: periodKey(db, fx, 2), value: 5 }]);
        db.prepare("INSERT INTO actual_series (measure_id, cells) VALUES (?, ?)").run(FOREIGN_IDS.measure, cells);
      }),
  },
  {
    id: "garbled-series",
    what: "an actual series whose length is not a whole number of 12-byte cells",
    write: (dir) =>
      alteredScorecard(dir, "garbled.scorecard", (db, fx) => {
        const cells = Buffer.concat([encodeSeries([{ periodKey: periodKey(db, fx, 0), value: 99 }]), Buffer.from([7])]);
        db.prepare("UPDATE actual_series SET cells = ? WHERE measure_id = ?").run(cells, fx.ids.uptime);
      }),
  },
  {
    id: "unknown-period-key",
    what: "an actual series referring to a period key no period has",
    write: (dir) =>
      alteredScorecard(dir, "unknown-key.scorecard", (db, fx) => {
        const cells = encodeSeries([
          { periodKey: periodKey(db, fx, 0), value: 480 },
          { periodKey: 999, value: 440 },
        ]);
        db.prepare("UPDATE actual_series SET cells = ? WHERE measure_id = ?").run(cells, fx.ids.tickets);
      }),
  },
  {
    id: "too-large",
    what: "a valid file above the size limit (opened with a 16 KiB limit)",
    write: (dir) => writeValidScorecard(dir, "large.scorecard").file,
    maxBytes: 16 * 1024,
  },
  {
    id: "directory",
    what: "a directory named x.scorecard",
    write: (dir) => {
      const file = path.join(dir, "x.scorecard");
      fs.mkdirSync(file);
      return file;
    },
  },
  {
    id: "missing",
    what: "a path where there is no file",
    write: (dir) => path.join(dir, "gone.scorecard"),
  },
];

/**
 * A crash in the middle of a write: the file with some pages of an unfinished transaction already
 * written, and the hot rollback journal that undoes them. Made by copying both files while a
 * transaction whose pages spilled to disk is still open; the original is removed afterwards.
 */
export function writeCrashedScorecard(dir: string, name = "crashed.scorecard"): { file: string; fixture: Fixture } {
  const source = writeValidScorecard(dir, `.source-${name}`);
  const file = path.join(dir, name);
  const db = new Database(source.file);
  try {
    db.pragma("cache_size = 1"); // every changed page spills to the file before commit
    db.exec("BEGIN");
    const update = db.prepare("UPDATE measures SET description = ? WHERE id = ?");
    for (const m of source.fixture.doc.measures) update.run("half-written ".repeat(250), m.id);
    db.exec("UPDATE scorecard SET title = 'half-written'");
    fs.copyFileSync(source.file, file);
    fs.copyFileSync(`${source.file}-journal`, `${file}-journal`);
    db.exec("ROLLBACK");
  } finally {
    db.close();
  }
  const clean = fs.readFileSync(source.file);
  fs.rmSync(source.file);
  if (fs.readFileSync(file).equals(clean) || fs.statSync(`${file}-journal`).size === 0) {
    throw new Error("the simulated crash did not leave half-written pages and a hot journal");
  }
  return { file, fixture: source.fixture };
}

/**
 * A malformed series stored under a "measure id" that is text chosen by the sender: a line break
 * and a right-to-left override. Whatever a message quotes from a file must stay on one line.
 */
export function writeSeriesUnderStrangeId(dir: string, name = "strange.scorecard"): string {
  return alteredScorecard(dir, name, (db) => {
    db.pragma("foreign_keys = OFF");
    db.prepare("INSERT INTO actual_series (measure_id, cells) VALUES (?, ?)").run(
      "Everything is fine\nreally\u202e",
      Buffer.from([1, 2, 3]),
    );
  });
}
