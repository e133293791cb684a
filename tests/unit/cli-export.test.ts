/**
 * `scorecard export` to XLSX and to any CSV table (issue 8), in-process through runCli on real
 * files: the workbook written atomically, binary output refused on stdout, `--table` and its
 * default (the actuals list, as before), and usage errors that name the choices.
 */
import fs from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readScorecardFile } from "../../electron/file/open.ts";
import { CSV_TABLES } from "../../shared/api/contract.ts";
import { tableToCsv } from "../../shared/interchange/csv-text.ts";
import { exportTable } from "../../shared/interchange/workbook-tables.ts";
import { cliInTempFolder } from "../support/cli-harness.ts";
import { demoDocument, WORKBOOK_SHEETS } from "../support/docs.ts";
import { sha256 } from "../support/files.ts";

const { cli, at, fileFrom, folder } = cliInTempFolder("scorecard-cli-export-");

describe("export --format xlsx", () => {
  it("writes the workbook to --out, replacing a file there in one step", async () => {
    const file = await fileFrom(demoDocument());
    fs.writeFileSync(at("plan.xlsx"), "an older export");
    const r = await cli("export", "demo.scorecard", "--format", "xlsx", "--out", "plan.xlsx");
    expect(r).toEqual({ code: 0, stdout: "exported demo.scorecard to plan.xlsx\n", stderr: "" });
    // Written beside and renamed over: no temporary file is left behind.
    expect(fs.readdirSync(folder()).sort()).toEqual(["demo.scorecard", "demo.scorecard.json", "plan.xlsx"]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync(at("plan.xlsx")) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(WORKBOOK_SHEETS);
    const doc = readScorecardFile(file).document;
    expect(workbook.getWorksheet("Measures")?.rowCount).toBe(doc.measures.length + 1);
  });

  it("refuses --out - (a workbook is binary) and writes nothing", async () => {
    await fileFrom(demoDocument());
    const r = await cli("export", "demo.scorecard", "--format", "xlsx", "--out", "-");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^scorecard: --format xlsx writes a file: give --out PATH\n/);
  });

  it("refuses to write the workbook over the scorecard file itself", async () => {
    const file = await fileFrom(demoDocument());
    const before = sha256(file);
    const r = await cli("export", "demo.scorecard", "--format", "xlsx", "--out", "demo.scorecard");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out names the scorecard file itself/);
    expect(sha256(file)).toBe(before);
  });
});

describe("export --format csv --table", () => {
  it.each(CSV_TABLES)("writes the %s table", async (table) => {
    const file = await fileFrom(demoDocument());
    const r = await cli("export", "demo.scorecard", "--format", "csv", "--table", table, "--out", "-");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const expected = tableToCsv(exportTable(readScorecardFile(file).document, table));
    expect(r.stdout).toBe(expected);
    expect(r.stdout.split("\r\n").length).toBeGreaterThan(2);
  });

  it("writes the actuals one row per value without --table, as it always has", async () => {
    const file = await fileFrom(demoDocument());
    const r = await cli("export", "demo.scorecard", "--format", "csv", "--out", "actuals.csv");
    expect(r.code).toBe(0);
    expect(fs.readFileSync(at("actuals.csv"), "utf8")).toBe(
      tableToCsv(exportTable(readScorecardFile(file).document, "actuals-list")),
    );
  });

  it("names the tables when --table names none of them, and refuses --table with other formats", async () => {
    await fileFrom(demoDocument());
    const unknown = await cli("export", "demo.scorecard", "--format", "csv", "--table", "people", "--out", "-");
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr.split("\n")[0]).toBe(`scorecard: unknown table "people" (tables: ${CSV_TABLES.join(", ")})`);
    const withJson = await cli("export", "demo.scorecard", "--format", "json", "--table", "measures", "--out", "-");
    expect(withJson.code).toBe(2);
    expect(withJson.stderr).toMatch(/^scorecard: --table goes with --format csv\n/);
    const pdf = await cli("export", "demo.scorecard", "--format", "pdf", "--out", "x.pdf");
    expect(pdf.code).toBe(2);
    expect(pdf.stderr.split("\n")[0]).toBe('scorecard: unknown format "pdf" (formats: json, xlsx, csv)');
    expect(fs.readdirSync(folder()).sort()).toEqual(["demo.scorecard", "demo.scorecard.json"]);
  });

  it("lists the formats and tables in its help", async () => {
    const r = await cli("export", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("scorecard export FILE --format xlsx --out PATH");
    expect(r.stdout).toContain("scorecard export FILE --format csv [--table NAME] --out PATH");
    for (const table of CSV_TABLES) expect(r.stdout).toContain(table);
  });
});
