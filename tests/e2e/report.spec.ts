/**
 * The PDF report through the harness: the dialog (from the header and from the menu command),
 * the print view printed by Chromium with the app's page options (as Electron's printToPDF does),
 * and main's real handler checking and writing the file. The PDF is read back with poppler:
 * pdfinfo for the paper, pdftotext for the words, pdftoppm for pictures of the first pages
 * (test-results/screenshots/report-*.png).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { PageSize } from "../../shared/api/contract.ts";
import { PAPER_IN } from "../../electron/report/pdf-options.ts";
import { formatMoney, formatPercent } from "../../shared/display/numbers.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { STATUS_TEXT } from "../../shared/scoring/status.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { scenarioTables } from "../../renderer/src/report/report-model.ts";
import { targetText, valueText } from "../../renderer/src/scorecard/value-text.ts";
import { formatScore } from "../../renderer/src/whatif/format.ts";
import { type PdfInfo, pdfInfo } from "../support/pdf.ts";
import { expect, screenshotDir, test } from "./harness/fixture.ts";
import { LONG, writeHostileNames, XSS } from "./harness/hostile-names.ts";

/** pdftotext's words with every run of white space (line ends, no-break spaces) as one space. */
const flat = (text: string) => text.replace(/[\s\u00a0]+/g, " ");
/** Without any white space: for names a line break may split inside a word. */
const squeezed = (text: string) => text.replace(/[\s\u00a0]+/g, "");
/** Without white space and hyphens: pdftotext joins "self-" and "service" wrapped at the hyphen as "selfservice". */
const loose = (text: string) => text.replace(/[\s\u00a0-]+/g, "");

/** The PDF's text, in reading order or (`layout`) as laid out; `page`: that page only. */
function pdfText(file: string, layout: boolean, page?: number): string {
  const pages = page === undefined ? [] : ["-f", String(page), "-l", String(page)];
  return execFileSync("pdftotext", [...(layout ? ["-layout"] : []), ...pages, file, "-"], { encoding: "utf8" });
}

/**
 * The paper within a point of the app's own inches (72 pt to the inch, rounded as pdfinfo prints
 * it): Chromium lays pages out in whole CSS pixels (A4 prints 595.5 × 842.3 pt).
 */
function expectPaper(info: PdfInfo, paper: PageSize) {
  expect(Math.abs(info.width - Math.round(PAPER_IN[paper].width * 72))).toBeLessThanOrEqual(1);
  expect(Math.abs(info.height - Math.round(PAPER_IN[paper].height * 72))).toBeLessThanOrEqual(1);
}

/**
 * Pictures of the first `pages` pages at 50 dpi, for looking at; answers the page numbers drawn.
 * pdftoppm pads the number to the width of the document's page count ("-01" from 10 pages on).
 */
function pagePictures(file: string, name: string, pages: number): number[] {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const picture = new RegExp(`^${name}-0*(\\d+)\\.png$`);
  for (const old of fs.readdirSync(screenshotDir)) if (picture.test(old)) fs.rmSync(path.join(screenshotDir, old));
  execFileSync("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", String(pages), file, path.join(screenshotDir, name)]);
  return fs
    .readdirSync(screenshotDir)
    .map((f) => picture.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** `parts` in this order on one line, apart from one another. */
function inOrder(parts: string[]): RegExp {
  const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/[\s\u00a0]+/g, "[ \u00a0]+");
  return new RegExp(parts.map(literal).join(".*?"));
}

/** Opens Report…, picks the paper, answers the save dialog with `file`, and waits for the outcome. */
async function saveReport(page: Page, shellSave: (string | null)[], file: string | null, paper: "A4" | "Letter") {
  const dialog = page.getByRole("dialog", { name: "PDF report" });
  if (!(await dialog.isVisible())) await page.getByRole("button", { name: "Report…" }).click();
  await dialog.getByLabel(paper === "A4" ? "A4 (210 × 297 mm)" : "Letter (8.5 × 11 in)").check();
  shellSave.push(file);
  await dialog.getByRole("button", { name: "Save PDF…" }).click();
  return dialog;
}

test("the demo's report: cover, perspectives, map, scenarios and every measure, on A4", async ({
  app,
  shell,
  page,
}) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const doc: ScorecardDocument = app.fileDocument();
  expect(doc.scenarios.length).toBeGreaterThanOrEqual(2);
  const view = scorecardView(doc);
  const overall = await page.getByTestId("header-overall").locator(".overall-value").textContent();
  expect(overall).toBe(formatPercent(view.overall.score));

  const file = path.join(shell.dir, "Board report.pdf");
  const dialog = await saveReport(page, shell.dialogs.save, file, "A4");
  await expect(dialog.getByRole("status")).toHaveText(/^Saved “Board report\.pdf” \(\d+ pages\)\.$/, {
    timeout: 15_000,
  });
  expect(shell.dialogs.shown.at(-1)).toMatchObject({ kind: "save", detail: ".pdf Demo report.pdf" });
  // Printing mode is over: the print view is gone from the page.
  await expect(page.locator(".print-report")).toHaveCount(0);

  const info = pdfInfo(file);
  expectPaper(info, "A4");
  const said = await dialog.getByRole("status").textContent();
  expect(said).toContain(`(${info.pages} pages)`);
  // Cover, perspectives, map, scenarios, measures: each starts a page.
  expect(info.pages).toBeGreaterThanOrEqual(5);

  const layout = pdfText(file, true);
  let checkedRows = 0;
  const text = flat(pdfText(file, false));
  const words = loose(text);
  expect(layout).toContain(`Page 1 of ${info.pages}`);
  expect(layout).toContain(`Page ${info.pages} of ${info.pages}`);
  // The cover: title, organization, period, the overall score as the app shows it, its status, the date.
  const cover = flat(pdfText(file, false, 1));
  expect(cover).toContain(flat(doc.scorecard.title));
  expect(cover).toContain(flat(doc.scorecard.organization));
  for (const word of ["PERIOD", view.period?.label ?? "?", "OVERALL SCORE", `${overall}`])
    expect(cover).toContain(word);
  expect(cover).toContain(STATUS_TEXT[view.overall.status].label);
  expect(cover).toContain(`Report of ${new Date().toLocaleDateString("en-US", { dateStyle: "long" })}`);
  // The perspective summary: each perspective's score.
  const summary = flat(pdfText(file, false, 2));
  for (const p of view.perspectives) expect(summary).toContain(`${flat(p.name)} ${formatPercent(p.score)}`);
  for (const p of view.perspectives) {
    expect(text).toContain(flat(p.name));
    for (const o of p.objectives) {
      expect(text).toContain(flat(o.name));
      for (const m of o.measures) {
        expect(words).toContain(loose(m.name));
        expect(words).toContain(loose(m.unit));
        expect(words).toContain(loose(valueText(m.value, m.unit)));
        expect(words).toContain(loose(targetText(m.target, m.band, m.unit)));
      }
    }
  }
  for (const s of doc.scenarios) expect(text).toContain(flat(s.name));
  expect(text).toContain("What-if scenarios");
  expect(text).toContain(
    flat(
      formatMoney(
        doc.investments.reduce((sum, i) => sum + i.baseSpend, 0),
        doc.scorecard.currency,
      ),
    ),
  );
  expect(text).toContain("Strategy map");
  // Only the report is printed: not the window's header, tabs or the dialog over them.
  for (const chrome of ["Share…", "Import…", "Save PDF…", "All changes saved", "Workshop"])
    expect(text).not.toContain(chrome);

  // Row by row: a measure's line carries its own value, target, score and status, as the app's
  // scorecard writes them (bare numbers; the unit under the name).
  for (const m of view.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.measures))) {
    // Names that wrap in the name column are checked by the words above; single-line ones here.
    const line = layout.split("\n").find((l) => l.trimStart().startsWith(`${m.name}  `));
    if (!line) continue;
    checkedRows++;
    expect(line).toMatch(
      inOrder([
        m.name,
        valueText(m.value, m.unit),
        targetText(m.target, m.band, m.unit),
        formatPercent(m.score),
        STATUS_TEXT[m.status].label,
      ]),
    );
  }
  expect(checkedRows).toBeGreaterThanOrEqual(5);

  // The scenarios: the comparison model's numbers, column by column on their rows.
  for (const table of scenarioTables(doc)) {
    const total = table.total.cells.map((c) => formatMoney(c.value, doc.scorecard.currency));
    expect(layout).toMatch(inOrder(["Total spend", ...total]));
    const overall = table.scores.find((r) => r.key === "overall");
    if (!overall) throw new Error("an overall row");
    expect(layout).toMatch(inOrder(["Overall score", ...overall.cells.map((c) => formatScore(c.score))]));
  }

  expect(pagePictures(file, "report-demo-a4", 5)).toEqual([1, 2, 3, 4, 5]);
});

test("Letter paper from the menu command; cancelling writes nothing", async ({ app, shell, page }) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  let printed = 0;
  const print = shell.printToPdf;
  shell.printToPdf = (id, size) => {
    printed++;
    return print(id, size);
  };
  // File ▸ Export ▸ PDF Report… (Ctrl+P) reaches the page as a command.
  shell.host.send(app.windowId, { type: "command", command: "export-pdf" });
  const dialog = page.getByRole("dialog", { name: "PDF report" });
  await expect(dialog).toBeVisible();

  await saveReport(page, shell.dialogs.save, null, "A4");
  await expect(dialog.getByRole("button", { name: "Save PDF…" })).toBeEnabled();
  expect(printed).toBe(0);
  expect(fs.readdirSync(shell.dir).filter((f) => f.endsWith(".pdf"))).toEqual([]);

  const file = path.join(shell.dir, "Letter.pdf");
  await saveReport(page, shell.dialogs.save, file, "Letter");
  await expect(dialog.getByRole("status")).toHaveText(/^Saved “Letter\.pdf”/, { timeout: 15_000 });
  expect(printed).toBe(1);
  const info = pdfInfo(file);
  expectPaper(info, "Letter");
  expect(pdfText(file, true)).toContain(`Page 1 of ${info.pages}`);
  expect(pagePictures(file, "report-demo-letter", 1)).toEqual([1]);
});

test("hostile names print as text, and long ones wrap", async ({ app, shell, page }) => {
  const { file: scorecard, objective } = writeHostileNames(shell);
  await app.launch(scorecard);
  const file = path.join(shell.dir, "Hostile.pdf");
  const dialog = await saveReport(page, shell.dialogs.save, file, "A4");
  await expect(dialog.getByRole("status")).toHaveText(/^Saved “Hostile\.pdf”/, { timeout: 15_000 });
  const text = pdfText(file, false);
  // The markup is printed as the characters it is, never run.
  expect(flat(text)).toContain(XSS);
  expect(squeezed(text)).toContain(squeezed(LONG));
  expect(squeezed(text)).toContain("x".repeat(120));
  // The right-to-left name's words are there (in whichever order the PDF keeps them).
  for (const word of ["مؤشر", "רצון"]) expect(text).toContain(word);
  expect(objective.name).not.toBe("");
  expect(pagePictures(file, "report-hostile", 2)).toEqual([1, 2]);
});

test("an earlier period: its cover and scores; the scenarios say which period they start from", async ({
  app,
  shell,
  page,
}) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const doc: ScorecardDocument = app.fileDocument();
  const latest = scorecardView(doc);
  const first = scorecardView(doc, 0);
  const chosen = first.period?.label ?? "?";
  const reference = scenarioTables(doc)[0]?.columns[0]?.result.referencePeriod;
  if (!reference) throw new Error("the demo has actuals");
  expect(chosen).not.toBe(reference);
  expect(first.overall.score).not.toBe(latest.overall.score);

  await page.getByRole("button", { name: "Report…" }).click();
  const dialog = page.getByRole("dialog", { name: "PDF report" });
  await dialog.getByLabel("Period").selectOption({ label: chosen });
  await expect(dialog.getByText(/^The scenarios are projected from/)).toHaveText(
    `The scenarios are projected from ${reference}, the latest period with actuals, not from ${chosen}.`,
  );
  const file = path.join(shell.dir, "First period.pdf");
  await saveReport(page, shell.dialogs.save, file, "A4");
  await expect(dialog.getByRole("status")).toHaveText(/^Saved “First period\.pdf”/, { timeout: 15_000 });

  const cover = flat(pdfText(file, false, 1));
  expect(cover).toContain(chosen);
  expect(cover).toContain(formatPercent(first.overall.score));
  const text = flat(pdfText(file, false));
  expect(text).toContain(`Scores for ${chosen}.`);
  expect(text).toContain(`Projected from ${reference}, the latest period with actuals.`);
  for (const p of first.perspectives) expect(text).toContain(`${flat(p.name)} ${formatPercent(p.score)}`);
});

test("Escape and menu commands during the save neither close the dialog nor print a blank page", async ({
  app,
  shell,
  page,
}) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const doc: ScorecardDocument = app.fileDocument();
  // Printing waits until the test lets it go: the save is under way meanwhile.
  const print = shell.printToPdf;
  let started = () => {};
  let release = () => {};
  shell.printToPdf = async (id, size) => {
    const gate = new Promise<void>((r) => {
      release = r;
    });
    started();
    await gate;
    return print(id, size);
  };
  const printing = () =>
    new Promise<void>((r) => {
      started = r;
    });
  const dialog = page.getByRole("dialog", { name: "PDF report" });
  const commands = async () => {
    for (const command of ["import-actuals", "share", "new-from-template", "export-pdf"] as const)
      shell.host.send(app.windowId, { type: "command", command });
    // The commands have reached the page (a round trip later) and changed nothing.
    await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    await expect(page.getByRole("dialog")).toHaveCount(1);
    await expect(dialog).toBeVisible();
  };

  let waiting = printing();
  const file = path.join(shell.dir, "Escaped.pdf");
  await saveReport(page, shell.dialogs.save, file, "A4");
  await waiting;
  await page.keyboard.press("Escape");
  await commands();
  // The Save button keeps the keyboard focus but does nothing while saving.
  await expect(dialog.getByRole("button", { name: "Saving…" })).toBeDisabled();
  await expect(dialog.getByRole("button", { name: "Saving…" })).toBeFocused();
  release();
  await expect(dialog.getByRole("status")).toHaveText(/^Saved “Escaped\.pdf” \(\d+ pages\)\.$/, { timeout: 15_000 });
  await expect(dialog.getByRole("status")).toBeFocused();
  const text = flat(pdfText(file, false));
  expect(text).toContain(flat(doc.scorecard.title));
  expect(text).toContain("Strategy map");

  // Escape again and again, then ✕, while saving: the dialog closes once the report is saved, whole.
  // (A second Escape in a row closes a <dialog> whatever its cancel handler says.)
  waiting = printing();
  const closing = path.join(shell.dir, "Closing.pdf");
  await saveReport(page, shell.dialogs.save, closing, "Letter");
  await waiting;
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close when the report is saved" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Preparing the report… The dialog closes when it is saved.");
  await commands();
  release();
  await expect(dialog).toHaveCount(0, { timeout: 15_000 });
  expect(flat(pdfText(closing, false))).toContain(flat(doc.scorecard.title));
  expect(pdfInfo(closing).pages).toBeGreaterThanOrEqual(5);
});
