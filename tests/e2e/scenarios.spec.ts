/**
 * The Scenarios view through the harness: the demo's saved scenarios compared with the baseline,
 * every number on screen checked against the what-if engine run here on the file's document; the
 * choice of 2–4 scenarios; rename, duplicate and delete checked in the real file (refused names
 * leave it byte-for-byte as it was; Ctrl+Z brings a deleted scenario back); hostile names as text.
 */
import type { Locator, Page } from "@playwright/test";
import { formatMoney, formatMoneyChange } from "../../shared/display/numbers.ts";
import { quote } from "../../shared/domain/readable-path.ts";
import type { Scenario, ScorecardDocument } from "../../shared/domain/types.ts";
import { OPERATIONS_VERSION } from "../../shared/operations/operation.ts";
import { STATUS_TEXT } from "../../shared/scoring/status.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { evaluateScenario, type ScenarioResult } from "../../shared/whatif/scenario.ts";
import { baseSpend, spendOfScenario } from "../../shared/whatif/spend.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import { formatPoints, formatPointsPerMillion, formatScore } from "../../renderer/src/whatif/format.ts";
import { sha256 } from "../support/files.ts";
import { SHELL_APP_VERSION, type Shell } from "../support/shell-fixture.ts";
import { axeViolations } from "./harness/axe.ts";
import { type AppWindow, expect, test } from "./harness/fixture.ts";
import { LONG, RTL, XSS } from "./harness/hostile-names.ts";

const comparison = (page: Page) => page.getByTestId("comparison");
const listRow = (page: Page, id: string) => page.locator(`.scenario-table tr[data-scenario-id="${id}"]`);
const checkbox = (page: Page, id: string) => listRow(page, id).getByRole("checkbox");
const columnHeads = (page: Page) => comparison(page).locator("thead th");

/** The engine, run here: baseline and each scenario of the document. */
function engine(doc: ScorecardDocument) {
  const model = compileWhatIf(doc);
  return {
    baseline: evaluateScenario(model, baseSpend(model)),
    of: (s: Scenario) => evaluateScenario(model, spendOfScenario(model, s)),
  };
}

/**
 * A demo file with `extra` more scenarios (spend scaled per investment) and optional renames,
 * written with the real store and closed before the app opens it.
 */
function writeWithScenarios(
  shell: Shell,
  name: string,
  extra: Array<{ name: string; factor: number }>,
  rename?: (doc: ScorecardDocument, store: ScorecardStore) => void,
): string {
  const file = shell.writeScorecard(name, "demo");
  const store = ScorecardStore.open(file, { appVersion: SHELL_APP_VERSION });
  try {
    const doc = store.document();
    extra.forEach((x, k) => {
      const spend = Object.fromEntries(
        doc.investments.map((inv, n) => [
          inv.id,
          // Each scenario moves the investments differently, so every column differs.
          Math.round(Math.min(inv.maxSpend, Math.max(inv.minSpend, inv.baseSpend * (n % 2 === k % 2 ? x.factor : 1)))),
        ]),
      );
      store.apply({
        type: "create",
        entity: "scenario",
        value: {
          id: crypto.randomUUID(),
          name: x.name,
          notes: `Option ${k + 3}`,
          spend,
          createdAt: doc.scorecard.createdAt,
        },
      });
    });
    rename?.(store.document(), store);
    return file;
  } finally {
    store.close();
  }
}

async function openScenarios(app: AppWindow, file: string): Promise<ScorecardDocument> {
  await app.launch(file);
  await app.page.getByRole("button", { name: "Scenarios", exact: true }).click();
  await expect(app.page.getByRole("main")).toHaveAttribute("aria-label", "Scenarios");
  return app.fileDocument();
}

/** Checks every number of the comparison table against the engine's results, column by column. */
async function expectComparison(page: Page, doc: ScorecardDocument, chosen: readonly Scenario[]) {
  const run = engine(doc);
  const results: Array<{ key: string; name: string; r: ScenarioResult; baseline: boolean }> = [
    { key: "baseline", name: "Baseline", r: run.baseline, baseline: true },
    ...chosen.map((s) => ({ key: s.id, name: s.name, r: run.of(s), baseline: false })),
  ];
  await expect(columnHeads(page).locator(".column-name")).toHaveText(results.map((c) => c.name));
  const currency = doc.scorecard.currency;
  const table = comparison(page);
  const cell = (row: string, column: string) => table.locator(`tr[data-row="${row}"] td[data-column="${column}"]`);
  const expectScore = async (cellLocator: Locator, s: ScenarioResult["overall"], baseline: boolean) => {
    await expect(cellLocator.getByTestId("score")).toHaveText(formatScore(s.projected));
    await expect(cellLocator.locator(".status")).toHaveText(STATUS_TEXT[s.status].label);
    if (baseline) await expect(cellLocator.getByTestId("delta")).toHaveCount(0);
    else await expect(cellLocator.getByTestId("delta")).toHaveText(formatPoints(s.delta));
  };
  for (const c of results) {
    // The baseline column is the projection at base spend: its own projected score.
    await expectScore(cell("overall", c.key), c.r.overall, c.baseline);
    for (const p of c.r.perspectives) await expectScore(cell(p.id, c.key), p, c.baseline);
    for (const inv of doc.investments) {
      const line = c.r.spend.investments.find((l) => l.id === inv.id);
      if (!line) throw new Error(`the engine has no line for ${inv.name}`);
      const money = cell(inv.id, c.key);
      await expect(money.getByTestId("money")).toHaveText(formatMoney(line.spend, currency));
      if (c.baseline) await expect(money.getByTestId("money-delta")).toHaveCount(0);
      else await expect(money.getByTestId("money-delta")).toHaveText(formatMoneyChange(line.delta, currency));
    }
    const total = cell("total", c.key);
    await expect(total.getByTestId("money")).toHaveText(formatMoney(c.r.spend.projected, currency));
    if (!c.baseline) {
      await expect(total.getByTestId("money-delta")).toHaveText(formatMoneyChange(c.r.spend.delta, currency));
      // Per million saved for a cut: the sign then says what the saving costs.
      const ppm = c.r.pointsPerMillion;
      const value =
        ppm !== null && c.r.spend.delta < 0
          ? `${formatPointsPerMillion(-ppm, currency)} saved`
          : formatPointsPerMillion(ppm, currency);
      await expect(cell("points-per-million", c.key)).toHaveText(value);
    }
  }
  // The best overall among the scenarios is marked, in words.
  const scenarioResults = results.filter((c) => !c.baseline);
  const top = Math.max(...scenarioResults.map((c) => c.r.overall.projected ?? Number.NEGATIVE_INFINITY));
  for (const c of results) {
    const head = columnHeads(page).and(page.locator(`[data-column="${c.key}"]`));
    const best = !c.baseline && c.r.overall.projected === top;
    if (best) await expect(head).toContainText("Best overall");
    else await expect(head).not.toContainText("Best overall");
  }
}

/** How many pixels of the chart's canvas are painted. */
async function paintedPixels(page: Page): Promise<number> {
  return page.locator(".comparison-chart canvas").evaluate((canvas: HTMLCanvasElement) => {
    const data = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
    let painted = 0;
    for (let n = 3; n < data.length; n += 4) if ((data[n] ?? 0) > 0) painted++;
    return painted;
  });
}

const fits = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("compares the demo's two scenarios with the baseline, as the engine computes them", async ({ app, page }) => {
  const doc = await openScenarios(app, app.shell.writeScorecard("demo.scorecard", "demo"));
  expect(doc.scenarios).toHaveLength(2);
  expect(doc.investments.length).toBeGreaterThanOrEqual(7);
  // The first two are chosen by default, and listed with their totals.
  for (const s of doc.scenarios) await expect(checkbox(page, s.id)).toBeChecked();
  const run = engine(doc);
  for (const s of doc.scenarios) {
    const row = listRow(page, s.id);
    await expect(row.locator(".scenario-name")).toHaveText(s.name);
    await expect(row.locator(".col-notes")).toHaveText(s.notes);
    const spend = run.of(s).spend;
    await expect(row.getByTestId("list-total")).toHaveText(
      formatMoney(spend.projected, doc.scorecard.currency) + formatMoneyChange(spend.delta, doc.scorecard.currency),
    );
  }
  await expectComparison(page, doc, doc.scenarios);
  // Scenarios move scores: the deltas are not all zero (else the check above proves little).
  expect(doc.scenarios.some((s) => Math.round((run.of(s).overall.delta ?? 0) * 1000) !== 0)).toBe(true);

  const chart = page.getByRole("img", { name: /Bar chart of the overall and perspective scores/ });
  await expect(chart).toBeVisible();
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);

  expect(await fits(page)).toBe(true);
  await app.screenshot("scenarios-light-1280x800");
});

test("dark theme at 1920×1080 fits and draws the chart", async ({ app, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: "dark" });
  const doc = await openScenarios(app, app.shell.writeScorecard("demo.scorecard", "demo"));
  await expectComparison(page, doc, doc.scenarios);
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);
  expect(await fits(page)).toBe(true);
  await app.screenshot("scenarios-dark-1920x1080");
});

test("up to four scenarios are compared; a fifth cannot be chosen", async ({ app, page, shell }) => {
  const file = writeWithScenarios(shell, "five.scorecard", [
    { name: "Lean year", factor: 0.8 },
    { name: "Growth push", factor: 1.25 },
    { name: "Steady state", factor: 1.1 },
  ]);
  const doc = await openScenarios(app, file);
  const [a, b, c, d, e] = doc.scenarios;
  if (!a || !b || !c || !d || !e) throw new Error("the file has five scenarios");
  await expect(page.getByTestId("choice-count")).toHaveText("2 of 4 compared.");
  await checkbox(page, c.id).check();
  await checkbox(page, d.id).check();
  await expect(page.getByTestId("choice-count")).toHaveText("4 of 4 compared: clear one to pick another.");
  await expect(checkbox(page, e.id)).toBeDisabled();
  await checkbox(page, e.id).click({ force: true });
  await expect(checkbox(page, e.id)).not.toBeChecked();
  await expectComparison(page, doc, [a, b, c, d]);
  expect(await fits(page)).toBe(true);
  await comparison(page).scrollIntoViewIfNeeded();
  await comparison(page).evaluate((el) => el.closest("section")?.scrollIntoView({ block: "start" }));
  await app.screenshot("scenarios-four");
  await page.locator(".comparison-chart").scrollIntoViewIfNeeded();
  await expect.poll(() => paintedPixels(page)).toBeGreaterThan(2000);
  await app.screenshot("scenarios-four-chart-light-1280x800");

  // Clearing one frees a place: the fifth joins at the end.
  await checkbox(page, b.id).uncheck();
  await expect(checkbox(page, e.id)).toBeEnabled();
  await checkbox(page, e.id).check();
  await expectComparison(page, doc, [a, c, d, e]);

  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await fits(page)).toBe(true);
  await app.screenshot("scenarios-four-dark-1920x1080");

  // The choice survives a trip to another view.
  await page.getByRole("button", { name: "Scorecard", exact: true }).click();
  await page.getByRole("button", { name: "Scenarios", exact: true }).click();
  await expectComparison(page, doc, [a, c, d, e]);
});

test("rename reaches the file; an empty or too long name is refused and nothing is written", async ({ app, page }) => {
  const doc = await openScenarios(app, app.shell.writeScorecard("demo.scorecard", "demo"));
  const [first] = doc.scenarios;
  if (!first) throw new Error("the demo has scenarios");
  const file = app.file();

  await listRow(page, first.id).getByRole("button", { name: "Rename" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename scenario" });
  const field = dialog.getByLabel("Name");
  await expect(field).toHaveValue(first.name);
  await field.fill("Board option A");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => app.fileDocument().scenarios.find((s) => s.id === first.id)?.name).toBe("Board option A");
  await expect(listRow(page, first.id).locator(".scenario-name")).toHaveText("Board option A");
  await expect(comparison(page).locator(`thead th[data-column="${first.id}"] .column-name`)).toHaveText(
    "Board option A",
  );

  const hash = sha256(file);
  await listRow(page, first.id).getByRole("button", { name: "Rename" }).click();
  await field.fill("   ");
  await expect(dialog.getByRole("alert")).toHaveText("must not be empty");
  await expect(dialog.getByRole("button", { name: "Rename" })).toBeDisabled();
  await field.press("Enter");
  await expect(dialog).toBeVisible();
  await field.fill("x".repeat(201));
  await expect(dialog.getByRole("alert")).toHaveText("must be at most 200 characters");
  await app.screenshot("scenarios-rename-refused");
  await field.press("Enter");
  await expect(dialog).toBeVisible();
  expect(sha256(file)).toBe(hash);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(sha256(file)).toBe(hash);
  await expect(listRow(page, first.id).locator(".scenario-name")).toHaveText("Board option A");
});

test("duplicate adds a copy with a new id and the same spend; it joins the comparison", async ({ app, page }) => {
  const doc = await openScenarios(app, app.shell.writeScorecard("demo.scorecard", "demo"));
  const [first, second] = doc.scenarios;
  if (!first || !second) throw new Error("the demo has two scenarios");
  await listRow(page, first.id).getByRole("button", { name: "Duplicate" }).click();
  await expect.poll(() => app.fileDocument().scenarios.length).toBe(3);
  const after = app.fileDocument();
  const copy = after.scenarios[1];
  if (!copy) throw new Error("the copy follows its original");
  expect(copy.name).toBe(`Copy of ${first.name}`);
  expect(copy.id).not.toBe(first.id);
  expect(copy.spend).toEqual(first.spend);
  expect(copy.notes).toBe(first.notes);
  await expect(page.locator(".scenario-table tbody tr .scenario-name")).toHaveText([
    first.name,
    copy.name,
    second.name,
  ]);
  await expectComparison(page, after, [first, second, copy]);

  // A second copy of the same scenario gets a name of its own.
  await listRow(page, first.id).getByRole("button", { name: "Duplicate" }).click();
  await expect.poll(() => app.fileDocument().scenarios.map((s) => s.name)).toContain(`Copy of ${first.name} (2)`);
});

test("delete removes the scenario from the file; Ctrl+Z brings it back", async ({ app, page }) => {
  const doc = await openScenarios(app, app.shell.writeScorecard("demo.scorecard", "demo"));
  const [first, second] = doc.scenarios;
  if (!first || !second) throw new Error("the demo has two scenarios");
  await listRow(page, second.id).getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => app.fileDocument().scenarios.map((s) => s.id)).toEqual([first.id]);
  await expect(listRow(page, second.id)).toHaveCount(0);
  await expect(page.getByText(`Deleted “${second.name}”.`)).toBeVisible();
  await expect(page.getByRole("note")).toContainText("one saved scenario");
  await expectComparison(page, app.fileDocument(), [first]);

  await page.keyboard.press("Control+z");
  await expect.poll(() => app.fileDocument().scenarios).toEqual(doc.scenarios);
  await expect(listRow(page, second.id)).toHaveCount(1);
  await expectComparison(page, app.fileDocument(), [first, second]);
  // The message and its Undo button go once the document moved on.
  await expect(page.getByText(`Deleted “${second.name}”.`)).toHaveCount(0);

  // The Undo button beside the message does the same.
  await listRow(page, first.id).getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => app.fileDocument().scenarios.map((s) => s.id)).toEqual([second.id]);
  await page.locator(".scenarios-said").getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => app.fileDocument().scenarios).toEqual(doc.scenarios);
});

test("focus stays in the view when a delete removes the list and when Undo removes itself", async ({ app, page }) => {
  const doc = await openScenarios(app, app.shell.writeScorecard("demo.scorecard", "demo"));
  const [first, second] = doc.scenarios;
  if (!first || !second) throw new Error("the demo has two scenarios");
  const focused = () =>
    page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return "body";
      return `${a.tagName.toLowerCase()}|${a.textContent?.trim() ?? ""}|${a.closest("tr")?.getAttribute("data-scenario-id") ?? ""}`;
    });
  // A row goes, the list stays: focus goes to the list's heading.
  await listRow(page, second.id).getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => app.fileDocument().scenarios.map((s) => s.id)).toEqual([first.id]);
  await expect(listRow(page, second.id)).toHaveCount(0);
  await expect.poll(focused).toMatch(/^h3\|Saved scenarios/);
  // The last row goes and the list with it: focus goes to the view's heading, not to the page.
  await listRow(page, first.id).getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => app.fileDocument().scenarios).toEqual([]);
  await expect(page.getByRole("note")).toContainText("no saved scenarios yet");
  await expect.poll(focused).toMatch(/^h2\|Compare scenarios/);
  // Undo removes its own button: focus goes to the restored row.
  await page.locator(".scenarios-said").getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => app.fileDocument().scenarios.map((s) => s.id)).toEqual([first.id]);
  await expect(page.locator(".scenarios-said").getByRole("button", { name: "Undo" })).toHaveCount(0);
  await expect.poll(focused).toBe(`button|Delete|${first.id}`);
});

test("Open in What-If switches to the what-if view", async ({ app, page }) => {
  const doc = await openScenarios(app, app.shell.writeScorecard("demo.scorecard", "demo"));
  const [first] = doc.scenarios;
  if (!first) throw new Error("the demo has scenarios");
  await listRow(page, first.id).getByRole("button", { name: "Open in What-If" }).click();
  await expect(page.getByRole("main")).toHaveAttribute("aria-label", "What-If");
  // The sliders hold the scenario's spend: What-If's total is the scenario's.
  const total = engine(doc).of(first).spend.projected;
  await expect(page.getByTestId("total-spend")).toHaveAttribute("title", formatMoney(total, doc.scorecard.currency));
});

test("a scenario saved elsewhere appears in the list and in the comparison", async ({ app, page, shell }) => {
  const doc = await openScenarios(app, shell.writeScorecard("demo.scorecard", "demo"));
  // Every slider at its top, and the first beyond it: the engine evaluates it and warns.
  const spend = Object.fromEntries(doc.investments.map((inv, n) => [inv.id, inv.maxSpend * (n === 0 ? 2 : 1)]));
  const saved: Scenario = {
    id: crypto.randomUUID(),
    name: "Everything at the top",
    notes: "Every slider at its maximum.",
    spend,
    createdAt: "2026-02-01T09:00:00.000Z",
  };
  // Saved through main's own edit handler, as "Save as scenario" sends it; main then tells the page.
  const result = await shell.table.applyOperation(app.windowId, {
    message: { version: OPERATIONS_VERSION, operation: { type: "create", entity: "scenario", value: saved } },
  });
  expect(result.ok).toBe(true);
  shell.host.send(app.windowId, { type: "document-replaced" });
  await expect(listRow(page, saved.id)).toHaveCount(1);
  await expect(checkbox(page, saved.id)).toBeChecked();
  const after = app.fileDocument();
  expect(after.scenarios.map((s) => s.id)).toContain(saved.id);
  await expectComparison(page, after, [...doc.scenarios, saved]);
  const [first] = doc.investments;
  await expect(page.getByRole("region", { name: "Notes on these scenarios" })).toContainText(
    `“Everything at the top”: ${quote(first?.name ?? "")} gets ${formatMoney((first?.maxSpend ?? 0) * 2, doc.scorecard.currency)}, above its slider range`,
  );
  await page.getByRole("region", { name: "Notes on these scenarios" }).scrollIntoViewIfNeeded();
  await app.screenshot("scenarios-notes");
});

test("a scenario saved in What-If is in the file and joins the comparison", async ({ app, page }) => {
  await app.launch(app.shell.writeScorecard("demo.scorecard", "demo"));
  const doc = app.fileDocument();
  await page.getByRole("button", { name: "What-If", exact: true }).click();
  await page.getByRole("slider").first().focus();
  await page.keyboard.press("PageUp");
  await page.getByRole("button", { name: "Save as scenario…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save as scenario" });
  await dialog.getByRole("textbox", { name: "Name" }).fill("Board pick");
  await dialog.getByRole("button", { name: "Save scenario" }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => app.fileDocument().scenarios.length).toBe(doc.scenarios.length + 1);
  const after = app.fileDocument();
  const saved = after.scenarios.find((s) => s.name === "Board pick");
  if (!saved) throw new Error("the file has the saved scenario");
  expect(saved.spend).not.toEqual(Object.fromEntries(doc.investments.map((i) => [i.id, i.baseSpend])));

  await page.getByRole("button", { name: "Scenarios", exact: true }).click();
  await expect(checkbox(page, saved.id)).toBeChecked();
  await expectComparison(page, after, [...doc.scenarios, saved]);
});

test("with fewer than two scenarios the view says how to make one", async ({ app, page }) => {
  await openScenarios(app, app.shell.writeScorecard("plan.scorecard", "it-value"));
  await expect(page.getByRole("note")).toContainText("no saved scenarios yet");
  await expect(page.getByRole("note")).toContainText("Save as scenario");
  await expect(comparison(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Go to What-If" }).click();
  await expect(page.getByRole("main")).toHaveAttribute("aria-label", "What-If");
});

test("hostile scenario and investment names show as text, long ones cut off with a tooltip", async ({
  app,
  page,
  shell,
}) => {
  const file = writeWithScenarios(
    shell,
    "hostile.scorecard",
    [
      { name: XSS, factor: 1.2 },
      { name: RTL, factor: 0.9 },
    ],
    (doc, store) => {
      const [inv] = doc.investments;
      const [s] = doc.scenarios;
      if (!inv || !s) throw new Error("the demo has investments and scenarios");
      store.apply({ type: "update", entity: "investment", id: inv.id, changes: { name: XSS } });
      store.apply({ type: "update", entity: "scenario", id: s.id, changes: { name: LONG } });
    },
  );
  const doc = await openScenarios(app, file);
  const [long, , xss, rtl] = doc.scenarios;
  if (!long || !xss || !rtl) throw new Error("the file has four scenarios");
  await checkbox(page, xss.id).check();
  await checkbox(page, rtl.id).check();
  await expectComparison(page, doc, [long, doc.scenarios[1] as Scenario, xss, rtl]);
  await expect(listRow(page, xss.id).locator(".scenario-name")).toHaveText(XSS);
  await expect(listRow(page, rtl.id).locator(".scenario-name")).toHaveText(RTL);
  await expect(comparison(page).locator(`tr[data-row="${doc.investments[0]?.id}"] th`)).toHaveText(XSS);
  // Markup stays text: no element was made from a name.
  await expect(page.locator("img")).toHaveCount(0);
  // The long name is cut off on screen, and the whole name is in its tooltip.
  for (const name of [
    listRow(page, long.id).locator(".scenario-name"),
    comparison(page).locator(`thead th[data-column="${long.id}"] .column-name`),
  ]) {
    await expect(name).toHaveAttribute("title", LONG);
    expect(await name.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  }
  expect(await fits(page)).toBe(true);
  await app.screenshot("scenarios-hostile-light-1280x800");
});

for (const theme of ["light", "dark"] as const)
  test(`four scenarios and the rename dialog pass axe, ${theme}`, async ({ app, page, shell }) => {
    await page.emulateMedia({ colorScheme: theme });
    const file = writeWithScenarios(shell, "axe.scorecard", [
      { name: "Lean year", factor: 0.8 },
      { name: "Growth push", factor: 1.25 },
    ]);
    const doc = await openScenarios(app, file);
    for (const s of doc.scenarios) await checkbox(page, s.id).check();
    const axe = () => axeViolations(page);
    expect(await axe(), "four compared").toEqual([]);
    await listRow(page, doc.scenarios[0]?.id ?? "")
      .getByRole("button", { name: "Rename" })
      .click();
    await page.getByRole("dialog", { name: "Rename scenario" }).getByLabel("Name").fill("");
    await expect(page.getByRole("alert")).toBeVisible();
    expect(await axe(), "rename dialog with an error").toEqual([]);
  });
