/**
 * The XLSX workbook and the CSV tables (issue 8): the table model against the scoring and what-if
 * engines, each CSV table's header, rows and formula guard, and the written workbook read back
 * with exceljs — sheets, real numbers and their formats, status fills, hostile names kept as text,
 * the actuals sheet equal to the document's actuals — the round trip export → import of the
 * actuals, and the export through main's handlers.
 */
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readImportFile } from "../../electron/interchange/read-import-file.ts";
import { documentToXlsx, moneyFormat, NUMBER_FORMATS, STATUS_COLOURS } from "../../electron/interchange/xlsx-write.ts";
import { CSV_TABLES } from "../../shared/api/contract.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { guessMapping, planImport } from "../../shared/interchange/actuals-import.ts";
import { guard, tableToCsv, unguard } from "../../shared/interchange/csv-text.ts";
import { exportTable, type Table, WORKBOOK_TABLES, workbookTables } from "../../shared/interchange/workbook-tables.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";
import { newScorecard } from "../../shared/templates/index.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { evaluateScenario } from "../../shared/whatif/scenario.ts";
import { spendOfScenario } from "../../shared/whatif/spend.ts";
import { idSequence, NOW, WORKBOOK_SHEETS } from "../support/docs.ts";
import { tempDir } from "../support/files.ts";
import { createShell, type Shell } from "../support/shell-fixture.ts";

const OPTS = { newId: idSequence(), now: NOW, appVersion: "0.1.0-test" };
/** The demo: 40 measures, 8 quarters of actuals (some with notes), 7 investments, 2 scenarios. */
const demo = demoScorecard(OPTS);
/** A blank scorecard: perspectives only, no objectives, measures, actuals or investments. */
const blank = newScorecard("blank", { ...OPTS, newId: idSequence(), periods: { firstStart: "2026-01-01", count: 0 } });

/** Text a spreadsheet would run as a formula, and text XML cannot hold. */
const HOSTILE = {
  measure: '=HYPERLINK("http://evil.example","click")',
  objective: "+cmd|' /C calc'!A0",
  investment: "@SUM(A1:A9)",
  scenario: "-2+3",
  period: "=1+1",
  control: "bell\u0007 and\u0000nul",
};

/** The demo with hostile names in every table. */
function hostileDemo(): ScorecardDocument {
  const doc = structuredClone(demo);
  doc.measures[0] = { ...(doc.measures[0] as ScorecardDocument["measures"][number]), name: HOSTILE.measure };
  doc.measures[1] = { ...(doc.measures[1] as ScorecardDocument["measures"][number]), name: HOSTILE.control };
  doc.objectives[0] = { ...(doc.objectives[0] as ScorecardDocument["objectives"][number]), name: HOSTILE.objective };
  doc.investments[0] = {
    ...(doc.investments[0] as ScorecardDocument["investments"][number]),
    name: HOSTILE.investment,
  };
  doc.scenarios[0] = { ...(doc.scenarios[0] as ScorecardDocument["scenarios"][number]), name: HOSTILE.scenario };
  doc.periods[0] = { ...(doc.periods[0] as ScorecardDocument["periods"][number]), label: HOSTILE.period };
  return doc;
}

function tableOf(doc: ScorecardDocument, name: Table["name"]): Table {
  return exportTable(doc, name);
}

const column = (table: Table, header: string) => {
  const c = table.columns.findIndex((col) => col.header === header);
  if (c < 0) throw new Error(`no column ${header} in ${table.name}`);
  return c;
};

/** What both forms keep of a text: the C0 control characters other than tab, LF and CR, and DEL, are dropped. */
function withoutControls(text: string): string {
  return [...text].filter((ch) => (ch >= " " && ch !== "\u007f") || ch === "\t" || ch === "\n" || ch === "\r").join("");
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs types its input as its own Buffer (an ArrayBuffer); it reads a Node Buffer.
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function sheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** The sheet's rows below the header as plain values, empty cells null. */
function bodyOf(ws: ExcelJS.Worksheet, columns: number): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    rows.push(Array.from({ length: columns }, (_, c) => row.getCell(c + 1).value ?? null));
  }
  return rows;
}

describe("the table model", () => {
  const book = workbookTables(demo);

  it("has the workbook's tables in order, every row as wide as the header", () => {
    expect(book.tables.map((t) => t.name)).toEqual([...WORKBOOK_TABLES]);
    expect(book).toMatchObject({ title: demo.scorecard.title, currency: "USD", period: "2026-Q4" });
    for (const name of CSV_TABLES) {
      const table = tableOf(demo, name);
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
      if (table.tree) expect(table.tree.depth).toHaveLength(table.rows.length);
    }
  });

  it("scores as the app does: overall first, then the tree of the latest period", () => {
    const view = scorecardView(demo);
    const t = tableOf(demo, "scorecard");
    const [score, status, level, name] = ["score", "status", "level", "name"].map((h) => column(t, h)) as number[];
    expect(t.rows[0]?.slice(0, 2)).toEqual(["overall", "Overall"]);
    expect(t.rows[0]?.[score as number]).toBe(view.overall.score);
    expect(t.rows[0]?.[status as number]).toBe(view.overall.status);
    expect(t.rows[1]?.[score as number]).toBe(view.leadingIndex);
    const measures = t.rows.filter((r) => r[level as number] === "measure");
    expect(measures.map((r) => r[name as number])).toEqual(
      view.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.measures.map((m) => m.name))),
    );
    expect(t.rows.filter((r) => r[level as number] === "perspective")).toHaveLength(demo.perspectives.length);
    expect(new Set(t.rows.map((r) => r[column(t, "period")]))).toEqual(new Set(["2026-Q4"]));
    // Statuses are the words, scores fractions.
    for (const row of t.rows) {
      expect(["green", "amber", "red", "none"]).toContain(row[status as number]);
      const s = row[score as number];
      if (s !== null) expect(s).toBeTypeOf("number");
    }
  });

  it("scores whichever period is the document's latest", () => {
    // The demo cut back to its first quarter: the tables score that quarter, as the app scored it then.
    const earliest = [...demo.periods].sort((a, b) => a.start.localeCompare(b.start))[0]?.id;
    const cut = structuredClone(demo);
    cut.periods = cut.periods.filter((p) => p.id === earliest);
    cut.actuals = cut.actuals.filter((a) => a.periodId === earliest);
    cut.periodTargets = cut.periodTargets.filter((pt) => pt.periodId === earliest);
    const first = workbookTables(cut);
    expect(first.period).toBe("2025-Q1");
    const t = first.tables[0] as Table;
    expect(t.rows[0]?.[column(t, "score")]).toBe(scorecardView(demo, 0).overall.score);
  });

  it("lists every measure with its definition and score", () => {
    const t = tableOf(demo, "measures");
    expect(t.rows.map((r) => r[0])).toEqual(demo.measures.map((m) => m.id));
    const view = scorecardView(demo);
    const scored = view.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.measures));
    for (const row of t.rows) {
      const m = demo.measures.find((x) => x.id === row[0]);
      const s = scored.find((x) => x.id === row[0]);
      expect(row[column(t, "baseline")]).toBe(m?.baseline);
      expect(row[column(t, "target")]).toBe(m?.target);
      expect(row[column(t, "score")]).toBe(s?.score);
      expect(row[column(t, "status")]).toBe(s?.status);
      expect(row[column(t, "scored_value")]).toBe(s?.value ?? null);
    }
    // Scored values are not actuals: no "period"/"value" header the importer would take for them.
    const headers = t.columns.map((c) => c.header);
    expect(headers).toContain("scored_period");
    expect(headers).not.toContain("value");
    expect(headers).not.toContain("period");
  });

  it("lays the actuals out measures × periods: the same values, empty where there is none", () => {
    const t = tableOf(demo, "actuals");
    const periods = [...demo.periods].sort((a, b) => a.start.localeCompare(b.start));
    expect(t.columns.map((c) => c.header)).toEqual(["measure_id", "measure", "unit", ...periods.map((p) => p.label)]);
    const cells = t.rows.flatMap((r) => r.slice(3)).filter((v) => v !== null);
    expect(cells).toHaveLength(demo.actuals.length);
    for (const a of demo.actuals) {
      const row = t.rows.find((r) => r[0] === a.measureId);
      const label = demo.periods.find((p) => p.id === a.periodId)?.label as string;
      expect(row?.[column(t, label)]).toBe(a.value);
    }
  });

  it("gives one scenario row per investment, with the what-if engine's projection", () => {
    const t = tableOf(demo, "scenarios");
    expect(t.rows).toHaveLength(demo.scenarios.length * demo.investments.length);
    const model = compileWhatIf(demo);
    for (const scenario of demo.scenarios) {
      const result = evaluateScenario(model, spendOfScenario(model, scenario));
      const rows = t.rows.filter((r) => r[0] === scenario.id);
      expect(rows.map((r) => r[column(t, "investment")])).toEqual(demo.investments.map((i) => i.name));
      for (const row of rows) {
        expect(row[column(t, "projected_overall")]).toBe(result.overall.projected);
        const inv = demo.investments.find((i) => i.id === row[column(t, "investment_id")]);
        expect(row[column(t, "spend")]).toBe(scenario.spend[inv?.id ?? ""] ?? inv?.baseSpend);
      }
    }
    expect(t.rows.some((r) => r[column(t, "change")] !== 0)).toBe(true);
  });

  it("has headers and no rows for what an empty scorecard lacks, and never scores it", () => {
    const book = workbookTables(blank);
    expect(book.period).toBeNull();
    const score = book.tables[0] as Table;
    expect(score.rows[0]).toEqual(expect.arrayContaining(["overall", null, "none"]));
    for (const name of ["measures", "actuals", "investments", "impacts", "scenarios"] as const) {
      const t = book.tables.find((x) => x.name === name) as Table;
      expect(t.rows, name).toEqual([]);
      expect(t.columns.length).toBeGreaterThan(0);
    }
  });
});

describe("CSV tables", () => {
  it.each(CSV_TABLES)("%s: the table's header and rows, numbers unformatted, text guarded", (name) => {
    const doc = hostileDemo();
    const table = tableOf(doc, name);
    const csv = tableToCsv(table);
    expect(csv.endsWith("\r\n")).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(0, -2), { newline: "\r\n" });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header?.map(unguard)).toEqual(table.columns.map((c) => c.header));
    expect(rows).toHaveLength(table.rows.length);
    rows.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        const value = table.rows[r]?.[c];
        if (typeof value === "number") expect(Number(cell)).toBe(value);
        else expect(cell).toBe(value === null || value === undefined ? "" : guard(withoutControls(value)));
        // Nothing a spreadsheet would run as a formula reaches the file unguarded.
        expect(cell).not.toMatch(/^[=+@\t\r]/);
        if (cell.startsWith("-")) expect(Number.isFinite(Number(cell))).toBe(true);
      });
    });
  });

  it("guards hostile names in every table they appear in, and unguard gives them back", () => {
    const doc = hostileDemo();
    const expectations: Array<[Table["name"], string]> = [
      ["scorecard", HOSTILE.measure],
      ["measures", HOSTILE.objective],
      ["actuals", HOSTILE.period],
      ["actuals-list", HOSTILE.period],
      ["investments", HOSTILE.investment],
      ["impacts", HOSTILE.investment],
      ["scenarios", HOSTILE.scenario],
    ];
    for (const [name, text] of expectations) {
      const cells = Papa.parse<string[]>(tableToCsv(tableOf(doc, name))).data.flat();
      expect(cells, name).toContain(`'${text}`);
      expect(cells, name).not.toContain(text);
      expect(cells.map(unguard), name).toContain(text);
    }
  });

  it("keeps the actuals list as it was: measure_id, measure, period, value, note", () => {
    const doc = hostileDemo();
    const csv = tableToCsv(tableOf(doc, "actuals-list"));
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("measure_id,measure,period,value,note");
    const a = doc.actuals[0] as ScorecardDocument["actuals"][number];
    expect(a.measureId).toBe(doc.measures[0]?.id);
    expect(lines[1]).toBe(`${a.measureId},"'=HYPERLINK(""http://evil.example"",""click"")",'=1+1,${a.value},${a.note}`);
    expect(lines).toHaveLength(doc.actuals.length + 2);
  });
});

describe("the XLSX workbook", () => {
  let doc: ScorecardDocument;
  let workbook: ExcelJS.Workbook;
  // Written and read once: the tests below only read it.
  beforeAll(async () => {
    doc = hostileDemo();
    workbook = await load(await documentToXlsx(doc));
  });

  it("has one sheet per workbook table, with the workbook's properties", () => {
    expect(workbook.worksheets.map((w) => w.name)).toEqual(WORKBOOK_SHEETS);
    expect(workbook.creator).toBe("Scorecard Studio");
    expect(workbook.title).toBe(doc.scorecard.title);
    expect(workbook.subject).toBe("Scorecard, period 2026-Q4");
  });

  it("writes each table's header bold and frozen with an auto-filter, and every value as the table holds it", () => {
    const book = workbookTables(doc);
    for (const table of book.tables) {
      const ws = sheet(workbook, table.sheet);
      const header = ws.getRow(1);
      expect(table.columns.map((_, c) => header.getCell(c + 1).value)).toEqual(table.columns.map((c) => c.header));
      expect(header.getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      const body = bodyOf(ws, table.columns.length);
      const expected = table.rows.map((row) =>
        row.map((v, c) =>
          table.columns[c]?.kind === "date" && typeof v === "string"
            ? new Date(`${v}T00:00:00Z`)
            : typeof v === "string"
              ? withoutControls(v)
              : v,
        ),
      );
      expect(body, table.sheet).toEqual(expected);
    }
  });

  it("writes numbers as numbers with their formats: percent scores, currency money, dates", () => {
    const scores = sheet(workbook, "Scorecard");
    const overall = scores.getRow(2).getCell(7);
    expect(overall.type).toBe(ExcelJS.ValueType.Number);
    expect(overall.numFmt).toBe(NUMBER_FORMATS.fraction);
    expect(scores.getRow(2).getCell(10).numFmt).toBe(NUMBER_FORMATS.change);
    const investments = sheet(workbook, "Investments");
    const base = investments.getRow(2).getCell(4);
    expect(base.type).toBe(ExcelJS.ValueType.Number);
    expect(base.value).toBe(doc.investments[0]?.baseSpend);
    expect(base.numFmt).toBe('"$"#,##0');
    const created = sheet(workbook, "Scenarios").getRow(2).getCell(3);
    expect(created.type).toBe(ExcelJS.ValueType.Date);
    expect(created.numFmt).toBe(NUMBER_FORMATS.date);
    // Every cell of a numeric column is a number or empty, never numeric text.
    for (const table of workbookTables(doc).tables) {
      const ws = sheet(workbook, table.sheet);
      table.columns.forEach((col, c) => {
        if (["text", "status", "date"].includes(col.kind)) return;
        for (let r = 2; r <= ws.rowCount; r++) {
          expect([ExcelJS.ValueType.Number, ExcelJS.ValueType.Null]).toContain(ws.getRow(r).getCell(c + 1).type);
        }
      });
    }
  });

  it("fills status cells green, amber or red and keeps the word", () => {
    const seen = new Set<string>();
    for (const name of ["Scorecard", "Measures", "Scenarios"]) {
      const ws = sheet(workbook, name);
      const c = (ws.getRow(1).values as unknown[]).findIndex((v) => v === "status" || v === "projected_status");
      expect(c, name).toBeGreaterThan(0);
      for (let r = 2; r <= ws.rowCount; r++) {
        const cell = ws.getRow(r).getCell(c);
        const status = cell.value as string;
        seen.add(status);
        if (status === "none") {
          expect(cell.fill?.type === "pattern" ? cell.fill.pattern : "none").toBe("none");
          continue;
        }
        const colours = STATUS_COLOURS[status as keyof typeof STATUS_COLOURS];
        expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: colours.fill } });
        expect(cell.font?.color).toEqual({ argb: colours.font });
      }
    }
    expect([...seen].sort()).toEqual(["amber", "green", "red"]);
  });

  it("shows the scorecard as a tree: bold top levels, indented and grouped rows below", () => {
    const ws = sheet(workbook, "Scorecard");
    const byLevel = (level: string) => {
      for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === level) return ws.getRow(r);
      throw new Error(`no ${level} row`);
    };
    expect(byLevel("overall").getCell(2).font?.bold).toBe(true);
    expect(byLevel("perspective").getCell(2).font?.bold).toBe(true);
    expect(byLevel("perspective").outlineLevel ?? 0).toBe(0);
    expect(byLevel("objective")).toMatchObject({ outlineLevel: 1 });
    expect(byLevel("objective").getCell(2).alignment?.indent).toBe(1);
    expect(byLevel("measure")).toMatchObject({ outlineLevel: 2 });
    expect(byLevel("measure").getCell(2).alignment?.indent).toBe(2);
  });

  it("keeps hostile names as text, never formulas", () => {
    const cells: ExcelJS.Cell[] = [];
    workbook.eachSheet((ws) => {
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          cells.push(cell);
        });
      });
    });
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula !== undefined)).toEqual([]);
    const texts = new Set(cells.filter((c) => c.type === ExcelJS.ValueType.String).map((c) => c.value));
    for (const text of [HOSTILE.measure, HOSTILE.objective, HOSTILE.investment, HOSTILE.scenario, HOSTILE.period]) {
      expect(texts, text).toContain(text);
    }
    expect(texts).toContain(withoutControls(HOSTILE.control));
    expect(withoutControls(HOSTILE.control)).toBe("bell andnul");
  });

  it("holds the document's actuals exactly in the Actuals sheet, period labels as the header", () => {
    const ws = sheet(workbook, "Actuals");
    const header = ws.getRow(1).values as unknown[];
    const rowOf = new Map<unknown, number>();
    for (let r = 2; r <= ws.rowCount; r++) rowOf.set(ws.getRow(r).getCell(1).value, r);
    let count = 0;
    ws.eachRow((row, r) => {
      if (r > 1) row.eachCell((cell, c) => void (c > 3 && cell.value !== null && count++));
    });
    expect(count).toBe(doc.actuals.length);
    for (const a of doc.actuals) {
      const label = doc.periods.find((p) => p.id === a.periodId)?.label;
      const cell = ws.getRow(rowOf.get(a.measureId) as number).getCell(header.indexOf(label));
      expect(cell.type).toBe(ExcelJS.ValueType.Number);
      expect(cell.value).toBe(a.value);
    }
    expect(header.slice(1, 3)).toEqual(["measure_id", "measure"]);
  });

  it("writes an empty scorecard as the six sheets with their headers", async () => {
    const empty = await load(await documentToXlsx(blank));
    expect(empty.worksheets).toHaveLength(6);
    expect(sheet(empty, "Measures").rowCount).toBe(1);
    expect(sheet(empty, "Actuals").getRow(1).values).toEqual([undefined, "measure_id", "measure", "unit"]);
    // No score: the word "none", no fill.
    const status = sheet(empty, "Scorecard").getRow(2).getCell(8);
    expect(status.value).toBe("none");
    expect(status.fill?.type === "pattern" ? status.fill.pattern : "none").toBe("none");
  });

  it("formats money in the scorecard's currency", () => {
    expect(moneyFormat("USD")).toBe('"$"#,##0');
    expect(moneyFormat("EUR")).toBe('"€"#,##0');
    expect(moneyFormat("CHF")).toBe('"CHF\u00a0"#,##0');
    expect(moneyFormat("JPY")).toBe('"¥"#,##0');
  });
});

describe("round trip: export, then import the actuals back", () => {
  let dir = "";
  beforeEach(() => {
    dir = tempDir("scorecard-roundtrip-");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The values the import reads from `file` into a copy of `doc` without actuals, as measure/period=value. */
  async function imported(file: string, doc: ScorecardDocument): Promise<string[]> {
    const empty = { ...doc, actuals: [] };
    const sheets = await readImportFile(file);
    const mapping = guessMapping(sheets, empty);
    if (!mapping) throw new Error(`no mapping for ${file}`);
    const plan = planImport(sheets, mapping, empty);
    expect(plan.problems).toEqual([]);
    expect(plan.added).toBe(doc.actuals.length);
    return plan.entries.map((e) => `${e.measureId}/${e.periodId}=${e.value}`).sort();
  }

  it.each([
    ["the workbook's Actuals sheet", "actuals.xlsx"],
    ["the actuals CSV, measures × periods", "actuals.csv"],
    ["the actuals CSV, one row per value", "actuals-list.csv"],
  ])("gives the same actuals from %s, hostile period label included", async (_, name) => {
    const doc = hostileDemo();
    const file = path.join(dir, name);
    if (name.endsWith(".xlsx")) fs.writeFileSync(file, await documentToXlsx(doc));
    else fs.writeFileSync(file, tableToCsv(exportTable(doc, name === "actuals.csv" ? "actuals" : "actuals-list")));
    const expected = doc.actuals.map((a) => `${a.measureId}/${a.periodId}=${a.value}`).sort();
    expect(await imported(file, doc)).toEqual(expected);
  });
});

describe("export through main's handlers", () => {
  let shell: Shell;
  beforeEach(() => {
    shell = createShell();
  });
  afterEach(() => shell.close());

  it("writes the workbook and any CSV table of the window's document", async () => {
    const win = shell.newWindow();
    shell.documents.open(shell.writeScorecard("plan.scorecard", "demo"), win);
    const doc = shell.documents.storeOf(win).document();
    const xlsx = path.join(shell.dir, "plan.xlsx");
    expect(
      await shell.value(win, "exportDocument", {
        file: await shell.saveToken(win, xlsx, "export-xlsx"),
        format: "xlsx",
      }),
    ).toEqual({ fileName: "plan.xlsx" });
    const book = await load(fs.readFileSync(xlsx));
    expect(sheet(book, "Measures").rowCount).toBe(doc.measures.length + 1);

    const csv = path.join(shell.dir, "scores.csv");
    await shell.value(win, "exportDocument", {
      file: await shell.saveToken(win, csv, "export-csv"),
      format: "csv",
      table: "scorecard",
    });
    expect(fs.readFileSync(csv, "utf8")).toBe(tableToCsv(exportTable(doc, "scorecard")));
    expect(fs.readdirSync(shell.dir).filter((f) => f.includes(".tmp"))).toEqual([]);
  });

  it("refuses a token granted for another format, and a file open in a window", async () => {
    const win = shell.newWindow();
    shell.documents.open(shell.writeScorecard("plan.scorecard", "demo"), win);
    const wrong = await shell.call(win, "exportDocument", {
      file: await shell.saveToken(win, path.join(shell.dir, "a.xlsx"), "export-csv"),
      format: "xlsx",
    });
    expect(wrong.ok).toBe(false);
    expect(fs.existsSync(path.join(shell.dir, "a.xlsx"))).toBe(false);
    // A scorecard that happens to be named like a workbook, open in another window, is not replaced.
    const open = shell.writeScorecard("open.xlsx", "blank");
    shell.documents.open(open, shell.newWindow());
    const before = fs.readFileSync(open);
    const onOpen = await shell.call(win, "exportDocument", {
      file: await shell.saveToken(win, open, "export-xlsx"),
      format: "xlsx",
    });
    expect(onOpen).toMatchObject({ ok: false, error: { kind: "write-failed" } });
    expect(fs.readFileSync(open).equals(before)).toBe(true);
  });
});
