/**
 * Bench rows for the `.scorecard` file store (SPEC §6): open + load, one committed edit, the share
 * copy, and the file's size. Files live in a temporary folder on the system's temp disk (so every
 * commit pays its real fsync) and are removed at the end.
 */
import fs from "node:fs";
import path from "node:path";
import { readScorecardFile } from "../../electron/file/open.ts";
import { ScorecardStore, type StoreOptions } from "../../electron/file/store.ts";
import { prng } from "../../shared/random/prng.ts";
import { type Row, summarize, time } from "./measure.ts";
import { tempDir } from "../support/files.ts";
import { LARGE, REALISTIC, sizeLabel, syntheticScorecard, type WorkSize } from "./synthetic.ts";

const OPTS: StoreOptions = { appVersion: "bench" };

/** Times `fn(i)` for `runs` runs after `warmup` untimed ones; `after(i)` runs untimed after each. */
function sample(
  fn: (i: number) => void,
  { runs, warmup, after }: { runs: number; warmup: number; after?: (i: number) => void },
) {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    fn(i);
    const t1 = performance.now();
    if (i >= warmup) samples.push(t1 - t0);
    after?.(i);
  }
  return summarize(samples);
}

function openAndLoad(file: string): number {
  const store = ScorecardStore.open(file, OPTS);
  try {
    return store.document().actuals.length;
  } finally {
    store.close();
  }
}

function editRows(file: string, size: string): Row[] {
  const store = ScorecardStore.open(file, OPTS);
  try {
    const { measures, periods } = store.document();
    const rand = prng(7);
    const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)] as T;
    const cell = sample(
      () => {
        const m = pick(measures);
        const p = pick(periods);
        store.apply({ type: "actual.set", measureId: m.id, periodId: p.id, value: Math.round(rand() * 1000) / 10 });
      },
      { runs: 300, warmup: 30 },
    );
    const rename = sample(
      (i) => {
        const m = pick(measures);
        store.apply({ type: "update", entity: "measure", id: m.id, changes: { name: `Renamed measure ${i}` } });
      },
      { runs: 60, warmup: 5 },
    );
    return [
      {
        name: "one edit committed: actual.set",
        size,
        median: cell.median,
        p95: cell.p95,
        targetMs: 5,
        targetOn: "p95",
      },
      {
        name: "one edit committed: rename measure",
        size,
        median: rename.median,
        p95: rename.p95,
        note: "info",
      },
    ];
  } finally {
    store.close();
  }
}

function copyRows(file: string, dir: string, size: string): Row[] {
  const store = ScorecardStore.open(file, OPTS);
  try {
    const target = (name: string, i: number) => path.join(dir, `${name}-${i}.scorecard`);
    const remove = (name: string) => (i: number) => fs.rmSync(target(name, i));
    const share = sample((i) => store.writeCopy(target("share", i)), { runs: 5, warmup: 1, after: remove("share") });
    const template = sample((i) => store.writeCopy(target("template", i), { actuals: false }), {
      runs: 5,
      warmup: 1,
      after: remove("template"),
    });
    return [
      { name: "share copy (Save As / Share…)", size, median: share.median, targetMs: 1000 },
      { name: "share copy without actuals", size, median: template.median, note: "info" },
    ];
  } finally {
    store.close();
  }
}

/**
 * Writes the synthetic scorecard of `size` to `file` and returns its number of actuals. The
 * document is dropped afterwards, so the timings below run in a heap that holds only what the
 * app would (a held second copy of 342,000 actuals makes every collection, and the open, slower).
 */
function createFile(file: string, size: WorkSize): number {
  const doc = syntheticScorecard(size);
  ScorecardStore.create(file, doc, OPTS).close();
  return doc.actuals.length;
}

export function fileRows(): Row[] {
  const dir = tempDir("scorecard-bench-");
  try {
    const rows: Row[] = [];

    const realisticFile = path.join(dir, "realistic.scorecard");
    createFile(realisticFile, REALISTIC);
    const realisticOpen = time(() => openAndLoad(realisticFile), { minRuns: 20, minMs: 300, warmup: 3 });
    rows.push({ name: "open + load file", size: sizeLabel(REALISTIC), median: realisticOpen.median, note: "info" });

    const largeFile = path.join(dir, "large.scorecard");
    const actuals = createFile(largeFile, LARGE);
    const size = sizeLabel(LARGE);

    const open = time(() => openAndLoad(largeFile), { minRuns: 11, minMs: 0, warmup: 1 });
    rows.push({ name: "open + load file", size, median: open.median, targetMs: 500 });
    const read = time(() => readScorecardFile(largeFile), { minRuns: 11, minMs: 0, warmup: 1 });
    rows.push({ name: "read-only read (readScorecardFile)", size, median: read.median, note: "info" });

    // Size before the edits below, as written by create (a fresh, compact copy).
    const bytes = fs.statSync(largeFile).size;
    rows.push({ name: "file size", size, median: bytes / (1024 * 1024), unit: "MB", note: "info" });
    rows.push({
      name: "file size per actual",
      size: `${actuals.toLocaleString("en-US")} actuals`,
      median: bytes / actuals,
      unit: "bytes",
      note: "info",
    });

    rows.push(...editRows(largeFile, size));
    rows.push(...copyRows(largeFile, dir, size));
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
