/**
 * The scorecard view through the harness: a real `.scorecard` file opened in the window, and every
 * number on the page checked against the scoring engine run here on the same document.
 */
import type { Page } from "@playwright/test";
import { formatPercent } from "../../shared/display/numbers.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { scoreAll } from "../../shared/scoring/engine.ts";
import { explainMeasure, explainObjective } from "../../shared/scoring/explain.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { STATUS_TEXT } from "../../shared/scoring/status.ts";
import { type ScorecardView, scorecardView } from "../../shared/scoring/view.ts";
import { trendText } from "../../renderer/src/scorecard/trend.ts";
import { valueText } from "../../renderer/src/scorecard/value-text.ts";
import { type AppWindow, expect, test } from "./harness/fixture.ts";
import { LONG, RTL, writeHostileNames, XSS } from "./harness/hostile-names.ts";

/** Opens the demo (eight quarters of actuals) and returns the document the window shows. */
async function openDemo(app: AppWindow): Promise<ScorecardDocument> {
  await app.launch(app.shell.writeScorecard("demo.scorecard", "demo"));
  await expect(app.page.getByRole("treegrid")).toBeVisible();
  return app.shell.documents.storeOf(app.windowId).document();
}

const treeRows = (page: Page) => page.locator(".scorecard-tree tbody tr");
const row = (page: Page, id: string) => page.locator(`.scorecard-tree tbody tr[data-row-id="${id}"]`);

/** Name, score, status and trend label of each row, top to bottom, as the page shows them and as the engine says. */
async function shownRows(page: Page) {
  return treeRows(page).evaluateAll((rows) =>
    rows.map((r) => [
      r.querySelector(".name")?.textContent ?? "",
      r.querySelector(".score-text")?.textContent ?? "",
      r.querySelector(".status")?.textContent ?? "",
      r.querySelector(".trend .visually-hidden")?.textContent ?? "",
    ]),
  );
}
function expectedRows(view: ScorecardView) {
  const line = (n: { name: string; score: number | null; status: keyof typeof STATUS_TEXT; trend: number | null }) => [
    n.name,
    formatPercent(n.score),
    STATUS_TEXT[n.status].label,
    trendText(n.trend).label,
  ];
  return view.perspectives.flatMap((p) => [
    line(p),
    ...p.objectives.flatMap((o) => [line(o), ...o.measures.map(line)]),
  ]);
}

async function expectHeadline(page: Page, view: ScorecardView) {
  const summary = page.getByRole("region", { name: "Summary" });
  await expect(summary.getByTestId("overall-score")).toHaveText(formatPercent(view.overall.score));
  await expect(summary.getByTestId("overall-coverage")).toHaveText(formatPercent(view.overall.coverage));
  await expect(summary.getByTestId("overall-trend")).toContainText(trendText(view.overall.trend).label);
  await expect(summary.getByTestId("leading-index")).toHaveText(formatPercent(view.leadingIndex));
  await expect(summary.getByTestId("lagging-index")).toHaveText(formatPercent(view.laggingIndex));
}

/** How many pixels of the detail chart's canvas are painted (not fully transparent). */
async function paintedPixels(page: Page): Promise<number> {
  return page.locator(".detail-panel canvas").evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let painted = 0;
    for (let n = 3; n < data.length; n += 4) if ((data[n] ?? 0) > 0) painted++;
    return painted;
  });
}

test("shows the engine's scores for the latest period", async ({ app }) => {
  const doc = await openDemo(app);
  const view = scorecardView(doc);
  expect(view.overall.score, "the demo scores its latest period").not.toBeNull();
  const { page } = app;
  await expect(page.getByRole("combobox", { name: "Period" })).toHaveValue(String(view.periods.length - 1));
  await expectHeadline(page, view);
  expect(await shownRows(page)).toEqual(expectedRows(view));

  // Measure values, with the stale mark where the value was carried forward.
  const measures = view.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.measures));
  expect(
    measures.some((m) => m.stale),
    "the demo has a stale value in its latest period",
  ).toBe(true);
  const values = await page
    .locator(".scorecard-tree tr.row-measure")
    .evaluateAll((rows) =>
      rows.map((r) => [r.querySelector(".value-text")?.textContent ?? "", r.querySelector(".stale") !== null]),
    );
  expect(values).toEqual(measures.map((m) => [valueText(m.value, m.unit), m.stale]));

  // Every row has a sparkline across all periods, named by its first and last score.
  const sparklines = page.locator(".scorecard-tree .sparkline");
  await expect(sparklines).toHaveCount(expectedRows(view).length);
  await expect(sparklines.first()).toHaveAttribute("aria-label", /^Score from \d+% \(.+\) to \d+% \(.+\)/);
});

test("re-scores when another period is chosen in the header", async ({ app }) => {
  const doc = await openDemo(app);
  const latest = scorecardView(doc);
  // The most recent earlier period whose overall score reads differently, so the change is visible.
  let k = latest.periods.length - 2;
  while (k >= 0 && formatPercent(scorecardView(doc, k).overall.score) === formatPercent(latest.overall.score)) k--;
  expect(k, "the demo has a period with a different overall score").toBeGreaterThanOrEqual(0);
  const view = scorecardView(doc, k);

  await app.page.getByRole("combobox", { name: "Period" }).selectOption({ label: view.periods[k]?.label ?? "" });
  await expect(app.page.getByRole("treegrid")).toHaveAccessibleName(`Scorecard for ${view.periods[k]?.label}`);
  await expectHeadline(app.page, view);
  expect(await shownRows(app.page)).toEqual(expectedRows(view));
});

test("a selected row shows its trend chart and why it scores what it does", async ({ app }) => {
  const doc = await openDemo(app);
  const { page } = app;
  const model = compileModel(doc);
  const table = scoreAll(model);
  const k = model.periodCount - 1;
  const view = scorecardView(doc);

  // Nothing selected: the overall score is explained.
  await expect(page.getByTestId("detail-panel").getByRole("heading", { level: 2 })).toHaveText("Overall score");
  expect(await paintedPixels(page)).toBeGreaterThan(1000);

  // A click on a measure row.
  const measure = view.perspectives[0]?.objectives[0]?.measures[0];
  if (!measure) throw new Error("the demo's top objective has no measure");
  const i = model.measureIndex.get(measure.id) ?? -1;
  await row(page, measure.id).click();
  await expect(row(page, measure.id)).toHaveAttribute("aria-selected", "true");
  const panel = page.getByTestId("detail-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(measure.name);
  await expect(panel.getByTestId("detail-score")).toHaveText(formatPercent(measure.score));
  await expect(panel.getByTestId("explanation-substituted")).toHaveText(explainMeasure(model, table, i, k).substituted);
  await expect(panel.getByRole("heading", { name: `Why is this ${formatPercent(measure.score)}?` })).toBeVisible();
  await expect(panel.locator("canvas")).toHaveAttribute("aria-label", new RegExp(`^${measure.name}: actual against`));
  expect(await paintedPixels(page)).toBeGreaterThan(1000);
  // The chart's numbers are there for screen readers too: one row per period.
  await expect(panel.locator(".visually-hidden table tbody tr")).toHaveCount(model.periodCount);

  // The keyboard: the next row down, selected with Enter, is explained in its turn.
  const next = view.perspectives[0]?.objectives[0]?.measures[1] ?? view.perspectives[0]?.objectives[1];
  if (!next) throw new Error("the demo's first measure has no next row");
  await page.keyboard.press("ArrowDown");
  await expect(row(page, next.id)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText(next.name);
  const expected =
    "unit" in next
      ? explainMeasure(model, table, model.measureIndex.get(next.id) ?? -1, k)
      : explainObjective(model, table, model.objectiveIndex.get(next.id) ?? -1, k);
  await expect(panel.getByTestId("explanation-substituted")).toHaveText(expected.substituted);

  // Back to the whole scorecard.
  await panel.getByRole("button", { name: "Show overall" }).click();
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Overall score");
  await expect(page.locator('.scorecard-tree tr[aria-selected="true"]')).toHaveCount(0);
});

test("the tree is a keyboard-operable treegrid", async ({ app }) => {
  const doc = await openDemo(app);
  const { page } = app;
  const view = scorecardView(doc);
  const [first, second] = view.perspectives;
  const objective = first?.objectives[0];
  if (!first || !second || !objective) throw new Error("the demo has two perspectives with objectives");

  // One tab stop: the first row.
  await expect(page.locator('.scorecard-tree tbody tr[tabindex="0"]')).toHaveCount(1);
  await row(page, first.id).focus();
  await expect(row(page, first.id)).toHaveAttribute("aria-level", "1");
  await expect(row(page, first.id)).toHaveAttribute("aria-expanded", "true");

  // ← collapses the perspective: its rows go, the next perspective follows at once.
  const all = await treeRows(page).count();
  await page.keyboard.press("ArrowLeft");
  await expect(row(page, first.id)).toHaveAttribute("aria-expanded", "false");
  await expect(row(page, objective.id)).toHaveCount(0);
  await page.keyboard.press("ArrowDown");
  await expect(row(page, second.id)).toBeFocused();
  await expect(page.locator('.scorecard-tree tbody tr[tabindex="0"]')).toHaveAttribute("data-row-id", second.id);
  await page.keyboard.press("ArrowUp");
  await expect(row(page, first.id)).toBeFocused();

  // → expands it again, a second → moves to its first objective.
  await page.keyboard.press("ArrowRight");
  await expect(row(page, first.id)).toHaveAttribute("aria-expanded", "true");
  await expect(treeRows(page)).toHaveCount(all);
  await page.keyboard.press("ArrowRight");
  await expect(row(page, objective.id)).toBeFocused();
  await expect(row(page, objective.id)).toHaveAttribute("aria-level", "2");

  // ← on an expanded objective collapses it; another ← goes up to the perspective.
  await page.keyboard.press("ArrowLeft");
  await expect(row(page, objective.id)).toHaveAttribute("aria-expanded", "false");
  for (const m of objective.measures) await expect(row(page, m.id)).toHaveCount(0);
  await page.keyboard.press("ArrowLeft");
  await expect(row(page, first.id)).toBeFocused();

  // End and Home; Space selects.
  await page.keyboard.press("End");
  await expect(treeRows(page).last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(row(page, first.id)).toBeFocused();
  await page.keyboard.press(" ");
  await expect(row(page, first.id)).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("detail-panel").getByRole("heading", { level: 2 })).toHaveText(first.name);

  // A click on the disclosure triangle toggles too.
  await row(page, objective.id).locator(".toggle").click();
  await expect(row(page, objective.id)).toHaveAttribute("aria-expanded", "true");
  await expect(treeRows(page)).toHaveCount(all);
});

test("hostile names show as text, truncated, without breaking the layout", async ({ app, shell }) => {
  const { file, perspective, measure } = writeHostileNames(shell);

  const dialogs: string[] = [];
  app.page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.page.setViewportSize({ width: 1280, height: 800 });
  await app.launch(file);
  const { page } = app;
  const tree = page.getByRole("treegrid");
  await expect(tree.getByText(XSS, { exact: true })).toBeVisible();
  await expect(tree.getByText(RTL, { exact: true })).toBeVisible();
  await expect(tree.getByText(LONG, { exact: true })).toBeVisible();
  await expect(page.locator("img")).toHaveCount(0);

  // Names set their own direction; the long one is cut with an ellipsis and shown whole on hover.
  await expect(tree.getByText(RTL, { exact: true })).toHaveAttribute("dir", "auto");
  const long = row(page, measure.id).locator(".name");
  await expect(long).toHaveAttribute("title", LONG);
  expect(await long.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

  // Selected, the long name heads the detail panel, cut after two lines.
  await row(page, measure.id).click();
  const heading = page.getByTestId("detail-panel").getByRole("heading", { level: 2 });
  await expect(heading).toHaveText(LONG);
  await expect(heading).toHaveAttribute("title", LONG);
  expect(await heading.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await row(page, perspective.id).click();
  await expect(heading).toHaveText(XSS);

  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  expect(dialogs).toEqual([]);
  await app.screenshot("scorecard-hostile-names");
});

test("screenshots with a measure selected, light and dark, at 1280×800 and 1920×1080", async ({ app }) => {
  const doc = await openDemo(app);
  const measure = scorecardView(doc).perspectives[0]?.objectives[0]?.measures[0];
  if (!measure) throw new Error("the demo has a measure");
  await row(app.page, measure.id).click();
  for (const colorScheme of ["light", "dark"] as const) {
    await app.page.emulateMedia({ colorScheme });
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await app.page.setViewportSize({ width, height });
      expect(await paintedPixels(app.page)).toBeGreaterThan(1000);
      expect(await app.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await app.screenshot(`scorecard-${colorScheme}-${width}x${height}`);
    }
  }
});

test("a scorecard without data shows every row as no data and says why", async ({ app, shell }) => {
  const file = shell.writeScorecard("blank.scorecard", "blank");
  await app.launch(file);
  const doc = app.shell.documents.storeOf(app.windowId).document();
  const view = scorecardView(doc);
  expect(view.perspectives.length, "the blank template has its perspective bands").toBeGreaterThan(0);
  expect(await shownRows(app.page)).toEqual(expectedRows(view));
  // Perspectives without objectives have nothing to expand.
  await expect(treeRows(app.page).first()).not.toHaveAttribute("aria-expanded", /.*/);
  await expect(app.page.locator(".scorecard-tree .sparkline").first()).toHaveAttribute(
    "aria-label",
    "No score in any period",
  );
  const panel = app.page.getByTestId("detail-panel");
  await expect(panel.getByRole("heading", { level: 2 })).toHaveText("Overall score");
  await expect(panel.getByTestId("detail-score")).toHaveText("—");
  await expect(panel.getByTestId("explanation-substituted")).toHaveText("no score");
  await expect(panel.getByTestId("explanation")).toContainText("No perspectives with a score.");
});
