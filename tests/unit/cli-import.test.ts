/** `scorecard import-actuals` with XLSX workbooks: layouts, --sheet, problems by cell, refusals, all or nothing. */
import fs from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readScorecardFile } from "../../electron/file/open.ts";
import { documentToXlsx } from "../../electron/interchange/xlsx-write.ts";
import { cliInTempFolder, expectOneLineFailure } from "../support/cli-harness.ts";
import { demoDocument } from "../support/docs.ts";
import { sha256 } from "../support/files.ts";

const { cli, at, fileFrom } = cliInTempFolder("scorecard-cli-import-");
const demo = demoDocument;

async function writeWorkbook(name: string, sheets: Record<string, unknown[][]>): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const [sheet, rows] of Object.entries(sheets)) book.addWorksheet(sheet).addRows(rows);
  fs.writeFileSync(at(name), Buffer.from(await book.xlsx.writeBuffer()));
}

describe("import-actuals from XLSX", () => {
  it("round-trips the demo's actuals through the XLSX export into a copy without them", async () => {
    const doc = demo();
    await fileFrom({ ...doc, actuals: [] }, "bare.scorecard");
    fs.writeFileSync(at("demo.xlsx"), await documentToXlsx(doc));
    const r = await cli("import-actuals", "bare.scorecard", "demo.xlsx");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toBe(
      `imported ${doc.actuals.length} values into bare.scorecard (${doc.actuals.length} new, 0 changed, 0 unchanged)\n`,
    );
    const values = (list: typeof doc.actuals) => list.map((a) => `${a.measureId}/${a.periodId}=${a.value}`).sort();
    expect(values(readScorecardFile(at("bare.scorecard")).document.actuals)).toEqual(values(doc.actuals));
  });

  it("reads the sheet --sheet names, one column per period, and names bad cells by row and column", async () => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    const [m1, m2] = demo().measures.map((m) => m.name) as [string, string];
    await writeWorkbook("grid.xlsx", {
      Notes: [["nothing here"]],
      Good: [
        ["measure", "2025-Q1", "2025-Q2"],
        [m1, 1, null],
        [m2, null, 2],
      ],
      Bad: [
        ["measure", "2025-Q1", "2025-Q2"],
        [m1, "x", { formula: "A1*2" }],
      ],
    });
    const dry = await cli("import-actuals", "demo.scorecard", "grid.xlsx", "--sheet", "good", "--dry-run");
    expect(dry).toMatchObject({ code: 0, stderr: "" });
    expect(dry.stdout).toMatch(/^would import 2 values into demo\.scorecard \(.*\); nothing was written\n$/);
    const bad = await cli("import-actuals", "demo.scorecard", "grid.xlsx", "--sheet", "Bad");
    expectOneLineFailure(bad);
    expect(bad.stdout).toBe(
      "row 2, column B: “x” is not a number\nrow 2, column C: “=A1*2” is a formula; only numbers are imported\n",
    );
    expect(bad.stderr).toContain(
      "grid.xlsx: 2 cells have problems; nothing was imported (first: row 2, column B: “x” is not a number)",
    );
    const missing = await cli("import-actuals", "demo.scorecard", "grid.xlsx", "--sheet", "Nope");
    expectOneLineFailure(missing);
    expect(missing.stderr).toContain("grid.xlsx: no sheet “Nope” (it has “Notes”, “Good”, “Bad”)");
    const imported = await cli("import-actuals", "demo.scorecard", "grid.xlsx", "--sheet", "Good");
    expect(imported).toMatchObject({ code: 0, stderr: "" });
    expect(sha256(file)).not.toBe(before);
  });

  it("says what a sheet lacks when no layout fits, and refuses hostile files in one line", async () => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    await writeWorkbook("plain.xlsx", {
      Data: [
        ["name", "amount"],
        ["x", 1],
      ],
    });
    const r = await cli("import-actuals", "demo.scorecard", "plain.xlsx");
    expectOneLineFailure(r);
    expect(r.stderr).toContain(
      "plain.xlsx: no measure, period, value column, and no column named after a period (the header row names: “name”, “amount”); nothing was imported",
    );
    fs.writeFileSync(at("old.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const old = await cli("import-actuals", "demo.scorecard", "old.xls");
    expectOneLineFailure(old);
    expect(old.stderr).toContain("old.xls: an Excel 97–2003 .xls file");
    expect(sha256(file)).toBe(before);
  });
});
