/**
 * Marginal values (SPEC §3), the bars of the tornado chart: for each investment, how much the
 * settled overall score moves when its spend goes up by 10 % of its base, and down by 10 % (not
 * below 0), every other investment staying where the scenario has it. Slider ranges do not bound
 * these probes: they measure sensitivity, which the CIO wants to see also at a slider's end.
 */
import type { WhatIfModel } from "./model.ts";
import { createWorkspace, project, type Workspace } from "./project.ts";

/** The probe step, as a share of base spend. */
export const MARGINAL_STEP = 0.1;

export interface MarginalValue {
  id: string;
  name: string;
  /** Δ overall for +10 % of base; null when there is no overall score. */
  up: number | null;
  /** Δ overall for −10 % of base (the spend floored at 0). */
  down: number | null;
}

export function marginalValues(
  model: WhatIfModel,
  spend: ArrayLike<number>,
  ws: Workspace = createWorkspace(model),
): MarginalValue[] {
  const probe = Float64Array.from(spend);
  const at = project(model, probe, ws);
  const moved = (n: number, to: number) => {
    probe[n] = to;
    const d = project(model, probe, ws) - at;
    probe[n] = spend[n] as number;
    return Number.isFinite(d) ? d : null;
  };
  return model.investmentIds.map((id, n) => {
    const s = spend[n] as number;
    const step = MARGINAL_STEP * (model.base[n] as number);
    return { id, name: model.investmentNames[n] ?? id, up: moved(n, s + step), down: moved(n, Math.max(0, s - step)) };
  });
}
