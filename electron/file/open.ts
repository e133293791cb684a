/**
 * Opening a `.scorecard` file is opening untrusted input (SPEC §4). The pipeline, in order:
 *  1. the file itself: a regular file within the size limit, no write-ahead log beside it;
 *  2. the 100-byte header, read without SQLite: magic, page size, rollback mode, size not
 *     truncated, our application_id, a schema version we know;
 *  3. SQLite, hardened (sqlite.ts), inside a transaction so the file cannot change under us:
 *     quick_check, then the schema must equal ours for that version exactly;
 *  4. every row read and validated against the domain rules, problems listed row by row.
 * Nothing here writes to the file; a refused file keeps every byte.
 */
import fs from "node:fs";
import path from "node:path";
import { formatProblem } from "../../shared/domain/problems.ts";
import { problemNamer } from "../../shared/domain/readable-path.ts";
import type { Problem, ScorecardDocument } from "../../shared/domain/types.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { FileRefused } from "./errors.ts";
import { APPLICATION_ID, DEFAULT_MAX_FILE_BYTES, SQLITE_MAGIC } from "./format.ts";
import { SCHEMA_VERSION } from "./migrations.ts";
import { type FileRows, readRows } from "./reader.ts";
import { createFile, type Db, migrate, openFile, sqliteCode } from "./sqlite.ts";
import Database from "better-sqlite3";

export interface OpenFileOptions {
  maxBytes?: number;
  nativeBinding?: string;
}

export interface Header {
  pageSize: number;
  schemaVersion: number;
  changeCounter: number;
}

export interface LoadedFile {
  document: ScorecardDocument;
  /** Warnings only: a file with errors is refused. */
  warnings: Problem[];
  /** The schema version the file had on disk (older files are migrated when opened for editing). */
  schemaVersion: number;
  rows: FileRows;
}

/** Steps 1–2: everything that can be checked from the file system and the raw header. */
export function checkFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): Header {
  const name = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new FileRefused("missing", `${name}: no such file`);
  }
  if (!stat.isFile()) throw new FileRefused("missing", `${name}: is not a file`);
  if (stat.size === 0) throw new FileRefused("not-scorecard", `${name}: the file is empty`);
  if (stat.size > maxBytes) {
    throw new FileRefused(
      "too-large",
      `${name}: the file is ${size(stat.size)}, above the ${size(maxBytes)} limit for scorecard files`,
    );
  }
  if (fs.existsSync(`${file}-wal`)) {
    throw new FileRefused(
      "sidecar",
      `${name}: a write-ahead log (${name}-wal) lies next to it; scorecard files never have one, and it could change what the file says. Move it away and open the file again`,
    );
  }
  const head = Buffer.alloc(100);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (stat.size < 100 || head.toString("latin1", 0, 16) !== SQLITE_MAGIC) {
    throw new FileRefused("not-scorecard", `${name}: not a scorecard file (it is not an SQLite database)`);
  }
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) {
    throw new FileRefused("damaged", `${name}: the database header is damaged (page size ${rawPageSize})`);
  }
  const appId = head.readUInt32BE(68);
  if (appId !== APPLICATION_ID) {
    throw new FileRefused(
      "not-scorecard",
      appId === 0
        ? `${name}: an SQLite database, but not a scorecard file (it has no application id)`
        : `${name}: an SQLite database of another application (application id 0x${appId.toString(16).padStart(8, "0")}), not a scorecard file`,
    );
  }
  if (head[18] !== 1 || head[19] !== 1) {
    throw new FileRefused(
      "structure",
      `${name}: the file is in write-ahead-log mode; scorecard files always use a rollback journal`,
    );
  }
  const changeCounter = head.readUInt32BE(24);
  const pages = head.readUInt32BE(28);
  // A crash while the file grew can leave the new page count on disk before the new pages; the
  // hot journal beside it restores the old state when SQLite opens it, so that is not damage.
  const sizeKnown = head.readUInt32BE(92) === changeCounter && !hasHotJournal(file);
  if (sizeKnown && (pages * pageSize > stat.size || stat.size % pageSize !== 0)) {
    throw new FileRefused(
      "damaged",
      `${name}: the file is truncated (${stat.size} bytes; its header says ${pages * pageSize})`,
    );
  }
  const schemaVersion = head.readInt32BE(60);
  if (schemaVersion > SCHEMA_VERSION) {
    throw new FileRefused(
      "newer",
      `${name}: written by a newer Scorecard Studio (file schema version ${schemaVersion}; this version reads up to ${SCHEMA_VERSION}). Update the app to open it`,
    );
  }
  if (schemaVersion < 1) {
    throw new FileRefused("structure", `${name}: the file has no valid schema version (${schemaVersion})`);
  }
  return { pageSize, schemaVersion, changeCounter };
}

/** The first 8 bytes of a rollback journal that still has to be played back (a zeroed header is inert). */
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

/** True when a crash left a journal that SQLite will roll back on the next open for writing. */
export function hasHotJournal(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(`${file}-journal`, "r");
  } catch {
    return false;
  }
  try {
    const head = Buffer.alloc(JOURNAL_MAGIC.length);
    return fs.readSync(fd, head, 0, head.length, 0) === head.length && head.equals(JOURNAL_MAGIC);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Step 3 on an open connection, inside a transaction: SQLite's own quick_check, then the schema
 * must be exactly what our migrations build for that version.
 */
export function checkStructure(db: Db, name: string, version: number): void {
  const damaged = (detail: string) => new FileRefused("damaged", `${name}: the file is damaged (${detail})`);
  let check: string[];
  try {
    check = (db.pragma("quick_check(5)") as Array<{ quick_check: string }>).map((r) => r.quick_check);
  } catch (e) {
    throw damaged(e instanceof Error ? e.message : String(e));
  }
  if (check.length !== 1 || check[0] !== "ok") throw damaged(check.slice(0, 3).join("; "));
  const differences = schemaDifferences(schemaOf(db), expectedSchema(version));
  if (differences.length > 0) {
    const more = differences.length > 3 ? ` and ${differences.length - 3} more` : "";
    throw new FileRefused(
      "structure",
      `${name}: its structure is not a scorecard file's: ${differences.slice(0, 3).join("; ")}${more}`,
    );
  }
}

/** Step 4: read and validate every row. A file whose rows break a rule is refused with all of them. */
export function loadDocument(
  db: Db,
  name: string,
): { document: ScorecardDocument; state: DocumentState; warnings: Problem[]; rows: FileRows } {
  let rows: FileRows;
  try {
    rows = readRows(db);
  } catch (e) {
    // quick_check passed, but a hostile file can still hold pages that fail when read.
    throw sqliteRefusal(e, name);
  }
  const result = validateDocument(rows.raw);
  const named = problemNamer(rows.raw);
  const problems = [...rows.problems, ...result.problems].map(named);
  const errors = problems.filter((p) => p.severity === "error");
  if (errors.length > 0 || !result.document) {
    const first = errors[0];
    const count = errors.length === 1 ? "a problem" : `${errors.length} problems`;
    throw new FileRefused(
      "invalid",
      `${name}: the file has ${count}${first ? `, first ${formatProblem(first)}` : ""}`,
      problems,
    );
  }
  // The state lists cells in canonical order whatever order the file stored them in.
  const state = new DocumentState(result.document);
  return { document: state.document(), state, warnings: problems, rows };
}

/**
 * The read-only path (CLI, previews): the whole pipeline under a shared lock. An older file is
 * migrated in a memory copy; the file itself is never written.
 */
export function readScorecardFile(file: string, opts: OpenFileOptions = {}): LoadedFile {
  const name = path.basename(file);
  const header = checkFile(file, opts.maxBytes);
  const db = connect(file, name, { readonly: true, ...opts });
  try {
    beginShared(db, name);
    checkStructure(db, name, header.schemaVersion);
    const { document, warnings, rows } = loadAnyVersion(db, name, header.schemaVersion);
    return { document, warnings, rows, schemaVersion: header.schemaVersion };
  } finally {
    db.close();
  }
}

/**
 * Step 4 for a file of any known version: an older one is read from an in-memory copy migrated
 * to the current schema, so the file itself is not written before its rows have passed.
 */
export function loadAnyVersion(db: Db, name: string, version: number): ReturnType<typeof loadDocument> {
  if (version === SCHEMA_VERSION) return loadDocument(db, name);
  const copy = new Database(db.serialize());
  try {
    migrate(copy, version);
    return loadDocument(copy, name);
  } finally {
    copy.close();
  }
}

/** Opens with SQLite, turning its errors into refusals. */
export function connect(file: string, name: string, opts: OpenFileOptions & { readonly: boolean }): Db {
  try {
    return openFile(file, opts);
  } catch (e) {
    throw sqliteRefusal(e, name);
  }
}

/** Takes a shared lock for a consistent read; refuses when another process is writing. */
function beginShared(db: Db, name: string): void {
  try {
    db.exec("BEGIN");
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
  } catch (e) {
    throw sqliteRefusal(e, name);
  }
}

export function sqliteRefusal(e: unknown, name: string): FileRefused {
  const code = sqliteCode(e) ?? "";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) {
    return new FileRefused("locked", `${name}: another program has the file open for editing; close it there first`);
  }
  if (code === "SQLITE_READONLY_ROLLBACK") {
    return new FileRefused(
      "unfinished",
      `${name}: a crash left an unfinished write (${name}-journal); open the file for editing once to recover it`,
    );
  }
  if (code === "SQLITE_NOTADB") return new FileRefused("not-scorecard", `${name}: not a scorecard file`);
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN")) {
    return new FileRefused("read-only", `${name}: the file cannot be opened for writing here (${code})`);
  }
  const detail = e instanceof Error ? e.message : String(e);
  return new FileRefused("damaged", `${name}: the file cannot be read (${detail})`);
}

interface SchemaEntry {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaOf(db: Db): SchemaEntry[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name").all() as SchemaEntry[];
}

const expected = new Map<number, SchemaEntry[]>();

/** The schema our migrations build for `version`, from an empty in-memory database (cached). */
export function expectedSchema(version: number): SchemaEntry[] {
  let entries = expected.get(version);
  if (!entries) {
    const db = createFile(":memory:", {}, version);
    entries = schemaOf(db);
    db.close();
    expected.set(version, entries);
  }
  return entries;
}

function schemaDifferences(actual: readonly SchemaEntry[], wanted: readonly SchemaEntry[]): string[] {
  const out: string[] = [];
  const byName = new Map(wanted.map((e) => [e.name, e]));
  const seen = new Set<string>();
  for (const e of actual) {
    seen.add(e.name);
    const w = byName.get(e.name);
    const what = `${e.type === "table" && /\bVIRTUAL\b/i.test(e.sql ?? "") ? "virtual table" : e.type} “${e.name}”`;
    if (!w) out.push(`an extra ${what}`);
    else if (w.type !== e.type || w.tbl_name !== e.tbl_name || w.sql !== e.sql)
      out.push(`${what} is defined differently`);
  }
  for (const w of wanted) if (!seen.has(w.name)) out.push(`the ${w.type} “${w.name}” is missing`);
  return out;
}

/** A size for messages, precise enough that a file just over the limit does not read as equal to it. */
function size(bytes: number): string {
  if (bytes < 1024 * 1024) return `${bytes.toLocaleString("en-US")} bytes`;
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${mb.toFixed(2)} MB (${bytes.toLocaleString("en-US")} bytes)`;
}
