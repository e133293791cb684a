/**
 * The what-if engine (shared/whatif) as the views use it: the model compiled once per committed
 * change and shared by every view (like scores.ts), and the scenario the sliders describe
 * evaluated once per slider move, whichever views show it (the what-if view, the map's projection
 * mode, workshop mode).
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { compileWhatIf, type WhatIfModel } from "../../../shared/whatif/model.ts";
import { createWorkspace, type Workspace } from "../../../shared/whatif/project.ts";
import { evaluateScenario, type ScenarioResult } from "../../../shared/whatif/scenario.ts";
import { spendOfScenario } from "../../../shared/whatif/spend.ts";
import { scoresOf } from "./scores.ts";

/** The sliders' spend by investment id (the store's draft); an investment not in it is at base. */
export type Spend = Readonly<Record<string, number>>;

export interface WhatIf {
  model: WhatIfModel;
  /** Scratch space of the kernel, reused by every evaluation on this thread. */
  workspace: Workspace;
}

const models = new WeakMap<ScorecardDocument, WhatIf>();

export function whatIfOf(doc: ScorecardDocument): WhatIf {
  let whatIf = models.get(doc);
  if (!whatIf) {
    const model = compileWhatIf(doc, scoresOf(doc).model);
    whatIf = { model, workspace: createWorkspace(model) };
    models.set(doc, whatIf);
  }
  return whatIf;
}

/** The sliders' spend as a vector in the model's investment order (unmoved ones at base). */
export function spendVector(model: WhatIfModel, spend: Spend): Float64Array {
  return spendOfScenario(model, { spend });
}

/** Whether every investment is at its base spend (Reset, or never moved). */
export function isAtBase(doc: ScorecardDocument, spend: Spend): boolean {
  return doc.investments.every((inv) => (spend[inv.id] ?? inv.baseSpend) === inv.baseSpend);
}

// The last evaluation, keyed by the document and the slider state objects (both immutable).
let last: { doc: ScorecardDocument; spend: Spend; result: ScenarioResult } | null = null;

/** What the sliders' spend does to the document; computed once per (document, spend) pair. */
export function scenarioOf(doc: ScorecardDocument, spend: Spend): ScenarioResult {
  if (last?.doc === doc && last.spend === spend) return last.result;
  const { model, workspace } = whatIfOf(doc);
  const result = evaluateScenario(model, spendVector(model, spend), workspace);
  last = { doc, spend, result };
  return result;
}

/**
 * A spend other than the sliders' (an optimizer's proposal), evaluated without replacing the
 * sliders' cached result: the one-entry cache above would otherwise flip between the two.
 */
export function evaluateSpend(doc: ScorecardDocument, spend: Spend): ScenarioResult {
  const { model, workspace } = whatIfOf(doc);
  return evaluateScenario(model, spendVector(model, spend), workspace);
}
