/**
 * main's import reader (electron/interchange/read-import-file.ts) on hostile files: every one is
 * either read into cells or refused with a message that names the file and says what to do;
 * never a crash or a hang; cells exceljs alone would misread; the handler `readImportFile`
 * (through a dialog's token); and the app's own workbook without its Actuals sheet. The round trip
 * document → XLSX → import is tests/unit/workbook-export.test.ts (and cli-import.test.ts).
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileChoice } from "../../shared/api/contract.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { guessMapping, planImport } from "../../shared/interchange/actuals-import.ts";
import { exportTable } from "../../shared/interchange/workbook-tables.ts";
import type { ImportFile } from "../../shared/interchange/table.ts";
import { ImportRefused } from "../../electron/interchange/errors.ts";
import { IMPORT_LIMITS, readImportFile } from "../../electron/interchange/read-import-file.ts";
import { documentToXlsx } from "../../electron/interchange/xlsx-write.ts";
import { syntheticScorecard } from "../bench/synthetic.ts";
import { fileWriter, tempDir } from "../support/files.ts";
import { createShell } from "../support/shell-fixture.ts";
import { fixtureDocument } from "../support/store-fixture.ts";
import { deflatedZeros, sheetXml, xlsxParts, xlsxSheets, zip } from "../support/zip.ts";

let dir = "";
let write: ReturnType<typeof fileWriter>;
beforeAll(() => {
  dir = tempDir("scorecard-import-");
  write = fileWriter(dir);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(name: string, bytes: Buffer | string): Promise<string> {
  const file = write(name, bytes);
  const error = await readImportFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRefused);
  const message = (error as Error).message;
  expect(message.startsWith(`${name}: `)).toBe(true);
  return message.slice(name.length + 2);
}

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  build(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const fx = fixtureDocument();
const [q1, q2] = fx.doc.periods.map((p) => p.label) as [string, string];

function plan(file: ImportFile, doc: ScorecardDocument, sheet?: number) {
  const mapping = guessMapping(sheet === undefined ? file : { ...file, sheets: [file.sheets[sheet]!] }, doc);
  expect(mapping).not.toBeNull();
  return planImport(sheet === undefined ? file : { ...file, sheets: [file.sheets[sheet]!] }, mapping!, doc);
}

describe("XLSX cells", () => {
  it("reads every kind of cell; formulas stay formulas (never their cached result) and are refused row by row", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["measure", "period", "value", "note"]);
      sheet.addRow([
        "Uptime",
        q1,
        { formula: "99+0.5", result: 99.5 },
        { richText: [{ text: "rich " }, { text: "note" }] },
      ]);
      sheet.addRow([{ text: "Uptime", hyperlink: "https://example.com" }, q2, 99.7, { error: "#N/A" }]);
      sheet.addRow(["Uptime", new Date(Date.UTC(2025, 6, 1)), true, null]);
      sheet.mergeCells("A6:B6");
      sheet.getCell("A6").value = "merged";
    });
    const read = await readImportFile(write("kinds.xlsx", bytes));
    expect(read.fileName).toBe("kinds.xlsx");
    expect(read.sheets[0]?.rows).toEqual([
      ["measure", "period", "value", "note"],
      ["Uptime", q1, { formula: "99+0.5" }, "rich note"],
      ["Uptime", q2, 99.7, "#N/A"],
      ["Uptime", "2025-07-01", true],
      [],
      ["merged", null],
    ]);
    const p = plan(read, fx.doc);
    expect(p.problems.map((x) => `${x.row}${x.column}: ${x.message}`)).toEqual([
      "2C: “=99+0.5” is a formula; only numbers are imported",
      // The date cell names the period that starts that day (2025-Q3); the boolean is no number.
      "4C: “TRUE” is not a number",
      "6A: unknown measure “merged”",
    ]);
    expect(p.entries).toMatchObject([{ row: 3, value: 99.7 }]);
  });

  it("reads a sheet whose <dimension> claims the whole grid by its three cells alone", async () => {
    const rows =
      '<row r="1"><c r="A1" t="inlineStr"><is><t>measure</t></is></c><c r="B1" t="inlineStr"><is><t>2025-Q1</t></is></c></row>' +
      '<row r="2"><c r="B2"><v>1</v></c></row>';
    const read = await readImportFile(write("forged.xlsx", zip(xlsxParts(sheetXml(rows, "A1:XFD1048576")))));
    expect(read.sheets).toEqual([
      {
        name: "Sheet1",
        rows: [
          ["measure", "2025-Q1"],
          [null, 1],
        ],
      },
    ]);
  });

  it("refuses a cell longer than a spreadsheet's limit, naming sheet and cell", async () => {
    const big = "x".repeat(1_000_000);
    const rows = `<row r="3"><c r="B3" t="inlineStr"><is><t>${big}</t></is></c></row>`;
    expect(await refusal("huge.xlsx", zip(xlsxParts(sheetXml(rows), "Data")))).toBe(
      "sheet “Data”, cell B3 holds 1000000 characters; a cell holds at most 32767",
    );
    expect(await refusal("huge.csv", `measure,period,value\nUptime,${q1},"${big}"\n`)).toBe(
      "row 2, column 3 holds 1000000 characters; a cell may hold at most 32767",
    );
  });

  it("reads 10,000 rows of a valid workbook, and 100,000 rows of a CSV with its one bad row named", async () => {
    const doc = syntheticScorecard({ measures: 2_500, periods: 40 });
    const empty = { ...doc, actuals: [] };
    const labels = doc.periods.map((p) => p.label);
    const measureOf = (i: number) => doc.measures[Math.floor(i / 40)]!.name;
    const text = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;
    // exceljs takes a quarter of a second per 10,000 rows: the 100,000 are read from CSV below.
    const rows = Array.from({ length: 10_000 }, (_, i) => {
      const r = i + 2;
      return `<row r="${r}">${text(`A${r}`, measureOf(i))}${text(`B${r}`, labels[i % 40]!)}<c r="C${r}"><v>${i % 97}</v></c></row>`;
    });
    const header = `<row r="1">${text("A1", "measure")}${text("B1", "period")}${text("C1", "value")}</row>`;
    const read = await readImportFile(write("large.xlsx", zip(xlsxParts(sheetXml(header + rows.join(""))))));
    expect(read.sheets[0]?.rows).toHaveLength(10_001);
    const good = plan(read, empty);
    expect([good.problemCount, good.rows, good.added]).toEqual([0, 10_000, 10_000]);

    const csv = Array.from(
      { length: 100_000 },
      (_, i) => `${measureOf(i)},${labels[i % 40]},${i + 2 === 77_777 ? "n/a" : i % 97}`,
    );
    const bad = await readImportFile(write("large.csv", ["measure,period,value", ...csv].join("\r\n")));
    const wrong = plan(bad, empty);
    expect([wrong.problemCount, wrong.rows, wrong.added]).toEqual([1, 100_000, 99_999]);
    expect(wrong.problems).toEqual([{ row: 77_777, column: "C", message: "“n/a” is not a number" }]);
  });
});

describe("cells exceljs alone would misread", () => {
  const inline = (ref: string, t: string) => `<c r="${ref}" t="inlineStr"><is><t>${t}</t></is></c>`;

  it("keeps a shared formula without its master a formula, and refuses an empty <f>", async () => {
    const rows = `<row r="1">${inline("A1", "value")}</row><row r="2"><c r="A2"><f t="shared" si="7"/><v>2</v></c></row>`;
    const read = await readImportFile(write("shared.xlsx", zip(xlsxParts(sheetXml(rows)))));
    expect(read.sheets[0]?.rows).toEqual([["value"], [{ formula: "" }]]);
    const problem = `a cell has an empty formula (<f/>), which spreadsheets never write; open the file in a spreadsheet and save it again`;
    for (const f of ["<f/>", "<f></f>", '<f ca="1"/>']) {
      const empty = `<row r="1">${inline("A1", "value")}</row><row r="2"><c r="A2">${f}<v>3</v></c></row>`;
      expect(await refusal("empty-f.xlsx", zip(xlsxParts(sheetXml(empty))))).toBe(problem);
    }
  });

  it("marks a number shown as a percentage, which the plan then asks about", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("Data");
      sheet.addRow(["measure", "period", "value"]);
      sheet.addRow(["Uptime", q1, 0.995]);
      sheet.getCell("C2").numFmt = "0.0%";
      // A "%" inside quotes is text in the format, not a percentage.
      sheet.addRow(["Uptime", q2, 99.5]);
      sheet.getCell("C3").numFmt = '0.0" %"';
    });
    const read = await readImportFile(write("percent.xlsx", bytes));
    expect(read.sheets[0]?.rows.slice(1).map((r) => r[2])).toEqual([{ percent: 0.995 }, 99.5]);
    const p = plan(read, fx.doc);
    expect(p.problems.map((x) => `${x.row}${x.column}`)).toEqual(["2C"]);
    expect(p.problems[0]?.message).toMatch(/^“99.5%” is formatted as a percentage/);
    expect(p.entries).toMatchObject([{ row: 3, value: 99.5 }]);
  });

  it('refuses an ISO date cell (t="d"), which exceljs reads as the year', async () => {
    const rows = `<row r="1">${inline("A1", "period")}</row><row r="2"><c r="A2" t="d"><v>2026-01-15T00:00:00Z</v></c></row>`;
    expect(await refusal("dates.xlsx", zip(xlsxParts(sheetXml(rows))))).toBe(
      "cell “A2” holds a date written as text (an ISO date cell), which is not read; format the cells as dates or as text in a spreadsheet and save the file again",
    );
  });

  it.each([
    ["0", "0"],
    ["2^32 + 1", "4294967297"],
    ["past the last row", "1048577"],
  ])("refuses a row numbered %s, which exceljs drops silently", async (_what, r) => {
    const rows = `<row r="1">${inline("A1", "measure")}</row><row r="${r}"><c r="B${r}"><v>1</v></c></row>`;
    expect(await refusal(`row-${r}.xlsx`, zip(xlsxParts(sheetXml(rows))))).toBe(
      `a sheet has a row numbered “${r}”; rows are numbered 1 to 1048576`,
    );
  });
});

describe("files that are refused", () => {
  const SAVE_AS = 'save it as .xlsx or as "CSV UTF-8"';
  const NOT_ZIP = `not a valid .xlsx file (it is not a zip archive, or it is damaged); ${SAVE_AS}`;
  const xlsx = () => zip(xlsxParts(sheetXml("")));

  it.each<[string, string, () => Buffer | string, string]>([
    ["an empty file", "empty.csv", () => "", "the file is empty"],
    [
      "UTF-16 text",
      "utf16.csv",
      () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("measure,period,value\n", "utf16le")]),
      'the text is UTF-16; save it as UTF-8 (in a spreadsheet: "CSV UTF-8")',
    ],
    [
      "Latin-1 text",
      "latin1.csv",
      () => Buffer.from("measure,period,value\nCo\xfbt,2025-Q1,1\n", "latin1"),
      'not UTF-8 text (in a spreadsheet, save as "CSV UTF-8")',
    ],
    [
      "binary junk named .xlsx",
      "junk.xlsx",
      () => Buffer.from([1, 2, 0, 0, 0xff, 7, 0, 9]),
      `not a CSV or Excel file; ${SAVE_AS}`,
    ],
    ["a PDF named .csv", "report.csv", () => "%PDF-1.7\n1 0 obj\n", `not a CSV or Excel file; ${SAVE_AS}`],
    ["zip junk", "zipjunk.xlsx", () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x9c]), NOT_ZIP],
    ["a truncated zip", "truncated.xlsx", () => xlsx().subarray(0, 300), NOT_ZIP],
    [
      "an Excel 97–2003 file",
      "old.xlsx",
      () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]),
      `an Excel 97–2003 .xls file (or a password-protected workbook); ${SAVE_AS}`,
    ],
    [
      "a zip that is not a workbook",
      "notes.xlsx",
      () => zip([{ name: "notes.txt", data: "hello" }]),
      `a zip archive but not an Excel workbook (it has no xl/workbook.xml); ${SAVE_AS}`,
    ],
    [
      "an OpenDocument spreadsheet",
      "sheet.ods",
      () => zip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", method: 0 }]),
      `an OpenDocument spreadsheet, not an Excel workbook; ${SAVE_AS}`,
    ],
    [
      "a workbook whose XML exceljs cannot read",
      "broken.xlsx",
      () => zip(xlsxParts("<worksheet><sheetData><row><c>")),
      "not a valid .xlsx file (the workbook inside it is damaged); open it in a spreadsheet and save it again",
    ],
    [
      "an XML entity bomb",
      "lol.xlsx",
      () =>
        zip(
          xlsxParts(
            '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>',
          ),
        ),
      "not a valid .xlsx file (the workbook inside it is damaged); open it in a spreadsheet and save it again",
    ],
    [
      "an encrypted entry",
      "locked.xlsx",
      () => zip(xlsxParts(sheetXml("")).map((e, i) => (i === 4 ? { ...e, encrypted: true } : e))),
      `the workbook is encrypted; ${SAVE_AS} without a password`,
    ],
    [
      "a zip with more entries than a workbook has",
      "many.xlsx",
      () => zip(Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}`, data: "", method: 0 as const }))),
      "the zip holds 10001 entries; a workbook has far fewer (at most 10000)",
    ],
    [
      "a zip bomb: an entry compressed 1000:1",
      "bomb.xlsx",
      () =>
        zip([
          ...xlsxParts(sheetXml("")),
          { name: "xl/media/zeros.bin", data: "", deflated: deflatedZeros(16 * 2 ** 20) },
        ]),
      '“xl/media/zeros.bin” in it is compressed more than 200:1 (a "zip bomb"?); not read',
    ],
    [
      "a zip bomb: entries that declare more than the limit",
      "declared.xlsx",
      () => zip([...xlsxParts(sheetXml("")), { name: "xl/big.bin", data: "x", declaredSize: 300 * 2 ** 20 }]),
      'unpacks to more than 256 MB (a "zip bomb"?); not read',
    ],
    [
      "a zip bomb whose header lies about its size",
      "liar.xlsx",
      () =>
        zip([
          ...xlsxParts(sheetXml("")),
          { name: "xl/media/liar.bin", data: "", deflated: { ...deflatedZeros(16 * 2 ** 20), size: 1000 } },
        ]),
      `not a valid .xlsx file: “xl/media/liar.bin” in it is damaged or forged; ${SAVE_AS}`,
    ],
    [
      "a CSV with an unterminated quote",
      "quote.csv",
      () => 'measure,period,value\nUptime,"2025-Q1,1\n',
      "the file is not valid CSV: quoted field unterminated (row 2)",
    ],
    [
      "a CSV with more rows than a spreadsheet holds",
      "tall.csv",
      () => "\n".repeat(IMPORT_LIMITS.rows + 1),
      "the file has more than 1048576 rows",
    ],
  ])("%s", async (_what, name, bytes, message) => {
    expect(await refusal(name, bytes())).toBe(message);
  });

  it("counts cells before exceljs parses a sheet, and again with the blanks to the left of each", async () => {
    const limits = { ...IMPORT_LIMITS, cells: 10 };
    const cells = Array.from({ length: 11 }, (_, i) => `<c r="A${i + 1}"><v>1</v></c>`).join("");
    const many = write("many-cells.xlsx", zip(xlsxParts(sheetXml(`<row r="1">${cells}</row>`))));
    await expect(readImportFile(many, limits)).rejects.toThrow("many-cells.xlsx: the workbook has more than 10 cells");
    // One cell in column Z: 26 cells once the row is laid out.
    const wide = write("wide.xlsx", zip(xlsxParts(sheetXml('<row r="1"><c r="Z1"><v>1</v></c></row>'))));
    await expect(readImportFile(wide, limits)).rejects.toThrow("wide.xlsx: the workbook has more than 10 cells");
    expect((await readImportFile(wide)).sheets[0]?.rows[0]).toHaveLength(26);
    const csv = write("cells.csv", "a,b,c,d\n1,2,3,4\n1,2,3,4\n");
    await expect(readImportFile(csv, limits)).rejects.toThrow("cells.csv: the file has more than 10 cells");
  });

  it("counts blank rows above used ones against one budget for the whole workbook", async () => {
    // Excel's last row in each of 20 sheets: a few kilobytes that would lay out 20 million rows.
    const last = (n: number) => sheetXml(`<row r="1048576"><c r="A1048576"><v>${n}</v></c></row>`);
    const sheets = Array.from({ length: 20 }, (_, i) => [`S${i + 1}`, last(i)] as const);
    expect(await refusal("tall.xlsx", zip(xlsxSheets(sheets)))).toBe(
      "the workbook's sheets have more than 1048576 rows together (counting blank rows above used ones)",
    );
    // One such sheet is one sheet of Excel's size: read, its blank rows sharing one empty row.
    const one = await readImportFile(write("one-tall.xlsx", zip(xlsxSheets(sheets.slice(0, 1)))));
    expect(one.sheets[0]?.rows).toHaveLength(1_048_576);
  });

  it("refuses more sheets than Excel makes", async () => {
    const sheets = Array.from({ length: 256 }, (_, i) => [`S${i + 1}`, sheetXml("")] as const);
    expect(await refusal("sheets.xlsx", zip(xlsxSheets(sheets)))).toBe(
      "the workbook has more than 255 sheets; at most 255 are read",
    );
  });

  it("allows the long form of the large scorecard's actuals (10,000 measures × 36 periods) with room to spare", () => {
    const columns = exportTable(fx.doc, "actuals-list").columns.length;
    // Measured once (docs/import.md): that file is 360,001 rows of these columns.
    expect(IMPORT_LIMITS.cells).toBeGreaterThan(360_001 * (columns + 1));
  });

  it("refuses a missing file, a folder and a file over the size limit", async () => {
    await expect(readImportFile(path.join(dir, "nope.csv"))).rejects.toThrow("nope.csv: no such file");
    fs.mkdirSync(path.join(dir, "folder.csv"), { recursive: true });
    await expect(readImportFile(path.join(dir, "folder.csv"))).rejects.toThrow("folder.csv: is not a file");
    const big = path.join(dir, "big.csv");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, IMPORT_LIMITS.fileBytes + 1);
    await expect(readImportFile(big)).rejects.toThrow("big.csv: the file is larger than the 64 MB an import may read");
  });
});

describe("CSV", () => {
  it("reads a CSV UTF-8 file (with Excel's byte order mark) as one sheet named after the file", async () => {
    const read = await readImportFile(write("Q1 actuals.csv", `\ufeffmeasure;period;value\nUptime;${q1};99,5\n`));
    expect(read).toEqual({
      fileName: "Q1 actuals.csv",
      sheets: [
        {
          name: "Q1 actuals",
          rows: [
            ["measure", "period", "value"],
            ["Uptime", q1, "99,5"],
          ],
        },
      ],
    });
    // A decimal comma is not a number the importer guesses at.
    expect(plan(read, fx.doc).problems).toEqual([{ row: 2, column: "C", message: "“99,5” is not a number" }]);
  });
});

describe("the readImportFile handler", () => {
  it("reads the file the import dialog chose, and refuses a bad one with file-refused", async () => {
    const shell = createShell();
    try {
      const win = shell.newWindow();
      const demo = shell.writeScorecard("demo.scorecard", "demo");
      await shell.value(win, "openDocument", { file: await shell.openToken(win, demo) });
      const good = path.join(shell.dir, "actuals.xlsx");
      fs.writeFileSync(good, await workbook((book) => book.addWorksheet("Actuals").addRow(["measure", q1])));
      const bad = path.join(shell.dir, "old.xls");
      fs.writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]));
      // Asked for directly: the dialog's answer (its file name) is checked too.
      shell.dialogs.open.push(good);
      const chosen = await shell.value<FileChoice>(win, "chooseFileToOpen", { purpose: "import" });
      expect(chosen.fileName).toBe("actuals.xlsx");
      expect(await shell.value(win, "readImportFile", { file: chosen.token })).toEqual({
        fileName: "actuals.xlsx",
        sheets: [{ name: "Actuals", rows: [["measure", q1]] }],
      });
      const refused = await shell.openToken(win, bad, "import");
      expect(await shell.call(win, "readImportFile", { file: refused })).toMatchObject({
        ok: false,
        error: {
          kind: "file-refused",
          message: `old.xls: an Excel 97–2003 .xls file (or a password-protected workbook); save it as .xlsx or as "CSV UTF-8"`,
        },
      });
      expect(shell.logged).toEqual([]);
    } finally {
      shell.close();
    }
  });
});

describe("the app's own workbook", () => {
  // The round trip through its Actuals sheet is tests/unit/workbook-export.test.ts (and the CLI's).
  it("offers no mapping once its Actuals sheet is gone: the Measures and Scorecard sheets hold scores", async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await documentToXlsx(fx.doc)) as unknown as ArrayBuffer);
    book.removeWorksheet(book.getWorksheet("Actuals")?.id ?? -1);
    const read = await readImportFile(write("no-actuals.xlsx", Buffer.from(await book.xlsx.writeBuffer())));
    expect(read.sheets.map((s) => s.name)).toContain("Measures");
    expect(guessMapping(read, fx.doc)).toBeNull();
  });
});
