/**
 * Dragging a card on the strategy map at 100 objectives (SPEC §6, issue 7: "the map stays smooth
 * while dragging at 100 objectives"), measured in the page with performance.now():
 * - pointermove → painted: from a pointermove during a card drag to the end of the frame after
 *   the dragged card's position changed in the DOM (requestAnimationFrame, then a task): the
 *   map's own rAF, React's render of the map and the browser's paint;
 * - floor: a pointermove over the map with no button down, which changes nothing on screen: the
 *   wait for the next frame alone.
 * A move passes when it is painted within one frame of that floor. The drop is then checked in
 * the file, so the drag measured is a real one.
 */
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { formatTable, isChecked, passes, type Row, summarize } from "../bench/measure.ts";
import { expect, test } from "../e2e/harness/fixture.ts";
import { mapDoc } from "../support/map-docs.ts";

const OBJECTIVES = 100;
const MOVES = 120;
/** One frame at 60 Hz. */
const FRAME_MS = 1000 / 60;

test("dragging a card on the strategy map at 100 objectives", async ({ app, shell, page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const doc = mapDoc(OBJECTIVES);
  const file = `${shell.dir}/map-100.scorecard`;
  writeFileAtomically(file, doc);
  await app.launch(file);
  await page.getByRole("button", { name: "Strategy Map" }).click();
  const map = page.getByRole("group", { name: "Strategy map" });
  await expect(map).toHaveAttribute("data-layout", "ready");
  await expect(page.locator("[data-card-id]")).toHaveCount(OBJECTIVES);

  // A card in the middle of the map, dragged left and right inside its band.
  const target = doc.objectives[Math.floor(OBJECTIVES / 2)];
  if (!target) throw new Error("no card");
  const body = page.locator(`[data-card-id="${target.id}"] .card-body`);
  await body.scrollIntoViewIfNeeded();
  const box = await body.boundingBox();
  if (!box) throw new Error("card not visible");
  await page.evaluate((id) => {
    const w = window as unknown as { __bench: { move: number[]; idle: number[]; t0: number | null } };
    w.__bench = { move: [], idle: [], t0: null };
    const painted = (since: number, into: number[]) =>
      requestAnimationFrame(() => setTimeout(() => into.push(performance.now() - since), 0));
    window.addEventListener(
      "pointermove",
      (e) => {
        if (e.buttons !== 1) painted(performance.now(), w.__bench.idle);
        else w.__bench.t0 ??= performance.now();
      },
      true,
    );
    // A move is shown when the dragged card's transform changes; painted at the end of that frame.
    const card = document.querySelector(`[data-card-id="${id}"]`);
    if (!card) throw new Error("no card");
    new MutationObserver(() => {
      const t0 = w.__bench.t0;
      if (t0 === null) return;
      w.__bench.t0 = null;
      painted(t0, w.__bench.move);
    }).observe(card, { attributes: true, attributeFilter: ["transform"] });
  }, target.id);
  const x0 = box.x + box.width / 2;
  const y0 = box.y + box.height / 2;
  // Floor: the same moves with no button down.
  for (let i = 0; i < MOVES / 2; i++) {
    await page.mouse.move(x0 + (i % 20) * 3, y0);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let i = 0; i < MOVES; i++) {
    const dx = 4 * (i < MOVES / 2 ? i : MOVES - i);
    await page.mouse.move(x0 + dx, y0 + (i % 3));
    // One move per frame, as a hand moves a mouse: each is measured on its own.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  }
  await page.mouse.move(x0 + 40, y0);
  await page.mouse.up();
  await expect.poll(() => app.fileDocument().objectives.find((o) => o.id === target.id)?.position).not.toBeNull();

  const samples = await page.evaluate(
    () => (window as unknown as { __bench: { move: number[]; idle: number[] } }).__bench,
  );
  // Every move but the few the card could not follow (the band's edge) was shown.
  expect(samples.move.length).toBeGreaterThanOrEqual(MOVES * 0.9);
  const size = `${OBJECTIVES} objectives, Chromium`;
  const move = summarize(samples.move);
  const idle = summarize(samples.idle);
  const rows: Row[] = [
    {
      name: "map: card drag pointermove → painted",
      size,
      median: move.median,
      p95: move.p95,
      floor: { name: "next frame", ms: idle.median },
      targetMs: idle.median + FRAME_MS,
      note: "≤ floor + 1 frame",
    },
    { name: "  floor: a move that paints nothing", size, median: idle.median, p95: idle.p95 },
  ];
  console.log(`\n${formatTable(rows)}\n`);
  for (const row of rows) if (isChecked(row)) expect(passes(row), `${row.name}: ${row.median} ms`).toBe(true);
});
