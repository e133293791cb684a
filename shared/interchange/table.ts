/**
 * A spreadsheet as plain cells: what main's readers make of an imported CSV or XLSX file
 * (electron/interchange/), and what the actuals importer maps and checks
 * (shared/interchange/actuals-import.ts). Nothing here is trusted yet.
 */
import { unguard } from "./csv-text.ts";

/**
 * One cell: text, a number, a boolean, empty, a formula (kept as its text so the importer can
 * name it in a row's error: formulas are never evaluated or imported), or a number the sheet
 * formats as a percentage (`percent` is the number the cell holds: 0.995 for a cell showing
 * 99.5 %; the importer asks which number is meant rather than guess).
 */
export type Cell = string | number | boolean | null | { formula: string } | { percent: number };

/** A formula cell (never evaluated). */
export function isFormula(cell: Cell | undefined): cell is { formula: string } {
  return typeof cell === "object" && cell !== null && "formula" in cell;
}

/** A number a percentage format shows 100 times larger: "99.5%" for 0.995. */
export function percentText(value: number): string {
  return `${Number((value * 100).toPrecision(12))}%`;
}

/**
 * A cell as the user sees it and as the importer reads it (one function, so that the preview
 * shows the text a row's problem quotes): trimmed, CSV-guarded text without its apostrophe, a
 * formula as "=…", a percentage as the spreadsheet shows it; "" when empty.
 */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") {
    const text = cell.trim();
    // Only text written with the CSV formula guard starts with an apostrophe (fast path for the rest).
    return text.charCodeAt(0) === 39 ? unguard(text) : text;
  }
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  if ("percent" in cell) return percentText(cell.percent);
  return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
}

export interface Sheet {
  /** The sheet's name (a CSV file has one sheet, named after the file). */
  name: string;
  /** Rows top to bottom as the spreadsheet numbers them: rows[0] is row 1. */
  rows: Cell[][];
}

/** An import file as main read it. */
export interface ImportFile {
  fileName: string;
  sheets: Sheet[];
}
