/** Period labels and start dates for each period kind ("2026-Q1", "2026-01", "2026"). */
import type { PeriodKind } from "./types.ts";

export interface PeriodSlot {
  label: string;
  start: string;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `count` consecutive periods of `kind`, the first one containing `firstStart` (YYYY-MM-DD). */
export function periodSequence(kind: PeriodKind, firstStart: string, count: number): PeriodSlot[] {
  const [y, m] = firstStart.split("-").map(Number) as [number, number];
  const monthsPer = kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
  // Snap to the start of the containing period, then step in whole months (no Date, no time zones).
  let index = y * 12 + (kind === "year" ? 0 : Math.floor((m - 1) / monthsPer) * monthsPer);
  const slots: PeriodSlot[] = [];
  for (let i = 0; i < count; i++, index += monthsPer) {
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    const label =
      kind === "month" ? `${year}-${pad(month)}` : kind === "quarter" ? `${year}-Q${(month - 1) / 3 + 1}` : `${year}`;
    slots.push({ label, start: `${year}-${pad(month)}-01` });
  }
  return slots;
}
