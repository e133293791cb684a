/**
 * The data behind the what-if charts, as plain arrays (no chart.js here, so it is unit-tested):
 * the tornado's bars in points, largest swing first, and the timeline's lines, band and lag steps.
 */
import type { MarginalValue } from "../../../shared/whatif/marginal.ts";
import type { Quantiles } from "../../../shared/whatif/monte-carlo.ts";
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";

export interface TornadoRow {
  id: string;
  name: string;
  /** Δ overall in score points for +10 % / −10 % of base; null when nothing has a score. */
  up: number | null;
  down: number | null;
}

const points = (delta: number | null) => (delta === null ? null : delta * 100);
const swing = (r: TornadoRow) => Math.max(Math.abs(r.up ?? 0), Math.abs(r.down ?? 0));

/** The marginal values in points, the investment with the largest swing first (ties by name). */
export function tornadoRows(values: readonly MarginalValue[]): TornadoRow[] {
  return values
    .map((v) => ({ id: v.id, name: v.name, up: points(v.up), down: points(v.down) }))
    .sort((a, b) => swing(b) - swing(a) || a.name.localeCompare(b.name));
}

export interface TimelineSeries {
  labels: string[];
  /** Overall score in points (0–100+) per step; null where nothing has a score. */
  baseline: Array<number | null>;
  projected: Array<number | null>;
  /** The P10 / P90 band per step, or null when there is none to show. */
  band: { p10: Array<number | null>; p90: Array<number | null> } | null;
  /** Steps at which an impact's lag comes into effect (step 0 = at once), with their labels. */
  lagSteps: Array<{ step: number; label: string }>;
}

/**
 * The timeline chart's series. The band is shown only when it has width somewhere: at base spend
 * every draw equals the baseline (docs/uncertainty.md), and a band of zero width says nothing.
 */
export function timelineSeries(
  timeline: ScenarioResult["timeline"],
  lagSteps: readonly number[],
  band: readonly Quantiles[] | null,
): TimelineSeries {
  const labels = timeline.map((t) => t.label);
  const wide = band?.some((q) => q.p10 !== null && q.p90 !== null && q.p90 - q.p10 > 1e-12) ?? false;
  return {
    labels,
    baseline: timeline.map((t) => points(t.baseline)),
    projected: timeline.map((t) => points(t.projected)),
    band: band && wide ? { p10: band.map((q) => points(q.p10)), p90: band.map((q) => points(q.p90)) } : null,
    lagSteps: lagSteps
      .filter((step) => step < labels.length)
      .map((step) => ({ step, label: labels[step] ?? `+${step}` })),
  };
}
