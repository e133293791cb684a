/**
 * Moving a what-if slider at SPEC §6's what-if size (1,000 measures, 20 investments), measured in
 * the page. SPEC §6 (issue 7 item 5): slider input to painted frame under 16 ms.
 * - input → painted: from the keydown's event.timeStamp (when the browser received the key) to
 *   the end of the next animation frame (requestAnimationFrame, then a task: the frame has been
 *   produced by then). This includes the store update, the scenario evaluation, React's render
 *   and commit of the slider, totals and score bars, the timeline chart that follows as a
 *   deferred render, and the browser's style, layout and paint. The map, the tornado and the
 *   Monte Carlo band follow only once the sliders rest (docs/whatif-view.md);
 * - of which script and render: from the same timeStamp to React's commit of the moved slider's
 *   row (a MutationObserver on its text, which runs right after the commit);
 * - floor: a key that changes nothing (Shift on the slider): the wait for the next frame alone.
 *
 * Frames are quantized: a key arriving just after a frame began waits up to one whole frame
 * (16.7 ms at 60 Hz) for the next one, whatever the work costs, so "input → painted" cannot be
 * held under 16 ms by code; its floor says how much of it is the frame wait. The honest checks
 * are therefore: the script/render work fits inside one frame (under 16.7 ms), and the input is
 * painted in the frame after it, i.e. within one frame of the floor (floor + 16.7 ms). Both are
 * checked on the median, as the typing bench does: on a shared machine the p95 of even the floor
 * swings with the load (a busy CPU delays any frame), so the p95 is shown, not checked.
 * Run at 1920×1080, so every panel is on screen and painted, and once the map has its auto-layout
 * (a one-off task when it arrives). The last row counts main-thread tasks over 50 ms while the keys
 * were pressed (the browser's long tasks), for information.
 */
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { formatTable, isChecked, passes, type Row, summarize } from "../bench/measure.ts";
import { syntheticScorecard, WHAT_IF } from "../bench/synthetic.ts";
import { expect, test } from "../e2e/harness/fixture.ts";

const ROUNDS = 40;
const WARMUP = 6;
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

interface Bench {
  key: number[];
  idle: number[];
  commit: number[];
  t0: number | null;
  armed: boolean;
  /** Main-thread tasks over 50 ms while the keys were pressed (the browser's long tasks). */
  longTasks: number[];
}

test("moving a what-if slider at 1,000 measures × 20 investments", async ({ app, shell, page }) => {
  // Full HD: the map, the timeline and the tornado are all on screen, so all of them are painted.
  await page.setViewportSize({ width: 1920, height: 1080 });
  const doc = syntheticScorecard(WHAT_IF);
  const file = `${shell.dir}/what-if.scorecard`;
  writeFileAtomically(file, doc);
  await app.launch(file);
  await page.getByRole("button", { name: "What-If", exact: true }).click();
  // The map's first auto-layout answers from its worker a second or more after the view opens, and
  // routing 100 cards' links for it is one 25–60 ms task (renderer/src/map/routes.ts): startup work,
  // not slider work, so the keys are pressed once it is done.
  await expect(page.getByRole("group", { name: "Strategy map (projection)" })).toHaveAttribute("data-layout", "ready", {
    timeout: 30_000,
  });
  const first = doc.investments[0];
  if (!first) throw new Error("the what-if workload has investments");
  const slider = page.getByRole("slider", { name: first.name, exact: true });
  await slider.focus();

  await page.evaluate((id) => {
    const w = window as unknown as { __bench: Bench };
    w.__bench = { key: [], idle: [], commit: [], t0: null, armed: false, longTasks: [] };
    new PerformanceObserver((list) => {
      if (w.__bench.armed) for (const entry of list.getEntries()) w.__bench.longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
    const painted = (since: number, into: number[]) =>
      requestAnimationFrame(() => setTimeout(() => into.push(performance.now() - since), 0));
    window.addEventListener(
      "keydown",
      (e) => {
        if (!w.__bench.armed) return;
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          w.__bench.t0 = e.timeStamp;
          painted(e.timeStamp, w.__bench.key);
        } else if (e.key === "Shift") painted(e.timeStamp, w.__bench.idle);
      },
      true,
    );
    const row = document.querySelector(`.spend-row[data-investment-id="${id}"] .spend-foot`);
    if (!row) throw new Error("no slider row");
    new MutationObserver(() => {
      const t0 = w.__bench.t0;
      if (t0 === null) return;
      w.__bench.t0 = null;
      w.__bench.commit.push(performance.now() - t0);
    }).observe(row, { characterData: true, childList: true, subtree: true });
  }, first.id);

  const count = (name: "key" | "idle") =>
    page.evaluate((n) => (window as unknown as { __bench: Bench }).__bench[n].length, name);
  const press = async (key: string, name: "key" | "idle", expected: number) => {
    await page.keyboard.press(key);
    // One key at a time: the next is sent only after this one's frame was painted.
    await expect.poll(() => count(name)).toBe(expected);
  };

  for (let i = 0; i < WARMUP; i++) await page.keyboard.press(i % 2 === 0 ? "ArrowRight" : "ArrowLeft");
  await page.evaluate(() => {
    (window as unknown as { __bench: Bench }).__bench.armed = true;
  });
  for (let i = 0; i < ROUNDS; i++) {
    await press("Shift", "idle", i + 1);
    // Up for the first half, back down for the second: every key moves the spend.
    await press(i < ROUNDS / 2 ? "ArrowRight" : "ArrowLeft", "key", i + 1);
  }
  const samples = await page.evaluate(() => {
    const bench = (window as unknown as { __bench: Bench }).__bench;
    bench.armed = false;
    return bench;
  });
  expect(samples.commit.length).toBe(ROUNDS);
  expect(Number(await slider.inputValue())).toBe(first.baseSpend);

  // The uncertainty band at this size: the document goes to the worker in slices, 10,000 draws run
  // there. Timed from the key in the test process (the poll adds up to ~100 ms), settle included.
  const t0 = performance.now();
  await page.keyboard.press("PageUp");
  await expect(page.getByTestId("uncertainty-status")).toHaveAttribute("data-ready", "", { timeout: 30_000 });
  const bandMs = performance.now() - t0;

  const size = "1,000 measures × 20 investments";
  const key = summarize(samples.key);
  const idle = summarize(samples.idle);
  const commit = summarize(samples.commit);
  const rows: Row[] = [
    {
      // Frames are quantized (see the header): painted in the frame after the input.
      name: "what-if: slider key → painted",
      size,
      median: key.median,
      p95: key.p95,
      floor: { name: "next frame", ms: idle.median },
      targetMs: idle.median + FRAME_MS,
      note: "≤ floor + 1 frame",
    },
    {
      name: "  of which: script and render (→ React commit)",
      size,
      median: commit.median,
      p95: commit.p95,
      targetMs: FRAME_MS,
      note: "< 1 frame",
    },
    { name: "  floor: a key that paints nothing", size, median: idle.median, p95: idle.p95 },
    {
      name: "what-if: key → Monte Carlo band shown",
      size: "10,000 draws, worker",
      median: bandMs,
      note: "info: includes the 200 ms settle",
    },
    {
      // The timeline follows in a deferred render, the map once the sliders rest, the Monte Carlo run
      // in a worker: none of it should block the thread for long. The longest such task is the p95 column.
      name: "what-if: main-thread tasks over 50 ms",
      size: `${ROUNDS} keys`,
      median: samples.longTasks.length,
      unit: "tasks",
      p95: samples.longTasks.length > 0 ? Math.max(...samples.longTasks) : 0,
    },
  ];

  console.log(`\n${formatTable(rows)}\n`);
  for (const row of rows) if (isChecked(row)) expect(passes(row), `${row.name}: ${row.median} ms`).toBe(true);
});
