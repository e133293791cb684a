/** Temp folders and byte fingerprints for tests that work on real files. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh folder under the OS temp dir; remove it with `fs.rmSync(dir, { recursive: true })`. */
export function tempDir(prefix = "scorecard-test-"): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes files into `dir`: each call writes `bytes` as `name` there and answers the file's path. */
export function fileWriter(dir: string): (name: string, bytes: Buffer | string) => string {
  return (name, bytes) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
}

export function sha256(file: string): string {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Fixed-step clock: every call is one second after the last, so modifiedAt changes are visible. */
export function steppingClock(start = Date.UTC(2026, 0, 1)): () => string {
  let t = start;
  return () => {
    t += 1000;
    return new Date(t).toISOString();
  };
}
