/**
 * The Import Actuals dialog's form, without React: what the controls hold, the columns the selects
 * offer (named after the header row's cells), the rows the sheet preview shows, the guess the
 * form opens with, and how the form becomes an ImportMapping for the planner
 * (shared/interchange/actuals-import.ts).
 */
import { quote, shortText } from "../../../shared/domain/readable-path.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { columnLetter, guessMapping, whyNoMapping } from "../../../shared/interchange/actuals-import.ts";
import type { ImportLayout, ImportMapping, MeasureKey } from "../../../shared/interchange/import-mapping.ts";
import { type Cell, cellText, type ImportFile, type Sheet } from "../../../shared/interchange/table.ts";

/**
 * What the mapping controls hold. Unlike ImportMapping, the "rows" layout's columns are always
 * set, so switching the layout back and forth keeps the user's choices.
 */
export interface MappingForm {
  sheet: number;
  headerRow: number;
  layout: ImportLayout;
  measureColumn: number;
  measureBy: MeasureKey;
  periodColumn: number;
  valueColumn: number;
  noteColumn: number | null;
}

/** How many rows are scanned for the sheet's width: enough for any real header, cheap on 100,000 rows. */
const WIDTH_SCAN_ROWS = 1000;
/** Column selects and the preview grid list at most this many columns (a hostile sheet may have 16,384). */
export const MAX_COLUMNS = 200;

/** The number of columns the sheet uses near its top (where the header and the first rows are). */
export function sheetWidth(sheet: Sheet): number {
  let width = 0;
  const rows = Math.min(sheet.rows.length, WIDTH_SCAN_ROWS);
  for (let i = 0; i < rows; i++) width = Math.max(width, sheet.rows[i]?.length ?? 0);
  return width;
}

export interface ColumnChoice {
  index: number;
  /** "B · Measure": the letter, and the header cell's text when there is one. */
  label: string;
}

/** The columns a select offers: each with its letter and what the header row calls it. */
export function columnChoices(sheet: Sheet, headerRow: number): ColumnChoice[] {
  const header = sheet.rows[headerRow] ?? [];
  const count = Math.min(Math.max(sheetWidth(sheet), 1), MAX_COLUMNS);
  const out: ColumnChoice[] = [];
  for (let index = 0; index < count; index++) {
    const name = shortText(cellText(header[index]), 40);
    out.push({ index, label: name ? `${columnLetter(index)} · ${name}` : columnLetter(index) });
  }
  return out;
}

/** Keeps a column inside the columns a select offers. */
function within(column: number, width: number): number {
  return Math.min(Math.max(0, column), Math.max(0, Math.min(width, MAX_COLUMNS) - 1));
}

/**
 * The form for a sheet nobody recognised: the header on the first row, then measure, period and
 * value in the first three columns (the order `scorecard export --format csv` writes, less its id).
 */
export function defaultForm(file: ImportFile, sheet: number): MappingForm {
  const width = sheetWidth(file.sheets[sheet] ?? { name: "", rows: [] });
  return {
    sheet,
    headerRow: 0,
    layout: "rows",
    measureColumn: 0,
    measureBy: "name",
    periodColumn: within(1, width),
    valueColumn: within(2, width),
    noteColumn: null,
  };
}

/** The form a guessed mapping fills; columns the guess leaves open keep the defaults. */
export function formOf(mapping: ImportMapping, file: ImportFile): MappingForm {
  const base = defaultForm(file, mapping.sheet);
  return {
    sheet: mapping.sheet,
    headerRow: mapping.headerRow,
    layout: mapping.layout,
    measureColumn: mapping.measureColumn,
    measureBy: mapping.measureBy,
    periodColumn: mapping.periodColumn ?? base.periodColumn,
    valueColumn: mapping.valueColumn ?? base.valueColumn,
    noteColumn: mapping.noteColumn,
  };
}

/** What the planner reads: the "columns" layout names no period, value or note column. */
export function mappingOf(form: MappingForm): ImportMapping {
  const rows = form.layout === "rows";
  return {
    sheet: form.sheet,
    headerRow: form.headerRow,
    layout: form.layout,
    measureColumn: form.measureColumn,
    measureBy: form.measureBy,
    periodColumn: rows ? form.periodColumn : null,
    valueColumn: rows ? form.valueColumn : null,
    noteColumn: rows ? form.noteColumn : null,
  };
}

/**
 * Reads the header-row field (numbered from 1, as the spreadsheet numbers rows) into a row index,
 * or null while it holds something that is not a row of the sheet (the user is still typing).
 */
export function headerRowOf(text: string, rowCount: number): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= Math.max(rowCount, 1) ? n - 1 : null;
}

/** The rows the sheet preview shows: a few above the header row (to find it), and the first data rows. */
export function previewRange(sheet: Sheet, headerRow: number, count = 10): { first: number; rows: Cell[][] } {
  const first = Math.max(0, Math.min(headerRow - 2, sheet.rows.length - count));
  return { first, rows: sheet.rows.slice(first, first + count) };
}

/** The undo step's name: the file it came from, kept short and on one line. */
export function importLabel(fileName: string): string {
  return `Import ${quote(fileName)}`;
}

export interface Guess {
  form: MappingForm;
  /** Why the columns were not recognised (then the form holds the defaults), or null. */
  unrecognised: string | null;
}

/**
 * The form a file opens with: the planner's guess, over the whole file or over one sheet the user
 * picked; the defaults and the reason when nothing fits.
 */
export function guessForm(file: ImportFile, doc: ScorecardDocument, sheet?: number): Guess {
  const only = sheet === undefined ? file : { fileName: file.fileName, sheets: file.sheets.slice(sheet, sheet + 1) };
  const guess = guessMapping(only, doc);
  if (guess) return { form: formOf({ ...guess, sheet: sheet ?? guess.sheet }, file), unrecognised: null };
  return { form: defaultForm(file, sheet ?? 0), unrecognised: whyNoMapping(only) };
}
