/**
 * The what-if kernel (SPEC §3): the scorecard a spend vector leads to. One call is one slider
 * step, one optimizer probe or one Monte Carlo draw, so it allocates nothing and touches only
 * what spend can move:
 *   1. x = spend / base − 1 per investment, and its linear and saturating curve factors;
 *   2. Δvalue per impacted measure = Σ E·f(x) over its impacts felt by now (lag ≤ the step);
 *   3. value = current + Δvalue, clamped to the valid range, re-scored against the target;
 *   4. each objective's own score change, Σ (wᵢ / W)(pᵢ − pᵢ⁰), kept up to date as measures move;
 *   5. along the links in topological order: Δ(to) += strength · Δ(from), where Δ(from) already
 *      holds what it received;
 *   6. objective score = base + Δ clamped to [0, cap]; perspectives and overall re-rolled.
 * Every projected measure has a value (an actual or the baseline), so each objective's weight
 * total is its full measure weight and the set of scored nodes is the same for every spend.
 *
 * Impacts are felt one lag step at a time, in the model's fixed order (by lag, then id), by both
 * project() and projectTimeline(): the timeline's last step and a settled projection agree to the
 * last bit, and no order of rows in the document changes a result.
 */
import { achievement, clamp } from "../scoring/achievement.ts";
import type { ScoringModel } from "../scoring/model.ts";
import { curveFactor, relativeChange } from "./curves.ts";
import type { WhatIfModel } from "./model.ts";

/** Reusable buffers for one projection: create once per model, pass to every call. */
export interface Workspace {
  readonly linear: Float64Array;
  readonly saturating: Float64Array;
  /** Per measure: Σ of impact changes, projected value and score (only impacted measures differ from base). */
  readonly shift: Float64Array;
  readonly value: Float64Array;
  readonly score: Float64Array;
  /** Per objective: own score change, change after propagation, projected score (NaN = no score). */
  readonly objectiveOwn: Float64Array;
  readonly objectiveDelta: Float64Array;
  readonly objective: Float64Array;
  /** Per perspective in order. */
  readonly perspective: Float64Array;
  readonly perspectiveWeight: Float64Array;
}

export function createWorkspace(model: WhatIfModel): Workspace {
  const { measureCount: M, objectiveCount: O, perspectiveCount: Q } = model.scoring;
  const N = model.investmentIds.length;
  return {
    linear: new Float64Array(N),
    saturating: new Float64Array(N),
    shift: new Float64Array(M),
    value: Float64Array.from(model.current),
    score: Float64Array.from(model.baseScore),
    objectiveOwn: new Float64Array(O),
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
  start(model, spend, ws);
  const { lagSteps } = model;
  for (let s = 0; s < lagSteps.length && (lagSteps[s] as number) <= lagLimit; s++) advance(model, ws, s, effectScale);
  return settle(model, ws);
}

/**
 * The projection timeline: overall score per step 0 … out.length − 1 into `out`. An impact with
 * lag L is felt from step L on, so the projection advances one lag step at a time, re-scoring
 * only what that step's impacts touch. Leaves `ws` in the settled state and returns its overall,
 * which equals project(…, ∞) to the last bit: both run the same steps in the same order.
 */
export function projectTimeline(
  model: WhatIfModel,
  spend: ArrayLike<number>,
  ws: Workspace,
  out: Float64Array,
  effectScale: Float64Array | null = null,
): number {
  start(model, spend, ws);
  const { lagSteps } = model;
  // Before the first lag nothing is felt: that is the baseline, bit for bit. Settle only when no
  // lag step will (no active impacts), so that `ws` is always left settled.
  let felt = lagSteps.length > 0 ? model.baseline.overall : settle(model, ws);
  let t = 0;
  for (let s = 0; s < lagSteps.length; s++) {
    for (const lag = lagSteps[s] as number; t < lag && t < out.length; t++) out[t] = felt;
    advance(model, ws, s, effectScale);
    felt = settle(model, ws);
  }
  for (; t < out.length; t++) out[t] = felt;
  return felt;
}

/** Feels the impacts of lag step s: shifts their measures' values and re-scores those measures. */
function advance(model: WhatIfModel, ws: Workspace, s: number, effectScale: Float64Array | null): void {
  const { stepImpactStart, stepMeasureStart, stepMeasures } = model;
  shiftValues(model, ws, stepImpactStart[s] as number, stepImpactStart[s + 1] as number, effectScale);
  rescore(model, ws, stepMeasures, stepMeasureStart[s] as number, stepMeasureStart[s + 1] as number);
}

/** Curve factors per investment; every impacted measure back at its current value. */
function start(model: WhatIfModel, spend: ArrayLike<number>, ws: Workspace): void {
  const { base, impactedMeasures, current, baseScore } = model;
  for (let n = 0; n < base.length; n++) {
    const b = base[n] as number;
    const x = b > 0 ? relativeChange(spend[n] as number, b) : 0;
    ws.linear[n] = x;
    ws.saturating[n] = curveFactor(true, x);
  }
  for (let j = 0; j < impactedMeasures.length; j++) {
    const i = impactedMeasures[j] as number;
    ws.shift[i] = 0;
    ws.value[i] = current[i] as number;
    ws.score[i] = baseScore[i] as number;
  }
  ws.objectiveOwn.fill(0);
}

/** Adds impacts [from, to) to their measures' shifts. */
function shiftValues(model: WhatIfModel, ws: Workspace, from: number, to: number, effectScale: Float64Array | null) {
  const { impactInvestment, impactMeasure, impactEffect, impactSaturating } = model;
  const { shift, linear, saturating } = ws;
  for (let k = from; k < to; k++) {
    const n = impactInvestment[k] as number;
    const e =
      effectScale === null ? (impactEffect[k] as number) : (impactEffect[k] as number) * (effectScale[k] as number);
    const i = impactMeasure[k] as number;
    shift[i] =
      (shift[i] as number) + e * (impactSaturating[k] === 1 ? (saturating[n] as number) : (linear[n] as number));
  }
}

/** Re-scores measures list[from … to − 1]: value = current + shift clamped to the valid range, then §2. */
function rescore(model: WhatIfModel, ws: Workspace, list: Int32Array, from: number, to: number): void {
  const { current, validMin, validMax, target, measureShare } = model;
  const { measureObjective } = model.scoring;
  const { shift, value, score, objectiveOwn } = ws;
  for (let j = from; j < to; j++) {
    const i = list[j] as number;
    const raw = (current[i] as number) + (shift[i] as number);
    const lo = validMin[i] as number;
    const hi = validMax[i] as number;
    // biome-ignore lint/complexity/useMathMinMax: a plain clamp; the bounds may be ±Infinity.
    const v = raw < lo ? lo : raw > hi ? hi : raw;
    value[i] = v;
    const p = scoreOf(model.scoring, target, i, v);
    // The objective's own change, Σ (wᵢ / W)(pᵢ − pᵢ⁰), kept up to date as its measures move.
    const o = measureObjective[i] as number;
    objectiveOwn[o] = (objectiveOwn[o] as number) + (measureShare[i] as number) * (p - (score[i] as number));
    score[i] = p;
  }
}

/** Propagation along the links, objective clamps, then the roll-up; returns the overall score. */
function settle(model: WhatIfModel, ws: Workspace): number {
  const { topological, inStart, inFrom, inStrength, objectiveBase } = model;
  const { objectiveOwn, objectiveDelta, objective } = ws;
  for (let t = 0; t < topological.length; t++) {
    const o = topological[t] as number;
    let d = objectiveOwn[o] as number;
    for (let l = inStart[o] as number, end = inStart[o + 1] as number; l < end; l++) {
      d += (inStrength[l] as number) * (objectiveDelta[inFrom[l] as number] as number);
    }
    objectiveDelta[o] = d;
  }
  const cap = model.scoring.cap;
  for (let o = 0; o < objective.length; o++) {
    const s = objectiveBase[o] as number;
    objective[o] = Number.isNaN(s) ? s : clamp(s + (objectiveDelta[o] as number), cap);
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
