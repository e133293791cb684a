/**
 * Numbers and statuses for the CLI's human output, written the way the app shows them: one fixed
 * locale, whole percentages, "—" for no data, status as icon and text (never colour alone).
 */
import type { Problem, ScorecardDocument } from "../../shared/domain/types.ts";
import { formatProblem } from "../../shared/domain/problems.ts";
import { STATUS_TEXT, type Status } from "../../shared/scoring/status.ts";

export function statusText(status: Status): string {
  const { icon, label } = STATUS_TEXT[status];
  return `${icon} ${label}`;
}

/** One line per problem, severity first: how `validate` and `new --from` list what is wrong. */
export function problemRows(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.severity === "error" ? "error  " : "warning"}  ${formatProblem(p)}`);
}

/** The rows behind a refusal: its one-line reason names the first problem, so one alone is not repeated. */
export function refusalRows(problems: readonly Problem[]): string[] {
  return problems.length > 1 ? problemRows(problems) : [];
}

/** "4 perspectives, 13 objectives, 40 measures, 8 periods": what a file holds, at a glance. */
export function contents(doc: ScorecardDocument): string {
  const { perspectives, objectives, measures, periods } = doc;
  return `${perspectives.length} perspectives, ${objectives.length} objectives, ${measures.length} measures, ${periods.length} periods`;
}

/** The locale of shared/display/numbers.ts, so amounts read like the scores next to them. */
const LOCALE = "en-US";
const amountFormats = new Map<string, Intl.NumberFormat>();

/**
 * Money in whole units of the scorecard's currency (ISO 4217): 1500000 "USD" → "$1,500,000";
 * `signed` writes a change, "+$150,000" or "−$150,000". Budgets are planned in whole units.
 */
export function formatAmount(amount: number, currency: string, signed = false): string {
  const key = `${currency} ${signed}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
      signDisplay: signed ? "exceptZero" : "auto",
    });
    amountFormats.set(key, format);
  }
  return minusSign(format.format(amount));
}

/** A score change in points to one decimal (what-if changes are often below one point): 0.0234 → "+2.3 pts". */
export function formatPoints(delta: number | null): string {
  if (delta === null) return "—";
  const tenths = Math.round(delta * 1000);
  if (tenths === 0) return "±0.0 pts";
  return `${tenths > 0 ? "+" : "−"}${(Math.abs(tenths) / 10).toFixed(1)} pts`;
}

const changeFormat = new Intl.NumberFormat(LOCALE, {
  style: "percent",
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

/** A relative change: 0.2 → "+20%", -0.125 → "−12.5%", null → "—". */
export function formatChange(fraction: number | null): string {
  return fraction === null ? "—" : minusSign(changeFormat.format(fraction));
}

/** The minus sign formatTrend writes, not a hyphen. */
function minusSign(text: string): string {
  return text.replace("-", "−");
}
