/**
 * Writing a whole document to a new file atomically (new file, Save As, Share…): a temp file in
 * the target's folder, written in one transaction, closed, verified by the same pipeline that
 * opens untrusted files, then renamed over the target. On any failure the temp file is removed
 * and the target is untouched.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { FileRefused, FileWriteFailed } from "./errors.ts";
import { readScorecardFile } from "./open.ts";
import { createFile } from "./sqlite.ts";
import { writeDocument } from "./writer.ts";

export interface CopyOptions {
  /** Keep the actuals (default true). Without them the copy is a template of the framework. */
  actuals?: boolean;
  /** Keep notes on actuals, links and scenarios (default true). */
  notes?: boolean;
  nativeBinding?: string;
}

/** The document as a copy with these options holds it. */
export function filterForCopy(doc: ScorecardDocument, opts: CopyOptions): ScorecardDocument {
  const notes = opts.notes ?? true;
  const actuals = opts.actuals ?? true;
  return {
    ...doc,
    links: notes ? doc.links : doc.links.map((l) => ({ ...l, note: "" })),
    actuals: !actuals ? [] : notes ? doc.actuals : doc.actuals.map((a) => ({ ...a, note: "" })),
    scenarios: notes ? doc.scenarios : doc.scenarios.map((s) => ({ ...s, notes: "" })),
  };
}

/** Writes `doc` (already valid) to `target`, replacing it if it exists. */
export function writeFileAtomically(target: string, doc: ScorecardDocument, opts: CopyOptions = {}): void {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
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

/** The written file must open through the untrusted-file pipeline and hold every row. */
function verify(file: string, expected: ScorecardDocument, nativeBinding?: string): void {
  let loaded: ScorecardDocument;
  try {
    loaded = readScorecardFile(file, nativeBinding ? { nativeBinding } : {}).document;
  } catch (e) {
    throw new FileWriteFailed(`the written copy did not verify: ${e instanceof FileRefused ? e.message : String(e)}`);
  }
  for (const key of Object.keys(expected) as Array<keyof ScorecardDocument>) {
    const want = expected[key];
    const got = loaded[key];
    if (Array.isArray(want) && Array.isArray(got) && want.length !== got.length) {
      throw new FileWriteFailed(
        `the written copy did not verify: ${key} has ${got.length} rows, expected ${want.length}`,
      );
    }
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
