/**
 * A number as a person types it into the actuals grid or into a spreadsheet cell an import reads:
 * surrounding spaces, a leading "−" (U+2212), thousands separated by commas ("1,234"), and, for a
 * percent measure, a trailing "%". A decimal comma ("12,5") or a space between thousands ("1 234")
 * is not guessed at: it reads as no number.
 */
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/** The number `text` holds for a measure of `unit`, or null when it holds none (or is blank). */
export function readNumber(text: string, unit: string): number | null {
  let t = text.trim().replace(/^\u2212/, "-");
  if (unit.trim().startsWith("%") && t.endsWith("%")) t = t.slice(0, -1).trimEnd();
  // The pattern needs at least one digit; it alone would accept "", "+" or ".".
  if (!/\d/.test(t) || !NUMBER.test(t)) return null;
  const value = Number(t.replaceAll(",", ""));
  return Number.isFinite(value) ? value : null;
}
