/**
 * Typing in the actuals grid at SPEC §6's realistic size (200 measures × 24 periods), measured in
 * the page with performance.now():
 * - keystroke → painted: from a digit's keydown to the first frame after it (the cell editor shows it);
 * - value → score painted: from the Enter that commits a value to the frame after the header's
 *   overall score shows the new result. This includes the check against the shared rules, the
 *   round trip to main's handler table (which writes the file), replaying main's steps, the
 *   re-score and React's render;
 * - of which main: the handler's own time for the edit (parse, check, write, commit to disk),
 *   timed in the test process;
 * - of which the bridge: one round trip of a no-op request through the harness's bridge
 *   (Playwright's binding to the test process), which stands in for Electron's IPC here.
 * "Painted" is the end of the next animation frame (requestAnimationFrame, then a task). Its floor
 * is a key that changes nothing on screen (Shift): the wait for the next frame alone. A keystroke
 * passes when it is painted within one frame of that floor.
 */
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { failures, formatTable, paintedRows, type Row, summarize } from "../bench/measure.ts";
import { REALISTIC, syntheticScorecard } from "../bench/synthetic.ts";
import { expect, test } from "../e2e/harness/fixture.ts";

const ROUNDS = 40;

test("typing in the actuals grid at 200 measures × 24 periods", async ({ app, shell, page }) => {
  const doc = syntheticScorecard(REALISTIC);
  // The grid's first row is the first measure of the top perspective's first objective. It is made
  // a plain 0 → 100 measure that outweighs its siblings, so each commit moves the overall score.
  const top = [...doc.perspectives].sort((a, b) => a.order - b.order)[0];
  const objective = doc.objectives.find((o) => o.perspectiveId === top?.id);
  const at = doc.measures.findIndex((m) => m.objectiveId === objective?.id);
  const measure = doc.measures[at];
  if (!measure) throw new Error("no measure in the first row");
  const first = {
    ...measure,
    method: "linear",
    direction: "higher",
    band: null,
    validRange: null,
    baseline: 0,
    target: 100,
    weight: 1000,
  } as const;
  doc.measures[at] = first;
  const file = `${shell.dir}/realistic.scorecard`;
  writeFileAtomically(file, doc);
  await app.launch(file);
  const mainTimes: number[] = [];
  const apply = shell.table.applyOperation;
  shell.table.applyOperation = async (windowId, payload) => {
    const t0 = performance.now();
    const result = await apply(windowId, payload);
    mainTimes.push(performance.now() - t0);
    return result;
  };
  await page.getByRole("button", { name: "Actuals" }).click();
  const lastColumn = REALISTIC.periods - 1;
  const cell = page.locator(`td[data-row="0"][data-col="${lastColumn}"]`);
  await cell.click();

  await page.evaluate(() => {
    const w = window as unknown as { __bench: { key: number[]; idle: number[]; commit: number[]; t0: number | null } };
    w.__bench = { key: [], idle: [], commit: [], t0: null };
    const painted = (since: number, into: number[]) =>
      requestAnimationFrame(() => setTimeout(() => into.push(performance.now() - since), 0));
    window.addEventListener(
      "keydown",
      (e) => {
        if (e.key === "Enter") w.__bench.t0 = performance.now();
        else if (/^[0-9]$/.test(e.key)) painted(performance.now(), w.__bench.key);
        else if (e.key === "Shift") painted(performance.now(), w.__bench.idle);
      },
      true,
    );
    const overall = document.querySelector("[data-testid=header-overall] .overall-value");
    if (!overall) throw new Error("no overall score");
    new MutationObserver(() => {
      const t0 = w.__bench.t0;
      if (t0 === null) return;
      w.__bench.t0 = null;
      painted(t0, w.__bench.commit);
    }).observe(overall, { characterData: true, childList: true, subtree: true });
  });

  const overall = page.getByTestId("header-overall");
  for (let i = 0; i < ROUNDS; i++) {
    const before = await overall.textContent();
    // Alternate between the baseline and the target: the score moves between its extremes.
    const value = i % 2 === 0 ? first.target : first.baseline;
    await cell.click();
    await page.keyboard.press("Shift");
    await page.keyboard.type(String(value));
    await page.keyboard.press("Enter");
    await expect(overall).not.toHaveText(before ?? "");
  }
  const samples = await page.evaluate(async () => {
    const w = window as unknown as {
      __bench: { key: number[]; idle: number[]; commit: number[] };
      scorecard: { readSettings(r: object): Promise<unknown> };
    };
    const bridge: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await w.scorecard.readSettings({});
      bridge.push(performance.now() - t0);
    }
    return { key: w.__bench.key, idle: w.__bench.idle, commit: w.__bench.commit, bridge };
  });
  expect(samples.commit.length).toBe(ROUNDS);
  expect(
    app.fileDocument().actuals.find((a) => a.measureId === first.id && a.periodId === doc.periods.at(-1)?.id)?.value,
  ).toBe(ROUNDS % 2 === 0 ? first.baseline : first.target);

  const size = "200 × 24, Chromium";
  const main = summarize(mainTimes);
  const commit = summarize(samples.commit);
  const bridge = summarize(samples.bridge);
  const rows: Row[] = [
    // Frames are quantized, so the check is in frames: painted at most one frame after a key that
    // paints nothing.
    ...paintedRows("grid: keystroke → painted", size, samples.key, samples.idle),
    {
      name: "grid: value → score painted",
      size,
      median: commit.median,
      p95: commit.p95,
      targetMs: 100,
      targetOn: "p95",
    },
    { name: "  of which: main commits the edit", size: "file on disk", median: main.median, p95: main.p95 },
    { name: "  of which: harness bridge round trip", size: "no-op request", median: bridge.median, p95: bridge.p95 },
  ];

  console.log(`\n${formatTable(rows)}\n`);
  expect(failures(rows)).toEqual([]);
});
