/**
 * A range of the grid as spreadsheets put it on the clipboard: cells separated by tabs, each row
 * ending in CRLF (as Excel writes it), values as plain numbers at full precision, missing cells empty.
 */
import type { Rect } from "./grid-range.ts";

export function copyBlock(rect: Rect, rows: readonly { cells: readonly { actual: number | null }[] }[]): string {
  let text = "";
  for (let r = rect.top; r <= rect.bottom; r++) {
    const cells: string[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const actual = rows[r]?.cells[c]?.actual ?? null;
      cells.push(tsvCell(actual === null ? "" : String(actual)));
    }
    text += `${cells.join("\t")}\r\n`;
  }
  return text;
}

/** A cell holding a tab, a line break or a quote is quoted, its quotes doubled; others go as they are. */
export function tsvCell(text: string): string {
  return /[\t\r\n"]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
