/**
 * Spend vectors: one number per investment slot of a what-if model (investments in id order).
 * Scenarios store absolute spend by investment id (SPEC §1); an investment a scenario does not
 * name is at its base spend.
 */
import type { Scenario } from "../domain/types.ts";
import type { WhatIfModel } from "./model.ts";

export function baseSpend(model: WhatIfModel): Float64Array {
  return Float64Array.from(model.base);
}

export function spendOfScenario(model: WhatIfModel, scenario: Pick<Scenario, "spend">): Float64Array {
  return Float64Array.from(model.investmentIds, (id, n) => scenario.spend[id] ?? (model.base[n] as number));
}

/** The scenario form of a spend vector: every investment named, in id order. */
export function spendRecord(model: WhatIfModel, spend: ArrayLike<number>): Record<string, number> {
  return Object.fromEntries(model.investmentIds.map((id, n) => [id, spend[n] as number]));
}

export function totalOf(spend: ArrayLike<number>): number {
  let total = 0;
  for (let n = 0; n < spend.length; n++) total += spend[n] as number;
  return total;
}
