/**
 * Crash safety (SPEC §4: "a crash loses at most the edit in flight, and never corrupts the
 * file"). A child process (tests/support/crash-writer.ts) edits a real file in a loop and is
 * killed with SIGKILL at a random moment; every round then checks that
 *  - the file opens with ScorecardStore.open (which rolls back a hot journal) without refusal,
 *  - PRAGMA integrity_check is ok and no foreign key dangles,
 *  - the document holds exactly the acknowledged edits, plus the edit in flight either entirely
 *    or not at all (a 200-cell batch is all there or all absent),
 *  - nothing is left beside the file after that clean open + close (no -journal, no temp file).
 *
 * Each round starts from a fresh copy of the same demo file rather than accumulating across
 * rounds: a failing round is then reproducible from its seed alone (same file, same edit
 * sequence), and every round starts from a file with no journal and no history. Repeated
 * recovery is still covered, since every round recovers a file that a killed writer left behind.
 *
 * Kill timing is random by nature (fsync durations vary); the seeds fix everything else. The
 * summary printed after the rounds says where the kills landed: "inside apply()" is a begin line
 * without its ack; "while committing" is a hot journal, whose magic SQLite (synchronous FULL)
 * writes only once the journal is synced, right before it starts overwriting the database file,
 * and zeroes again when the commit is done. One narrow window of that commit is rarely hit by
 * chance, so the last test builds that crash state by hand.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import Database from "better-sqlite3";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileRefused } from "../../electron/file/errors.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import type { Actual, Measure, ScorecardDocument } from "../../shared/domain/types.ts";
import type { Operation } from "../../shared/operations/operation.ts";
import { prng } from "../../shared/random/prng.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";
import type { Edit, Line } from "../support/crash-writer.ts";
import { idSequence, NOW } from "../support/docs.ts";
import { tempDir } from "../support/files.ts";

const ROUNDS = 40;
/** Two children at a time: one per core, keeps the file well under 15 s. */
const PARALLEL = 2;
const SEED = 0x5ca1ab1e;
/** At most this many acknowledged edits before the kill (k is drawn from 0…MAX_ACKS). */
const MAX_ACKS = 30;
const MAX_EXTRA_DELAY_MS = 30;
const APP_VERSION = "0.0.0-crash";
const FILE = "crash.scorecard";
/** The first 8 bytes of a hot rollback journal: written after the journal is synced, zeroed at commit. */
const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);

const root = path.resolve(import.meta.dirname, "../..");
let work = "";
let writer = "";
let baseFile = "";
let baseDoc: ScorecardDocument;

beforeAll(async () => {
  work = tempDir("crash-safety-");
  // The bundle leaves packages external (better-sqlite3 is native): let them resolve from here.
  fs.symlinkSync(
    path.join(root, "node_modules"),
    path.join(work, "node_modules"),
    process.platform === "win32" ? "junction" : "dir",
  );
  writer = path.join(work, "crash-writer.mjs");
  await build({
    entryPoints: [path.join(root, "tests/support/crash-writer.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: writer,
    logLevel: "error",
  });
  baseFile = path.join(work, "base.scorecard");
  const doc = demoScorecard({ newId: idSequence(), now: NOW, appVersion: APP_VERSION });
  const store = ScorecardStore.create(baseFile, doc, { appVersion: APP_VERSION, now: () => NOW });
  baseDoc = store.document();
  store.close();
}, 30_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// The model: what the file must hold, replayed from the acknowledged edits independently of
// shared/operations (only the rules the writer's edits exercise: cells, measure create/rename/
// delete with its cells, undo).

interface Cell {
  value: number;
  note: string;
}

class Model {
  readonly measures: Measure[];
  readonly cells = new Map<string, Cell>();
  private readonly history: Array<Array<() => void>> = [];

  constructor(doc: ScorecardDocument) {
    this.measures = doc.measures.map((m) => ({ ...m }));
    for (const a of doc.actuals) this.cells.set(cellKey(a.measureId, a.periodId), { value: a.value, note: a.note });
  }

  apply(edit: Edit): void {
    if (edit.kind === "undo") {
      const entry = this.history.pop();
      if (!entry) throw new Error("the writer undid an edit the model does not have");
      for (const restore of entry.reverse()) restore();
      return;
    }
    const log: Array<() => void> = [];
    this.op(edit.op, log);
    this.history.push(log);
  }

  snapshot(): Expected {
    return { measures: this.measures.map((m) => ({ ...m })), cells: new Map(this.cells) };
  }

  private op(op: Operation, log: Array<() => void>): void {
    switch (op.type) {
      case "actual.set": {
        const key = cellKey(op.measureId, op.periodId);
        const before = this.cells.get(key);
        this.cells.set(key, { value: op.value, note: op.note ?? before?.note ?? "" });
        log.push(() => (before ? this.cells.set(key, before) : this.cells.delete(key)));
        return;
      }
      case "create": {
        if (op.entity !== "measure") break;
        const id = op.value.id;
        this.measures.push({ ...(op.value as Measure) });
        log.push(() => this.measures.splice(this.indexOf(id), 1));
        return;
      }
      case "update": {
        if (op.entity !== "measure") break;
        const at = this.indexOf(op.id);
        const before = this.measures[at] as Measure;
        this.measures[at] = { ...before, ...(op.changes as Partial<Measure>) };
        log.push(() => {
          this.measures[at] = before;
        });
        return;
      }
      case "delete": {
        if (op.entity !== "measure") break;
        for (const [key, cell] of [...this.cells]) {
          if (!key.startsWith(`${op.id}|`)) continue;
          this.cells.delete(key);
          log.push(() => this.cells.set(key, cell));
        }
        const at = this.indexOf(op.id);
        const [before] = this.measures.splice(at, 1);
        log.push(() => this.measures.splice(at, 0, before as Measure));
        return;
      }
      case "batch":
        for (const one of op.operations) this.op(one, log);
        return;
      default:
        break;
    }
    throw new Error(`the model does not know ${op.type}${"entity" in op ? ` ${op.entity}` : ""}`);
  }

  private indexOf(id: string): number {
    const at = this.measures.findIndex((m) => m.id === id);
    if (at < 0) throw new Error(`the model has no measure ${id}`);
    return at;
  }
}

interface Expected {
  measures: Measure[];
  cells: Map<string, Cell>;
}

function cellKey(measureId: string, periodId: string): string {
  return `${measureId}|${periodId}`;
}

/** How the document differs from what was expected (at most a few lines; empty when equal). */
function differences(doc: ScorecardDocument, want: Expected): string[] {
  const out: string[] = [];
  const { modifiedAt: _a, ...scorecard } = doc.scorecard;
  const { modifiedAt: _b, ...baseScorecard } = baseDoc.scorecard;
  if (!isDeepStrictEqual(scorecard, baseScorecard)) out.push("scorecard settings changed");
  for (const c of [
    "perspectives",
    "objectives",
    "links",
    "periods",
    "periodTargets",
    "investments",
    "impacts",
  ] as const) {
    if (!isDeepStrictEqual(doc[c], baseDoc[c])) out.push(`${c} changed`);
  }
  if (!isDeepStrictEqual(doc.scenarios, baseDoc.scenarios)) out.push("scenarios changed");
  const got = doc.measures.map((m) => m.id).join(",");
  const wanted = want.measures.map((m) => m.id).join(",");
  if (got !== wanted) {
    const have = new Set(doc.measures.map((m) => m.id));
    const expectedIds = new Set(want.measures.map((m) => m.id));
    out.push(
      `measures: missing [${[...expectedIds].filter((id) => !have.has(id)).join(", ")}], unexpected [${[...have].filter((id) => !expectedIds.has(id)).join(", ")}]${have.size === expectedIds.size ? " (order differs)" : ""}`,
    );
  } else {
    doc.measures.forEach((m, i) => {
      const w = want.measures[i];
      if (!isDeepStrictEqual(m, w))
        out.push(`measure ${m.id}: file has “${m.name}”, expected “${w?.name}” (or other fields)`);
    });
  }
  const cells = new Map<string, Actual>(doc.actuals.map((a) => [cellKey(a.measureId, a.periodId), a]));
  for (const [key, w] of want.cells) {
    const a = cells.get(key);
    if (!a) out.push(`actual ${key}: missing, expected ${w.value}`);
    else if (a.value !== w.value || a.note !== w.note) {
      out.push(`actual ${key}: file has ${a.value} “${a.note}”, expected ${w.value} “${w.note}”`);
    }
  }
  for (const [key, a] of cells) if (!want.cells.has(key)) out.push(`actual ${key}: unexpected ${a.value}`);
  return out.length > 8 ? [...out.slice(0, 8), `… and ${out.length - 8} more`] : out;
}

// ---------------------------------------------------------------------------------------------
// One round: spawn, kill, recover, check.

interface Run {
  lines: Line[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
}

/** Starts the writer; kills it `delayMs` after its k-th acknowledgement (k = 0: after it is ready). */
function runWriter(file: string, seed: number, k: number, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn(process.execPath, [writer, file, String(seed)], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: Line[] = [];
    let pending = "";
    let stderr = "";
    let acks = 0;
    let armed = false;
    let stuck = false;
    const kill = () => child.kill("SIGKILL");
    // A writer that never gets there (stuck, refused) must not hang the suite.
    const guard = setTimeout(() => {
      stuck = !armed;
      kill();
    }, 10_000);
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(kill, delayMs);
    };
    child.stdout?.setEncoding("utf8");
    child.stdout?.on("data", (chunk: string) => {
      pending += chunk;
      let nl = pending.indexOf("\n");
      while (nl >= 0) {
        const line = JSON.parse(pending.slice(0, nl)) as Line;
        pending = pending.slice(nl + 1);
        lines.push(line);
        if (line.t === "ready" && k === 0) arm();
        if (line.t === "ack" && ++acks >= k) arm();
        nl = pending.indexOf("\n");
      }
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString("utf8");
    });
    child.on("error", reject);
    // "close": the process is gone (its locks released) and its stdout is read to the end, so
    // `lines` holds every line it wrote before it died, including those read after the kill.
    child.on("close", (code, signal) => {
      clearTimeout(guard);
      // A line cut by the kill is not an acknowledgement: it is dropped with `pending`.
      resolve({
        lines,
        signal: stuck ? null : signal,
        code,
        stderr: stuck ? `no ${k} acknowledgements within 10 s; ${stderr}` : stderr,
      });
    });
  });
}

type JournalState = "none" | "empty" | "zeroed" | "hot" | "other";

function journalState(file: string): JournalState {
  const journal = `${file}-journal`;
  if (!fs.existsSync(journal)) return "none";
  const head = fs.readFileSync(journal).subarray(0, 8);
  if (head.length === 0) return "empty";
  if (head.equals(JOURNAL_MAGIC)) return "hot";
  return head.every((b) => b === 0) ? "zeroed" : "other";
}

type FailureKind = "killed" | "open" | "integrity" | "edits" | "stray" | "journal";

interface RoundResult {
  round: number;
  seed: number;
  k: number;
  delayMs: number;
  acked: number;
  inFlight: string | null;
  /** Which expectation the file matched: the acknowledged edits, or those plus the one in flight. */
  matched: "acked" | "acked+in-flight" | null;
  journal: JournalState;
  /** Recovery undid writes the kill had left in the file (bytes after the 100-byte header changed). */
  rolledBack: boolean;
  /** The file without its journal failed integrity_check (a torn write only the journal can undo). */
  tornWithoutJournal: boolean;
  failures: Array<{ kind: FailureKind; message: string }>;
  ms: number;
}

async function round(r: number): Promise<RoundResult> {
  const started = performance.now();
  const seed = (SEED + r * 0x9e3779b1) >>> 0;
  const rand = prng(seed);
  const k = Math.floor(rand() * (MAX_ACKS + 1));
  const delayMs = Math.floor(rand() * (MAX_EXTRA_DELAY_MS + 1));
  const dir = path.join(work, `round-${r}`);
  fs.mkdirSync(dir);
  const file = path.join(dir, FILE);
  fs.copyFileSync(baseFile, file);
  const failures: RoundResult["failures"] = [];
  const fail = (kind: FailureKind, message: string) => failures.push({ kind, message });

  const run = await runWriter(file, seed, k, delayMs);
  if (run.signal !== "SIGKILL") {
    const error = run.lines.find((l) => l.t === "error");
    fail(
      "killed",
      `the writer was not killed but exited (code ${run.code}): ${error?.t === "error" ? error.message : run.stderr.trim().slice(0, 500)}`,
    );
  }

  // Replay: every begin/ack pair is an acknowledged edit; a begin without its ack is in flight.
  const model = new Model(baseDoc);
  let inFlight: Extract<Line, { t: "begin" }> | null = null;
  let acked = 0;
  for (const line of run.lines) {
    if (line.t === "begin") inFlight = line;
    else if (line.t === "ack") {
      if (!inFlight || inFlight.n !== line.n) throw new Error(`round ${r}: ack ${line.n} without its begin line`);
      model.apply(inFlight.edit);
      inFlight = null;
      acked++;
    }
  }
  const withoutInFlight = model.snapshot();
  let withInFlight: Expected | null = null;
  if (inFlight) {
    model.apply(inFlight.edit);
    withInFlight = model.snapshot();
  }

  // Before recovery: what the kill left. The file alone (without its journal) is copied aside and
  // checked only for the report: it may well be torn, which is what the journal is for.
  const journal = journalState(file);
  const before = fs.readFileSync(file);
  let tornWithoutJournal = false;
  if (journal === "hot") {
    const alone = path.join(work, `alone-${r}.scorecard`);
    fs.copyFileSync(file, alone);
    const db = new Database(alone, { readonly: true });
    try {
      tornWithoutJournal = db.pragma("integrity_check", { simple: true }) !== "ok";
    } catch {
      tornWithoutJournal = true;
    } finally {
      db.close();
      fs.rmSync(alone, { force: true });
    }
  }

  // Recovery the way the app does it: ScorecardStore.open takes the lock, and SQLite rolls a hot
  // journal back before anything is read. Only after that does integrity_check mean anything: on
  // the raw bytes of a file with a hot journal it checks a half-written state the journal is
  // about to undo (and a plain read-write connection would itself roll the journal back first,
  // so checking before would also hide whether ScorecardStore.open can recover on its own).
  let doc: ScorecardDocument | null = null;
  try {
    const store = ScorecardStore.open(file, { appVersion: APP_VERSION });
    doc = store.document();
    store.close();
  } catch (e) {
    fail(
      "open",
      `ScorecardStore.open refused the file: ${e instanceof FileRefused ? `${e.kind}: ${e.message}` : String(e)}`,
    );
  }
  const rolledBack = journal === "hot" && !fs.readFileSync(file).subarray(100).equals(before.subarray(100));

  const leftovers = fs.readdirSync(dir).filter((f) => f !== FILE);
  const stray = leftovers.filter((f) => f !== `${FILE}-journal`);
  if (stray.length > 0) fail("stray", `left beside the file: ${stray.join(", ")}`);
  if (leftovers.includes(`${FILE}-journal`)) {
    fail("journal", `${FILE}-journal (${journalState(file)}) is still there after a clean open + close`);
  }

  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") fail("integrity", `integrity_check: ${String(integrity)}`);
    const dangling = db.pragma("foreign_key_check") as unknown[];
    if (dangling.length > 0) fail("integrity", `foreign_key_check: ${JSON.stringify(dangling.slice(0, 3))}`);
  } finally {
    db.close();
  }

  let matched: RoundResult["matched"] = null;
  if (doc) {
    const vsAcked = differences(doc, withoutInFlight);
    const vsInFlight = withInFlight ? differences(doc, withInFlight) : null;
    if (vsAcked.length === 0) matched = "acked";
    else if (vsInFlight?.length === 0) matched = "acked+in-flight";
    else {
      const also = vsInFlight ? ` (and ${vsInFlight.length} from those plus in-flight #${inFlight?.n})` : "";
      fail(
        "edits",
        `the file holds neither the ${acked} acknowledged edits nor those plus the one in flight; differences from the acknowledged state${also}:\n    ${vsAcked.join("\n    ")}`,
      );
    }
  }

  fs.rmSync(dir, { recursive: true, force: true });
  return {
    round: r,
    seed,
    k,
    delayMs,
    acked,
    inFlight: inFlight ? `#${inFlight.n} ${inFlight.edit.what}` : null,
    matched,
    journal,
    rolledBack,
    tornWithoutJournal,
    failures,
    ms: Math.round(performance.now() - started),
  };
}

const results: RoundResult[] = [];

/** The failures of one kind across all rounds, one paragraph per failing round ("" when none). */
function failuresOf(kind: FailureKind): string {
  return results
    .filter((x) => x.failures.some((f) => f.kind === kind))
    .map(
      (x) =>
        `round ${x.round} (seed ${x.seed}, k ${x.k}, +${x.delayMs} ms, ${x.acked} acked, in flight ${x.inFlight ?? "none"}, journal ${x.journal}):\n  ${x.failures
          .filter((f) => f.kind === kind)
          .map((f) => f.message)
          .join("\n  ")}`,
    )
    .join("\n");
}

describe("crash safety: a writer killed with SIGKILL at random moments", () => {
  beforeAll(async () => {
    let next = 0;
    const worker = async () => {
      while (next < ROUNDS) results.push(await round(next++));
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    results.sort((a, b) => a.round - b.round);
    const count = (p: (x: RoundResult) => boolean) => results.filter(p).length;
    console.log(
      [
        `crash safety: ${ROUNDS} rounds, ${results.reduce((n, x) => n + x.acked, 0)} acknowledged edits, rounds took ${Math.min(...results.map((x) => x.ms))}–${Math.max(...results.map((x) => x.ms))} ms`,
        `  killed inside apply()/undo() (a begin line without its ack): ${count((x) => x.inFlight !== null)} rounds; the file held that edit (committed, not yet acknowledged) in ${count((x) => x.matched === "acked+in-flight")}`,
        `  killed while committing, with a live (hot) journal: ${count((x) => x.journal === "hot")} rounds; recovery undid writes already in the file in ${count((x) => x.rolledBack)}; the file alone was torn (integrity_check failed without its journal) in ${count((x) => x.tornWithoutJournal)}`,
        `  journal left by the kill: ${(["none", "empty", "zeroed", "hot", "other"] as const).map((s) => `${s} ${count((x) => x.journal === s)}`).join(", ")}`,
      ].join("\n"),
    );
  }, 120_000);

  it(`ran ${ROUNDS} rounds, each ending with the writer killed by SIGKILL (not exiting on its own)`, () => {
    expect(results.length).toBe(ROUNDS);
    expect(failuresOf("killed")).toBe("");
  });

  it("the file opens with ScorecardStore.open after every kill", () => {
    expect(failuresOf("open")).toBe("");
  });

  it("integrity_check and foreign_key_check pass after recovery", () => {
    expect(failuresOf("integrity")).toBe("");
  });

  it("every acknowledged edit is there, and the edit in flight is all there or not at all", () => {
    expect(failuresOf("edits")).toBe("");
  });

  it("nothing but the SQLite journal is left beside the file", () => {
    expect(failuresOf("stray")).toBe("");
  });

  it("the -journal is gone after a clean open + close", () => {
    expect(failuresOf("journal")).toBe("");
  });

  /**
   * The random kills rarely land in one narrow window, so it is built here by hand. SQLite
   * commits by syncing the journal, then writing the changed pages in ascending order, page 1
   * (the header, with the new page count) first; a commit that grows the file extends it only
   * when it reaches the new pages. A kill in between leaves a file whose header claims more
   * pages than it has, beside a hot journal that restores page 1 and the old size. (Seen for
   * real by injecting SIGKILL at each pwrite64 of the writer's growing commits with strace.)
   */
  it("recovers a file killed after its header was written but before it grew", () => {
    const dir = path.join(work, "torn-header");
    fs.mkdirSync(dir);
    const file = path.join(dir, FILE);
    fs.copyFileSync(baseFile, file);
    const before = fs.readFileSync(baseFile);
    const pageSize = before.readUInt16BE(16);
    // The committed state of a growing edit: a measure with a long description (overflow pages).
    const grown = path.join(dir, "grown.scorecard");
    fs.copyFileSync(baseFile, grown);
    const store = ScorecardStore.open(grown, { appVersion: APP_VERSION });
    const objective = baseDoc.objectives[0];
    const template = baseDoc.measures[0];
    if (!objective || !template) throw new Error("the demo has no objective or measure");
    store.apply({
      type: "create",
      entity: "measure",
      value: {
        ...template,
        id: "00000000-0000-4000-9000-00000000ffff",
        name: "Grows the file",
        description: "x".repeat(9000),
      },
    });
    store.close();
    const after = fs.readFileSync(grown);
    fs.rmSync(grown);
    expect(after.readUInt32BE(28)).toBeGreaterThan(before.readUInt32BE(28));

    // The crash: the new page 1 over the old file, which has not grown yet, and the hot journal.
    const torn = Buffer.from(before);
    after.copy(torn, 0, 0, pageSize);
    fs.writeFileSync(file, torn);
    fs.writeFileSync(`${file}-journal`, hotJournal(before, pageSize, [1]));

    // Control: plain SQLite accepts the journal and rolls the file back to its old bytes.
    const control = path.join(work, "torn-control.scorecard");
    fs.copyFileSync(file, control);
    fs.copyFileSync(`${file}-journal`, `${control}-journal`);
    const db = new Database(control);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    expect(fs.readFileSync(control).equals(before)).toBe(true);
    fs.rmSync(control);

    let opened: ScorecardDocument | string;
    try {
      const recovered = ScorecardStore.open(file, { appVersion: APP_VERSION });
      opened = recovered.document();
      recovered.close();
    } catch (e) {
      opened = `refused: ${e instanceof Error ? e.message : String(e)}`;
    }
    expect(typeof opened === "string" ? opened : "opened").toBe("opened");
    expect(opened).toEqual(baseDoc);
    expect(fs.readdirSync(dir)).toEqual([FILE]);
    const check = new Database(file, { readonly: true, fileMustExist: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
  });
});

/**
 * A hot rollback journal (sqlite.org/fileformat.html §4) that restores `pages` of `original`:
 * a header padded to one 512-byte sector, then one record per page (page number, the original
 * bytes, a checksum over every 200th byte seeded by the header's nonce).
 */
function hotJournal(original: Buffer, pageSize: number, pages: number[]): Buffer {
  const sector = 512;
  const nonce = 0x2545f491;
  const header = Buffer.alloc(sector);
  JOURNAL_MAGIC.copy(header, 0);
  header.writeUInt32BE(pages.length, 8);
  header.writeUInt32BE(nonce, 12);
  header.writeUInt32BE(original.length / pageSize, 16);
  header.writeUInt32BE(sector, 20);
  header.writeUInt32BE(pageSize, 24);
  const records = pages.map((pgno) => {
    const data = original.subarray((pgno - 1) * pageSize, pgno * pageSize);
    let sum = nonce;
    for (let i = pageSize - 200; i > 0; i -= 200) sum = (sum + (data[i] ?? 0)) >>> 0;
    const record = Buffer.alloc(pageSize + 8);
    record.writeUInt32BE(pgno, 0);
    data.copy(record, 4);
    record.writeUInt32BE(sum, pageSize + 4);
    return record;
  });
  return Buffer.concat([header, ...records]);
}
