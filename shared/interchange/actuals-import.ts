/**
 * Actuals from a spreadsheet (CSV or XLSX, read by main into plain cells): guessing how its
 * columns map onto measures, periods and values, and planning the import as one batch operation
 * with every problem named by row and column. Nothing is applied here, and nothing in the file is
 * trusted: formulas are never evaluated, numbers must be plain, names must match the document.
 * The rules are described for users in docs/import.md.
 */
import { LIMITS } from "../domain/limits.ts";
import { quote } from "../domain/readable-path.ts";
import { readNumber } from "../domain/parse-number.ts";
import { actualProblem, CellTable } from "../domain/rules.ts";
import type { Measure, Period, ScorecardDocument } from "../domain/types.ts";
import { MAX_BATCH, type Operation } from "../operations/operation.ts";
import type { ImportEntry, ImportMapping, ImportProblem } from "./import-mapping.ts";
import { type Cell, cellText, type ImportFile, isFormula, percentText, type Sheet } from "./table.ts";

type HeaderColumn = "measureId" | "measureName" | "period" | "value" | "note";

/** Header names the reader recognizes (compared without case, spaces, dashes or underscores). */
const COLUMN_NAMES: Record<HeaderColumn, readonly string[]> = {
  measureId: ["measureid", "kpiid"],
  measureName: ["measure", "measurename", "kpi", "kpiname"],
  period: ["period", "periodlabel"],
  value: ["value", "actual", "actualvalue"],
  note: ["note", "notes", "comment"],
};

/**
 * Headers of the "columns" layout that describe the measure rather than name a period (the
 * workbook export writes some of them next to the periods); they are never period columns, even
 * when they contain a digit.
 */
const DESCRIPTIVE_HEADERS = new Set([
  ...COLUMN_NAMES.measureId,
  ...COLUMN_NAMES.measureName,
  ...COLUMN_NAMES.note,
  "id",
  "name",
  "unit",
  "perspective",
  "objective",
  "description",
  "owner",
  "kind",
  "direction",
  "method",
  "baseline",
  "target",
  "weight",
  "score",
  "status",
  "validrange",
  "min",
  "max",
]);

/** Problems kept in a plan; the rest are only counted (problemCount). */
export const MAX_PROBLEMS_KEPT = 1_000;
/** Rows searched for the header row. */
const HEADER_SEARCH_ROWS = 20;

/** Header names of a sheet of scores (the app's own Measures and Scorecard sheets): never guessed as actuals. */
const SCORE_HEADERS = new Set(["score", "status", "scoredvalue", "scoredperiod"]);
/** Header names quoted when no mapping is found; a hostile sheet may have 16,384. */
const HEADERS_QUOTED = 10;

export interface ImportPlan {
  /** Every new or changed value as one batch: one transaction and one undo step. */
  operation: Extract<Operation, { type: "batch" }>;
  /** Every value read without a problem, in sheet order (unchanged ones too). */
  entries: ImportEntry[];
  /** The first MAX_PROBLEMS_KEPT problems, in sheet order. */
  problems: ImportProblem[];
  /** All problems, kept or not. */
  problemCount: number;
  /** Data rows read (blank rows are skipped and not counted). */
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
}

/** The spreadsheet letter of a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A header cell as a key: lower case, without spaces, dashes or underscores. */
function headerKey(cell: Cell | undefined): string {
  return cellText(cell)
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, "");
}

function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

function blankRow(cells: readonly Cell[] | undefined): boolean {
  return !cells || cells.every(isBlank);
}

function hasScores(header: readonly Cell[]): boolean {
  return header.some((h) => SCORE_HEADERS.has(headerKey(h)));
}

function headerColumns(header: readonly Cell[]): Partial<Record<HeaderColumn, number>> {
  const out: Partial<Record<HeaderColumn, number>> = {};
  header.forEach((h, i) => {
    const key = headerKey(h);
    for (const [column, names] of Object.entries(COLUMN_NAMES) as Array<[HeaderColumn, readonly string[]]>) {
      if (names.includes(key) && out[column] === undefined) out[column] = i;
    }
  });
  return out;
}

/**
 * Periods by id, by label, by label in lower case, and by start date: a spreadsheet turns a typed
 * "2026-01" into a date, which main's reader gives as "2026-01-01", the period's start.
 */
function periodIndex(doc: ScorecardDocument): Map<string, Period> {
  const out = new Map<string, Period>();
  for (const p of doc.periods) out.set(p.start, p);
  for (const p of doc.periods) out.set(p.id, p);
  for (const p of doc.periods) out.set(p.label.toLowerCase(), p);
  for (const p of doc.periods) out.set(p.label, p);
  return out;
}

/** The period a label (any case) or id names; the exact spelling is tried first, as it is the common case. */
function findPeriod(periods: Map<string, Period>, text: string): Period | undefined {
  const t = text.trim();
  return periods.get(t) ?? periods.get(t.toLowerCase());
}

/**
 * The mapping a user most likely means, or null when no sheet has a header row naming a measure
 * column (or, for the "columns" layout, at least one period). Sheets are tried in order, one named
 * "Actuals" first; in each, the first non-blank row among the first 20 that names a measure column
 * is the header. A sheet with a score or status column above or in that row is a sheet of scores,
 * never guessed (the user may still map it by hand).
 */
export function guessMapping(file: ImportFile, doc: ScorecardDocument): ImportMapping | null {
  const order = file.sheets.map((_, i) => i);
  const actuals = order.findIndex((i) => file.sheets[i]?.name.trim().toLowerCase() === "actuals");
  if (actuals > 0) order.unshift(...order.splice(actuals, 1));
  const periods = periodIndex(doc);
  for (const index of order) {
    const sheet = file.sheets[index] as Sheet;
    const mapping = guessSheet(sheet, index, periods);
    if (mapping) return mapping;
  }
  return null;
}

function guessSheet(sheet: Sheet, index: number, periods: Map<string, Period>): ImportMapping | null {
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < last; r++) {
    const header = sheet.rows[r];
    if (!header || blankRow(header)) continue;
    // A sheet of scores (the app's Scorecard and Measures sheets) names measures, periods and
    // values too, but its values are not actuals; its rows below hold "measure" and period labels.
    if (hasScores(header)) return null;
    const named = headerColumns(header);
    const periodColumns = header.filter((h) => !isBlank(h) && findPeriod(periods, cellText(h)) !== undefined).length;
    let measureColumn = named.measureId ?? named.measureName;
    const measureBy = named.measureId !== undefined ? "id" : "name";
    if (measureColumn === undefined) {
      // A grid of periods whose first column has no header: that column names the measures.
      if (periodColumns === 0 || !isBlank(header[0])) continue;
      measureColumn = 0;
    }
    const base = { sheet: index, headerRow: r, measureColumn, measureBy } as const;
    if (named.period !== undefined && named.value !== undefined) {
      return {
        ...base,
        layout: "rows",
        periodColumn: named.period,
        valueColumn: named.value,
        noteColumn: named.note ?? null,
      };
    }
    if (periodColumns > 0) {
      return { ...base, layout: "columns", periodColumn: null, valueColumn: null, noteColumn: null };
    }
    // The first row naming a measure is the header; a sheet whose header fits no layout is not actuals.
    return null;
  }
  return null;
}

/**
 * Why guessMapping found no mapping, in words for the user: the file is empty, or its first
 * non-blank row lacks the columns either layout needs.
 */
export function whyNoMapping(file: ImportFile): string {
  const sheet = file.sheets.find((s) => s.rows.some((r) => !blankRow(r)));
  if (!sheet) return "the file is empty: expected a header row with measure, period and value";
  const header = sheet.rows.find((r) => !blankRow(r)) ?? [];
  const named = headerColumns(header);
  const where = file.sheets.length > 1 ? ` of sheet ${quote(sheet.name)}` : "";
  const missing: string[] = [];
  if (named.measureId === undefined && named.measureName === undefined) missing.push("measure");
  if (named.period === undefined) missing.push("period");
  if (named.value === undefined) missing.push("value");
  if (hasScores(header)) {
    return `the header row${where} names score or status columns: the sheet holds scores, not actuals (choose its columns by hand if its values are actuals)`;
  }
  const names = header.filter((h) => !isBlank(h)).map((h) => quote(cellText(h)));
  const more = names.length > HEADERS_QUOTED ? `, … ${names.length - HEADERS_QUOTED} more` : "";
  return `no ${missing.join(", ")} column, and no column named after a period (the header row${where} names: ${names.slice(0, HEADERS_QUOTED).join(", ")}${more})`;
}

/** What is wrong with the mapping itself, or null. */
function mappingProblem(file: ImportFile, m: ImportMapping): string | null {
  const sheet = file.sheets[m.sheet];
  if (!Number.isInteger(m.sheet) || !sheet) return `there is no sheet ${m.sheet + 1} in the file`;
  if (!Number.isInteger(m.headerRow) || m.headerRow < 0 || m.headerRow >= sheet.rows.length) {
    return `the header row ${m.headerRow + 1} is not in sheet ${quote(sheet.name)} (it has ${sheet.rows.length} rows)`;
  }
  let width = 0;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  const used: Array<[string, number | null]> = [["measure", m.measureColumn]];
  if (m.layout === "rows") {
    if (m.periodColumn === null) return "choose the column that holds the period";
    if (m.valueColumn === null) return "choose the column that holds the value";
    used.push(["period", m.periodColumn], ["value", m.valueColumn], ["note", m.noteColumn]);
  }
  const seen = new Map<number, string>();
  for (const [what, at] of used) {
    if (at === null) continue;
    if (!Number.isInteger(at) || at < 0 || at >= width) {
      return `the ${what} column is outside the sheet (it has ${width} columns)`;
    }
    const other = seen.get(at);
    if (other) return `column ${columnLetter(at)} cannot be both the ${other} and the ${what} column`;
    seen.set(at, what);
  }
  return null;
}

/** Reads the mapped sheet against the document and plans the import; nothing is applied here. */
export function planImport(
  file: ImportFile,
  mapping: ImportMapping,
  doc: ScorecardDocument,
  label = "Import actuals",
): ImportPlan {
  const planner = new Planner(doc, label);
  const wrong = mappingProblem(file, mapping);
  if (wrong) {
    planner.problem(0, null, wrong);
    return planner.plan;
  }
  const sheet = file.sheets[mapping.sheet] as Sheet;
  const header = sheet.rows[mapping.headerRow] ?? [];
  planner.nameMeasures(mapping, header);
  if (mapping.layout === "rows") readRows(planner, sheet, mapping);
  else readColumns(planner, sheet, header, mapping);
  return planner.plan;
}

/** The plan being built, and the document's measures, periods and actuals indexed to build it fast. */
class Planner {
  readonly plan: ImportPlan;
  readonly periods: Map<string, Period>;
  private readonly doc: ScorecardDocument;
  private readonly byId: Map<string, Measure>;
  private readonly byName = new Map<string, Measure[]>();
  // Measure × period as one number (m * periods + p): hundreds of thousands of lookups stay cheap.
  private readonly measureAt: Map<string, number>;
  private readonly periodAt: Map<string, number>;
  private readonly width: number;
  /** 1 + the index of the actual the document holds for each cell. */
  private readonly existing: CellTable;
  /** The row that set each cell. */
  private readonly seen: CellTable;
  private measureColumn = 0;
  private measureBy: ImportMapping["measureBy"] = "name";
  private nameColumn: number | undefined;

  constructor(doc: ScorecardDocument, label: string) {
    this.plan = {
      operation: { type: "batch", label, operations: [] },
      entries: [],
      problems: [],
      problemCount: 0,
      rows: 0,
      added: 0,
      changed: 0,
      unchanged: 0,
    };
    this.doc = doc;
    this.periods = periodIndex(doc);
    this.byId = new Map(doc.measures.map((m) => [m.id, m]));
    for (const m of doc.measures) {
      const key = m.name.toLowerCase();
      const group = this.byName.get(key);
      if (group) group.push(m);
      else this.byName.set(key, [m]);
    }
    this.measureAt = new Map(doc.measures.map((m, i) => [m.id, i]));
    this.periodAt = new Map(doc.periods.map((p, i) => [p.id, i]));
    this.width = doc.periods.length;
    this.existing = new CellTable(doc.measures.length * this.width);
    this.seen = new CellTable(doc.measures.length * this.width);
    doc.actuals.forEach((a, i) => {
      const m = this.measureAt.get(a.measureId);
      const p = this.periodAt.get(a.periodId);
      if (m !== undefined && p !== undefined) this.existing.set(m * this.width + p, i + 1);
    });
  }

  /** Counts a problem; keeps the first MAX_PROBLEMS_KEPT. */
  problem(row: number, column: number | null, message: string): void {
    this.plan.problemCount++;
    if (this.plan.problems.length < MAX_PROBLEMS_KEPT) {
      this.plan.problems.push({ row, column: column === null ? null : columnLetter(column), message });
    }
  }

  /** Where rows name their measure, and how. */
  nameMeasures(mapping: ImportMapping, header: readonly Cell[]): void {
    this.measureColumn = mapping.measureColumn;
    this.measureBy = mapping.measureBy;
    // Rows added by hand under an export often leave measure_id blank: the measure's name, when the
    // header has a column for it, names the measure then.
    const named = headerColumns(header).measureName;
    this.nameColumn = mapping.measureBy === "id" && named !== mapping.measureColumn ? named : undefined;
  }

  /** The measure a row names, or the problem with it. */
  measureOf(cells: readonly Cell[]): Measure | string {
    let cell = cells[this.measureColumn];
    let by = this.measureBy;
    if (isBlank(cell) && this.nameColumn !== undefined && !isBlank(cells[this.nameColumn])) {
      cell = cells[this.nameColumn];
      by = "name";
    }
    if (isFormula(cell)) return formulaMessage(cell, "measure");
    const text = cellText(cell);
    if (text === "") return "no measure given";
    if (by === "id") return this.byId.get(text) ?? `unknown measure id ${quote(text)}`;
    const named = this.byName.get(text.toLowerCase()) ?? [];
    if (named.length > 1) return `${quote(text)} names ${named.length} measures; give the measure id`;
    return named[0] ?? `unknown measure ${quote(text)}`;
  }

  /** The value a cell holds for the measure, or what is wrong with it. */
  valueOf(measure: Measure, period: Period, cell: Cell | undefined): number | string {
    const value = numberOf(cell, measure.unit);
    if (typeof value === "string") {
      return value === "" ? `no value for ${quote(measure.name)} in ${quote(period.label)}` : value;
    }
    const outOfRange = actualProblem(measure, value);
    return outOfRange ? `value ${value} for ${quote(measure.name)}: ${outOfRange}` : value;
  }

  /** Adds one value to the plan; returns the row that already set its cell, as a message, or null. */
  add(row: number, measure: Measure, period: Period, value: number, note?: string): string | null {
    const key = (this.measureAt.get(measure.id) as number) * this.width + (this.periodAt.get(period.id) as number);
    const first = this.seen.get(key);
    if (first !== 0) return `${quote(measure.name)} in ${quote(period.label)} is also in row ${first}`;
    this.seen.set(key, row);
    const plan = this.plan;
    const before = this.doc.actuals[this.existing.get(key) - 1];
    const same = before !== undefined && before.value === value && (note === undefined || before.note === note);
    const status = same ? "unchanged" : before ? "changed" : "new";
    plan.entries.push({
      row,
      measureId: measure.id,
      periodId: period.id,
      value,
      before: before?.value ?? null,
      status,
    });
    if (status === "unchanged") {
      plan.unchanged++;
      return null;
    }
    if (status === "changed") plan.changed++;
    else plan.added++;
    const set: Operation = { type: "actual.set", measureId: measure.id, periodId: period.id, value };
    if (note !== undefined) set.note = note;
    plan.operation.operations.push(set);
    return null;
  }
}

/**
 * Calls `fn` with each non-blank row from index `first` on and its spreadsheet row number;
 * returns how many there were.
 */
function eachDataRow(sheet: Sheet, first: number, fn: (cells: readonly Cell[], row: number) => void): number {
  let count = 0;
  for (let r = first; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] as Cell[];
    if (blankRow(cells)) continue;
    count++;
    fn(cells, r + 1);
  }
  return count;
}

/** "rows": one value per row, its measure, period, value and note each in a column of its own. */
function readRows(planner: Planner, sheet: Sheet, mapping: ImportMapping): void {
  const { measureColumn, noteColumn } = mapping;
  const periodColumn = mapping.periodColumn as number;
  const valueColumn = mapping.valueColumn as number;
  const first = mapping.headerRow + 1;
  const count = eachDataRow(sheet, first, () => {});
  if (count > MAX_BATCH) {
    planner.problem(0, null, `${count} rows is more than the ${MAX_BATCH} one import may hold`);
    return;
  }
  planner.plan.rows = eachDataRow(sheet, first, (cells, row) => {
    const measure = planner.measureOf(cells);
    if (typeof measure === "string") return planner.problem(row, measureColumn, measure);
    const period = periodOf(planner.periods, cells[periodColumn]);
    if (typeof period === "string") return planner.problem(row, periodColumn, period);
    const value = planner.valueOf(measure, period, cells[valueColumn]);
    if (typeof value === "string") return planner.problem(row, valueColumn, value);
    const note = noteColumn === null ? undefined : cellText(cells[noteColumn]);
    if (note !== undefined && note.length > LIMITS.textMax) {
      return planner.problem(
        row,
        noteColumn,
        `the note has ${note.length} characters; at most ${LIMITS.textMax} are allowed`,
      );
    }
    const duplicate = planner.add(row, measure, period, value, note);
    if (duplicate) planner.problem(row, valueColumn, duplicate);
  });
}

/** "columns": the header row names the periods; other headers are the measure's own columns. */
function readColumns(planner: Planner, sheet: Sheet, header: readonly Cell[], mapping: ImportMapping): void {
  const first = mapping.headerRow + 1;
  const periodColumns: Array<{ column: number; period: Period }> = [];
  const periodColumn = new Map<string, number>();
  header.forEach((h, column) => {
    if (column === mapping.measureColumn || isBlank(h)) return;
    const text = cellText(h).trim();
    const period = isFormula(h) ? undefined : findPeriod(planner.periods, text);
    if (period) {
      const other = periodColumn.get(period.id);
      if (other !== undefined) {
        planner.problem(first, column, `period ${quote(period.label)} is also in column ${columnLetter(other)}`);
        return;
      }
      periodColumn.set(period.id, column);
      periodColumns.push({ column, period });
    } else if (/\d/.test(text) && !DESCRIPTIVE_HEADERS.has(headerKey(h))) {
      // Looks like a period but is none of the document's: say so rather than drop its values quietly.
      planner.problem(first, column, `unknown period ${quote(text)}; its column is not imported`);
    }
  });
  if (periodColumns.length === 0) {
    planner.problem(0, null, `the header row ${first} names none of the document's periods`);
    return;
  }
  let values = 0;
  eachDataRow(sheet, first, (cells) => {
    for (const { column } of periodColumns) if (!isBlank(cells[column])) values++;
  });
  if (values > MAX_BATCH) {
    planner.problem(0, null, `${values} values is more than the ${MAX_BATCH} one import may hold`);
    return;
  }
  planner.plan.rows = eachDataRow(sheet, first, (cells, row) => {
    const measure = planner.measureOf(cells);
    if (typeof measure === "string") {
      // A row with no value in any period column (a subtotal, a comment line) is not an error.
      if (periodColumns.every(({ column }) => isBlank(cells[column]))) return;
      return planner.problem(row, mapping.measureColumn, measure);
    }
    for (const { column, period } of periodColumns) {
      const cell = cells[column];
      if (isBlank(cell)) continue;
      const value = planner.valueOf(measure, period, cell);
      const message = typeof value === "string" ? value : planner.add(row, measure, period, value);
      if (message) planner.problem(row, column, message);
    }
  });
}

function periodOf(periods: Map<string, Period>, cell: Cell | undefined): Period | string {
  if (isFormula(cell)) return formulaMessage(cell, "period");
  const text = cellText(cell).trim();
  if (text === "") return "no period given";
  return findPeriod(periods, text) ?? `unknown period ${quote(text)}`;
}

function formulaMessage(cell: { formula: string }, what: string): string {
  return `${quote(cellText(cell))} is a formula; formulas are not evaluated, so type the ${what} itself`;
}

/**
 * The number a value cell holds, "" when it is blank, or why it is not a number. Text is read as
 * the actuals grid reads what is typed into it (shared/domain/parse-number.ts), for the measure's
 * `unit`.
 */
function numberOf(cell: Cell | undefined, unit: string): number | string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "boolean") return `${quote(cell ? "TRUE" : "FALSE")} is not a number`;
  if (typeof cell === "object") {
    if (isFormula(cell)) return `${quote(cellText(cell))} is a formula; only numbers are imported`;
    // 0.995 shown as 99.5 %: which of the two the measure means is not guessed.
    const shown = percentText(cell.percent);
    return `${quote(shown)} is formatted as a percentage, so the cell holds ${cell.percent}; type the number meant (${shown.slice(0, -1)} or ${cell.percent}) in a cell formatted as a number`;
  }
  let value: number;
  let shown: string;
  if (typeof cell === "number") {
    value = cell;
    shown = String(cell);
  } else {
    shown = cellText(cell);
    if (shown === "") return "";
    if (/^[=@]/.test(shown)) return `${quote(shown)} is a formula; only numbers are imported`;
    value = readNumber(shown, unit) ?? Number.NaN;
  }
  if (!Number.isFinite(value)) return `${quote(shown)} is not a number`;
  if (Math.abs(value) > LIMITS.maxAbsNumber) return `${quote(shown)} is beyond ±${LIMITS.maxAbsNumber}`;
  return value;
}
