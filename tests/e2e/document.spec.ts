/**
 * The document window as a whole, through the harness: undo and redo across views restore the
 * file's content, a failed write is shown and rolled back, main's menu commands and events reach
 * the page, and hostile names in the document's own title stay text.
 */
import type { Page } from "@playwright/test";
import { formatPercent } from "../../shared/display/numbers.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { gridModelOf } from "../../renderer/src/actuals/grid-model.ts";
import { sha256 } from "../support/files.ts";
import { type AppWindow, expect, test } from "./harness/fixture.ts";
import { HOSTILE_TITLE, LONG, RTL, writeHostileNames, XSS } from "./harness/hostile-names.ts";

/** Types a value into the actuals grid's cell (row, col) and commits it with Enter. */
async function typeActual(page: Page, row: number, col: number, value: string) {
  await page.locator(`td[data-row="${row}"][data-col="${col}"]`).click();
  await page.keyboard.type(value);
  await page.keyboard.press("Enter");
}

/** The store's database, for simulating a disk that refuses writes (as a full disk would). */
function refuseWrites(app: AppWindow, on: boolean) {
  const store = app.shell.documents.storeOf(app.windowId) as unknown as { db: { pragma(s: string): unknown } };
  store.db.pragma(`query_only = ${on ? "ON" : "OFF"}`);
}

test("undo and redo restore the file's content, by key, button and menu", async ({ app, shell, page }) => {
  await app.launch(shell.writeScorecard("Plan.scorecard", "it-value"));
  const original = app.fileDocument();
  await page.getByRole("button", { name: "Actuals" }).click();
  await typeActual(page, 0, 0, "41");
  // Enter returns before main has committed: wait for the file, then take its content.
  await expect.poll(() => app.fileDocument().actuals.length).toBe(original.actuals.length + 1);
  const one = app.fileDocument();
  expect(one.actuals).toHaveLength(original.actuals.length + 1);
  await typeActual(page, 1, 0, "42");
  await expect.poll(() => app.fileDocument().actuals.length).toBe(original.actuals.length + 2);
  const two = app.fileDocument();
  await expect(page.getByRole("button", { name: "Undo Edit actual" })).toBeEnabled();

  // Keyboard, with focus in the grid (not in a text field being edited).
  await page.keyboard.press("Control+z");
  await expect.poll(() => app.fileDocument()).toEqual(one);
  // The header's button.
  await page.getByRole("button", { name: "Undo Edit actual" }).click();
  await expect.poll(() => app.fileDocument()).toEqual(original);
  await expect(page.getByRole("button", { name: "Undo", exact: true })).toBeDisabled();
  // Redo: Shift+Ctrl+Z, then Ctrl+Y.
  await page.locator('td[data-row="0"][data-col="0"]').click();
  await page.keyboard.press("Control+Shift+z");
  await expect.poll(() => app.fileDocument()).toEqual(one);
  await page.keyboard.press("Control+y");
  await expect.poll(() => app.fileDocument()).toEqual(two);
  // The Edit menu: main sends the command to the page.
  shell.host.send(app.windowId, { type: "command", command: "undo" });
  await expect.poll(() => app.fileDocument()).toEqual(one);
  await expect(page.locator('td[data-row="1"][data-col="0"]')).not.toContainText("42");
});

test("a failed save is shown, the page keeps what the file has, and the next save works", async ({
  app,
  shell,
  page,
}) => {
  await app.launch(shell.writeScorecard("Plan.scorecard", "it-value"));
  await page.getByRole("button", { name: "Actuals" }).click();
  const overall = await page.getByTestId("header-overall").textContent();
  refuseWrites(app, true);
  const bytes = sha256(app.file());
  const cell = page.locator('td[data-row="0"][data-col="0"]');
  const shown = await cell.textContent();
  await typeActual(page, 0, 0, "50");
  await expect(page.getByRole("alert").filter({ hasText: "could not be saved" })).toBeVisible();
  await expect(page.locator("[data-save-state]")).toHaveText("Last change not saved");
  await expect(cell).toHaveText(shown ?? "");
  await expect(page.getByTestId("header-overall")).toHaveText(overall ?? "");
  expect(sha256(app.file())).toBe(bytes);

  refuseWrites(app, false);
  await typeActual(page, 0, 0, "7");
  await expect(page.locator("[data-save-state]")).toHaveText("All changes saved");
  await expect.poll(() => app.fileDocument().actuals.some((a) => a.value === 7)).toBe(true);
});

test("menu commands: views, new from template; events: document replaced", async ({ app, shell, page }) => {
  await app.launch(shell.writeScorecard("Plan.scorecard", "it-value"));
  shell.host.send(app.windowId, { type: "command", command: "view-what-if" });
  shell.host.send(app.windowId, { type: "command", command: "view-scorecard" });
  await expect(page.getByRole("button", { name: "Scorecard" })).toHaveAttribute("aria-current", "page");

  shell.host.send(app.windowId, { type: "command", command: "new-from-template" });
  const dialog = page.getByRole("dialog", { name: "New from template" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Main replaced the window's document (Save As from the menu): the page shows the new file.
  const copy = `${shell.dir}/Copy.scorecard`;
  shell.documents.saveAs(app.windowId, copy);
  shell.host.send(app.windowId, { type: "document-replaced" });
  await expect(page.locator(".file-name")).toHaveText("Copy.scorecard");
});

test("Share…: a copy without actuals is written; a refusal is told inside the dialog", async ({ app, shell, page }) => {
  await app.launch(shell.writeScorecard("Plan.scorecard", "demo"));
  shell.host.send(app.windowId, { type: "command", command: "share" });
  const dialog = page.getByRole("dialog", { name: "Share a copy" });
  await expect(dialog).toBeVisible();

  // The open file itself: main refuses to write over it, and the dialog says so.
  shell.dialogs.save.push(app.file());
  await dialog.getByRole("button", { name: "Save copy…" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Could not save the copy");

  const copy = `${shell.dir}/For the board.scorecard`;
  shell.dialogs.save.push(copy);
  await dialog.getByLabel("Include actuals").uncheck();
  await dialog.getByRole("button", { name: "Save copy…" }).click();
  await expect(dialog.getByRole("status")).toHaveText(
    "Saved “For the board.scorecard” and showed it in your file manager.",
  );
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  const shared = app.fileDocument(copy);
  expect(shared.actuals).toEqual([]);
  expect(shared.measures).toEqual(app.fileDocument().measures);
});

test("the hostile-names file renders safely in every view", async ({ app, page }) => {
  const { file } = writeHostileNames(app.shell);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await app.launch(file);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(HOSTILE_TITLE);
  await expect(heading).toHaveAttribute("title", HOSTILE_TITLE);
  expect(await heading.evaluate((h) => h.scrollWidth > h.clientWidth)).toBe(true);

  for (const view of ["Scorecard", "Framework", "Actuals"]) {
    await page.getByRole("button", { name: view, exact: true }).click();
    const main = page.getByRole("main");
    for (const name of [XSS, RTL, LONG]) await expect(main.getByText(name).first(), `${view}: ${name}`).toBeVisible();
    // A long name is cut, never allowed to widen the page; its full text is its tooltip.
    await expect(main.locator(`[title="${LONG}"]`).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), view).toBe(true);
    await expect(page.locator("img")).toHaveCount(0);
    await app.screenshot(`hostile-${view.toLowerCase()}-light-1280x800`);
  }
  expect(dialogs).toEqual([]);
});

test("create from a template, enter an actual, edit the measure's target: the score follows, on screen and in the file", async ({
  app,
  shell,
  page,
}) => {
  await app.launch();
  shell.dialogs.save.push(`${shell.dir}/Workshop.scorecard`);
  await page.getByRole("button", { name: /Create from/ }).click();
  await expect(page.locator(".file-name")).toHaveText("Workshop.scorecard");

  // The first measure of the grid, in the latest period: halfway from baseline to target.
  const created = app.fileDocument();
  const grid = gridModelOf(created, compileModel(created), null);
  const measure = grid.rows[0]?.measure;
  const latest = grid.periods.length - 1;
  if (measure?.method !== "linear") throw new Error("the template's first measure is linear");
  const halfway = (measure.baseline + measure.target) / 2;
  await page.getByRole("button", { name: "Actuals", exact: true }).click();
  await typeActual(page, 0, latest, String(halfway));
  await expect.poll(() => app.fileDocument().actuals.length).toBe(1);
  const overall = page.getByTestId("header-overall").locator(".overall-value");
  await expect(overall).toHaveText(formatPercent(scorecardView(app.fileDocument()).overall.score));
  const before = await overall.textContent();

  // Moving the target further away halves the measure's achievement.
  const target = measure.baseline + (measure.target - measure.baseline) * 2;
  await page.getByRole("button", { name: "Framework", exact: true }).click();
  await page
    .getByRole("tree", { name: "Framework outline" })
    .getByRole("treeitem", { name: measure.name, exact: true })
    .click();
  const field = page.getByRole("region", { name: "Inspector" }).getByLabel("Target", { exact: true });
  await field.fill(String(target));
  await field.press("Enter");
  await expect.poll(() => app.fileDocument().measures.find((m) => m.id === measure.id)?.target).toBe(target);

  await page.getByRole("button", { name: "Scorecard", exact: true }).click();
  const expected = scorecardView(app.fileDocument());
  const shown = expected.perspectives
    .flatMap((p) => p.objectives.flatMap((o) => o.measures))
    .find((m) => m.id === measure.id);
  expect(shown?.score).toBeCloseTo(0.25, 6);
  await expect(overall).toHaveText(formatPercent(expected.overall.score));
  await expect(overall).not.toHaveText(before ?? "");
  await expect(page.getByRole("treegrid").getByRole("row", { name: new RegExp(measure.name) })).toContainText("25%");
});
