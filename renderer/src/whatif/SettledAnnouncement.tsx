/**
 * Says the projected overall to a screen reader once the sliders rest (the slider itself says the
 * spend): announcing every step would queue a sentence per key press.
 */
import { formatPoints, formatScore } from "./format.ts";
import { isAtBase } from "../state/whatif.ts";
import { SETTLE_MS, useSettledScenario } from "./slider-spend.ts";

export function SettledAnnouncement() {
  const scenario = useSettledScenario(SETTLE_MS * 2);
  if (!scenario) return null;
  const { doc, spend, result } = scenario;
  const { overall } = result;
  return (
    <p className="visually-hidden" aria-live="polite">
      {isAtBase(doc, spend)
        ? ""
        : `Projected overall ${formatScore(overall.projected)}, ${formatPoints(overall.delta)} against base spend.`}
    </p>
  );
}
