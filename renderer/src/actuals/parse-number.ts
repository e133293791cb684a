/**
 * What the user typed into an actuals cell, read as a spreadsheet would (the rules are
 * shared/domain/parse-number.ts, which the actuals import reads by too); an empty cell clears.
 */
import { readNumber } from "../../../shared/domain/parse-number.ts";

export type CellInput = { kind: "clear" } | { kind: "value"; value: number } | { kind: "invalid" };

export function parseCellInput(text: string, unit: string): CellInput {
  if (text.trim() === "") return { kind: "clear" };
  const value = readNumber(text, unit);
  return value === null ? { kind: "invalid" } : { kind: "value", value };
}

/** The text an editor starts from: the plain number, so it reads back to the same value. */
export function editText(value: number | null): string {
  return value === null ? "" : String(value);
}
