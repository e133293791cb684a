/**
 * An open `.scorecard` file being edited (SPEC §4). Every operation is checked in memory
 * (shared/operations), then written in one transaction and committed at once: the file on disk
 * always holds every acknowledged edit. Undo and redo replay inverse steps, each again one
 * transaction. The file stays locked (SQLite exclusive locking mode) while it is open, so a
 * second program cannot edit it behind our back.
 */
import fs from "node:fs";
import path from "node:path";
import type { Problem, ScorecardDocument } from "../../shared/domain/types.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import { formatProblem } from "../../shared/domain/problems.ts";
import type { EntityCollection, Operation } from "../../shared/operations/operation.ts";
import { type AppliedStep, type Execution, execute, replay } from "../../shared/operations/execute.ts";
import type { DocumentState, Neighbours, Step } from "../../shared/operations/state.ts";
import { type CopyOptions, writeFileAtomically } from "./copy.ts";
import { FileRefused, FileWriteFailed } from "./errors.ts";
import { checkFile, checkStructure, connect, loadAnyVersion, sqliteRefusal } from "./open.ts";
import { migrate, type Db } from "./sqlite.ts";
import { SCHEMA_VERSION } from "./migrations.ts";
import type { SeriesCell } from "./series.ts";
import { readPeriodKeys, readPositions } from "./reader.ts";
import { RowWriter } from "./writer.ts";

export interface StoreOptions {
  appVersion: string;
  /** Clock for scorecard.modifiedAt (tests pass a fixed one). */
  now?: () => string;
  maxBytes?: number;
  nativeBinding?: string;
  /** How many edits undo remembers (default 1,000). */
  historyLimit?: number;
}

interface HistoryEntry {
  label: string;
  forward: Step[];
  inverse: Step[];
}

export class ScorecardStore {
  private readonly undoStack: HistoryEntry[] = [];
  private redoStack: HistoryEntry[] = [];
  private readonly writer: RowWriter;
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly db: Db,
    private readonly state: DocumentState,
    /** Findings that do not stop the file from opening. */
    readonly warnings: readonly Problem[],
    /** The schema version on disk before opening (older files are migrated in place). */
    readonly openedVersion: number,
    private positions: Map<string, number>,
    private periodKeys: Map<string, number>,
    private readonly opts: StoreOptions,
  ) {
    this.writer = new RowWriter(db);
  }

  /** Opens a file for editing: the whole untrusted-file pipeline, then an exclusive lock. */
  static open(file: string, opts: StoreOptions): ScorecardStore {
    const name = path.basename(file);
    checkFile(file, opts.maxBytes);
    assertWritable(file);
    const db = connect(file, name, { readonly: false, ...opts });
    try {
      db.pragma("locking_mode = EXCLUSIVE");
      try {
        db.exec("BEGIN EXCLUSIVE");
      } catch (e) {
        throw sqliteRefusal(e, name);
      }
      // Under the lock, after SQLite has rolled back any unfinished write: check the header again.
      const { schemaVersion: version } = checkFile(file, opts.maxBytes);
      checkStructure(db, name, version);
      const loaded = loadAnyVersion(db, name, version);
      if (version < SCHEMA_VERSION) migrate(db, version);
      // Exclusive locking keeps an emptied journal between edits; one left by a crash is inert,
      // but only a write makes SQLite take it over and delete it when the file is closed.
      if (fs.existsSync(`${file}-journal`)) db.pragma(`user_version = ${SCHEMA_VERSION}`);
      db.exec("COMMIT");
      db.pragma("journal_mode = DELETE");
      db.pragma("synchronous = FULL");
      const { state, warnings, rows } = loaded;
      return new ScorecardStore(file, db, state, warnings, version, rows.positions, rows.periodKeys, opts);
    } catch (e) {
      if (db.inTransaction) db.exec("ROLLBACK");
      db.close();
      throw e;
    }
  }

  /** Writes a new file from a document (validated first) and opens it. Replaces nothing: the file must not exist. */
  static create(file: string, doc: ScorecardDocument, opts: StoreOptions): ScorecardStore {
    const name = path.basename(file);
    if (fs.existsSync(file)) throw new FileWriteFailed(`${name} already exists; choose another name`);
    const result = validateDocument(doc);
    if (!result.document) {
      const errors = result.problems.filter((p) => p.severity === "error");
      throw new FileRefused(
        "invalid",
        `${name}: the document has ${errors.length} problem(s), first ${errors[0] ? formatProblem(errors[0]) : "?"}`,
        errors,
      );
    }
    writeFileAtomically(file, result.document, opts);
    return ScorecardStore.open(file, opts);
  }

  /** The current document. Treat it as read-only: the store owns it. */
  document(): ScorecardDocument {
    return this.state.document();
  }

  /** Checks, applies and commits one operation; throws OperationRefused (nothing changed) or FileWriteFailed (rolled back). */
  apply(op: Operation): Execution {
    this.assertOpen();
    const ex = execute(this.state, op, { now: this.now(), appVersion: this.opts.appVersion });
    if (ex.applied.length === 0) return ex;
    this.commit(ex);
    this.undoStack.push({ label: ex.label, forward: ex.applied.map((a) => a.step), inverse: ex.inverse });
    if (this.undoStack.length > (this.opts.historyLimit ?? 1000)) this.undoStack.shift();
    this.redoStack = [];
    return ex;
  }

  get undoLabel(): string | null {
    return this.undoStack.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.redoStack.at(-1)?.label ?? null;
  }

  /** Undoes the last edit; returns what it applied, or null when there is nothing to undo. */
  undo(): Execution | null {
    return this.travel(this.undoStack, this.redoStack, "inverse");
  }

  redo(): Execution | null {
    return this.travel(this.redoStack, this.undoStack, "forward");
  }

  /** Save As / Share…: an atomic, compact copy elsewhere. This file stays open and unchanged. */
  writeCopy(target: string, opts: CopyOptions = {}): void {
    this.assertOpen();
    if (path.resolve(target) === path.resolve(this.file)) {
      throw new FileWriteFailed(`${path.basename(target)} is the open file itself; choose another name`);
    }
    writeFileAtomically(target, this.state.document(), { ...opts, ...this.bindingOption() });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private travel(from: HistoryEntry[], to: HistoryEntry[], direction: "forward" | "inverse"): Execution | null {
    this.assertOpen();
    const entry = from.pop();
    if (!entry) return null;
    const ex = replay(this.state, entry[direction], entry.label);
    try {
      this.commit(ex);
    } catch (e) {
      from.push(entry);
      throw e;
    }
    to.push(entry);
    return ex;
  }

  /** Writes applied steps in one transaction; on failure the in-memory state is rolled back too. */
  private commit(ex: Execution): void {
    try {
      this.db.transaction(() => {
        // Children and parents are written in step order; the keys are checked at commit.
        this.db.pragma("defer_foreign_keys = ON");
        const dirtySeries = new Set<string>();
        for (const applied of ex.applied) this.writeStep(applied, dirtySeries);
        for (const measureId of dirtySeries) this.writer.series(measureId, this.seriesOf(measureId));
      })();
    } catch (e) {
      replay(this.state, ex.inverse, ex.label);
      this.reloadPositions();
      const reason = e instanceof Error ? e.message : String(e);
      throw new FileWriteFailed(`could not save “${ex.label}” to ${path.basename(this.file)}: ${reason}`, { cause: e });
    }
  }

  private writeStep({ step, neighbours }: AppliedStep, dirtySeries: Set<string>): void {
    const w = this.writer;
    switch (step.kind) {
      case "scorecard":
        w.scorecard(step.value);
        return;
      case "put": {
        if (this.positions.has(step.row.id)) {
          w.updateRow(step.collection, step.row);
          return;
        }
        const pos = this.placeBetween(step.collection, neighbours);
        let key: number | undefined;
        if (step.collection === "periods") {
          key = Math.max(0, ...this.periodKeys.values()) + 1;
          this.periodKeys.set(step.row.id, key);
        }
        w.insertRow(step.collection, step.row, pos, key);
        this.positions.set(step.row.id, pos);
        return;
      }
      case "remove":
        w.deleteRow(step.collection, step.id);
        this.positions.delete(step.id);
        this.periodKeys.delete(step.id);
        return;
      case "move": {
        const pos = this.placeBetween(step.collection, neighbours);
        w.setPos(step.collection, step.id, pos);
        this.positions.set(step.id, pos);
        return;
      }
      case "cell":
        if (step.collection === "actuals") {
          dirtySeries.add(step.measureId);
          w.note(step.measureId, step.periodId, step.row && "note" in step.row ? step.row.note : "");
        } else {
          w.periodTarget(step.measureId, step.periodId, step.row && "target" in step.row ? step.row.target : null);
        }
        return;
    }
  }

  /** The measure's actuals in period order (the order a reader expects; see state.ts). */
  private seriesOf(measureId: string): SeriesCell[] {
    const cells: SeriesCell[] = [];
    const byPeriod = this.state.cellsOf("actuals", measureId);
    if (byPeriod.size === 0) return cells;
    for (const p of this.state.list("periods")) {
      const a = byPeriod.get(p.id);
      const periodKey = this.periodKeys.get(p.id);
      if (a && periodKey !== undefined) cells.push({ periodKey, value: a.value });
    }
    return cells;
  }

  /** A sort key between the row's neighbours; renumbers the list when doubles run out of room. */
  private placeBetween(collection: EntityCollection, neighbours: Neighbours | undefined): number {
    const [before, after] = neighbours ?? [null, null];
    const lo = before === null ? undefined : this.positions.get(before);
    const hi = after === null ? undefined : this.positions.get(after);
    if (lo === undefined && hi === undefined) return 0;
    if (hi === undefined) return (lo as number) + 1;
    if (lo === undefined) return hi - 1;
    const mid = (lo + hi) / 2;
    if (mid > lo && mid < hi) return mid;
    const list = this.state.list(collection);
    list.forEach((row, i) => {
      if (this.positions.has(row.id)) {
        this.writer.setPos(collection, row.id, i);
        this.positions.set(row.id, i);
      }
    });
    const at = list.findIndex((r) => r.id === after);
    return at - 0.5;
  }

  /** After a failed write the transaction is rolled back; read the sort keys back from the file. */
  private reloadPositions(): void {
    this.positions = readPositions(this.db);
    this.periodKeys = readPeriodKeys(this.db);
  }

  private now(): string {
    return this.opts.now ? this.opts.now() : new Date().toISOString();
  }

  private bindingOption(): { nativeBinding?: string } {
    return this.opts.nativeBinding ? { nativeBinding: this.opts.nativeBinding } : {};
  }

  private assertOpen(): void {
    if (this.closed) throw new Error("the file is closed");
  }
}

/**
 * SQLite opens a write-protected file read-only without a word, and needs the folder for its
 * journal: without this check the first edit, not the open, would fail.
 */
function assertWritable(file: string): void {
  const name = path.basename(file);
  for (const [what, target] of [
    ["file", file],
    ["folder it is in", path.dirname(path.resolve(file))],
  ] as const) {
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      throw new FileRefused(
        "read-only",
        `${name}: the ${what} is read-only, so edits could not be saved; copy the file to a folder you can write to`,
      );
    }
  }
}
