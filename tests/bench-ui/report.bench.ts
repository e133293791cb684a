/**
 * The PDF report at the realistic size (200 measures × 24 periods) and SPEC §6's large size
 * (10,000 measures × 36 periods), through the same harness as the e2e suite: the page lays the
 * report out, Chromium prints it with the app's page options, main's handler checks and writes it.
 * Rows (information, no SPEC target):
 * - Save PDF… → file written: from the click in the dialog (the save dialog answers at once) to
 *   the dialog's "Saved …": React's render of the print view, the map's auto-layout, fonts and
 *   frames, the print, the check and the write;
 * - exportPdf request → file written: main's part alone (print to PDF, check, atomic write);
 * - the PDF's pages and size.
 * One run per size: the large report is one long task of its own, not something done in a loop.
 */
import fs from "node:fs";
import path from "node:path";
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { formatTable, type Row } from "../bench/measure.ts";
import { LARGE, REALISTIC, syntheticScorecard, type WorkSize } from "../bench/synthetic.ts";
import { expect, test } from "../e2e/harness/fixture.ts";

const SIZES: Array<{ label: string; size: WorkSize }> = [
  { label: "200 measures × 24 periods", size: REALISTIC },
  { label: "10,000 measures × 36 periods", size: LARGE },
];

for (const { label, size } of SIZES) {
  test(`saving the PDF report at ${label}`, async ({ app, shell, page }) => {
    test.setTimeout(600_000);
    // Main's part of the save, timed around the handler the page calls.
    const handler = shell.table.exportPdf;
    let mainMs = Number.NaN;
    shell.table.exportPdf = async (windowId, payload) => {
      const t0 = performance.now();
      const result = await handler(windowId, payload);
      mainMs = performance.now() - t0;
      return result;
    };
    const file = path.join(shell.dir, "report.scorecard");
    writeFileAtomically(file, syntheticScorecard(size));
    await app.launch(file);
    await page.getByRole("button", { name: "Report…" }).click();
    const dialog = page.getByRole("dialog", { name: "PDF report" });
    await dialog.getByLabel("A4 (210 × 297 mm)").check();
    const pdf = path.join(shell.dir, "report.pdf");
    shell.dialogs.save.push(pdf);
    const t0 = performance.now();
    await dialog.getByRole("button", { name: "Save PDF…" }).click();
    await expect(dialog.getByRole("status")).toHaveText(/^Saved /, { timeout: 540_000 });
    const totalMs = performance.now() - t0;
    const said = (await dialog.getByRole("status").textContent()) ?? "";
    const pages = Number((/\(([\d,]+) pages?\)/.exec(said)?.[1] ?? "NaN").replaceAll(",", ""));
    const mb = fs.statSync(pdf).size / (1024 * 1024);
    expect(pages).toBeGreaterThan(0);
    const rows: Row[] = [
      { name: "report: Save PDF… → file written", size: label, median: totalMs, note: "info: one run, A4" },
      { name: "  of which exportPdf (print, check, write)", size: label, median: mainMs, note: "info" },
      { name: "  PDF pages", size: label, median: pages, unit: "pages", note: "info" },
      { name: "  PDF size", size: label, median: mb, unit: "MB", note: "info" },
    ];
    console.log(`\n${formatTable(rows)}\n`);
  });
}
