/**
 * How the what-if and comparison views write projected scores and what a change of spend buys.
 * Money is in the scorecard's currency: compact on labels ("$1.2M"), in full for assistive
 * technology ("$1,200,000"). Scores carry one decimal here, unlike the scorecard's whole percents,
 * because one slider step often moves the overall by less than a point.
 */
import { formatMoney, formatMoneyCompact } from "../../../shared/display/numbers.ts";
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";

// Money and points are formatted in shared/display/numbers.ts (one set for the UI and the CLI);
// re-exported here, where the what-if and comparison views (and the map's projection) look for them.
export { formatMoneyCompact, formatPoints, pointsDirection } from "../../../shared/display/numbers.ts";

/** A projected score with one decimal: 0.7234 → "72.3%"; null → "—". */
export function formatScore(fraction: number | null): string {
  return fraction === null ? "—" : `${(fraction * 100).toFixed(1)}%`;
}

/** Score points bought per 1 million: "+4.62 pts per $1M"; null (spend unchanged) → "—". */
export function formatPointsPerMillion(points: number | null, currency: string): string {
  if (points === null || !Number.isFinite(points)) return "—";
  const sign = points > 0 ? "+" : points < 0 ? "\u2212" : "±";
  return `${sign}${Math.abs(points).toFixed(2)} pts per ${formatMoneyCompact(1e6, currency)}`;
}

/**
 * What a scenario's change of spend buys: score points per 1 million (the engine's
 * pointsPerMillion). For a cut it is said per million saved, because "+4.63 pts per $1M" for a
 * scenario that spends less and scores less would read as a gain: "−4.63 pts per $1M saved".
 */
export function valueForMoney(
  result: Pick<ScenarioResult, "pointsPerMillion"> & { spend: Pick<ScenarioResult["spend"], "delta"> },
  currency: string,
): string {
  const ppm = result.pointsPerMillion;
  if (ppm === null || result.spend.delta >= 0) return formatPointsPerMillion(ppm, currency);
  return `${formatPointsPerMillion(-ppm, currency)} saved`;
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
