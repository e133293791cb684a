/**
 * CSV text as a sheet of cells (csvSheet), which the spreadsheet importer maps and checks like
 * any XLSX sheet (shared/interchange/actuals-import.ts): one reader, whatever the file type. The
 * CSV the app writes (`scorecard export --format csv`, shared/interchange/csv-text.ts) reads back
 * through it.
 */
import Papa from "papaparse";
import type { Sheet } from "./table.ts";

/** Bounds on what csvSheet reads; main's reader sets them (docs/import.md "Limits"). */
export interface SheetLimits {
  rows: number;
  cells: number;
  /** Characters in one cell. */
  cellChars: number;
}

const UNLIMITED: SheetLimits = { rows: Infinity, cells: Infinity, cellChars: Infinity };

/**
 * Characters the delimiter is guessed from. Papa's own guess parses the text once per candidate
 * delimiter; on the whole of a hostile file (60 MB of quotes) that took most of a minute.
 */
export const DELIMITER_SAMPLE = 64 * 1024;

export type CsvRead = { ok: true; sheet: Sheet } | { ok: false; message: string };

/**
 * Parses CSV text into a sheet of text cells. Blank rows are kept so that row numbers match the
 * spreadsheet's; the delimiter is detected (comma, semicolon, tab…) from the first
 * DELIMITER_SAMPLE characters. Unbalanced quotes, or more than `limits` allow, make the whole
 * text unreadable: the message says why. More lines than `limits.rows` are refused before any
 * parsing (a line break inside a quoted cell counts as a line there).
 */
export function csvSheet(csv: string, name: string, limits: Partial<SheetLimits> = {}): CsvRead {
  const max = { ...UNLIMITED, ...limits };
  // The line end after the last row ends that row; it opens no row of its own (a spreadsheet shows none).
  const text = csv.replace(/(\r\n|\r|\n)$/, "");
  if (moreLinesThan(text, max.rows)) return { ok: false, message: `the file has more than ${max.rows} rows` };
  const delimiter = guessDelimiter(text);
  const rows: string[][] = [];
  let cells = 0;
  let stop: string | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    // Row by row, so that a file over the limits is dropped before it is all in memory.
    step(result, parser) {
      if (stop) return;
      cells += result.data.length;
      stop = rowProblem(result.data, result.errors, rows.length + 1, cells, max);
      if (stop) parser.abort();
      else rows.push(result.data);
    },
  });
  return stop ? { ok: false, message: stop } : { ok: true, sheet: { name, rows } };
}

/** The delimiter Papa guesses from the start of the text (a comma when it cannot tell). */
function guessDelimiter(text: string): string {
  const sample = text.length > DELIMITER_SAMPLE ? text.slice(0, DELIMITER_SAMPLE) : text;
  return Papa.parse<string[]>(sample, { preview: 10 }).meta.delimiter || ",";
}

/**
 * Whether the text has more than `max` lines, counted as the parser counts rows (a line end at
 * the very end opens one more, empty, row): by LF, or by CR in a text without LF.
 */
function moreLinesThan(text: string, max: number): boolean {
  if (!Number.isFinite(max)) return false;
  const end = text.includes("\n") ? "\n" : "\r";
  let lines = 1;
  for (let at = text.indexOf(end); at !== -1; at = text.indexOf(end, at + 1)) {
    if (++lines > max) return true;
  }
  return false;
}

/** Why one parsed row makes the whole text unreadable, or null. */
function rowProblem(
  data: readonly string[],
  errors: readonly Papa.ParseError[],
  row: number,
  cells: number,
  max: SheetLimits,
): string | null {
  const quotes = errors.find((e) => e.type === "Quotes");
  if (quotes) return `the file is not valid CSV: ${quotes.message.toLowerCase()} (row ${row})`;
  if (row > max.rows) return `the file has more than ${max.rows} rows`;
  if (cells > max.cells) return `the file has more than ${max.cells} cells`;
  const long = data.findIndex((c) => c.length > max.cellChars);
  if (long === -1) return null;
  const size = (data[long] as string).length;
  return `row ${row}, column ${long + 1} holds ${size} characters; a cell may hold at most ${max.cellChars}`;
}
