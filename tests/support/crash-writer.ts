/**
 * The child program of the crash-safety test (tests/unit/crash-safety.test.ts). Usage:
 *
 *   node crash-writer.mjs <file.scorecard> <seed>
 *
 * Opens the file with ScorecardStore.open and then edits it forever, deterministically for the
 * seed, until the parent kills it with SIGKILL. It talks on stdout, one JSON line at a time,
 * written synchronously so that a line on the pipe is a fact about the file:
 *
 *   {"t":"ready"}                         the file is open
 *   {"t":"begin","n":7,"edit":{…}}        edit 7 is about to be applied (the edit in flight)
 *   {"t":"ack","n":7,"what":"set"}        edit 7 returned from apply()/undo(): it is committed
 *
 * An edit is an Operation (actual.set, create/update/delete of a measure, batches of 20 or 200
 * cells, a batch that adds a measure with its whole series) or an undo of the last edit. The
 * parent replays the acknowledged edits on its own model to know what the file must hold.
 */
import fs from "node:fs";
import { pathToFileURL } from "node:url";
import { ScorecardStore } from "../../electron/file/store.ts";
import type { Measure, ScorecardDocument } from "../../shared/domain/types.ts";
import type { Operation } from "../../shared/operations/operation.ts";
import { prng } from "../../shared/random/prng.ts";

export type Edit = { kind: "op"; what: EditKind; op: Operation } | { kind: "undo"; what: "undo" };

export type EditKind = "set" | "create" | "rename" | "delete" | "batch20" | "batch200" | "measure+series";

export type Line =
  | { t: "ready"; pid: number }
  | { t: "begin"; n: number; edit: Edit }
  | { t: "ack"; n: number; what: EditKind | "undo" }
  | { t: "error"; n: number; message: string };

export const APP_VERSION = "0.0.0-crash";

/** Ids of measures this program creates: v4-shaped, disjoint from idSequence()'s (variant 8). */
export function createdMeasureId(n: number): string {
  return `00000000-0000-4000-9000-${n.toString(16).padStart(12, "0")}`;
}

/** A value for cell `c` of edit `n`: encodes both, and stays inside the measure's valid range. */
export function cellValue(measure: Measure, n: number, c: number): number {
  const r = measure.validRange;
  if (!r) return n + c / 1000;
  return r.min + (((n * 31 + c * 7) % 1000) / 1000) * (r.max - r.min);
}

/** Some created measures carry a long description, so the file grows (overflow pages) mid-run. */
const LONG_TEXT = "crash-safety ".repeat(700).slice(0, 9000);

/** Picks edit `n` from the current document. Deterministic for (seed, document, n). */
export function nextEdit(rand: () => number, doc: ScorecardDocument, n: number, canUndo: boolean): Edit {
  const measures = doc.measures;
  const periods = doc.periods;
  const pick = <T>(list: readonly T[]): T => {
    const item = list[Math.floor(rand() * list.length)];
    if (item === undefined) throw new Error("empty list");
    return item;
  };
  const set = (m: Measure, periodId: string, c: number): Operation => {
    const op: Operation = { type: "actual.set", measureId: m.id, periodId, value: cellValue(m, n, c) };
    return c % 5 === 0 ? { ...op, note: `edit ${n} cell ${c}` } : op;
  };
  const newMeasure = (long: boolean): Measure => {
    const objective = pick(doc.objectives);
    return {
      id: createdMeasureId(n),
      objectiveId: objective.id,
      name: `Crash measure ${n}`,
      description: long ? `${n}: ${LONG_TEXT}` : `added by edit ${n}`,
      unit: "%",
      kind: "lagging",
      direction: "higher",
      method: "linear",
      baseline: 10,
      target: 90,
      band: null,
      validRange: { min: 0, max: 100 },
      weight: 1,
      frequency: "quarter",
      owner: "",
      dataSource: "",
      thresholds: null,
    };
  };
  const roll = rand();
  if (roll < 0.07 && canUndo) return { kind: "undo", what: "undo" };
  if (roll < 0.35) {
    const i = Math.floor(rand() * 1e6);
    const m = measures[i % measures.length];
    const p = periods[(i >> 3) % periods.length];
    if (m && p) return { kind: "op", what: "set", op: set(m, p.id, 0) };
  }
  if (roll < 0.45) {
    return { kind: "op", what: "create", op: { type: "create", entity: "measure", value: newMeasure(rand() < 0.5) } };
  }
  if (roll < 0.55) {
    const m = pick(measures);
    return {
      kind: "op",
      what: "rename",
      op: { type: "update", entity: "measure", id: m.id, changes: { name: `Renamed ${n}` } },
    };
  }
  if (roll < 0.6) {
    const created = measures.filter((m) => m.id.includes("-9000-"));
    if (created.length > 0) {
      return { kind: "op", what: "delete", op: { type: "delete", entity: "measure", id: pick(created).id } };
    }
  }
  if (roll < 0.75) {
    const operations: Operation[] = [];
    for (let c = 0; c < 20; c++) operations.push(set(pick(measures), pick(periods).id, c));
    return { kind: "op", what: "batch20", op: { type: "batch", label: `Batch ${n}`, operations } };
  }
  if (roll < 0.92) {
    // 200 distinct cells: 25 consecutive measures (wrapping) × all 8 periods, then a rename.
    const operations: Operation[] = [];
    const start = Math.floor(rand() * measures.length);
    const width = Math.min(measures.length, Math.ceil(200 / periods.length));
    let c = 0;
    for (let k = 0; k < width && c < 200; k++) {
      const m = measures[(start + k) % measures.length];
      for (const p of periods) if (m && c < 200) operations.push(set(m, p.id, c++));
    }
    const renamed = pick(measures);
    operations.push({ type: "update", entity: "measure", id: renamed.id, changes: { name: `Big rename ${n}` } });
    return { kind: "op", what: "batch200", op: { type: "batch", label: `Big batch ${n}`, operations } };
  }
  const m = newMeasure(true);
  const operations: Operation[] = [{ type: "create", entity: "measure", value: m }];
  periods.forEach((p, c) => {
    operations.push(set(m, p.id, c));
  });
  operations.push({
    type: "update",
    entity: "measure",
    id: pick(measures).id,
    changes: { name: `Paired rename ${n}` },
  });
  return { kind: "op", what: "measure+series", op: { type: "batch", label: `Measure with series ${n}`, operations } };
}

/** fs.writeSync on fd 1, whole line, even if the pipe is non-blocking and momentarily full. */
function say(line: Line): void {
  const buf = Buffer.from(`${JSON.stringify(line)}\n`);
  let at = 0;
  const pause = new Int32Array(new SharedArrayBuffer(4));
  while (at < buf.length) {
    try {
      at += fs.writeSync(1, buf, at, buf.length - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

function main(file: string, seed: number): void {
  const store = ScorecardStore.open(file, { appVersion: APP_VERSION });
  say({ t: "ready", pid: process.pid });
  const rand = prng(seed);
  for (let n = 1; ; n++) {
    const edit = nextEdit(rand, store.document(), n, store.undoLabel !== null);
    say({ t: "begin", n, edit });
    try {
      if (edit.kind === "undo") store.undo();
      else store.apply(edit.op);
    } catch (e) {
      say({ t: "error", n, message: e instanceof Error ? e.message : String(e) });
      process.exit(3);
    }
    say({ t: "ack", n, what: edit.what });
  }
}

// Runs only as a program (the test imports this module's types and helpers, never its loop).
const [script, file, seed] = process.argv.slice(1);
if (script && file && seed && import.meta.url === pathToFileURL(script).href) main(file, Number(seed));
