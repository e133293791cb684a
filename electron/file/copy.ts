/**
 * Writing a whole document to a new file atomically (new file, Save As, Share…): a temp file in
 * the target's folder, written in one transaction, closed, verified (header, quick_check, exact
 * schema, row counts), then renamed over the target. On any failure the temp file is removed
 * and the target is untouched.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { type CopyContent, filterForCopy } from "../../shared/domain/copy-content.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { FileRefused, FileWriteFailed } from "./errors.ts";
import { checkFile, checkStructure, connect } from "./open.ts";
import { CELL_BYTES } from "./series.ts";
import { ENTITY_COLLECTIONS } from "../../shared/domain/schema.ts";
import { createFile } from "./sqlite.ts";
import { writeDocument } from "./writer.ts";

/** What the copy holds (actuals, notes, scenarios; all by default), and the SQLite binding to write it with. */
export interface CopyOptions extends CopyContent {
  nativeBinding?: string;
}

/**
 * A hidden, unique temp name in the target's own folder, so the final rename stays on one file
 * system and is atomic.
 */
export function tempPathBeside(target: string): string {
  const dir = path.dirname(path.resolve(target));
  return path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
}

/** Writes `doc` (already valid) to `target`, replacing it if it exists. */
export function writeFileAtomically(target: string, doc: ScorecardDocument, opts: CopyOptions = {}): void {
  const dir = path.dirname(path.resolve(target));
  const temp = tempPathBeside(target);
  const content = filterForCopy(doc, opts);
  try {
    const db = createFile(temp, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
    try {
      writeDocument(db, content);
    } finally {
      db.close();
    }
    verify(temp, content, opts.nativeBinding);
    fs.renameSync(temp, target);
    syncFolder(dir);
  } catch (e) {
    for (const leftover of [temp, `${temp}-journal`]) fs.rmSync(leftover, { force: true });
    if (e instanceof FileWriteFailed) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new FileWriteFailed(`could not write ${path.basename(target)}: ${reason}`, { cause: e });
  }
}

/**
 * The written file must pass the structural half of the untrusted-file pipeline (header,
 * quick_check, exact schema) and hold exactly the rows it was given. Its rows came from a
 * validated document, so re-validating each one (half a second at 360,000 actuals) adds nothing.
 */
function verify(file: string, expected: ScorecardDocument, nativeBinding?: string): void {
  const name = path.basename(file);
  const header = checkFile(file);
  const db = connect(file, name, { readonly: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    db.exec("BEGIN");
    checkStructure(db, name, header.schemaVersion);
    const count = (sql: string) => (db.prepare(sql).pluck().get() as number | null) ?? 0;
    const want: Array<[string, number, number]> = [
      ["scorecard", count("SELECT count(*) FROM scorecard"), 1],
      ...ENTITY_COLLECTIONS.map((c): [string, number, number] => [
        c,
        count(`SELECT count(*) FROM ${c}`),
        expected[c].length,
      ]),
      ["actuals", count(`SELECT sum(length(cells)) / ${CELL_BYTES} FROM actual_series`), expected.actuals.length],
      ["notes", count("SELECT count(*) FROM actual_notes"), expected.actuals.filter((a) => a.note !== "").length],
      ["period targets", count("SELECT count(*) FROM period_targets"), expected.periodTargets.length],
      [
        "scenario spends",
        count("SELECT count(*) FROM scenario_spend"),
        expected.scenarios.reduce((n, sc) => n + Object.keys(sc.spend).length, 0),
      ],
    ];
    for (const [what, got, wanted] of want) {
      if (got !== wanted)
        throw new FileWriteFailed(`the written copy did not verify: ${what} has ${got} rows, expected ${wanted}`);
    }
  } catch (e) {
    if (e instanceof FileRefused) throw new FileWriteFailed(`the written copy did not verify: ${e.message}`);
    throw e;
  } finally {
    db.close();
  }
}

/** An export (JSON, CSV, SVG, PNG) written like a copy: temp file in the same folder, fsync, rename. */
export function writeDataAtomically(target: string, data: string | Uint8Array): void {
  const temp = tempPathBeside(target);
  try {
    const fd = fs.openSync(temp, "wx");
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    syncFolder(path.dirname(target));
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw new FileWriteFailed(
      `could not write ${path.basename(target)}: ${e instanceof Error ? e.message : String(e)}`,
      {
        cause: e,
      },
    );
  }
}

/** Makes the rename itself durable (POSIX); folders cannot be opened for sync on Windows. */
function syncFolder(dir: string): void {
  if (process.platform === "win32") return;
  const fd = fs.openSync(dir, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
