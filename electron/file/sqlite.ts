/**
 * Opening SQLite with the settings SPEC §4 and sqlite.org's "defensive" guidance ask for, and
 * building the schema by migrations. The only module that constructs a better-sqlite3 Database.
 */
import Database from "better-sqlite3";
import { APPLICATION_ID } from "./format.ts";
import { MIGRATIONS } from "./migrations.ts";

export type Db = Database.Database;

export interface OpenOptions {
  readonly: boolean;
  /** Path to a better-sqlite3 binding built for another runtime (Electron keeps its own). */
  nativeBinding?: string;
}

/**
 * Opens an existing file. better-sqlite3 already turns on defensive mode and never loads
 * extensions unless asked; the pragmas here add the rest: no trust in functions named by the
 * schema, cell checks while reading, no memory-mapped I/O, and a rollback journal.
 */
export function openFile(path: string, opts: OpenOptions): Db {
  const db = new Database(path, {
    readonly: opts.readonly,
    fileMustExist: true,
    timeout: 0,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
  try {
    hardenConnection(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Creates an empty file at a path that must not exist yet, with the current schema. */
export function createFile(path: string, opts: { nativeBinding?: string } = {}, upTo = MIGRATIONS.length): Db {
  const db = new Database(path, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  try {
    hardenConnection(db);
    db.pragma("journal_mode = DELETE");
    db.pragma("synchronous = FULL");
    db.pragma(`application_id = ${APPLICATION_ID | 0}`);
    migrate(db, 0, upTo);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

export function hardenConnection(db: Db): void {
  db.pragma("trusted_schema = OFF");
  db.pragma("cell_size_check = ON");
  db.pragma("mmap_size = 0");
  db.pragma("foreign_keys = ON");
}

/** Runs migrations after `from` up to `to` in one transaction; user_version follows each one. */
export function migrate(db: Db, from: number, to = MIGRATIONS.length): void {
  const run = db.transaction(() => {
    for (const m of MIGRATIONS) {
      if (m.version <= from || m.version > to) continue;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  });
  run();
}

/** SQLite's extended result code of an error thrown by better-sqlite3, if any. */
export function sqliteCode(e: unknown): string | undefined {
  return typeof e === "object" && e !== null && "code" in e && typeof e.code === "string" ? e.code : undefined;
}
