/**
 * Moving a what-if slider at SPEC §6's what-if size (1,000 measures, 20 investments), measured in
 * the page. SPEC §6 (issue 7 item 5): slider input to painted frame under 16 ms.
 * - input → painted: from the keydown's event.timeStamp (when the browser received the key) to
 *   the end of the next animation frame (requestAnimationFrame, then a task: the frame has been
 *   produced by then). This includes the store update, the scenario evaluation, React's render
 *   and commit of the slider, totals and score bars, and the browser's style, layout and paint.
 *   The map, the timeline, the tornado and the Monte Carlo band follow only once the sliders rest
 *   (docs/whatif-view.md);
 * - of which script and render: from the same timeStamp to React's commit of the moved slider's
 *   row (a MutationObserver on its text, which runs right after the commit), recorded as a
 *   performance.measure ("whatif:key→commit"), as is input → painted ("whatif:key→painted");
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
 * (a one-off task when it arrives). The last rows are for information: main-thread tasks over
 * 50 ms while the keys were pressed (the browser's long tasks), and the browser's own account of
 * the keys from the Event Timing API (PerformanceObserver "event", durationThreshold 16): how many
 * slider keys took 16 ms or more from input to the next paint, and the longest. Event Timing rounds
 * durations to 8 ms and includes the same frame wait as above, so a key that arrives just after a
 * frame began is reported at 16 ms or more without any slow work: that row is not checked.
 */
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { commitRow, failures, formatTable, paintedRows, type Row, summarize } from "../bench/measure.ts";
import { syntheticScorecard, WHAT_IF } from "../bench/synthetic.ts";
import { expect, test } from "../e2e/harness/fixture.ts";

const ROUNDS = 40;
const WARMUP = 6;

interface Bench {
  key: number[];
  idle: number[];
  commit: number[];
  t0: number | null;
  armed: boolean;
  /** Main-thread tasks over 50 ms while the keys were pressed (the browser's long tasks). */
  longTasks: number[];
  /** The measured slider keys' timeStamps, to find their Event Timing entries. */
  keyStamps: number[];
  /** The floor keys' timeStamps: the same API's account of a key that paints nothing. */
  idleStamps: number[];
  /** Event Timing entries of 16 ms or more (keydown), with their start and processing time. */
  slowEvents: Array<{ start: number; duration: number; processing: number }>;
}

/** The browser's own input → next paint (Event Timing, 8 ms granularity, frame wait included); the longest in the p95 column. */
function eventTimingRows(name: string, slow: Bench["slowEvents"]): Row[] {
  return [
    {
      name,
      size: "Event Timing",
      median: slow.length,
      unit: `of ${ROUNDS} keys`,
      p95: slow.length > 0 ? Math.max(...slow.map((e) => e.duration)) : 0,
      note: `info: median ${slow.length > 0 ? summarize(slow.map((e) => e.duration)).median : 0} ms; handlers ≤ ${
        slow.length > 0 ? Math.max(...slow.map((e) => e.processing)).toFixed(1) : "0"
      } ms in them`,
    },
  ];
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
    w.__bench = {
      key: [],
      idle: [],
      commit: [],
      t0: null,
      armed: false,
      longTasks: [],
      keyStamps: [],
      idleStamps: [],
      slowEvents: [],
    };
    new PerformanceObserver((list) => {
      if (w.__bench.armed) for (const entry of list.getEntries()) w.__bench.longTasks.push(entry.duration);
    }).observe({ type: "longtask" });
    // The browser's input → next paint per event, for those of 16 ms or more (the API's least threshold).
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[])
        if (entry.name === "keydown")
          w.__bench.slowEvents.push({
            start: entry.startTime,
            duration: entry.duration,
            processing: entry.processingEnd - entry.processingStart,
          });
    }).observe({ type: "event", durationThreshold: 16, buffered: true } as PerformanceObserverInit);
    const painted = (since: number, into: number[], measure?: string) =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          const end = performance.now();
          if (measure) performance.measure(measure, { start: since, end });
          into.push(end - since);
        }, 0),
      );
    window.addEventListener(
      "keydown",
      (e) => {
        if (!w.__bench.armed) return;
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          w.__bench.t0 = e.timeStamp;
          w.__bench.keyStamps.push(e.timeStamp);
          painted(e.timeStamp, w.__bench.key, "whatif:key→painted");
        } else if (e.key === "Shift") {
          w.__bench.idleStamps.push(e.timeStamp);
          painted(e.timeStamp, w.__bench.idle);
        }
      },
      true,
    );
    const row = document.querySelector(`.spend-row[data-investment-id="${id}"] .spend-foot`);
    if (!row) throw new Error("no slider row");
    new MutationObserver(() => {
      const t0 = w.__bench.t0;
      if (t0 === null) return;
      w.__bench.t0 = null;
      const end = performance.now();
      performance.measure("whatif:key→commit", { start: t0, end });
      w.__bench.commit.push(end - t0);
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
  const samples = await page.evaluate(async () => {
    const bench = (window as unknown as { __bench: Bench }).__bench;
    bench.armed = false;
    // Event Timing entries are delivered after their paint: a frame or two for the last key's.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const measured = (name: string) => performance.getEntriesByName(name, "measure").map((m) => m.duration);
    return { ...bench, painted: measured("whatif:key→painted"), commits: measured("whatif:key→commit") };
  });
  expect(samples.commit.length).toBe(ROUNDS);
  // The marks and the arrays are the same measurements.
  expect(samples.commits).toHaveLength(ROUNDS);
  expect(samples.painted).toHaveLength(ROUNDS);
  expect(Number(await slider.inputValue())).toBe(first.baseSpend);

  // The uncertainty band at this size: the document goes to the worker in slices, 10,000 draws run
  // there. Timed from the key in the test process (the poll adds up to ~100 ms), settle included.
  const t0 = performance.now();
  await page.keyboard.press("PageUp");
  await expect(page.getByTestId("uncertainty-status")).toHaveAttribute("data-ready", "", { timeout: 30_000 });
  const bandMs = performance.now() - t0;

  const size = "1,000 measures × 20 investments";
  const commit = summarize(samples.commits);
  // The measured keys' Event Timing entries: an entry's startTime is its event's timeStamp.
  const slowOf = (stamps: number[]) => {
    const set = new Set(stamps.map((t) => Math.round(t)));
    return samples.slowEvents.filter((e) => set.has(Math.round(e.start)));
  };
  const slow = slowOf(samples.keyStamps);
  const slowIdle = slowOf(samples.idleStamps);
  const [painted, floor] = paintedRows("what-if: slider key → painted", size, samples.painted, samples.idle);
  if (!painted || !floor) throw new Error("the painted rows");
  const rows: Row[] = [
    // Frames are quantized (see the header): painted in the frame after the input.
    painted,
    commitRow(size, commit),
    floor,
    {
      name: "what-if: key → Monte Carlo band shown",
      size: "10,000 draws, worker",
      median: bandMs,
      note: "info: includes the 200 ms settle",
    },
    {
      // The map, the timeline and the tornado follow once the sliders rest, the Monte Carlo run
      // in a worker: none of it should block the thread for long. The longest such task is the p95 column.
      name: "what-if: main-thread tasks over 50 ms",
      size: `${ROUNDS} keys`,
      median: samples.longTasks.length,
      unit: "tasks",
      p95: samples.longTasks.length > 0 ? Math.max(...samples.longTasks) : 0,
    },
    ...eventTimingRows("what-if: slider keys with input → next paint ≥ 16 ms", slow),
    // The control: the same API on the floor keys, which paint nothing. As many of them as of the
    // slider keys reach 16 ms: the frame wait and presentation of this browser, not slider work.
    ...eventTimingRows("  control: floor keys with input → next paint ≥ 16 ms", slowIdle),
  ];

  console.log(`\n${formatTable(rows)}\n`);
  expect(failures(rows)).toEqual([]);
});
