/** A change since the previous period as an arrow, short text and a spoken label ("up 4 points"). */
import { DIRECTION_ARROW, formatTrend, trendDirection } from "../../../shared/display/numbers.ts";

export interface TrendText {
  direction: "up" | "down" | "flat" | "none";
  arrow: "↑" | "↓" | "→" | "";
  /** "+4 pts", "−2 pts", "±0 pts", "—". */
  text: string;
  /** For assistive technology: "up 4 points", "down 1 point", "unchanged", "no previous score". */
  label: string;
}

export function trendText(delta: number | null): TrendText {
  if (delta === null) return { direction: "none", arrow: "", text: formatTrend(null), label: "no previous score" };
  const direction = trendDirection(delta);
  const points = Math.abs(Math.round(delta * 100));
  const label = direction === "flat" ? "unchanged" : `${direction} ${points} ${points === 1 ? "point" : "points"}`;
  return { direction, arrow: DIRECTION_ARROW[direction], text: formatTrend(delta), label };
}
