/**
 * Says the projected overall to a screen reader once the sliders rest (the slider itself says the
 * spend): announcing every step would queue a sentence per key press.
 */
import { formatPoints, formatScore } from "./format.ts";
import { useDocumentStore } from "../state/context.tsx";
import { isAtBase, scenarioOf } from "../state/whatif.ts";
import { SETTLE_MS, useSettledSpend } from "./slider-spend.ts";

export function SettledAnnouncement() {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useSettledSpend(SETTLE_MS * 2);
  if (!doc) return null;
  const { overall } = scenarioOf(doc, spend);
  return (
    <p className="visually-hidden" aria-live="polite">
      {isAtBase(doc, spend)
        ? ""
        : `Projected overall ${formatScore(overall.projected)}, ${formatPoints(overall.delta)} against base spend.`}
    </p>
  );
}
