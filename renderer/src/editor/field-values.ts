/** Parsing what was typed into a field, and wording the validator's verdict beside that field. */
import { formatProblem, isAboutField } from "../../../shared/domain/problems.ts";
import type { Problem } from "../../../shared/domain/types.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A number as typed, the same in every locale: digits, one "." for decimals, an optional sign and
 * exponent. "1,5" is refused rather than guessed at (is it 1.5 or 15?).
 */
export function parseNumber(text: string): Parsed<number> {
  const t = text.trim().replace(/^\u2212/, "-");
  if (t === "") return { ok: false, message: "must not be empty" };
  if (!NUMBER.test(t)) return { ok: false, message: "must be a number like 12.5 (use a point for decimals)" };
  const value = Number(t);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: "must be a finite number" };
}

/** Shows a number the way it was stored: no grouping, no rounding, no locale. */
export function formatNumber(value: number): string {
  return String(value);
}

/**
 * The first error, worded for the field it is shown under: its bare message when the problem is
 * about that field, else with the path naming what it is about ("measure “Uptime”.target: …").
 */
export function problemText(problems: readonly Problem[], field: string): string | null {
  const first = problems.find((p) => p.severity === "error");
  if (!first) return null;
  return isAboutField(first, field) ? first.message : formatProblem(first);
}
