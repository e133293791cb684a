/**
 * What the user typed into an actuals cell, read as a spreadsheet would: thousands separators,
 * surrounding spaces and, for a percent measure, a trailing "%" are accepted; an empty cell clears.
 */
export type CellInput = { kind: "clear" } | { kind: "value"; value: number } | { kind: "invalid" };

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

export function parseCellInput(text: string, unit: string): CellInput {
  let t = text.trim().replace(/^\u2212/, "-");
  if (t === "") return { kind: "clear" };
  if (unit.trim().startsWith("%") && t.endsWith("%")) t = t.slice(0, -1).trimEnd();
  // The pattern needs at least one digit; it alone would accept "", "+" or ".".
  if (!/\d/.test(t) || !NUMBER.test(t)) return { kind: "invalid" };
  const value = Number(t.replaceAll(",", ""));
  return Number.isFinite(value) ? { kind: "value", value } : { kind: "invalid" };
}

/** The text an editor starts from: the plain number, so it reads back to the same value. */
export function editText(value: number | null): string {
  return value === null ? "" : String(value);
}
