/**
 * A block pasted from a spreadsheet, turned into one batch of actual edits. Spreadsheets put
 * tab-separated rows on the clipboard, quoting cells that hold tabs or line breaks; papaparse
 * reads that form. Any bad cell refuses the whole paste, so a paste is all or nothing.
 */
import Papa from "papaparse";
import type { Operation } from "../../../shared/operations/operation.ts";
import type { CellPos } from "./grid-keys.ts";
import type { Rect } from "./grid-range.ts";
import { parseCellInput } from "./parse-number.ts";
import { plainText, quote } from "../../../shared/domain/readable-path.ts";

/** The clipboard text as rows of cells; the trailing line break spreadsheets add is not a row. */
export function parseBlock(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.replace(/\r?\n$/, ""), { delimiter: "\t" });
  return parsed.data;
}

/**
 * The block to paste over a selected range: one copied value fills the whole range (as a
 * spreadsheet does); any other block goes as it is, at the range's top left.
 */
export function fillBlock(block: string[][], rect: Rect): string[][] {
  const only = block.length === 1 && block[0]?.length === 1 ? block[0][0] : undefined;
  if (only === undefined) return block;
  const cols = rect.right - rect.left + 1;
  return Array.from({ length: rect.bottom - rect.top + 1 }, () => Array<string>(cols).fill(only));
}

export interface PasteTarget {
  measures: readonly { id: string; name: string; unit: string }[];
  periods: readonly { id: string; label: string }[];
  /** Why the shared rules refuse an operation (the validator's words), or null. */
  check(op: Operation): string | null;
}

export type PastePlan = { ok: true; operations: Operation[]; dropped: number } | { ok: false; problems: string[] };

/** The edits that put `block` at `anchor`; cells past the grid's edge are dropped and counted. */
export function planPaste(block: string[][], anchor: CellPos, target: PasteTarget): PastePlan {
  const operations: Operation[] = [];
  const problems: string[] = [];
  let dropped = 0;
  block.forEach((cells, r) => {
    const measure = target.measures[anchor.row + r];
    cells.forEach((text, c) => {
      const period = target.periods[anchor.col + c];
      if (!measure || !period) {
        dropped++;
        return;
      }
      const where = `Row ${quote(measure.name)}, ${plainText(period.label)}`;
      const problem = cellProblem(text, measure.unit, (value) =>
        target.check({ type: "actual.set", measureId: measure.id, periodId: period.id, value }),
      );
      if (problem) problems.push(`${where}: ${problem}`);
      else operations.push(cellOperation(text, measure, period.id));
    });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, operations, dropped };
}

/** Why `text` cannot go into a cell of a measure with this unit, or null. */
export function cellProblem(text: string, unit: string, check: (value: number) => string | null): string | null {
  const input = parseCellInput(text, unit);
  if (input.kind === "invalid") return `${quote(text)} is not a number`;
  if (input.kind === "clear") return null;
  const problem = check(input.value);
  return problem ? `${quote(text)} ${problem}` : null;
}

/** The edit for a valid cell text: set the value (keeping the cell's note), or clear it when empty. */
export function cellOperation(text: string, measure: { id: string; unit: string }, periodId: string): Operation {
  const input = parseCellInput(text, measure.unit);
  return input.kind === "value"
    ? { type: "actual.set", measureId: measure.id, periodId, value: input.value }
    : { type: "actual.clear", measureId: measure.id, periodId };
}
