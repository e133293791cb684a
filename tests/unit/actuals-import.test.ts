/**
 * The spreadsheet importer (shared/interchange/actuals-import.ts): which mapping it guesses, and
 * every problem it names, by row and column, in both layouts.
 */
import { describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import {
  columnLetter,
  guessMapping,
  MAX_PROBLEMS_KEPT,
  planImport,
  whyNoMapping,
} from "../../shared/interchange/actuals-import.ts";
import type { ImportMapping } from "../../shared/interchange/import-mapping.ts";
import type { Cell, ImportFile } from "../../shared/interchange/table.ts";
import { execute } from "../../shared/operations/execute.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { syntheticScorecard } from "../bench/synthetic.ts";
import { fixtureDocument } from "../support/store-fixture.ts";

const fx = fixtureDocument();
const doc = fx.doc;
const [q1, q2, q3, q4] = doc.periods.map((p) => p.label) as [string, string, string, string];
const CTX = { now: "2026-02-01T00:00:00.000Z", appVersion: "t" };

const file = (...sheets: Array<[string, Cell[][]]>): ImportFile => ({
  fileName: "data.xlsx",
  sheets: sheets.map(([name, rows]) => ({ name, rows })),
});
const grid = (rows: Cell[][]) => file(["Sheet1", rows]);

function plan(f: ImportFile, against: ScorecardDocument = doc) {
  const mapping = guessMapping(f, against);
  if (!mapping) throw new Error(`no mapping: ${whyNoMapping(f)}`);
  return planImport(f, mapping, against);
}

describe("guessing the mapping", () => {
  it("finds a rows layout below a title, with the measure named by id when there is an id column", () => {
    const f = grid([
      ["Actuals export"],
      [],
      ["Measure", "measure_id", "Period", "Value", "Note"],
      ["Uptime", fx.ids.uptime, q1, 1, ""],
    ]);
    expect(guessMapping(f, doc)).toEqual({
      sheet: 0,
      headerRow: 2,
      layout: "rows",
      measureColumn: 1,
      measureBy: "id",
      periodColumn: 2,
      valueColumn: 3,
      noteColumn: 4,
    });
  });

  it("finds a columns layout by period labels in any case, preferring the sheet named Actuals", () => {
    const f = file(["Scores", [["Measure", "Score"]]], ["actuals", [["measure", "unit", q1.toLowerCase(), q2]]]);
    expect(guessMapping(f, doc)).toEqual({
      sheet: 1,
      headerRow: 0,
      layout: "columns",
      measureColumn: 0,
      measureBy: "name",
      periodColumn: null,
      valueColumn: null,
      noteColumn: null,
    });
  });

  it("takes a first column without a header as the measures of a period grid", () => {
    expect(
      guessMapping(
        grid([
          [null, q1, q2],
          ["Uptime", 99, 99.5],
        ]),
        doc,
      ),
    ).toMatchObject({
      layout: "columns",
      measureColumn: 0,
      measureBy: "name",
    });
  });

  it("finds nothing in a sheet that names no measure column, and says what it found instead", () => {
    const f = grid([
      ["period", "value"],
      [q1, 1],
    ]);
    expect(guessMapping(f, doc)).toBeNull();
    expect(whyNoMapping(f)).toBe(
      "no measure column, and no column named after a period (the header row names: “period”, “value”)",
    );
    expect(guessMapping(grid([]), doc)).toBeNull();
    expect(whyNoMapping(grid([[null], [" "]]))).toMatch(/^the file is empty/);
  });

  it("does not take a sheet of scores for actuals, though it names measure, period and value", () => {
    const scores = grid([
      ["measure", "period", "value", "score", "status"],
      ["Uptime", q1, 99.5, 0.7, "amber"],
    ]);
    expect(guessMapping(scores, doc)).toBeNull();
    // Nor a scorecard whose rows below the header happen to read "measure" and a period label.
    const scorecard = grid([
      ["level", "name", "score", "status", "period"],
      ["measure", "Uptime", 0.7, "amber", q1],
    ]);
    expect(guessMapping(scorecard, doc)).toBeNull();
    expect(whyNoMapping(scores)).toBe(
      "the header row names score or status columns: the sheet holds scores, not actuals (choose its columns by hand if its values are actuals)",
    );
    // Mapped by hand, its values are read as any others.
    const byHand: ImportMapping = {
      sheet: 0,
      headerRow: 0,
      layout: "rows",
      measureColumn: 0,
      measureBy: "name",
      periodColumn: 1,
      valueColumn: 2,
      noteColumn: null,
    };
    expect(planImport(scores, byHand, doc).entries).toMatchObject([{ row: 2, value: 99.5 }]);
  });

  it("quotes the first ten header names of a sheet it cannot map, and counts the rest", () => {
    const wide = grid([Array.from({ length: 16_384 }, (_, i) => `h${i}`)]);
    expect(whyNoMapping(wide)).toBe(
      `no measure, period, value column, and no column named after a period (the header row names: ${Array.from({ length: 10 }, (_, i) => `“h${i}”`).join(", ")}, … 16374 more)`,
    );
  });

  it("names columns as a spreadsheet does", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16_383].map(columnLetter)).toEqual([
      "A",
      "Z",
      "AA",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
      "XFD",
    ]);
  });
});

describe("the rows layout", () => {
  const header: Cell[] = ["measure", "period", "value", "note"];

  it("plans new, changed and unchanged values as one batch, with entries for the preview", () => {
    const uptimeQ1 = doc.actuals.find((a) => a.measureId === fx.ids.uptime && a.periodId === doc.periods[0]?.id);
    const p = plan(
      grid([
        header,
        ["Uptime", q1, uptimeQ1?.value ?? 0, uptimeQ1?.note ?? ""],
        ["uptime", q2, 42, "x"],
        ["Uptime", q4, "99.5", ""],
      ]),
    );
    expect(p.problems).toEqual([]);
    expect([p.rows, p.added, p.changed, p.unchanged]).toEqual([3, 1, 1, 1]);
    expect(p.entries.map((e) => [e.row, e.status, e.value])).toEqual([
      [2, "unchanged", uptimeQ1?.value],
      [3, "changed", 42],
      [4, "new", 99.5],
    ]);
    expect(p.operation.operations).toEqual([
      { type: "actual.set", measureId: fx.ids.uptime, periodId: doc.periods[1]?.id, value: 42, note: "x" },
      { type: "actual.set", measureId: fx.ids.uptime, periodId: doc.periods[3]?.id, value: 99.5, note: "" },
    ]);
  });

  it("names every bad cell by row and column", () => {
    const rows: Cell[][] = [
      header,
      ["Nope", q1, 1, ""],
      ["Uptime", "2031-Q9", 1, ""],
      ["Uptime", q1, "abc", ""],
      ["Uptime", q1, { formula: "1+1" }, ""],
      ["Uptime", q1, "=1+1", ""],
      ["Uptime", q1, true, ""],
      ["Uptime", q1, "1 000", ""],
      ["Uptime", q1, 101, ""],
      ["Uptime", q1, 2e15, ""],
      ["Uptime", q1, Number.NaN, ""],
      ["Uptime", q1, "", ""],
      ["Uptime", q1, 99, "x".repeat(10_001)],
      [{ formula: "A1" }, q1, 1, ""],
      ["Uptime", { formula: "B1" }, 1, ""],
      ["", q1, 1, ""],
      ["Tickets", "", 1, ""],
      ["Uptime", q4, 99.2, ""],
      [null, null, null, null],
      ["uptime", q4, "99.3", ""],
    ];
    const p = plan(grid(rows));
    expect(p.rows).toBe(18);
    expect(p.problems.map((x) => `${x.row}${x.column}: ${x.message}`)).toEqual([
      "2A: unknown measure “Nope”",
      "3B: unknown period “2031-Q9”",
      "4C: “abc” is not a number",
      "5C: “=1+1” is a formula; only numbers are imported",
      "6C: “=1+1” is a formula; only numbers are imported",
      "7C: “TRUE” is not a number",
      "8C: “1 000” is not a number",
      "9C: value 101 for “Uptime”: must lie in the measure's valid range [0, 100]",
      "10C: “2000000000000000” is beyond ±1000000000000000",
      "11C: “NaN” is not a number",
      `12C: no value for “Uptime” in “${q1}”`,
      "13D: the note has 10001 characters; at most 10000 are allowed",
      "14A: “=A1” is a formula; formulas are not evaluated, so type the measure itself",
      "15B: “=B1” is a formula; formulas are not evaluated, so type the period itself",
      "16A: no measure given",
      "17B: no period given",
      `20C: “Uptime” in “${q4}” is also in row 18`,
    ]);
    expect(p.problemCount).toBe(17);
    expect(p.entries.map((e) => e.row)).toEqual([18]);
  });

  it("reads numbers as the actuals grid does: thousands, a minus sign, % for a percent measure; no decimal comma", () => {
    const percent = structuredClone(doc);
    const uptime = percent.measures.find((m) => m.name === "Uptime") as ScorecardDocument["measures"][number];
    uptime.unit = "%";
    const rows: Cell[][] = [
      header,
      ["Tickets", q1, "1,234", ""],
      ["Tickets", q2, "\u22123", ""],
      ["Uptime", q3, " 99.5 % ", ""],
      ["Uptime", q4, "12,5", ""],
      ["Uptime", q1, "1 234", ""],
      ["Uptime", q2, "12,5%", ""],
      // Tickets (unit "/q") is no percent measure: its "%" is not dropped.
      ["Tickets", q4, "5 %", ""],
    ];
    const p = plan(grid(rows), { ...percent, actuals: [] });
    expect(p.entries.map((e) => [e.row, e.value])).toEqual([
      [2, 1234],
      [3, -3],
      [4, 99.5],
    ]);
    expect(p.problems.map((x) => `${x.row}${x.column}: ${x.message}`)).toEqual([
      "5C: “12,5” is not a number",
      "6C: “1 234” is not a number",
      "7C: “12,5%” is not a number",
      "8C: “5 %” is not a number",
    ]);
  });

  it("asks which number a percentage-formatted cell means rather than import it 100 times too small", () => {
    const percent = structuredClone(doc);
    (percent.measures.find((m) => m.name === "Uptime") as ScorecardDocument["measures"][number]).unit = "%";
    const p = plan(grid([header, ["Uptime", q4, { percent: 0.995 }, ""]]), percent);
    expect(p.entries).toEqual([]);
    expect(p.problems).toEqual([
      {
        row: 2,
        column: "C",
        message:
          "“99.5%” is formatted as a percentage, so the cell holds 0.995; type the number meant (99.5 or 0.995) in a cell formatted as a number",
      },
    ]);
  });

  it("reads measures by id, asks for the id when a name is ambiguous, and unguards CSV-guarded text", () => {
    const twins = structuredClone(doc);
    twins.measures[0] = { ...twins.measures[0]!, name: "=Same" };
    twins.measures[1] = { ...twins.measures[1]!, name: "=same" };
    const byId = plan(
      grid([
        ["measure_id", "period", "value"],
        [twins.measures[0]!.id, q1, 5],
        ["nope-id", q1, 5],
      ]),
      twins,
    );
    expect(byId.problems).toEqual([{ row: 3, column: "A", message: "unknown measure id “nope-id”" }]);
    expect(byId.operation.operations[0]).toMatchObject({ measureId: twins.measures[0]!.id });
    const byName = plan(grid([header, ["'=Same", q1, 5, "'@note"]]), twins);
    expect(byName.problems).toEqual([
      { row: 2, column: "A", message: "“=Same” names 2 measures; give the measure id" },
    ]);
    const minus = structuredClone(doc);
    minus.measures[0] = { ...minus.measures[0]!, name: "-Uptime" };
    const guarded = plan(grid([header, ["'-Uptime", q1, "'+5", "'@SUM(A1)"]]), minus);
    expect(guarded.problems).toEqual([]);
    expect(guarded.operation.operations[0]).toMatchObject({ value: 5, note: "@SUM(A1)" });
  });

  it("falls back to the name column on rows whose measure id is blank", () => {
    const p = plan(
      grid([
        ["measure_id", "measure", "period", "value"],
        ["", "Uptime", q1, 5],
        ["", "", q1, 5],
      ]),
    );
    expect(p.problems).toEqual([{ row: 3, column: "A", message: "no measure given" }]);
    expect(p.operation.operations[0]).toMatchObject({ measureId: fx.ids.uptime });
  });

  it("refuses an invalid mapping with one whole-file problem", () => {
    const f = grid([header, ["Uptime", q1, 1, ""]]);
    const base: ImportMapping = {
      sheet: 0,
      headerRow: 0,
      layout: "rows",
      measureColumn: 0,
      measureBy: "name",
      periodColumn: 1,
      valueColumn: 2,
      noteColumn: null,
    };
    const cases: Array<[Partial<ImportMapping>, string]> = [
      [{ sheet: 3 }, "there is no sheet 4 in the file"],
      [{ headerRow: 9 }, "the header row 10 is not in sheet “Sheet1” (it has 2 rows)"],
      [{ valueColumn: 7 }, "the value column is outside the sheet (it has 4 columns)"],
      [{ periodColumn: null }, "choose the column that holds the period"],
      [{ valueColumn: null }, "choose the column that holds the value"],
      [{ noteColumn: 0 }, "column A cannot be both the measure and the note column"],
      [{ layout: "columns" }, "the header row 1 names none of the document's periods"],
    ];
    for (const [change, message] of cases) {
      const p = planImport(f, { ...base, ...change }, doc);
      expect(p.problems).toEqual([{ row: 0, column: null, message }]);
      expect(p.operation.operations).toEqual([]);
    }
  });
});

describe("the columns layout", () => {
  it("reads one value per period cell, skipping empty cells and rows without values", () => {
    const p = plan(
      grid([
        ["measure", "unit", "Owner", q1, q2, q3],
        ["Uptime", "%", "Ann", 99, null, "99.5"],
        [null, null, null, null, null, null],
        ["Total", null, "", null, "", null],
        ["Tickets", "/q", "", 400, 380, 350],
      ]),
    );
    expect(p.problems).toEqual([]);
    expect(p.rows).toBe(3);
    expect(p.entries.map((e) => `${e.row}:${e.periodId === doc.periods[2]?.id ? "q3" : "-"}:${e.value}`)).toEqual([
      "2:-:99",
      "2:q3:99.5",
      "5:-:400",
      "5:-:380",
      "5:q3:350",
    ]);
  });

  it("takes a date header (a spreadsheet's reading of a typed “2025-04”) as the period starting that day", () => {
    const p = plan(
      grid([
        ["measure", doc.periods[1]!.start],
        ["Uptime", 99],
      ]),
    );
    expect(p.problems).toEqual([]);
    expect(p.entries).toMatchObject([{ periodId: doc.periods[1]!.id, value: 99 }]);
  });

  it("names bad cells by row and column, an unknown period on the header row, and duplicate rows", () => {
    const p = plan(
      grid([
        ["measure", q1, "2031-Q9", q2, q1, "Comments"],
        ["Uptime", "x", 1, 101, 5, "fine"],
        ["Nope", 1, null, null, null, ""],
        ["uptime", 99, null, null, null, ""],
      ]),
    );
    expect(p.problems.map((x) => `${x.row}${x.column}: ${x.message}`)).toEqual([
      "1C: unknown period “2031-Q9”; its column is not imported",
      `1E: period “${q1}” is also in column B`,
      "2B: “x” is not a number",
      "2D: value 101 for “Uptime”: must lie in the measure's valid range [0, 100]",
      "3A: unknown measure “Nope”",
    ]);
    expect(p.problems.map((x) => x.row)).toEqual([1, 1, 2, 2, 3]);
    // Row 4 repeats Uptime, but its only value (q1) came to nothing in row 2: no duplicate there.
    const dup = plan(
      grid([
        ["measure", q1],
        ["Uptime", 1],
        ["uptime", 2],
      ]),
    );
    expect(dup.problems).toEqual([{ row: 3, column: "B", message: `“Uptime” in “${q1}” is also in row 2` }]);
  });
});

describe("large imports", () => {
  // A fifth of the large scorecard (10,000 × 36, timed in the bench) keeps the test quick.
  const large = syntheticScorecard({ measures: 2_000, periods: 36 });
  const empty = { ...large, actuals: [] };

  it("plans 2,000 measures × 36 periods in the columns layout, and applies it as one batch", () => {
    const header: Cell[] = ["measure_id", "measure", ...large.periods.map((p) => p.label)];
    const rows: Cell[][] = [
      header,
      ...large.measures.map((m, i) => [m.id, m.name, ...large.periods.map((_, k) => i + k)]),
    ];
    const p = plan(grid(rows), empty);
    expect(p.problems).toEqual([]);
    expect([p.rows, p.added, p.entries.length]).toEqual([2_000, 72_000, 72_000]);
    const state = new DocumentState(empty);
    execute(state, p.operation, CTX);
    expect(state.document().actuals).toHaveLength(72_000);
  });

  it("plans 72,000 rows in the rows layout, keeping the first problems and counting all", () => {
    const rows: Cell[][] = [["measure_id", "period", "value"]];
    for (const m of large.measures) for (const period of large.periods) rows.push([m.id, period.label, "1.5"]);
    rows[7_777] = [large.measures[0]!.id, "nope", "1"];
    const ok = plan(grid(rows), empty);
    expect([ok.rows, ok.added, ok.problemCount]).toEqual([72_000, 71_999, 1]);
    expect(ok.problems).toEqual([{ row: 7_778, column: "B", message: "unknown period “nope”" }]);
    for (let i = 1; i < rows.length; i++) rows[i] = ["Nope", "x", "1"];
    const bad = plan(grid(rows), empty);
    expect(bad.problemCount).toBe(72_000);
    expect(bad.problems).toHaveLength(MAX_PROBLEMS_KEPT);
  });

  it("refuses more values than one import may hold", () => {
    const rows: Cell[][] = [["measure", "period", "value"]];
    for (let i = 0; i < 400_001; i++) rows.push(["Uptime", q1, 1]);
    expect(plan(grid(rows)).problems).toEqual([
      { row: 0, column: null, message: "400001 rows is more than the 400000 one import may hold" },
    ]);
  });
});
