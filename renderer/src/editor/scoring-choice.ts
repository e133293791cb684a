/**
 * A measure's direction and method chosen together: band scoring goes with direction band and only
 * with it (schema rule), so offering them as two selects would make every switch to or from band a
 * refused half-step. Switching also carries the fields the new choice needs.
 */
import type { Measure } from "../../../shared/domain/types.ts";

export const SCORING_CHOICES = [
  { value: "higher-linear", label: "Higher is better, linear" },
  { value: "lower-linear", label: "Lower is better, linear" },
  { value: "higher-binary", label: "Higher is better, met or not" },
  { value: "lower-binary", label: "Lower is better, met or not" },
  { value: "band", label: "Within a band" },
] as const;

export type ScoringChoice = (typeof SCORING_CHOICES)[number]["value"];

export function scoringChoiceOf(m: Pick<Measure, "direction" | "method">): ScoringChoice {
  if (m.method === "band" || m.direction === "band") return "band";
  return `${m.direction}-${m.method}` as ScoringChoice;
}

type ScoringFields = Pick<Measure, "direction" | "method" | "band" | "baseline" | "target">;

/** The changes that turn `m` into a measure scored by `choice`, valid where they can be. */
export function scoringChanges(m: ScoringFields, choice: ScoringChoice): Partial<ScoringFields> {
  if (choice === "band") {
    const low = Math.min(m.baseline, m.target);
    const high = Math.max(m.baseline, m.target);
    const band = m.band ?? { low, high, tolerance: high > low ? (high - low) / 4 : 1 };
    return { direction: "band", method: "band", band };
  }
  const [direction, method] = choice.split("-") as ["higher" | "lower", "linear" | "binary"];
  const changes: Partial<ScoringFields> = { direction, method, band: null };
  // A linear measure needs its target beyond the baseline in its direction: turning "higher" into
  // "lower" swaps the two ends rather than leaving a measure the rules refuse.
  if (method === "linear") {
    const wrongWay = direction === "higher" ? m.target < m.baseline : m.target > m.baseline;
    if (wrongWay) Object.assign(changes, { baseline: m.target, target: m.baseline });
  }
  return changes;
}
