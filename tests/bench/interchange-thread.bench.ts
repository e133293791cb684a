/**
 * Bench rows for main's interchange worker thread (electron/interchange/worker-thread.ts) on the
 * large scorecard: how long the XLSX export and the import's read take through the worker (the
 * worker already started), and the longest pause of main's event loop meanwhile, which is what
 * the app's windows feel. In main's own thread that pause would be the whole job. The worker is
 * the one `npm run build:main` writes (the bench script builds it first). Information rows.
 */
import fs from "node:fs";
import path from "node:path";
import { InterchangeThread } from "../../electron/interchange/worker-thread.ts";
import { type Row, summarize } from "./measure.ts";
import { tempDir } from "../support/files.ts";
import { LARGE, sizeLabel, syntheticScorecard } from "./synthetic.ts";

const WORKER = path.resolve(import.meta.dirname, "../electron/interchange-worker.cjs");

/** The job's time and the longest gap between ticks of a 1 ms timer on this thread while it ran. */
async function withPauses<T>(job: () => Promise<T>): Promise<{ ms: number; pause: number; value: T }> {
  let last = performance.now();
  let pause = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    pause = Math.max(pause, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  const value = await job();
  const ms = performance.now() - t0;
  clearInterval(timer);
  pause = Math.max(pause, performance.now() - last);
  return { ms, pause, value };
}

async function medians<T>(job: () => Promise<T>, runs: number) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await withPauses(job));
  return {
    ms: summarize(results.map((r) => r.ms)).median,
    pause: summarize(results.map((r) => r.pause)).median,
    value: results[0]?.value as T,
  };
}

export async function interchangeThreadRows(): Promise<Row[]> {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build:main\` first`);
  const doc = syntheticScorecard(LARGE);
  const size = sizeLabel(LARGE);
  const dir = tempDir("scorecard-thread-bench-");
  const thread = new InterchangeThread(WORKER);
  try {
    await thread.exportData({ ...doc, measures: doc.measures.slice(0, 1), actuals: [] }, "xlsx"); // start it, load exceljs
    const exported = await medians(() => thread.exportData(doc, "xlsx"), 3);
    const file = path.join(dir, "large.xlsx");
    fs.writeFileSync(file, exported.value);
    const read = await medians(() => thread.readImportFile(file), 3);
    return [
      { name: "worker thread: export to XLSX", size, median: exported.ms, note: "info" },
      { name: "  main's longest pause meanwhile", size, median: exported.pause, note: "info: sending the document" },
      { name: "worker thread: read the XLSX for import", size, median: read.ms, note: "info" },
      { name: "  main's longest pause meanwhile", size, median: read.pause, note: "info: receiving the cells" },
    ];
  } finally {
    await thread.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
