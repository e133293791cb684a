/**
 * Writing CSV that spreadsheets open safely: any table of the export model
 * (shared/interchange/workbook-tables.ts) as CSV, text that a spreadsheet would run as a formula
 * written with a leading apostrophe (and read back without it by `unguard`), numbers unformatted.
 * The long form of the actuals, the one `scorecard import-actuals` reads, is the "actuals-list" table.
 */
import Papa from "papaparse";
import type { Table } from "./workbook-tables.ts";

/**
 * A table as CSV: RFC 4180 quoting, CRLF line ends (what spreadsheets write), a header row, text
 * guarded, numbers as JavaScript writes them (full precision, "." decimal point, no grouping),
 * empty cells empty.
 */
export function tableToCsv(table: Table): string {
  // Headers too: a period label is a header of the actuals table.
  const text = <T>(v: T) => (typeof v === "string" ? guard(withoutControls(v)) : v);
  const fields = table.columns.map((c) => text(c.header));
  const data = table.rows.map((row) => row.map(text));
  return `${Papa.unparse({ fields, data }, { newline: "\r\n" })}\r\n`;
}

/**
 * Control characters other than tab, line feed and carriage return (U+0000–U+001F, U+007F) are
 * left out, as the workbook must leave them out (XML cannot hold them): both forms then hold the
 * same text, and a NUL byte does not make the file look binary to the tools that read it (the
 * actuals import among them).
 */
const CONTROLS = /[^\P{Cc}\t\n\r\u0080-\u009f]/gu;

function withoutControls(text: string): string {
  return text.replace(CONTROLS, "");
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or return before them) as a
 * formula. Text from a scorecard is untrusted, so such text is written with a leading apostrophe,
 * which spreadsheets show as plain text (OWASP "CSV injection").
 */
export function guard(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The text `guard` was given: a leading apostrophe before = + - @ tab or return is dropped. */
export function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
