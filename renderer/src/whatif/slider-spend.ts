/**
 * The sliders' spend as the what-if panels read it. The cheap panels follow every step
 * (useSliderScenario: one cached evaluation per step, state/whatif.ts); the costly ones (the map's
 * repaint, the marginal values, the Monte Carlo run) follow once the sliders rest for SETTLE_MS
 * (useSettledSpend, useSettledScenario), so that a step itself paints within one frame (SPEC §6).
 */
import { useSettled } from "../common/use-settled.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";
import { useDocumentStore } from "../state/context.tsx";
import { type Spend, scenarioOf } from "../state/whatif.ts";

/** How long the sliders must rest before the map, the marginal values and the Monte Carlo run follow. */
export const SETTLE_MS = 200;

/** The sliders' spend once it has stayed put for `ms`. */
export function useSettledSpend(ms: number = SETTLE_MS): Spend {
  return useSettled(
    useDocumentStore((s) => s.spend),
    ms,
  );
}

/** The document, the sliders' spend and what it does; re-rendered on every slider step. */
export function useSliderScenario(): { doc: ScorecardDocument; spend: Spend; result: ScenarioResult } | null {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  return doc ? { doc, spend, result: scenarioOf(doc, spend) } : null;
}

/** The same once the sliders have rested for `ms`; scenarioOf's cache keeps the result while they rest. */
export function useSettledScenario(
  ms: number = SETTLE_MS,
): { doc: ScorecardDocument; spend: Spend; result: ScenarioResult } | null {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useSettledSpend(ms);
  return doc ? { doc, spend, result: scenarioOf(doc, spend) } : null;
}
