/**
 * A measure's value for a narrow table column: the number, with the unit only when it is a bare
 * percent sign ("65%"); the full unit ("% of knowledge workers") is shown once, under the name.
 */
import { formatBand, formatValue } from "../../../shared/display/numbers.ts";

function columnUnit(unit: string): string {
  return unit.startsWith("%") ? "%" : "";
}

export function valueText(value: number | null, unit: string): string {
  return formatValue(value, columnUnit(unit));
}

/** The target column: the target in force, or the band ("60–80%"). */
export function targetText(target: number | null, band: { low: number; high: number } | null, unit: string): string {
  return targetInForce(target, band, columnUnit(unit));
}

/** The target in force written out in full (the band, "60–80 % of staff", when it has one): the tooltip. */
export function targetInForce(target: number | null, band: { low: number; high: number } | null, unit: string): string {
  return band ? formatBand(band, unit) : formatValue(target, unit);
}
