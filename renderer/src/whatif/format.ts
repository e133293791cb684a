/**
 * How the what-if view writes money and projected scores. Money is in the scorecard's currency
 * (Intl): compact on labels ("$1.2M"), in full for assistive technology ("$1,200,000"). Scores
 * carry one decimal here, unlike the scorecard's whole percents (shared/display/numbers.ts),
 * because one slider step often moves the overall by less than a point.
 */
import { formatMoney } from "../../../shared/display/numbers.ts";

const LOCALE = "en-US";
const compactFormats = new Map<string, Intl.NumberFormat>();

function compactFormat(currency: string, signed: boolean): Intl.NumberFormat {
  const key = `${currency}|${signed}`;
  let format = compactFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      notation: "compact",
      minimumFractionDigits: 0,
      maximumFractionDigits: 1,
      ...(signed ? { signDisplay: "exceptZero" as const } : {}),
    });
    compactFormats.set(key, format);
  }
  return format;
}

/**
 * An amount for a label, compact: 1_234_567 "USD" → "$1.2M", signed "+$95K". The full amount
 * (formatMoney in shared/display/numbers.ts) goes into the accessible text beside it.
 */
export function formatMoneyCompact(value: number, currency: string, signed = false): string {
  // A true minus sign, as the scorecard's trends write it.
  return compactFormat(currency, signed).format(value).replace("-", "\u2212");
}

/** A projected score with one decimal: 0.7234 → "72.3%"; null → "—". */
export function formatScore(fraction: number | null): string {
  return fraction === null ? "—" : `${(fraction * 100).toFixed(1)}%`;
}

/** A change in percentage points with one decimal: 0.0123 → "+1.2 pts"; rounds to 0 → "±0.0 pts". */
export function formatPoints(delta: number | null): string {
  if (delta === null) return "—";
  const tenths = Math.round(delta * 1000);
  if (tenths === 0) return "±0.0 pts";
  return `${tenths > 0 ? "+" : "\u2212"}${(Math.abs(tenths) / 10).toFixed(1)} pts`;
}

/** Which way a change reads once rounded to tenths of a point (for styling and the arrow). */
export function pointsDirection(delta: number | null): "up" | "down" | "flat" {
  const tenths = delta === null ? 0 : Math.round(delta * 1000);
  return tenths > 0 ? "up" : tenths < 0 ? "down" : "flat";
}

/** Score points bought per 1 million: "+4.62 pts per $1M"; null (spend unchanged) → "—". */
export function formatPointsPerMillion(points: number | null, currency: string): string {
  if (points === null || !Number.isFinite(points)) return "—";
  const sign = points > 0 ? "+" : points < 0 ? "\u2212" : "±";
  return `${sign}${Math.abs(points).toFixed(2)} pts per ${formatMoneyCompact(1e6, currency)}`;
}

/** A share of the base: 0.1 → "+10%"; one decimal below 10 %. */
export function formatShare(fraction: number): string {
  const pct = fraction * 100;
  const digits = Math.abs(pct) < 10 && Math.round(pct * 10) % 10 !== 0 ? 1 : 0;
  const text = Math.abs(pct).toFixed(digits);
  if (Number(text) === 0) return "±0%";
  return `${pct > 0 ? "+" : "\u2212"}${text}%`;
}

/** "$9,595,000, up $95,000 (+1%) from base $9,500,000" — the full amounts, for a screen reader. */
export function spendValueText(spend: number, base: number, currency: string): string {
  const full = (v: number) => formatMoney(v, currency);
  const delta = spend - base;
  if (delta === 0) return `${full(spend)}, at base`;
  const share = base > 0 ? ` (${formatShare(delta / base)})` : "";
  return `${full(spend)}, ${delta > 0 ? "up" : "down"} ${full(Math.abs(delta))}${share} from base ${full(base)}`;
}
