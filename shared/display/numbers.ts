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

// One formatter per currency: building an Intl.NumberFormat costs far more than using one.
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(currency: string, signed: boolean): Intl.NumberFormat {
  const key = `${currency}:${signed}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE, {
      style: "currency",
      currency,
      // Spend is planned in whole units: cents would only add noise to a board's table.
      maximumFractionDigits: 0,
      minimumFractionDigits: 0,
      ...(signed ? { signDisplay: "exceptZero" as const } : {}),
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** An amount in the scorecard's currency, whole units: 4200000 "EUR" → "€4,200,000". */
export function formatMoney(value: number, currency: string): string {
  return moneyFormat(currency, false).format(value).replace("-", "−");
}

/** A change of an amount, always signed: +420000 → "+€420,000", −1200 → "−€1,200", 0 → "±€0". */
export function formatMoneyChange(delta: number, currency: string): string {
  const text = moneyFormat(currency, true).format(delta).replace("-", "−");
  // Intl leaves out the sign exactly when the amount rounds to zero.
  return /^[+−]/.test(text) ? text : `±${text}`;
}
