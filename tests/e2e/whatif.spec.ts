/**
 * The what-if view through the harness: the demo scorecard opened from a real file, sliders moved
 * with the keyboard, and every number checked against the what-if engine run here on the
 * document the file holds (the same formatting as the view uses).
 */
import type { Page } from "@playwright/test";
import { LIMITS } from "../../shared/domain/limits.ts";
import { plainText, quote } from "../../shared/domain/readable-path.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { runMonteCarlo } from "../../shared/whatif/monte-carlo.ts";
import { evaluateScenario } from "../../shared/whatif/scenario.ts";
import { spendOfScenario, totalOf } from "../../shared/whatif/spend.ts";
import { formatMoneyChange } from "../../shared/display/numbers.ts";
import { formatPoints, formatScore, valueForMoney } from "../../renderer/src/whatif/format.ts";
import { SHELL_APP_VERSION } from "../support/shell-fixture.ts";
import { axeViolations } from "./harness/axe.ts";
import { type AppWindow, expect, test } from "./harness/fixture.ts";
import { LONG, RTL, XSS } from "./harness/hostile-names.ts";

async function openWhatIf(app: AppWindow, file?: string): Promise<ScorecardDocument> {
  await app.launch(file ?? app.shell.writeScorecard("demo.scorecard", "demo"));
  await app.page.getByRole("button", { name: "What-If", exact: true }).click();
  await expect(app.page.getByRole("main")).toHaveAttribute("aria-label", "What-If");
  return app.fileDocument();
}

/** What the engine says about `spend` (by investment id, others at base) on `doc`. */
function engine(doc: ScorecardDocument, spend: Record<string, number>) {
  const model = compileWhatIf(doc);
  return evaluateScenario(model, spendOfScenario(model, { spend }));
}

/** Every slider's value, by investment id, as the page holds it. */
async function sliderSpend(page: Page): Promise<Record<string, number>> {
  return page
    .locator(".spend-row")
    .evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((r) => [
          r.getAttribute("data-investment-id") ?? "",
          Number((r.querySelector("input[type=range]") as HTMLInputElement).value),
        ]),
      ),
    );
}

async function expectOverall(page: Page, result: ReturnType<typeof engine>) {
  await expect(page.getByTestId("projected-overall")).toHaveText(formatScore(result.overall.projected));
  await expect(page.getByTestId("baseline-overall")).toHaveText(formatScore(result.overall.baseline));
  await expect(page.getByTestId("projected-delta")).toContainText(formatPoints(result.overall.delta));
}

/** The investment whose +10 % moves the overall most: its steps show on screen. */
function mostSensitive(doc: ScorecardDocument) {
  const gain = (inv: ScorecardDocument["investments"][number]) =>
    (engine(doc, { [inv.id]: inv.baseSpend * 1.1 }).overall.delta ?? 0) -
    (engine(doc, { [inv.id]: inv.baseSpend * 0.9 }).overall.delta ?? 0);
  return [...doc.investments].sort((a, b) => gain(b) - gain(a))[0] as ScorecardDocument["investments"][number];
}

test("keyboard steps move the projected overall by what the engine computes", async ({ app, page }) => {
  const doc = await openWhatIf(app);
  const inv = mostSensitive(doc);
  const slider = page.getByRole("slider", { name: inv.name });
  await expectOverall(page, engine(doc, {}));
  await expect(page.getByTestId("projected-delta")).toContainText("±0.0 pts");

  await slider.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
  await page.keyboard.press("PageUp");
  // 3 × 1 % + 10 % of base, on the grid base + k × 1 %.
  const expected = Math.min(inv.maxSpend, inv.baseSpend + 13 * (inv.baseSpend * 0.01));
  const value = Number(await slider.inputValue());
  expect(value).toBeCloseTo(expected, 6);
  const up = engine(doc, { [inv.id]: value });
  expect(up.overall.delta, "the demo's most sensitive investment moves the overall").toBeGreaterThan(0.0005);
  await expectOverall(page, up);
  await expect(slider).toHaveAttribute("aria-valuetext", /^\$[\d,]+, up \$[\d,]+ \(\+13%\) from base \$[\d,]+$/);

  await page.keyboard.press("ArrowLeft");
  expect(Number(await slider.inputValue())).toBeCloseTo(inv.baseSpend * 1.12, 6);
  await expectOverall(page, engine(doc, { [inv.id]: Number(await slider.inputValue()) }));

  await page.keyboard.press("End");
  expect(Number(await slider.inputValue())).toBe(inv.maxSpend);
  await expectOverall(page, engine(doc, { [inv.id]: inv.maxSpend }));
  await page.keyboard.press("Home");
  expect(Number(await slider.inputValue())).toBe(inv.minSpend);
  const low = engine(doc, { [inv.id]: inv.minSpend });
  await expectOverall(page, low);
  expect(low.overall.delta).toBeLessThan(0);
  // A cut that costs points is said per million saved, never as a gain.
  expect(low.spend.delta).toBeLessThan(0);
  await expect(page.getByTestId("points-per-million")).toHaveText(valueForMoney(low, doc.scorecard.currency));
  await expect(page.getByTestId("points-per-million")).toContainText("saved");

  // Total spend and the only moved slider's delta.
  const total = totalOf(compileWhatIf(doc).base) - inv.baseSpend + inv.minSpend;
  await expect(page.getByTestId("total-spend")).toHaveAttribute(
    "title",
    `$${Math.round(total).toLocaleString("en-US")}`,
  );

  await page.getByRole("button", { name: "Reset" }).click();
  for (const i of doc.investments) expect((await sliderSpend(page))[i.id]).toBe(i.baseSpend);
  await expectOverall(page, engine(doc, {}));
  const said = page.locator(".whatif-said");
  await expect(said).toHaveText("All investments are back at their base spend.");
  // What Reset said no longer holds once a slider moves.
  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(said).toHaveText("");
});

test("optimize proposes the same total with a score at least as good, and applies it", async ({ app, page }) => {
  const doc = await openWhatIf(app);
  // Start away from base: the most sensitive investment at its minimum.
  const inv = mostSensitive(doc);
  await page.getByRole("slider", { name: inv.name }).focus();
  await page.keyboard.press("Home");
  const current = await sliderSpend(page);
  const before = engine(doc, current);

  await page.getByRole("button", { name: "Optimize" }).click();
  const proposal = page.getByTestId("proposal");
  await expect(proposal).toBeVisible();
  await expect(proposal.getByTestId("proposal-current")).toHaveText(formatScore(before.overall.projected));
  // A change's tooltip is signed, as its compact label is: a rise reads "+$…", not "$…".
  const changeTitles = await proposal
    .locator("tbody tr td:nth-of-type(3)")
    .evaluateAll((cells) => cells.map((c) => c.getAttribute("title") ?? ""));
  expect(changeTitles).toHaveLength(doc.investments.length);
  for (const t of changeTitles) expect(t).toMatch(/^[+\u2212±]/);
  expect(changeTitles.some((t) => t.startsWith("+"))).toBe(true);
  await app.screenshot("whatif-optimize");
  await page.getByRole("button", { name: "Apply proposal" }).click();
  await expect(proposal).toBeHidden();

  const applied = await sliderSpend(page);
  const after = engine(doc, applied);
  expect(totalOf(Object.values(applied))).toBeCloseTo(totalOf(Object.values(current)), 3);
  for (const i of doc.investments) {
    expect(applied[i.id]).toBeGreaterThanOrEqual(i.minSpend);
    expect(applied[i.id]).toBeLessThanOrEqual(i.maxSpend);
  }
  expect(after.overall.projected ?? 0).toBeGreaterThanOrEqual((before.overall.projected ?? 0) - 1e-12);
  expect(after.overall.projected ?? 0, "the minimum was not optimal").toBeGreaterThan(
    (before.overall.projected ?? 0) + 0.001,
  );
  await expectOverall(page, after);
  await expect(page.getByRole("status").filter({ hasText: "proposal is applied" })).toBeVisible();
});

test("Optimize keeps keyboard focus while it runs and after", async ({ app, page }) => {
  const doc = await openWhatIf(app);
  await page.getByRole("slider", { name: mostSensitive(doc).name }).focus();
  await page.keyboard.press("Home");
  const optimize = page.getByRole("button", { name: "Optimize" });
  await optimize.focus();
  // Every element focus leaves while the run lasts, and where it went.
  await page.evaluate(() => {
    const w = window as unknown as { focusLog: string[] };
    w.focusLog = [];
    document.addEventListener(
      "focusout",
      (e) => w.focusLog.push(`${(e.target as HTMLElement).textContent} → ${e.relatedTarget ? "element" : "nothing"}`),
      true,
    );
  });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("proposal")).toBeVisible();
  await expect(optimize).toBeFocused();
  expect(await page.evaluate(() => (window as unknown as { focusLog: string[] }).focusLog)).toEqual([]);
});

test("save as scenario writes the sliders' spend to the file, and undo removes it", async ({ app, page }) => {
  const doc = await openWhatIf(app);
  const inv = mostSensitive(doc);
  await page.getByRole("slider", { name: inv.name }).focus();
  await page.keyboard.press("PageUp");
  const spend = await sliderSpend(page);
  const baseTotal = totalOf(doc.investments.map((i) => i.baseSpend));
  await expect(page.getByTestId("total-delta")).toHaveAttribute(
    "title",
    formatMoneyChange(totalOf(Object.values(spend)) - baseTotal, doc.scorecard.currency),
  );

  await page.getByRole("button", { name: "Save as scenario…" }).click();
  const dialog = page.getByRole("dialog", { name: "Save as scenario" });
  const name = dialog.getByRole("textbox", { name: "Name" });
  await name.fill("   ");
  await expect(dialog.getByText("must not be empty")).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Save scenario" })).toBeDisabled();
  await name.fill("Cloud push");
  await expect(name).not.toHaveAttribute("aria-invalid");
  // A problem of the notes is told in the dialog's error area, not under the name.
  const notes = dialog.getByRole("textbox", { name: "Notes" });
  await notes.fill("n".repeat(LIMITS.textMax + 1));
  await expect(dialog.getByRole("alert")).toContainText("Notes: must be at most");
  await expect(name).not.toHaveAttribute("aria-invalid");
  await expect(dialog.getByRole("button", { name: "Save scenario" })).toBeDisabled();
  await app.screenshot("whatif-save-notes-problem");
  await notes.fill("More on the most sensitive investment.");
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Save scenario" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status").filter({ hasText: "Saved scenario “Cloud push”" })).toBeVisible();

  const saved = app.fileDocument().scenarios.filter((s) => s.name === "Cloud push");
  expect(saved).toHaveLength(1);
  expect(saved[0]?.notes).toBe("More on the most sensitive investment.");
  expect(saved[0]?.spend).toEqual(spend);
  expect(Object.keys(saved[0]?.spend ?? {}).sort()).toEqual(doc.investments.map((i) => i.id).sort());

  await page.keyboard.press("Control+z");
  await expect(page.getByRole("button", { name: /^Redo/ })).toBeEnabled();
  expect(app.fileDocument().scenarios.some((s) => s.name === "Cloud push")).toBe(false);
  expect(app.fileDocument().scenarios).toHaveLength(doc.scenarios.length);
  // The line said it for the document the save made: once undone, it no longer holds.
  await expect(page.getByText("Saved scenario “Cloud push”")).toHaveCount(0);
});

test("the Monte Carlo band comes from the worker, seeded, once the sliders settle", async ({ app, page }) => {
  const doc = await openWhatIf(app);
  await expect(page.getByText("At base spend there is no uncertainty band")).toBeVisible();
  const inv = mostSensitive(doc);
  await page.getByRole("slider", { name: inv.name }).focus();
  await page.keyboard.press("PageUp");
  await page.keyboard.press("PageUp");
  const spend = await sliderSpend(page);
  const status = page.getByTestId("uncertainty-status");
  await expect(status).toHaveAttribute("data-ready", "");
  const model = compileWhatIf(doc);
  const { overall } = runMonteCarlo(model, spendOfScenario(model, { spend }), { draws: 10_000, seed: 1 });
  await expect(status).toContainText(
    `${formatScore(overall.p10)} to ${formatScore(overall.p90)} (P10–P90, median ${formatScore(overall.p50)})`,
  );
  expect(overall.p90 ?? 0).toBeGreaterThan(overall.p10 ?? 0);
  // The band is in the chart's table too, one row per period.
  const table = page.locator(".timeline-chart table");
  await expect(table.locator("thead th")).toHaveText(["Period", "Baseline", "Scenario", "P10", "P90"]);
});

test("names from the file are shown as text", async ({ app, shell, page }) => {
  const file = shell.writeScorecard("hostile.scorecard", "demo");
  const store = ScorecardStore.open(file, { appVersion: SHELL_APP_VERSION });
  const [a, b, c] = store.document().investments;
  if (!a || !b || !c) throw new Error("the demo has investments");
  store.apply({ type: "update", entity: "investment", id: a.id, changes: { name: XSS } });
  store.apply({ type: "update", entity: "investment", id: b.id, changes: { name: RTL } });
  store.apply({ type: "update", entity: "investment", id: c.id, changes: { name: LONG } });
  store.close();
  await openWhatIf(app, file);
  await expect(page.getByRole("slider", { name: XSS })).toBeVisible();
  await expect(page.getByRole("slider", { name: RTL })).toBeVisible();
  await expect(page.getByRole("slider", { name: LONG })).toBeVisible();
  await expect(page.locator(".spend-name").first()).toHaveText(XSS);
  expect(await page.locator("img").count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await app.screenshot("whatif-hostile");
});

test("warnings quote names as the rest of the UI does, as text", async ({ app, shell, page }) => {
  const file = shell.writeScorecard("base-zero.scorecard", "demo");
  const store = ScorecardStore.open(file, { appVersion: SHELL_APP_VERSION });
  const [a] = store.document().investments;
  if (!a) throw new Error("the demo has investments");
  store.apply({ type: "update", entity: "investment", id: a.id, changes: { name: XSS, baseSpend: 0, minSpend: 0 } });
  store.close();
  const doc = await openWhatIf(app, file);
  const warnings = page.getByRole("region", { name: "What-if warnings" });
  await expect(warnings.getByRole("listitem")).toHaveText(compileWhatIf(doc).warnings.map(plainText));
  await expect(warnings).toContainText(`${quote(XSS)} has a base spend of 0, so its impacts are off`);
  expect(await page.locator("img").count()).toBe(0);
});

test("a scorecard without investments says how to add them", async ({ app, shell, page }) => {
  await openWhatIf(app, shell.writeScorecard("blank.scorecard", "blank"));
  await expect(page.getByRole("heading", { name: "This scorecard has no investments yet" })).toBeVisible();
  await expect(page.locator("canvas")).toHaveCount(0);
  await app.screenshot("whatif-empty");
  await page.getByRole("button", { name: "New from template…" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
});

for (const [theme, size] of [
  ["light", { width: 1280, height: 800 }],
  ["dark", { width: 1920, height: 1080 }],
] as const)
  test(`looks right and passes axe, ${theme} ${size.width}×${size.height}`, async ({ app, page }) => {
    await page.setViewportSize(size);
    await page.emulateMedia({ colorScheme: theme });
    const doc = await openWhatIf(app);
    const inv = mostSensitive(doc);
    await page.getByRole("slider", { name: inv.name }).focus();
    await page.keyboard.press("PageUp");
    await expect(page.getByTestId("uncertainty-status")).toHaveAttribute("data-ready", "");
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await app.screenshot(`whatif-${theme}-${size.width}x${size.height}`);
    // The strategy map is checked by its own spec; this one is about the what-if parts around it.
    expect(await axeViolations(page, { exclude: ".map-box" }), "what-if view, map left out").toEqual([]);
  });
