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
import { PAGE_POINTS } from "../../electron/report/pdf-options.ts";
import { formatBand, formatMoney, formatPercent, formatValue } from "../../shared/display/numbers.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { STATUS_TEXT } from "../../shared/scoring/status.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
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

function pdfInfo(file: string): { pages: number; width: number; height: number } {
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  if (!size || !pages) throw new Error(`pdfinfo said:\n${info}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/** The paper within a point: Chromium lays pages out in whole CSS pixels (A4 prints 595.5 × 842.3 pt). */
function expectPaper(info: { width: number; height: number }, paper: "A4" | "Letter") {
  expect(Math.abs(info.width - PAGE_POINTS[paper].width)).toBeLessThanOrEqual(1);
  expect(Math.abs(info.height - PAGE_POINTS[paper].height)).toBeLessThanOrEqual(1);
}

/** Pictures of the first `pages` pages at 50 dpi, for looking at. */
function pagePictures(file: string, name: string, pages: number): void {
  fs.mkdirSync(screenshotDir, { recursive: true });
  execFileSync("pdftoppm", ["-r", "50", "-png", "-f", "1", "-l", String(pages), file, path.join(screenshotDir, name)]);
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
        expect(words).toContain(loose(formatValue(m.value, m.unit)));
        expect(words).toContain(loose(m.band ? formatBand(m.band, m.unit) : formatValue(m.target, m.unit)));
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

  pagePictures(file, "report-demo-a4", 5);
  for (const n of [1, 2, 3, 4, 5])
    expect(fs.existsSync(path.join(screenshotDir, `report-demo-a4-${n}.png`))).toBe(true);
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

  const cancelled = path.join(shell.dir, "Cancelled.pdf");
  await saveReport(page, shell.dialogs.save, null, "A4");
  await expect(dialog.getByRole("button", { name: "Save PDF…" })).toBeEnabled();
  expect(printed).toBe(0);
  expect(fs.existsSync(cancelled)).toBe(false);
  expect(fs.readdirSync(shell.dir).filter((f) => f.endsWith(".pdf"))).toEqual([]);

  const file = path.join(shell.dir, "Letter.pdf");
  await saveReport(page, shell.dialogs.save, file, "Letter");
  await expect(dialog.getByRole("status")).toHaveText(/^Saved “Letter\.pdf”/, { timeout: 15_000 });
  expect(printed).toBe(1);
  const info = pdfInfo(file);
  expectPaper(info, "Letter");
  expect(pdfText(file, true)).toContain(`Page 1 of ${info.pages}`);
  pagePictures(file, "report-demo-letter", 1);
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
  pagePictures(file, "report-hostile", 2);
});
