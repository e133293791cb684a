/**
 * How numbers are written for people, in the UI and the CLI alike. One fixed locale for now, so
 * that the screen, the terminal, the tests and (later) the exports agree; a locale setting can
 * replace it in one place.
 */
const LOCALE = "en-US";
const valueFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });

/** 0.623 → "62%"; null (no data) → "—". */
export function formatPercent(fraction: number | null): string {
  return fraction === null ? "—" : `${Math.round(fraction * 100)}%`;
}

/** A score change in percentage points: 0.041 → "+4 pts", -0.02 → "−2 pts", null → "—". */
export function formatTrend(delta: number | null): string {
  if (delta === null) return "—";
  const points = Math.round(delta * 100);
  if (points === 0) return "±0 pts";
  return `${points > 0 ? "+" : "−"}${Math.abs(points)} pts`;
}

/** The arrow of a change's direction: trends, projected changes and map cards draw the same ones. */
export const DIRECTION_ARROW = { up: "↑", down: "↓", flat: "→" } as const;

/** Which way a change points, as it reads once rounded to whole points (for styling). */
export function trendDirection(delta: number | null): "up" | "down" | "flat" {
  const points = delta === null ? 0 : Math.round(delta * 100);
  return points > 0 ? "up" : points < 0 ? "down" : "flat";
}

/**
 * A measure's value with its unit: 1234.5 "h" → "1,234.5 h", 65 "% of spend" → "65% of spend".
 * The number and the unit's first word are kept together when a long unit wraps.
 */
export function formatValue(value: number | null, unit: string): string {
  if (value === null) return "—";
  return withUnit(valueFormat.format(value), unit);
}

/** A band target: "60–80%", "3.5–4.5% of revenue". */
export function formatBand(band: { low: number; high: number }, unit: string): string {
  return withUnit(`${valueFormat.format(band.low)}–${valueFormat.format(band.high)}`, unit);
}

function withUnit(number: string, unit: string): string {
  if (unit === "") return number;
  return unit.startsWith("%") ? `${number}${unit}` : `${number}\u00a0${unit}`;
}

// One formatter per (currency, kind): building an Intl.NumberFormat costs far more than using one.
// The UI and the CLI share these, so money reads the same on screen and in the terminal.
type MoneyKind = "plain" | "signed" | "compact" | "compact-signed";
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, kind: MoneyKind): Intl.NumberFormat {
  const key = `${currency}:${kind}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const compact = kind === "compact" || kind === "compact-signed";
    format = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      // Spend is planned in whole units: cents would only add noise to a board's table.
      ...(compact
        ? { notation: "compact" as const, minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : { minimumFractionDigits: 0, maximumFractionDigits: 0 }),
      ...(kind === "signed" || kind === "compact-signed" ? { signDisplay: "exceptZero" as const } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** A true minus sign, as the scorecard's trends write it, not a hyphen. */
const minus = (text: string) => text.replace("-", "\u2212");

const relativeChangeFormat = new Intl.NumberFormat(LOCALE, {
  style: "percent",
  maximumFractionDigits: 1,
  signDisplay: "exceptZero",
});

/** A relative change of spend: 0.2 → "+20%", -0.125 → "−12.5%", null → "—". */
export function formatRelativeChange(fraction: number | null): string {
  return fraction === null ? "—" : minus(relativeChangeFormat.format(fraction));
}

/** An amount in the scorecard's currency, whole units: 4200000 "EUR" → "€4,200,000". */
export function formatMoney(value: number, currency: string): string {
  return minus(moneyFormat(currency, "plain").format(value));
}

/** A change of an amount, always signed: +420000 → "+€420,000", −1200 → "−€1,200", 0 → "±€0". */
export function formatMoneyChange(delta: number, currency: string): string {
  const text = minus(moneyFormat(currency, "signed").format(delta));
  // Intl leaves out the sign exactly when the amount rounds to zero.
  return /^[+\u2212]/.test(text) ? text : `±${text}`;
}

/**
 * An amount for a label, compact: 1_234_567 "USD" → "$1.2M", signed "+$95K". The full amount
 * (formatMoney) goes into the accessible text or the tooltip beside it.
 */
export function formatMoneyCompact(value: number, currency: string, signed = false): string {
  return minus(moneyFormat(currency, signed ? "compact-signed" : "compact").format(value));
}

/**
 * A projected score change in percentage points with one decimal (one slider step often moves the
 * overall by less than a point): 0.0123 → "+1.2 pts"; rounds to 0 → "±0.0 pts"; null → "—".
 */
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

/** What a screen reader hears for a change: "up 1.2 points", "unchanged", "no score". */
export function pointsChangeLabel(delta: number | null): string {
  if (delta === null) return "no score";
  const direction = pointsDirection(delta);
  if (direction === "flat") return "unchanged";
  const tenths = Math.abs(Math.round(delta * 1000)) / 10;
  return `${direction} ${tenths.toFixed(1)} points`;
}
