/**
 * The projection timeline (SPEC §3): the overall score in the reference period (step 0) and in
 * each future period after it (steps 1 … horizon); projectTimeline (project.ts) computes it. Here:
 * what each step is called.
 */
import { periodSequence } from "../domain/periods.ts";
import type { WhatIfModel } from "./model.ts";

export interface TimelinePoint {
  step: number;
  /** The period's label: the document's own where it has one, else continued in its period kind. */
  label: string;
  /** Overall score at this step; null when nothing has a score. */
  projected: number | null;
}

/** Labels of steps 0 … horizon: the anchor period (the reference period, else the last), then what follows it. */
export function timelineLabels(model: WhatIfModel): string[] {
  const { periods } = model.scoring;
  const count = model.horizon + 1;
  const anchor = model.referencePeriod >= 0 ? model.referencePeriod : periods.length - 1;
  if (anchor < 0) return Array.from({ length: count }, (_, t) => (t === 0 ? "now" : `+${t}`));
  const labels = periods.slice(anchor, anchor + count).map((p) => p.label);
  const last = periods.at(-1);
  if (labels.length < count && last) {
    const kind = model.scoring.doc.scorecard.periodKind;
    for (const slot of periodSequence(kind, last.start, count - labels.length + 1).slice(1)) labels.push(slot.label);
  }
  return labels;
}
