/**
 * The XLSX workbook export (issue 8): the tables of shared/interchange/workbook-tables.ts, one
 * sheet each, written with exceljs's streaming writer so the large scorecard (10,000 measures ×
 * 36 periods) is written row by row instead of held as a full cell model.
 *
 * Numbers are written as numbers with a number format by column kind (percent for scores, the
 * scorecard's currency for money, dates as dates); the header row is bold, frozen and carries an
 * auto-filter; status cells are filled green, amber or red and keep the word, so colour is never
 * the only signal. Text from the document is untrusted: it is only ever written as a string cell
 * (exceljs writes formulas only from `{ formula }` values), so a name like "=HYPERLINK(…)" stays
 * text. Control characters, which XML cannot hold, are dropped by exceljs's XML encoder.
 */
import { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./exceljs.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import type { Status } from "../../shared/scoring/status.ts";
import {
  type ColumnKind,
  type Table,
  type WorkbookTables,
  workbookTables,
} from "../../shared/interchange/workbook-tables.ts";

const WORKBOOK_CREATOR = "Scorecard Studio";

/** Fills and font colours of the status cells: Excel's own Good / Neutral / Bad cell styles. */
export const STATUS_COLOURS: Readonly<Record<Exclude<Status, "none">, { fill: string; font: string }>> = {
  green: { fill: "FFC6EFCE", font: "FF006100" },
  amber: { fill: "FFFFEB9C", font: "FF9C5700" },
  red: { fill: "FFFFC7CE", font: "FF9C0006" },
};

/** Excel number formats by column kind (money's depends on the currency: moneyFormat). */
export const NUMBER_FORMATS = {
  integer: "0",
  fraction: "0.0%",
  change: "+0.0%;-0.0%;0.0%",
  date: "yyyy-mm-dd",
} as const;

/** Columns are sized from at most this many rows: enough to see the usual lengths, cheap on 10,000. */
const WIDTH_SAMPLE = 500;
const MAX_WIDTH = 60;

/** The workbook of `doc` as XLSX bytes. */
export async function documentToXlsx(doc: ScorecardDocument): Promise<Buffer> {
  return writeWorkbook(workbookTables(doc));
}

async function writeWorkbook(book: WorkbookTables): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const finished = new Promise<void>((resolve, reject) => {
    sink.on("finish", resolve);
    sink.on("error", reject);
  });
  const excel = await loadExcelJs();
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  workbook.creator = WORKBOOK_CREATOR;
  workbook.lastModifiedBy = WORKBOOK_CREATOR;
  workbook.title = book.title;
  workbook.subject = book.period === null ? "Scorecard" : `Scorecard, period ${book.period}`;
  // exceljs's streaming writer leaves out the company (app.xml); the description carries it instead.
  if (book.organization) workbook.description = book.organization;
  const styles = new Styles(book.currency);
  for (const table of book.tables) writeSheet(workbook, table, styles);
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, table: Table, styles: Styles): void {
  const { columns, rows, tree } = table;
  const sheet = workbook.addWorksheet(table.sheet, {
    views: [{ state: "frozen", ySplit: 1, xSplit: 0 }],
    // The scorecard's tree rows are grouped under their parent, which sits above them.
    properties: { outlineProperties: { summaryBelow: false, summaryRight: false } },
  });
  sheet.columns = columns.map((c, i) => ({ width: widthOf(c.header, c.kind, rows, i) }));
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }

  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.style = styles.header;
  });
  header.commit();

  const cellStyles = columns.map((c) => styles.of(c.kind));
  rows.forEach((values, r) => {
    const row = sheet.addRow(values.map((v, c) => cellValue(v, columns[c]?.kind ?? "text")));
    const d = tree?.depth[r];
    if (d !== undefined && d > 1) row.outlineLevel = d - 1;
    for (let c = 0; c < values.length; c++) {
      const value = values[c];
      if (value === null || value === undefined) continue;
      const kind = columns[c]?.kind ?? "text";
      const cell = row.getCell(c + 1);
      if (kind === "status") cell.style = styles.status(value as Status);
      else if (c === tree?.column && d !== undefined) cell.style = styles.tree(d);
      else cell.style = cellStyles[c] as Partial<ExcelJS.Style>;
    }
    row.commit();
  });
  sheet.commit();
}

/** Dates become Date cells (UTC midnight, as exceljs converts them to Excel's serial days). */
function cellValue(value: string | number | null | undefined, kind: ColumnKind): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return new Date(`${value}T00:00:00Z`);
  }
  return value;
}

/** Characters a number takes as formatted: General shows at most 11 of a long fraction; money adds symbol and commas. */
function numberWidth(v: number, kind: ColumnKind): number {
  if (kind === "money") return Math.round(Math.abs(v)).toLocaleString("en-US").length + 4;
  if (kind === "number") return Math.min(11, String(v).length);
  return 8; // a percent, a change, an integer count
}

/** About the width of the longest header or value in the first rows, in characters. */
function widthOf(header: string, kind: ColumnKind, rows: readonly (readonly unknown[])[], c: number): number {
  const numeric = kind !== "text" && kind !== "status" && kind !== "date";
  let longest = header.length;
  for (let r = 0; r < Math.min(rows.length, WIDTH_SAMPLE); r++) {
    const v = rows[r]?.[c];
    if (typeof v === "string") longest = Math.max(longest, v.length);
    else if (typeof v === "number") longest = Math.max(longest, numberWidth(v, kind));
  }
  return Math.min(MAX_WIDTH, Math.max(numeric ? 10 : 8, longest + 2));
}

/** The workbook's default font: a font that names only a colour or bold would leave size and face to chance. */
const FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, size: 11 };

/**
 * One style object per kind of cell, shared by every cell of that kind: exceljs caches a style's
 * id by the object, so sharing them keeps 400,000 cells from each building their style anew.
 */
class Styles {
  readonly header: Partial<ExcelJS.Style> = {
    font: { ...FONT, bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } },
    border: { bottom: { style: "thin", color: { argb: "FF808080" } } },
    alignment: { vertical: "middle" },
  };
  private readonly kinds: Record<ColumnKind, Partial<ExcelJS.Style>>;
  private readonly statuses: Record<Status, Partial<ExcelJS.Style>>;
  private readonly treeRows: Partial<ExcelJS.Style>[];

  constructor(currency: string) {
    this.kinds = {
      text: {},
      status: {},
      number: {},
      integer: { numFmt: NUMBER_FORMATS.integer },
      fraction: { numFmt: NUMBER_FORMATS.fraction },
      change: { numFmt: NUMBER_FORMATS.change },
      money: { numFmt: moneyFormat(currency) },
      date: { numFmt: NUMBER_FORMATS.date },
    };
    const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
    this.statuses = {
      green: { fill: fill(STATUS_COLOURS.green.fill), font: { ...FONT, color: { argb: STATUS_COLOURS.green.font } } },
      amber: { fill: fill(STATUS_COLOURS.amber.fill), font: { ...FONT, color: { argb: STATUS_COLOURS.amber.font } } },
      red: { fill: fill(STATUS_COLOURS.red.fill), font: { ...FONT, color: { argb: STATUS_COLOURS.red.font } } },
      none: { font: { ...FONT, color: { argb: "FF595959" } } },
    };
    // Overall and perspectives bold; each level below indented one step further.
    this.treeRows = [0, 1, 2, 3].map((d) => ({
      ...(d <= 1 ? { font: { ...FONT, bold: true } } : {}),
      ...(d > 1 ? { alignment: { indent: d - 1 } } : {}),
    }));
  }

  of(kind: ColumnKind): Partial<ExcelJS.Style> {
    return this.kinds[kind];
  }

  status(status: Status): Partial<ExcelJS.Style> {
    return this.statuses[status] ?? this.statuses.none;
  }

  tree(depth: number): Partial<ExcelJS.Style> {
    return this.treeRows[Math.min(depth, this.treeRows.length - 1)] as Partial<ExcelJS.Style>;
  }
}

/**
 * An Excel format for whole amounts in `currency`, with the symbol where en-US writes it (the
 * locale the app shows money in, shared/display/numbers.ts): USD → "$"#,##0, CHF → "CHF "#,##0.
 */
export function moneyFormat(currency: string): string {
  const parts = new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).formatToParts(
    1,
  );
  const at = parts.findIndex((p) => p.type === "integer");
  const quoted = (list: Intl.NumberFormatPart[]) => {
    const text = list
      .filter((p) => p.type === "currency" || p.type === "literal")
      .map((p) => p.value)
      .join("");
    return text === "" ? "" : `"${text.replaceAll('"', "")}"`;
  };
  return `${quoted(parts.slice(0, at))}#,##0${quoted(parts.slice(at + 1))}`;
}
