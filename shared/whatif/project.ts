/**
 * The what-if kernel (SPEC §3): the scorecard a spend vector leads to. One call is one slider
 * step, one optimizer probe or one Monte Carlo draw, so it allocates nothing and touches only
 * what spend can move:
 *   1. x = spend / base − 1 per investment, and its linear and saturating curve factors;
 *   2. Δvalue per impacted measure = Σ E·f(x) over its impacts felt by now (lag ≤ the step);
 *   3. value = current + Δvalue, clamped to the valid range, re-scored against the target;
 *   4. each objective's own score change from its re-scored measures;
 *   5. along the links in topological order: Δ(to) += strength · Δ(from), where Δ(from) already
 *      holds what it received;
 *   6. objective score = base + Δ clamped to [0, cap]; perspectives and overall re-rolled.
 * Every projected measure has a value (an actual or the baseline), so each objective's weight
 * total is its full measure weight and the set of scored nodes is the same for every spend.
 */
import { achievement, clamp } from "../scoring/achievement.ts";
import type { ScoringModel } from "../scoring/model.ts";
import { curveFactor, relativeChange } from "./curves.ts";
import type { WhatIfModel } from "./model.ts";

/** Reusable buffers for one projection: create once per model, pass to every call. */
export interface Workspace {
  readonly linear: Float64Array;
  readonly saturating: Float64Array;
  /** Per measure: projected value and score (only impacted measures differ from the model's base). */
  readonly value: Float64Array;
  readonly score: Float64Array;
  /** Per objective: score change after propagation, and the projected score (NaN = no score). */
  readonly objectiveDelta: Float64Array;
  readonly objective: Float64Array;
  /** Per perspective in order. */
  readonly perspective: Float64Array;
  readonly perspectiveWeight: Float64Array;
}

export function createWorkspace(model: WhatIfModel): Workspace {
  const { objectiveCount: O, perspectiveCount: Q } = model.scoring;
  const N = model.investmentIds.length;
  return {
    linear: new Float64Array(N),
    saturating: new Float64Array(N),
    value: Float64Array.from(model.current),
    score: Float64Array.from(model.baseScore),
    objectiveDelta: new Float64Array(O),
    objective: new Float64Array(O),
    perspective: new Float64Array(Q),
    perspectiveWeight: new Float64Array(Q),
  };
}

/**
 * Projects `spend` (one entry per investment slot of the model) into `ws` and returns the overall
 * score (NaN when nothing has a score). `lagLimit` = the future period: only impacts with
 * lag ≤ lagLimit are felt (∞ = all of them, the settled state). `effectScale` multiplies each
 * active impact's E (a Monte Carlo draw); null = as entered.
 */
export function project(
  model: WhatIfModel,
  spend: ArrayLike<number>,
  ws: Workspace,
  lagLimit = Number.POSITIVE_INFINITY,
  effectScale: Float64Array | null = null,
): number {
  const { scoring, base, impactedMeasures, current, validMin, validMax, baseScore } = model;
  const { linear, saturating, value, score, objectiveDelta } = ws;

  for (let n = 0; n < base.length; n++) {
    const b = base[n] as number;
    const x = b > 0 ? relativeChange(spend[n] as number, b) : 0;
    linear[n] = x;
    saturating[n] = curveFactor(true, x);
  }

  for (let j = 0; j < impactedMeasures.length; j++) value[impactedMeasures[j] as number] = 0;
  const { impactInvestment, impactMeasure, impactEffect, impactSaturating, impactLag } = model;
  for (let k = 0; k < impactMeasure.length; k++) {
    if ((impactLag[k] as number) > lagLimit) continue;
    const n = impactInvestment[k] as number;
    const e =
      effectScale === null ? (impactEffect[k] as number) : (impactEffect[k] as number) * (effectScale[k] as number);
    const i = impactMeasure[k] as number;
    value[i] =
      (value[i] as number) + e * (impactSaturating[k] === 1 ? (saturating[n] as number) : (linear[n] as number));
  }

  objectiveDelta.fill(0);
  const { weight, measureObjective, objectiveWeightTotal } = scoring;
  for (let j = 0; j < impactedMeasures.length; j++) {
    const i = impactedMeasures[j] as number;
    const raw = (current[i] as number) + (value[i] as number);
    const lo = validMin[i] as number;
    const hi = validMax[i] as number;
    // biome-ignore lint/complexity/useMathMinMax: a plain clamp; the bounds may be ±Infinity.
    const v = raw < lo ? lo : raw > hi ? hi : raw;
    value[i] = v;
    const p = scoreOf(scoring, model.target, i, v);
    score[i] = p;
    const o = measureObjective[i] as number;
    objectiveDelta[o] =
      (objectiveDelta[o] as number) +
      ((weight[i] as number) * (p - (baseScore[i] as number))) / (objectiveWeightTotal[o] as number);
  }

  const { topological, inStart, inFrom, inStrength, objectiveBase } = model;
  for (let t = 0; t < topological.length; t++) {
    const o = topological[t] as number;
    let d = objectiveDelta[o] as number;
    for (let l = inStart[o] as number, end = inStart[o + 1] as number; l < end; l++) {
      d += (inStrength[l] as number) * (objectiveDelta[inFrom[l] as number] as number);
    }
    objectiveDelta[o] = d;
  }
  const objective = ws.objective;
  for (let o = 0; o < objective.length; o++) {
    const s = objectiveBase[o] as number;
    objective[o] = Number.isNaN(s) ? s : clamp(s + (objectiveDelta[o] as number), scoring.cap);
  }
  return rollUp(model, ws);
}

/** Perspectives = weighted mean of their scored objectives; overall = weighted mean of scored perspectives. */
function rollUp(model: WhatIfModel, ws: Workspace): number {
  const { objectiveWeight, objectivePerspective, perspectiveWeight } = model.scoring;
  const { perspective, perspectiveWeight: scoredWeight, objective } = ws;
  perspective.fill(0);
  scoredWeight.fill(0);
  for (let o = 0; o < objective.length; o++) {
    const s = objective[o] as number;
    if (Number.isNaN(s)) continue;
    const q = objectivePerspective[o] as number;
    const w = objectiveWeight[o] as number;
    perspective[q] = (perspective[q] as number) + w * s;
    scoredWeight[q] = (scoredWeight[q] as number) + w;
  }
  let weighted = 0;
  let total = 0;
  for (let q = 0; q < perspective.length; q++) {
    const w = scoredWeight[q] as number;
    if (w > 0) {
      const s = (perspective[q] as number) / w;
      perspective[q] = s;
      weighted += (perspectiveWeight[q] as number) * s;
      total += perspectiveWeight[q] as number;
    } else {
      perspective[q] = Number.NaN;
    }
  }
  return total > 0 ? weighted / total : Number.NaN;
}

/** Achievement (§2) of measure i at value v against the reference period's target. */
export function scoreOf(scoring: ScoringModel, target: Float64Array, i: number, v: number): number {
  return achievement(
    scoring.method[i] as number,
    scoring.lowerIsBetter[i] === 1,
    v,
    scoring.baseline[i] as number,
    target[i] as number,
    scoring.bandLow[i] as number,
    scoring.bandHigh[i] as number,
    scoring.bandTolerance[i] as number,
    scoring.cap,
  );
}
