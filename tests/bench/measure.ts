/** Timing helpers for `npm run bench`: medians of many runs after a warm-up, and the result table. */

export interface Timing {
  median: number;
  p95: number;
  runs: number;
}

/** Median and 95th percentile of samples in ms (sorts them in place). */
export function summarize(samples: number[]): Timing {
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
  return { median: at(0.5), p95: at(0.95), runs: samples.length };
}

/** Runs `fn` until `minRuns` runs and `minMs` of measured time have passed; times in ms. */
export function time(fn: () => void, { minRuns = 50, minMs = 300, warmup = 20 } = {}): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  const start = performance.now();
  while (samples.length < minRuns || performance.now() - start < minMs) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

/**
 * For slow jobs (seconds, not microseconds): the median of `runs` timed runs of `fn`, sync or
 * async, after `warmup` untimed ones, and the last run's result.
 */
export async function timeAsync<T>(
  fn: () => T | Promise<T>,
  runs: number,
  warmup = 1,
): Promise<{ median: number; last: T }> {
  let last: T | undefined;
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    last = await fn();
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  return { median: summarize(samples).median, last: last as T };
}

export interface Row {
  name: string;
  size: string;
  /** Median in ms, or a quantity in `unit` for a row that is not a timing (a file size). */
  median: number;
  unit?: string;
  p95?: number;
  /** What the median is compared with: a floor (ratio ≤ maxRatio) and/or an absolute target in ms. */
  floor?: { name: string; ms: number; maxRatio?: number };
  targetMs?: number;
  /** Which statistic the target bounds (default the median). */
  targetOn?: "median" | "p95";
  note?: string;
}

/** The statistic a row's target is checked against. */
function checkedValue(row: Row): number {
  return row.targetOn === "p95" ? (row.p95 ?? Number.POSITIVE_INFINITY) : row.median;
}

export function passes(row: Row): boolean {
  const ratioOk = row.floor?.maxRatio === undefined || row.median / row.floor.ms <= row.floor.maxRatio;
  const targetOk = row.targetMs === undefined || checkedValue(row) <= row.targetMs;
  return ratioOk && targetOk;
}

/** A row with a ratio limit or an absolute target is checked; others are for information. */
export function isChecked(row: Row): boolean {
  return row.floor?.maxRatio !== undefined || row.targetMs !== undefined;
}

export function formatTable(rows: readonly Row[]): string {
  const ms = (x: number) => (x < 0.1 ? x.toFixed(4) : x < 10 ? x.toFixed(3) : x.toFixed(1));
  const header = ["measurement", "work size", "median ms", "p95 ms", "floor ms", "ratio (max)", "target ms", "result"];
  const body = rows.map((r) => [
    r.name,
    r.size,
    r.unit === undefined ? ms(r.median) : `${r.median.toFixed(1)} ${r.unit}`,
    r.p95 === undefined ? "—" : ms(r.p95),
    r.floor ? ms(r.floor.ms) : "—",
    r.floor ? `${(r.median / r.floor.ms).toFixed(2)}×${r.floor.maxRatio ? ` (≤ ${r.floor.maxRatio}×)` : ""}` : "—",
    r.targetMs === undefined ? "—" : `< ${ms(r.targetMs)}${r.targetOn === "p95" ? " at p95" : ""}`,
    isChecked(r) ? `${passes(r) ? "PASS" : "FAIL"}${r.note ? ` (${r.note})` : ""}` : (r.note ?? "info"),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...body.map((line) => (line[c] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c] as number)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

/** One frame at 60 Hz: the UI benches' budget for work, and their allowance over the frame wait. */
export const FRAME_MS = 1000 / 60;

/**
 * The rows of an "input → painted" measurement in a UI bench: `painted` (ms from each input to the
 * end of its next frame) checked on the median against the floor plus one frame, since frames are
 * quantized, and the floor itself, `floor` (the same for an input that paints nothing).
 */
export function paintedRows(
  name: string,
  size: string,
  painted: number[],
  floor: number[],
  floorName = "  floor: a key that paints nothing",
): Row[] {
  const key = summarize(painted);
  const idle = summarize(floor);
  return [
    {
      name,
      size,
      median: key.median,
      p95: key.p95,
      floor: { name: "next frame", ms: idle.median },
      targetMs: idle.median + FRAME_MS,
      note: "≤ floor + 1 frame",
    },
    { name: floorName, size, median: idle.median, p95: idle.p95 },
  ];
}

/** The "of which" row of a UI bench: the script and React's render up to the commit, checked under one frame. */
export function commitRow(size: string, commit: Timing): Row {
  return {
    name: "  of which: script and render (→ React commit)",
    size,
    median: commit.median,
    p95: commit.p95,
    targetMs: FRAME_MS,
    note: "< 1 frame",
  };
}

/** The checked rows that fail, as "name: median", for one assertion after the table is printed. */
export function failures(rows: readonly Row[]): string[] {
  return rows.filter((row) => isChecked(row) && !passes(row)).map((row) => `${row.name}: ${row.median} ms`);
}
