/**
 * File ▸ Import Actuals… through the harness, on real files: the preview names every bad row and
 * writes nothing; a clean file imports as one undoable step; a workbook laid out one column per
 * period imports the same way; a file that is not a spreadsheet is refused inside the dialog.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Locator, Page } from "@playwright/test";
import { axeViolations } from "./harness/axe.ts";
import { expect, test } from "./harness/fixture.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { sha256 } from "../support/files.ts";

const dialogOf = (page: Page) => page.getByRole("dialog", { name: "Import actuals" });

/** Actuals as sorted "measure/period=value" lines: easy to compare and to read in a failure. */
function actualsOf(doc: ScorecardDocument): string[] {
  return doc.actuals.map((a) => `${a.measureId}/${a.periodId}=${a.value}`).sort();
}

/** A value inside the measure's valid range, different for each (measure, period) slot. */
function valueFor(doc: ScorecardDocument, m: number, p: number): number {
  const range = doc.measures[m]?.validRange;
  const low = range?.min ?? 0;
  const high = range?.max ?? 1000;
  return Math.round((low + (high - low) * (0.11 + 0.07 * p + 0.01 * m)) * 100) / 100;
}

/** Lays down a CSV file (always with CRLF, as spreadsheets write it). */
function writeCsv(dir: string, name: string, rows: string[][]): string {
  const file = path.join(dir, name);
  const cell = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
  fs.writeFileSync(file, `${rows.map((r) => r.map(cell).join(",")).join("\r\n")}\r\n`);
  return file;
}

/** Opens the dialog from the header button and picks `file` through the (fake) open dialog. */
async function importFrom(page: Page, shell: { dialogs: { open: (string | null)[] } }, file: string) {
  await page.getByRole("button", { name: "Import…" }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  shell.dialogs.open.push(file);
  await dialog.getByRole("button", { name: "Choose CSV or Excel file…" }).click();
  return dialog;
}

/** WCAG A/AA findings inside the open dialog (labels, names, table headers, contrast). */
const dialogViolations = (page: Page) => axeViolations(page, { include: "dialog" });

/** The problems table as [row, column, message] rows. */
async function problemRows(dialog: Locator): Promise<string[][]> {
  const rows = dialog.locator(".import-problems tbody tr");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent?.trim() ?? "")),
  );
}

test("a file with bad rows lists each by row, cannot be imported, and writes nothing", async ({ app, shell }) => {
  const { page } = app;
  await app.launch(shell.writeScorecard("demo.scorecard", "demo"));
  const doc = app.fileDocument();
  const [m0, m1, m2, m3] = doc.measures.map((m) => m.name);
  const csv = writeCsv(shell.dir, "actuals.csv", [
    ["Measure", "Period", "Value", "Note"],
    [m0 ?? "", "2026-Q1", "12", "fine"],
    ["Unknown KPI", "2026-Q1", "5", ""],
    [m1 ?? "", "2031-Q9", "5", ""],
    [m1 ?? "", "2026-Q2", "12,5%", ""],
    [m2 ?? "", "2026-Q1", "abc", ""],
    [m0 ?? "", "2026-Q1", "13", ""],
    [m3 ?? "", "2026-Q1", "=1+1", ""],
  ]);
  const before = { scorecard: sha256(app.file()), csv: sha256(csv) };

  const dialog = await importFrom(page, shell, csv);
  await expect(dialog.getByLabel("Layout")).toHaveValue("rows");
  await expect(dialog.getByLabel("Measure column")).toHaveValue("0");
  await expect(dialog.getByLabel("Note column")).toHaveValue("3");
  const m0Now = doc.actuals.some((a) => a.measureId === doc.measures[0]?.id && a.periodId === doc.periods[4]?.id);
  await expect(dialog.getByRole("status").filter({ hasText: "problems" })).toContainText(
    `1 value in 7 rows: ${m0Now ? "0 new, 1 changed" : "1 new, 0 changed"}, 0 unchanged. 6 problems.`,
  );
  const problems = await problemRows(dialog);
  expect(problems.map(([row, column]) => `${row}${column}`)).toEqual(["3A", "4B", "5C", "6C", "7C", "8C"]);
  expect(problems[0]?.[2]).toContain("unknown measure “Unknown KPI”");
  expect(problems[1]?.[2]).toContain("unknown period “2031-Q9”");
  expect(problems[2]?.[2]).toContain("“12,5%” is not a number");
  expect(problems[3]?.[2]).toContain("“abc” is not a number");
  expect(problems[4]?.[2]).toContain("is also in row 2");
  expect(problems[5]?.[2]).toContain("formula");
  await expect(dialog.getByRole("button", { name: /^Import \d/ })).toBeDisabled();
  await expect(dialog).toContainText("Fix the rows above in your spreadsheet, or change the mapping");
  await app.screenshot("import-preview-errors");
  expect(await dialogViolations(page)).toEqual([]);

  // Another mapping is planned again: matching measures by id, every measure is unknown.
  await dialog.getByLabel("Matches measures by").selectOption("id");
  await expect(dialog.getByRole("status").filter({ hasText: "problems" })).toContainText("7 problems");

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(sha256(app.file())).toBe(before.scorecard);
  expect(sha256(csv)).toBe(before.csv);
  expect(actualsOf(app.fileDocument())).toEqual(actualsOf(doc));
});

test("a clean file imports as one step, and one undo takes it back", async ({ app, shell }) => {
  const { page } = app;
  await app.launch(shell.writeScorecard("demo.scorecard", "demo"));
  const doc = app.fileDocument();
  const periods = doc.periods.slice(-2);
  const rows: string[][] = [["Measure", "Period", "Value"]];
  const expected = new Map(doc.actuals.map((a) => [`${a.measureId}/${a.periodId}`, a.value]));
  for (let m = 0; m < 4; m++) {
    for (const [p, period] of periods.entries()) {
      const value = valueFor(doc, m, p);
      const measure = doc.measures[m];
      if (!measure) throw new Error("the demo has fewer measures than the test needs");
      rows.push([measure.name, period.label, String(value)]);
      expected.set(`${measure.id}/${period.id}`, value);
    }
  }
  const csv = writeCsv(shell.dir, "q-actuals.csv", rows);
  const dialog = await importFrom(page, shell, csv);
  const importButton = dialog.getByRole("button", { name: "Import 8 values" });
  await expect(importButton).toBeEnabled();
  await expect(dialog.locator(".import-entries tbody tr")).toHaveCount(8);
  await expect(dialog.locator(".import-problems")).toHaveCount(0);
  // Nothing is written by the preview.
  expect(actualsOf(app.fileDocument())).toEqual(actualsOf(doc));
  await app.screenshot("import-preview-ok");
  await page.emulateMedia({ colorScheme: "dark" });
  await app.screenshot("import-preview-ok-dark");
  expect(await dialogViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });

  await importButton.click();
  await expect(dialog.getByRole("status")).toContainText("Imported 8 values from “q-actuals.csv”");
  const imported = app.fileDocument();
  expect(actualsOf(imported)).toEqual([...expected].map(([k, v]) => `${k}=${v}`).sort());
  await expect(page.getByRole("button", { name: "Undo Import “q-actuals.csv”" })).toBeEnabled();
  await expect(dialog.getByRole("button", { name: "Done" })).toBeFocused();

  // One undo takes the whole import back; the dialog, still open, says so.
  await page.keyboard.press("Control+z");
  await expect(dialog.getByRole("status")).toContainText("The import of “q-actuals.csv” was undone");
  await expect.poll(() => actualsOf(app.fileDocument())).toEqual(actualsOf(doc));
  await expect(page.getByRole("button", { name: "Redo Import “q-actuals.csv”" })).toBeEnabled();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
});

test("a workbook with one column per period imports the same actuals", async ({ app, shell }) => {
  const { page } = app;
  await app.launch(shell.writeScorecard("demo.scorecard", "demo"));
  const doc = app.fileDocument();
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Read me").addRow(["Actuals exported from the finance system"]);
  const sheet = workbook.addWorksheet("Actuals");
  sheet.addRow(["Measure", ...doc.periods.map((p) => p.label)]);
  const expected = new Map(doc.actuals.map((a) => [`${a.measureId}/${a.periodId}`, a.value]));
  for (let m = 0; m < 6; m++) {
    const measure = doc.measures[m];
    if (!measure) throw new Error("the demo has fewer measures than the test needs");
    const values = doc.periods.map((_, p) => valueFor(doc, m, p));
    sheet.addRow([measure.name, ...values]);
    for (const [p, period] of doc.periods.entries()) expected.set(`${measure.id}/${period.id}`, values[p] as number);
  }
  const xlsx = path.join(shell.dir, "actuals.xlsx");
  await workbook.xlsx.writeFile(xlsx);

  const dialog = await importFrom(page, shell, xlsx);
  await expect(dialog.getByLabel("Sheet", { exact: true })).toHaveValue("1");
  await expect(dialog.getByLabel("Layout")).toHaveValue("columns");
  await expect(dialog.getByLabel("Period column")).toHaveCount(0);
  const cells = 6 * doc.periods.length;
  await expect(dialog.getByRole("status").filter({ hasText: "problems" })).toContainText(`${cells} values in 6 rows`);
  await expect(dialog.getByRole("status").filter({ hasText: "problems" })).toContainText("0 problems.");
  await app.screenshot("import-preview-columns");
  const importButton = dialog.getByRole("button", { name: /^Import \d+ values$/ });
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(dialog.getByRole("status")).toContainText("Imported");
  expect(actualsOf(app.fileDocument())).toEqual([...expected].map(([k, v]) => `${k}=${v}`).sort());
});

test("a file that is not a spreadsheet is refused in the dialog, and another can be chosen", async ({ app, shell }) => {
  const { page } = app;
  await app.launch(shell.writeScorecard("demo.scorecard", "demo"));
  const before = sha256(app.file());
  const junk = path.join(shell.dir, "evil.xlsx");
  fs.writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));

  const dialog = await importFrom(page, shell, junk);
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("Could not read “evil.xlsx”");
  await expect(alert).toContainText("evil.xlsx:");
  await expect(dialog.getByRole("button", { name: "Choose CSV or Excel file…" })).toBeFocused();
  await expect(dialog.getByRole("button", { name: /^Import/ })).toBeDisabled();
  await app.screenshot("import-refused");

  // A zip that is no workbook is refused the same way.
  const zip = path.join(shell.dir, "broken.xlsx");
  fs.writeFileSync(zip, Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(200, 1)]));
  shell.dialogs.open.push(zip);
  await dialog.getByRole("button", { name: "Choose CSV or Excel file…" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Could not read “broken.xlsx”");

  // The user can go on with a good file.
  const doc = app.fileDocument();
  const measure = doc.measures[0]?.name ?? "";
  const csv = writeCsv(shell.dir, "good.csv", [
    ["Measure", "Period", "Value"],
    [measure, "2026-Q1", "1"],
  ]);
  shell.dialogs.open.push(csv);
  await dialog.getByRole("button", { name: "Choose CSV or Excel file…" }).click();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await expect(dialog.getByRole("status").filter({ hasText: "problems" })).toContainText("0 problems.");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(sha256(app.file())).toBe(before);
});

test("the menu's Import Actuals… command opens the dialog", async ({ app, shell }) => {
  const { page } = app;
  await app.launch(shell.writeScorecard("demo.scorecard", "demo"));
  shell.host.send(app.windowId, { type: "command", command: "import-actuals" });
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Choose CSV or Excel file…" })).toBeFocused();
  // Cancelled in the file dialog: the dialog stays on its first step.
  shell.dialogs.open.push(null);
  await dialog.getByRole("button", { name: "Choose CSV or Excel file…" }).click();
  await expect(dialog.getByRole("button", { name: "Choose CSV or Excel file…" })).toBeEnabled();
  await expect(dialog.getByRole("alert")).toHaveCount(0);
});
