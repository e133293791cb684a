/**
 * The actuals grid through the harness: keys, paste, validation and notes on the page, and what
 * reached the real file (read back from its bytes) after each.
 */
import path from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./harness/fixture.ts";
import { formatPercent, formatValue } from "../../shared/display/numbers.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { gridModelOf } from "../../renderer/src/actuals/grid-model.ts";
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { REALISTIC, syntheticScorecard } from "../bench/synthetic.ts";
import { sha256 } from "../support/files.ts";

/** Measures and periods in the grid's order: row r, column c. */
function layout(doc: ScorecardDocument) {
  const grid = gridModelOf(doc, compileModel(doc), null);
  return { measures: grid.rows.map((r) => r.measure), periods: grid.periods };
}

function actualOf(doc: ScorecardDocument, measureId: string, periodId: string) {
  return doc.actuals.find((a) => a.measureId === measureId && a.periodId === periodId) ?? null;
}

const cell = (page: Page, row: number, col: number) => page.locator(`td[data-row="${row}"][data-col="${col}"]`);
const editor = (page: Page) => page.locator("input.cell-editor");
const status = (page: Page) => page.locator(".actuals-status");

async function expectActive(page: Page, row: number, col: number) {
  await expect(cell(page, row, col)).toHaveAttribute("aria-selected", "true");
  await expect(cell(page, row, col)).toBeFocused();
  await expect(page.locator('td[aria-selected="true"]')).toHaveCount(1);
}

/**
 * Scrolls the grid so that measure row `row` is in view: only the lines in view are rendered
 * (row-window.ts). `doc` gives the grid's lines, group rows included.
 */
async function reveal(page: Page, doc: ScorecardDocument, row: number) {
  const grid = gridModelOf(doc, compileModel(doc), null);
  const line = grid.lines.findIndex((l) => l.kind === "measure" && l.index === row);
  await page.locator(".actuals-scroll").evaluate((el, top) => {
    el.scrollTop = top;
  }, line * 32);
  await expect(cell(page, row, 0)).toBeAttached();
}

async function openActuals(page: Page) {
  await page.getByRole("button", { name: "Actuals", exact: true }).click();
  await expect(page.getByRole("grid")).toBeVisible();
}

/** Pastes as the keyboard and the Edit menu do: a paste event with the text on its clipboard data. */
async function paste(page: Page, row: number, col: number, text: string) {
  await cell(page, row, col).click();
  await pasteHere(page, text);
}

/** Pastes into the focused cell, keeping the selected range. */
async function pasteHere(page: Page, text: string) {
  await page.evaluate((data) => {
    const clipboardData = new DataTransfer();
    clipboardData.setData("text/plain", data);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("paste", { clipboardData, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Copies as the Edit menu does (a copy event at the focused cell); what the grid put on the clipboard. */
async function copyHere(page: Page): Promise<string> {
  return page.evaluate(() => {
    const clipboardData = new DataTransfer();
    document.activeElement?.dispatchEvent(
      new ClipboardEvent("copy", { clipboardData, bubbles: true, cancelable: true }),
    );
    return clipboardData.getData("text/plain");
  });
}

/** The file's values in rows top..bottom, columns left..right, as a spreadsheet's TSV block. */
function tsvOf(doc: ScorecardDocument, top: number, left: number, bottom: number, right: number): string {
  const { measures, periods } = layout(doc);
  let text = "";
  for (let r = top; r <= bottom; r++) {
    const cells = periods.slice(left, right + 1).map((p) => {
      const actual = actualOf(doc, measures[r]?.id ?? "", p.id);
      return actual ? String(actual.value) : "";
    });
    text += `${cells.join("\t")}\r\n`;
  }
  return text;
}

const selected = (page: Page) => page.locator('td[aria-selected="true"]');

test("enters an actual by keyboard: the file has it and the overall score follows", async ({ app, shell }) => {
  const file = shell.writeScorecard("Demo.scorecard", "demo");
  await app.launch(file);
  const { page } = app;
  await openActuals(page);
  const before = app.fileDocument();
  const { measures, periods } = layout(before);
  const last = periods.length - 1;
  const measure = measures[0];
  const period = periods[last];
  if (!measure || !period) throw new Error("the demo has measures and periods");

  await cell(page, 0, 0).click();
  await page.keyboard.press("End");
  await expectActive(page, 0, last);
  await page.keyboard.type("0");
  await expect(editor(page)).toHaveValue("0");
  await expect(editor(page)).toHaveAttribute("data-editing", "");
  await page.keyboard.press("Enter");

  await expect(editor(page)).toHaveCount(0);
  await expect(cell(page, 0, last)).toHaveText("0");
  await expectActive(page, 1, last);
  await expect.poll(() => actualOf(app.fileDocument(), measure.id, period.id)?.value).toBe(0);

  const after = app.fileDocument();
  const expected = formatPercent(scorecardView(after).overall.score);
  expect(expected, "the edit changes the overall score").not.toBe(formatPercent(scorecardView(before).overall.score));
  await page.getByRole("button", { name: "Scorecard", exact: true }).click();
  await expect(page.getByTestId("overall-score").first()).toContainText(expected);
});

test("clicking another cell while editing commits the value to its own cell, then moves", async ({ app, shell }) => {
  await app.launch(shell.writeScorecard("Plan.scorecard", "it-value"));
  const { page } = app;
  await openActuals(page);
  const { measures, periods } = layout(app.fileDocument());
  const [first, second] = measures;
  const period = periods[0];
  if (!first || !second || !period) throw new Error("the template has measures and periods");

  await cell(page, 0, 0).click();
  await page.keyboard.type("5");
  await expect(editor(page)).toHaveValue("5");
  await cell(page, 1, 0).click();
  await expectActive(page, 1, 0);
  await expect(editor(page)).toHaveCount(0);
  await expect(cell(page, 0, 0)).toHaveText("5");
  await expect.poll(() => actualOf(app.fileDocument(), first.id, period.id)?.value).toBe(5);
  expect(actualOf(app.fileDocument(), second.id, period.id)).toBeNull();
});

test("moves the active cell with arrows, Tab, Home/End and Page keys", async ({ app, shell }) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const { page } = app;
  await openActuals(page);
  const { measures, periods } = layout(app.fileDocument());
  const lastRow = measures.length - 1;
  const lastCol = periods.length - 1;

  await cell(page, 0, 0).click();
  await expectActive(page, 0, 0);
  await expect(page.locator('td[tabindex="0"]')).toHaveCount(1);
  const steps: [string, number, number][] = [
    ["ArrowRight", 0, 1],
    ["ArrowDown", 1, 1],
    ["ArrowDown", 2, 1],
    ["ArrowUp", 1, 1],
    ["Tab", 1, 2],
    ["Shift+Tab", 1, 1],
    ["ArrowLeft", 1, 0],
    ["ArrowLeft", 1, 0],
    ["End", 1, lastCol],
    ["Tab", 2, 0],
    ["Shift+Tab", 1, lastCol],
    ["Home", 1, 0],
    ["Control+End", lastRow, lastCol],
    ["ArrowDown", lastRow, lastCol],
    ["Control+Home", 0, 0],
  ];
  for (const [key, row, col] of steps) {
    await page.keyboard.press(key);
    await expectActive(page, row, col);
  }
  await page.keyboard.press("PageDown");
  const paged = Number(await page.locator('td[aria-selected="true"]').getAttribute("data-row"));
  expect(paged).toBeGreaterThan(1);
  await page.keyboard.press("PageUp");
  await expectActive(page, 0, 0);

  // Double-click edits keeping the value; Escape gives it back unchanged.
  const shown = await cell(page, 2, 3).textContent();
  await cell(page, 2, 3).dblclick();
  await expect(editor(page)).toBeFocused();
  await expect(editor(page)).not.toHaveAttribute("data-editing");
  await page.keyboard.press("Escape");
  await expectActive(page, 2, 3);
  await expect(cell(page, 2, 3)).toHaveText(shown ?? "");
});

test("pastes a block from a spreadsheet as one undo step", async ({ app, shell }) => {
  await app.launch(shell.writeScorecard("Plan.scorecard", "it-value"));
  const { page } = app;
  await openActuals(page);
  const { measures, periods } = layout(app.fileDocument());
  const values = [
    [10, 11.5, 1200],
    [50, 51, 52.25],
  ];
  // As a spreadsheet puts it on the clipboard: tabs, CRLF, a trailing line break, a thousands separator.
  await paste(page, 0, 0, '10\t11.5\t"1,200"\r\n50%\t51\t52.25\r\n');

  const cells = values.flatMap((row, r) => row.map((value, c) => ({ r, c, value })));
  for (const { r, c, value } of cells) await expect(cell(page, r, c)).toHaveText(formatValue(value, ""));
  const pasted = app.fileDocument();
  for (const { r, c, value } of cells) {
    expect(actualOf(pasted, measures[r]?.id ?? "", periods[c]?.id ?? "")?.value).toBe(value);
  }
  expect(shell.documents.storeOf(app.windowId).undoLabel).toBe("Paste actuals");

  await cell(page, 3, 3).click();
  await page.keyboard.press("Control+z");
  for (const { r, c } of cells) await expect(cell(page, r, c)).toHaveClass(/cell-missing/);
  const undone = app.fileDocument();
  for (const { r, c } of cells) expect(actualOf(undone, measures[r]?.id ?? "", periods[c]?.id ?? "")).toBeNull();
});

test("refuses an invalid value in place and sends nothing", async ({ app, shell }) => {
  const file = shell.writeScorecard("Plan.scorecard", "it-value");
  await app.launch(file);
  const { page } = app;
  await openActuals(page);
  const { measures } = layout(app.fileDocument());
  const percent = measures.findIndex((m) => m.unit === "%" && m.validRange?.max === 100);
  expect(percent).toBeGreaterThanOrEqual(0);
  const hash = sha256(file);

  await cell(page, 0, 1).click();
  await page.keyboard.type("abc");
  await page.keyboard.press("Enter");
  await expect(status(page)).toHaveText("“abc” is not a number.");
  await expect(status(page)).toHaveAttribute("role", "alert");
  await expect(editor(page)).toBeFocused();
  await expect(editor(page)).toHaveAttribute("aria-invalid", "true");
  await expect(cell(page, 0, 1)).toHaveClass(/cell-invalid/);
  await app.screenshot("actuals-invalid-light");
  await page.keyboard.press("Escape");
  await expect(editor(page)).toHaveCount(0);
  await expect(status(page)).toHaveText("");
  await expect(cell(page, 0, 1)).toHaveClass(/cell-missing/);

  await cell(page, percent, 2).click();
  await page.keyboard.type("150");
  await page.keyboard.press("Tab");
  await expect(status(page)).toHaveText("“150” must lie in the measure's valid range [0, 100].");
  await expect(editor(page)).toHaveValue("150");
  expect(sha256(file)).toBe(hash);
  expect(shell.documents.storeOf(app.windowId).undoLabel).toBeNull();
  // Fixed in place, the value goes through.
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Tab");
  await expectActive(page, percent, 3);
  await expect(status(page)).toHaveText("");
  await expect(cell(page, percent, 2)).toHaveText("1");
  expect(shell.documents.storeOf(app.windowId).undoLabel).toBe("Edit actual");
});

test("refuses a pasted block with a bad cell, naming it, and leaves the file alone", async ({ app, shell }) => {
  const file = shell.writeScorecard("Plan.scorecard", "it-value");
  await app.launch(file);
  const { page } = app;
  await openActuals(page);
  const { measures, periods } = layout(app.fileDocument());
  const hash = sha256(file);

  await paste(page, 0, 1, "10\t11\n50\tabc\n");
  await expect(status(page)).toHaveText(
    `Nothing was pasted. Row “${measures[1]?.name}”, ${periods[2]?.label}: “abc” is not a number.`,
  );
  await expect(cell(page, 0, 1)).toHaveClass(/cell-missing/);
  expect(sha256(file)).toBe(hash);
  expect(shell.documents.storeOf(app.windowId).undoLabel).toBeNull();

  // A block running past the grid's edge keeps what fits and says what was left out.
  const lastCol = periods.length - 1;
  await paste(page, 0, lastCol, "7\t8\t9");
  await expect(status(page)).toHaveText("2 cells beyond the edge of the grid were left out.");
  await expect(cell(page, 0, lastCol)).toHaveText("7");
});

test("adds a note to a value: saved in the file and marked on the cell", async ({ app, shell }) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const { page } = app;
  await openActuals(page);
  const before = app.fileDocument();
  const { measures, periods } = layout(before);
  const row = measures.findIndex((m) => actualOf(before, m.id, periods[1]?.id ?? "")?.note === "");
  const measure = measures[row];
  const period = periods[1];
  if (!measure || !period) throw new Error("the demo has a value without a note");
  const value = actualOf(before, measure.id, period.id)?.value;

  await cell(page, row, 1).click();
  await expect(cell(page, row, 1).locator(".note-mark")).toHaveCount(0);
  await page.keyboard.press("Shift+F2");
  const note = page.getByLabel(/^Note for/);
  await expect(note).toBeFocused();
  await page.keyboard.type("Estimated: the survey closed late.");
  await expect(page.locator(".note-editor")).toHaveAttribute("data-editing", "");
  await app.screenshot("actuals-note-light");
  await page.getByRole("button", { name: "Save note" }).click();

  await expect(cell(page, row, 1).locator(".note-mark")).toHaveCount(1);
  await expect(cell(page, row, 1)).toHaveAttribute("title", "Note: Estimated: the survey closed late.");
  await expectActive(page, row, 1);
  const after = app.fileDocument();
  expect(actualOf(after, measure.id, period.id)).toEqual({
    measureId: measure.id,
    periodId: period.id,
    value,
    note: "Estimated: the survey closed late.",
  });

  // Editing the value keeps the note.
  await page.keyboard.type("1");
  await page.keyboard.press("Enter");
  await expect.poll(() => actualOf(app.fileDocument(), measure.id, period.id)?.value).toBe(1);
  expect(actualOf(app.fileDocument(), measure.id, period.id)?.note).toBe("Estimated: the survey closed late.");

  // A missing cell has no value to annotate.
  const missing = measures.findIndex((m) => actualOf(before, m.id, periods[periods.length - 1]?.id ?? "") === null);
  await cell(page, missing, periods.length - 1).click();
  await expect(page.getByRole("button", { name: "Add note…" })).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Shift+F2");
  await expect(status(page)).toHaveText("A note belongs to a value: enter the actual first.");
  await expect(page.locator(".note-editor")).toHaveCount(0);
});

test("shows missing and stale cells for what they are", async ({ app, shell }) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const { page } = app;
  await openActuals(page);
  const doc = app.fileDocument();
  const grid = gridModelOf(doc, compileModel(doc), null);
  const stale = grid.rows.flatMap((r) => r.cells.flatMap((c, k) => (c.carried ? [{ r: r.index, k, c }] : [])));
  expect(stale.length).toBeGreaterThan(0);
  for (const { r, k, c } of stale) {
    await reveal(page, doc, r);
    await expect(cell(page, r, k)).toHaveClass(/cell-stale/);
    await expect(cell(page, r, k).locator(".visually-hidden")).toHaveText(
      `, stale, carried forward from ${c.carried?.from}`,
    );
  }
  await reveal(page, doc, 0);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await cell(page, 2, 6).click();
    await app.screenshot(`actuals-${colorScheme}`);
  }
});

test("commits a typed value in a 200 × 24 scorecard", async ({ app, shell }) => {
  const file = path.join(shell.dir, "Large.scorecard");
  writeFileAtomically(file, syntheticScorecard(REALISTIC));
  await app.launch(file);
  const { page } = app;
  await openActuals(page);
  const { measures, periods } = layout(app.fileDocument());
  expect([measures.length, periods.length]).toEqual([200, 24]);
  const row = 150;
  const col = 20;
  const measure = measures[row];
  const period = periods[col];
  if (!measure || !period) throw new Error("the grid has the cell");
  const value = measure.validRange ? Math.round((measure.validRange.min + measure.validRange.max) / 2) : 42;
  // Only the lines in view (and a margin) are in the page: about 30 rows, not 250.
  expect(await page.locator(".actuals-grid tbody tr[aria-rowindex]").count()).toBeLessThan(60);

  await reveal(page, app.fileDocument(), row);
  await cell(page, row, col).click();
  await page.keyboard.type(String(value));
  await page.keyboard.press("Enter");
  await expect(cell(page, row, col)).toHaveText(new RegExp(`^${formatValue(value, "").replace(".", "\\.")}`));
  await expectActive(page, row + 1, col);
  await expect.poll(() => actualOf(app.fileDocument(), measure.id, period.id)?.value).toBe(value);
  await app.screenshot("actuals-large-light");

  // The keyboard reaches rows far outside the view: the active row is always rendered.
  await page.keyboard.press("Control+End");
  await expectActive(page, measures.length - 1, periods.length - 1);
  await expect(cell(page, measures.length - 1, periods.length - 1)).toBeInViewport();
  await page.keyboard.press("Control+Home");
  await expectActive(page, 0, 0);
  await expect(cell(page, 0, 0)).toBeInViewport();

  // A range reaching far outside the view copies from the data, not from the rendered rows.
  await page.keyboard.press("Control+Shift+End");
  await expect(cell(page, measures.length - 1, periods.length - 1)).toBeFocused();
  const copied = await copyHere(page);
  const doc = app.fileDocument();
  expect(copied.split("\r\n")).toHaveLength(measures.length + 1);
  expect(copied).toBe(tsvOf(doc, 0, 0, measures.length - 1, periods.length - 1));
});

test("selects a range with Shift+keys, Shift+click, a drag and Ctrl+A, and copies it as a spreadsheet block", async ({
  app,
  shell,
}) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const { page } = app;
  await openActuals(page);
  const doc = app.fileDocument();
  const { measures, periods } = layout(doc);

  await cell(page, 1, 2).click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowRight");
  // The active cell moved to the far corner; the anchor stayed.
  await expect(cell(page, 3, 3)).toBeFocused();
  await expect(selected(page)).toHaveCount(6);
  await expect(cell(page, 1, 2)).toHaveClass(/cell-selected/);
  await expect(cell(page, 3, 3)).not.toHaveClass(/cell-selected/);
  await expect(cell(page, 3, 3)).toHaveClass(/cell-active/);
  await expect(cell(page, 0, 2)).not.toHaveAttribute("aria-selected", "true");
  await expect(page.locator(".range-size")).toHaveText("3 × 2 cells selected");
  expect(await copyHere(page)).toBe(tsvOf(doc, 1, 2, 3, 3));
  await page.keyboard.press("Shift+ArrowUp");
  await expect(selected(page)).toHaveCount(4);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await app.screenshot(`actuals-range-${colorScheme}`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // The real keys: Ctrl+C fires the copy event although no text is selected.
  await page.evaluate(() => {
    document.addEventListener("copy", (event) => {
      document.body.dataset.copied = event.clipboardData?.getData("text/plain") ?? "";
    });
  });
  await page.keyboard.press("Control+c");
  await expect(page.locator("body")).toHaveAttribute("data-copied", tsvOf(doc, 1, 2, 2, 3));

  // A plain arrow collapses the range onto the cell it moves to.
  await page.keyboard.press("ArrowLeft");
  await expectActive(page, 2, 2);
  expect(await copyHere(page)).toBe(tsvOf(doc, 2, 2, 2, 2));

  // Shift+click extends from the anchor; a plain click collapses.
  await cell(page, 4, 0).click({ modifiers: ["Shift"] });
  await expect(cell(page, 4, 0)).toBeFocused();
  await expect(selected(page)).toHaveCount(9);
  await cell(page, 0, 1).click();
  await expectActive(page, 0, 1);

  // A drag selects the cells it crosses.
  const from = await cell(page, 0, 4).boundingBox();
  const to = await cell(page, 1, 6).boundingBox();
  if (!from || !to) throw new Error("the cells are on screen");
  await page.mouse.move(from.x + 10, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(to.x + 10, to.y + 10, { steps: 5 });
  await page.mouse.up();
  await expect(cell(page, 1, 6)).toBeFocused();
  await expect(selected(page)).toHaveCount(6);
  expect(await copyHere(page)).toBe(tsvOf(doc, 0, 4, 1, 6));

  // Ctrl+A takes every cell.
  await page.keyboard.press("Control+a");
  await expect(cell(page, 0, 0)).toBeFocused();
  expect(await copyHere(page)).toBe(tsvOf(doc, 0, 0, measures.length - 1, periods.length - 1));
});

test("Delete clears a selected range as one undo step", async ({ app, shell }) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const { page } = app;
  await openActuals(page);
  const before = app.fileDocument();
  const { measures, periods } = layout(before);
  const has = (r: number, c: number) => actualOf(before, measures[r]?.id ?? "", periods[c]?.id ?? "") !== null;
  const row = measures.findIndex((_, r) => [0, 1].every((dr) => [0, 1].every((dc) => has(r + dr, dc))));
  expect(row).toBeGreaterThanOrEqual(0);
  const block = [0, 1].flatMap((dr) =>
    [0, 1].map((dc) => ({
      r: row + dr,
      c: dc,
      value: actualOf(before, measures[row + dr]?.id ?? "", periods[dc]?.id ?? "")?.value,
    })),
  );

  await reveal(page, before, row);
  await cell(page, row, 0).click();
  await page.keyboard.press("Shift+ArrowRight");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Delete");
  for (const { r, c } of block) await expect(cell(page, r, c)).toHaveClass(/cell-missing|cell-stale/);
  const cleared = app.fileDocument();
  for (const { r, c } of block) expect(actualOf(cleared, measures[r]?.id ?? "", periods[c]?.id ?? "")).toBeNull();
  expect(cleared.actuals.length).toBe(before.actuals.length - 4);
  expect(shell.documents.storeOf(app.windowId).undoLabel).toBe("Clear actuals");

  await page.keyboard.press("Control+z");
  await expect.poll(() => app.fileDocument().actuals.length).toBe(before.actuals.length);
  const restored = app.fileDocument();
  for (const { r, c, value } of block) {
    expect(actualOf(restored, measures[r]?.id ?? "", periods[c]?.id ?? "")?.value).toBe(value);
    await expect(cell(page, r, c)).not.toHaveClass(/cell-missing/);
  }
});

test("pasting one value fills a selected range; a block lands at its top left", async ({ app, shell }) => {
  const file = shell.writeScorecard("Plan.scorecard", "it-value");
  await app.launch(file);
  const { page } = app;
  await openActuals(page);
  const { measures, periods } = layout(app.fileDocument());
  const hash = sha256(file);

  await cell(page, 0, 0).click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+ArrowRight");
  // Clearing empty cells sends nothing.
  await page.keyboard.press("Delete");
  expect(sha256(file)).toBe(hash);
  expect(shell.documents.storeOf(app.windowId).undoLabel).toBeNull();

  await pasteHere(page, "7\r\n");
  for (const r of [0, 1, 2]) for (const c of [0, 1]) await expect(cell(page, r, c)).toHaveText("7");
  const filled = app.fileDocument();
  for (const r of [0, 1, 2])
    for (const c of [0, 1]) expect(actualOf(filled, measures[r]?.id ?? "", periods[c]?.id ?? "")?.value).toBe(7);
  expect(filled.actuals).toHaveLength(6);
  expect(shell.documents.storeOf(app.windowId).undoLabel).toBe("Paste actuals");

  await cell(page, 3, 1).click();
  await page.keyboard.press("Shift+ArrowDown");
  await page.keyboard.press("Shift+End");
  await expect(selected(page)).toHaveCount(2 * (periods.length - 1));
  await pasteHere(page, "1\t2\r\n");
  await expect(cell(page, 3, 2)).toHaveText("2");
  const pasted = app.fileDocument();
  expect(actualOf(pasted, measures[3]?.id ?? "", periods[1]?.id ?? "")?.value).toBe(1);
  expect(actualOf(pasted, measures[3]?.id ?? "", periods[2]?.id ?? "")?.value).toBe(2);
  expect(pasted.actuals).toHaveLength(8);
});
