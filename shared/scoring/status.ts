/** RAG status from an achievement (SPEC §2). Colour is never the only signal: every status has a label and an icon. */
import type { Thresholds } from "../domain/types.ts";

export type Status = "green" | "amber" | "red" | "none";

export const STATUS_TEXT: Readonly<Record<Status, { label: string; icon: string }>> = {
  green: { label: "On track", icon: "●" },
  amber: { label: "At risk", icon: "▲" },
  red: { label: "Off track", icon: "■" },
  none: { label: "No data", icon: "○" },
};

/** A score that misses a threshold only by rounding (0.8999999999 for 0.9) still meets it. */
const ROUNDING = 1e-9;

export function statusOf(score: number | null, thresholds: Thresholds): Status {
  if (score === null) return "none";
  if (score >= thresholds.green - ROUNDING) return "green";
  if (score >= thresholds.amber - ROUNDING) return "amber";
  return "red";
}
