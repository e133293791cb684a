/**
 * How the columns of an imported sheet map onto actuals (SPEC §5 "import of actuals with a
 * preview and row-level errors"). Two layouts are read:
 * - "rows": one row per measure × period, with a period column and a value column (the CSV
 *   `export --format csv` writes, and most exports from other tools);
 * - "columns": one row per measure, one column per period, the header row naming the periods by
 *   label (the workbook's Actuals sheet, and the way people keep actuals in a spreadsheet).
 * Columns are 0-based indexes into the sheet's rows; rows in messages are numbered as the
 * spreadsheet numbers them (the first row is row 1).
 */

export type ImportLayout = "rows" | "columns";
/** How the measure column names a measure: by its id or by its name (case-insensitive). */
export type MeasureKey = "id" | "name";

export interface ImportMapping {
  /** Index into ImportFile.sheets. */
  sheet: number;
  /** Index of the header row in the sheet's rows; data starts on the row after it. */
  headerRow: number;
  layout: ImportLayout;
  measureColumn: number;
  measureBy: MeasureKey;
  /** "rows" layout: the column holding the period label. */
  periodColumn: number | null;
  /** "rows" layout: the column holding the value. */
  valueColumn: number | null;
  /** "rows" layout, optional: a note column (without one, existing notes are kept). */
  noteColumn: number | null;
}

/** What happens to one imported value. */
export type ImportStatus = "new" | "changed" | "unchanged";

/** One value the import would write (or leave as it is). */
export interface ImportEntry {
  /** Spreadsheet row number. */
  row: number;
  measureId: string;
  periodId: string;
  value: number;
  /** The value the file holds now, or null when there is none. */
  before: number | null;
  status: ImportStatus;
}

export interface ImportProblem {
  /** Spreadsheet row number; 0 for the whole file. */
  row: number;
  /** The spreadsheet column letter of the cell at fault ("C"), in either layout; null for the whole file or row. */
  column: string | null;
  message: string;
}
