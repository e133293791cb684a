/**
 * The what-if engine (shared/whatif) as the views use it: the model compiled once per committed
 * change and shared by every view (like scores.ts), and each spend evaluated once per document,
 * whichever views show it (the what-if view, the map's projection mode, workshop mode). Spend
 * objects are immutable (the store makes a new one per slider move), so a spend object is its own
 * cache key: the live spend, the settled one (slider-spend.ts) and a proposal are each evaluated
 * once, however the components alternate between them.
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

// Results per document, then per spend object: both keys are immutable, and dropped with them.
const results = new WeakMap<ScorecardDocument, WeakMap<Spend, ScenarioResult>>();

/** What `spend` does to the document; computed once per (document, spend object). */
export function scenarioOf(doc: ScorecardDocument, spend: Spend): ScenarioResult {
  let perSpend = results.get(doc);
  if (!perSpend) {
    perSpend = new WeakMap();
    results.set(doc, perSpend);
  }
  let result = perSpend.get(spend);
  if (!result) {
    const { model, workspace } = whatIfOf(doc);
    result = evaluateScenario(model, spendVector(model, spend), workspace);
    perSpend.set(spend, result);
  }
  return result;
}
