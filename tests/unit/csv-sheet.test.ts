/**
 * Actuals as CSV, through the functions the app and the CLI use: the actuals-list table written
 * by tableToCsv, read back by csvSheet, mapped by guessMapping and planned by planImport. Export →
 * import round trip, CSV text the reader refuses, and every kind of bad row named.
 */
import Papa from "papaparse";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { guessMapping, type ImportPlan, planImport, whyNoMapping } from "../../shared/interchange/actuals-import.ts";
import { csvSheet, DELIMITER_SAMPLE } from "../../shared/interchange/csv-sheet.ts";
import { tableToCsv } from "../../shared/interchange/csv-text.ts";
import { exportTable } from "../../shared/interchange/workbook-tables.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { execute } from "../../shared/operations/execute.ts";
import { fixtureDocument } from "../support/store-fixture.ts";

const fx = fixtureDocument();
const doc = fx.doc;
const CTX = { now: "2026-02-01T00:00:00.000Z", appVersion: "t" };
const header = "measure,period,value,note";

const listCsv = (d: ScorecardDocument) => tableToCsv(exportTable(d, "actuals-list"));

/** The plan of CSV text as main reads it and the dialog guesses its columns; throws when it cannot be mapped. */
function planCsv(csv: string, against: ScorecardDocument = doc): ImportPlan {
  const read = csvSheet(csv, "data");
  if (!read.ok) throw new Error(read.message);
  const file = { fileName: "data.csv", sheets: [read.sheet] };
  const mapping = guessMapping(file, against);
  if (!mapping) throw new Error(whyNoMapping(file));
  return planImport(file, mapping, against);
}

function problemsOf(csv: string, against: ScorecardDocument = doc) {
  return planCsv(csv, against).problems;
}

describe("export and import round trip", () => {
  it("imports what it exported into an empty copy: the same actuals, notes included", () => {
    const csv = listCsv(doc);
    expect(csv.split("\r\n")[0]).toBe("measure_id,measure,period,value,note");
    const empty = { ...doc, actuals: [] };
    const plan = planCsv(csv, empty);
    expect(plan.problems).toEqual([]);
    expect([plan.rows, plan.added, plan.changed, plan.unchanged]).toEqual([
      doc.actuals.length,
      doc.actuals.length,
      0,
      0,
    ]);
    const state = new DocumentState(empty);
    execute(state, plan.operation, CTX);
    expect(state.document().actuals).toEqual(new DocumentState(doc).document().actuals);
  });

  it("counts unchanged and changed rows against what the file holds", () => {
    const csv = listCsv(doc).replace(",62,", ",63,");
    const plan = planCsv(csv, doc);
    expect([plan.added, plan.changed, plan.unchanged]).toEqual([0, 1, doc.actuals.length - 1]);
    expect(plan.operation.operations).toHaveLength(1);
  });

  it("writes text that a spreadsheet would run as a formula with a leading apostrophe, and reads it back", () => {
    const named = structuredClone(doc);
    named.measures[0] = { ...named.measures[0]!, name: '=HYPERLINK("http://x","y")' };
    named.actuals[0] = { ...named.actuals[0]!, note: "@SUM(A1)" };
    const csv = listCsv(named);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csv).toContain("'@SUM(A1)");
    const plan = planCsv(csv.replace(/^[0-9a-f-]{36},/gm, ","), { ...named, actuals: [] });
    expect(plan.problems).toEqual([]);
    expect(plan.operation.operations[0]).toMatchObject({ measureId: named.measures[0]!.id, note: "@SUM(A1)" });
  });

  it("matches measures by name without case and periods by label, and accepts other header spellings", () => {
    const plan = planCsv("KPI Name;Period Label;Actual\nuptime;2025-q4;99.5\n".replaceAll(";", ","), doc);
    expect(plan.problems).toEqual([]);
    expect(plan.operation.operations).toEqual([
      { type: "actual.set", measureId: fx.ids.uptime, periodId: doc.periods[3]!.id, value: 99.5 },
    ]);
  });
});

describe("bad spreadsheets are refused with every problem, row by row", () => {
  it.each([
    ["an empty file", "", /the file is empty/],
    ["a header without a value column", "measure,period\nUptime,2025-Q1\n", /no value column/],
    ["no measure column", "period,value\n2025-Q1,1\n", /no measure column/],
    ["an unterminated quote", `${header}\nUptime,"2025-Q1,1\n`, /not valid CSV/],
  ])("%s", (_name, csv, message) => {
    expect(() => planCsv(csv)).toThrow(message);
  });

  it("lists unknown measures and periods, non-numbers, formulas, out-of-range values, long notes and duplicates", () => {
    const rows = [
      "Nope,2025-Q1,1,",
      "Uptime,2031-Q9,1,",
      "Uptime,2025-Q1,abc,",
      "Uptime,2025-Q1,=1+1,",
      "Uptime,2025-Q1,1e999,",
      "Uptime,2025-Q1,101,",
      "Uptime,2025-Q1,,",
      `Uptime,2025-Q1,99,${"x".repeat(10_001)}`,
      "Uptime,2025-Q4,99.2,",
      "uptime,2025-Q4,99.3,",
      "Tickets,2025-Q2,1 000,",
    ];
    const problems = problemsOf([header, ...rows].join("\n"));
    expect(problems.map((p) => p.row)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 11, 12]);
    const messages = problems.map((p) => p.message);
    expect(messages[0]).toBe("unknown measure “Nope”");
    expect(messages[1]).toBe("unknown period “2031-Q9”");
    expect(messages[2]).toBe("“abc” is not a number");
    expect(messages[3]).toMatch(/is a formula; only numbers are imported/);
    expect(messages[4]).toBe("“1e999” is not a number");
    expect(messages[5]).toMatch(/valid range \[0, 100\]/);
    expect(messages[6]).toMatch(/no value for “Uptime” in “2025-Q1”/);
    expect(messages[7]).toMatch(/at most 10000/);
    expect(messages[8]).toBe("“Uptime” in “2025-Q4” is also in row 10");
    expect(messages[9]).toBe("“1 000” is not a number");
  });

  it("asks for the id when a name is ambiguous", () => {
    const twins = structuredClone(doc);
    twins.measures[1] = { ...twins.measures[1]!, name: "Uptime" };
    twins.measures[0] = { ...twins.measures[0]!, name: "Uptime" };
    expect(problemsOf(`${header}\nUptime,2025-Q1,1,\n`, twins)[0]?.message).toMatch(
      /names 2 measures; give the measure id/,
    );
  });

  it("shows a huge or multi-line cell shortened on one line", () => {
    const message = problemsOf(`${header}\n"${"Evil\n".repeat(100_000)}",2025-Q1,1,\n`)[0]?.message ?? "";
    expect(message.length).toBeLessThan(100);
    expect(message).not.toContain("\n");
  });

  it("reads 100,000 rows, naming every duplicate", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `Uptime,2025-Q${(i % 4) + 1},${(i % 100) + 0.5},`);
    const plan = planCsv([header, ...rows].join("\n"), doc);
    expect(plan.rows).toBe(100_000);
    // 4 distinct cells; the rest are duplicates, each named by row.
    // The first 1,000 are kept for the preview; all are counted.
    expect(plan.problemCount).toBe(99_996);
    expect(plan.problems).toHaveLength(1_000);
    expect(plan.problems[0]).toEqual({ row: 6, column: "C", message: "“Uptime” in “2025-Q1” is also in row 2" });
  });

  it("skips blank rows but keeps spreadsheet row numbers", () => {
    const plan = planCsv(`${header}\n\n,,,\nNope,2025-Q1,1,\n`, doc);
    expect(plan.rows).toBe(1);
    expect(plan.problems).toEqual([{ row: 4, column: "A", message: "unknown measure “Nope”" }]);
  });
});

describe("CSV text the reader refuses before parsing it all", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("guesses the delimiter from the start of the text only, then parses once with it", () => {
    const parse = vi.spyOn(Papa, "parse");
    const text = `measure;period;value\n${"Uptime;2025-Q1;1\n".repeat(10_000)}`;
    const read = csvSheet(text, "data");
    expect(read.ok && read.sheet.rows[1]).toEqual(["Uptime", "2025-Q1", "1"]);
    // Papa guesses by parsing its input once per candidate delimiter: only ever on the sample.
    const inputs = parse.mock.calls.map(([input, config]) => [(input as unknown as string).length, config?.delimiter]);
    expect(inputs).toEqual([
      [DELIMITER_SAMPLE, undefined],
      [text.length - 1, ";"], // without the line end after the last row
    ]);
  });

  it("refuses more lines than the limit without parsing any", () => {
    const parse = vi.spyOn(Papa, "parse");
    expect(csvSheet("1,2\n".repeat(2_000_000), "data", { rows: 1_048_576 })).toEqual({
      ok: false,
      message: "the file has more than 1048576 rows",
    });
    expect(parse).not.toHaveBeenCalled();
    // CR alone ends lines too (old Mac files); the line end after the last row opens no row.
    expect(csvSheet("a\rb\rc", "data", { rows: 2 })).toMatchObject({ ok: false });
    expect(csvSheet("a\r\nb\r\n", "data", { rows: 2 })).toEqual({
      ok: true,
      sheet: { name: "data", rows: [["a"], ["b"]] },
    });
    expect(csvSheet("a\r\nb\r\n\r\n", "data", { rows: 3 })).toEqual({
      ok: true,
      sheet: { name: "data", rows: [["a"], ["b"], [""]] },
    });
    expect(csvSheet("a\r\nb\r\nc\n", "data", { rows: 2 })).toMatchObject({ ok: false });
  });

  it("refuses a file of quotes as one over-long cell", () => {
    const read = csvSheet('"'.repeat(1_000_000), "data", { cellChars: 32_767 });
    expect(read).toEqual({
      ok: false,
      message: "row 1, column 1 holds 499999 characters; a cell may hold at most 32767",
    });
  });
});
