/**
 * Compiles a validated document into the flat layout the what-if kernel (project.ts) runs over,
 * once per document: every slider step, optimizer probe and Monte Carlo draw then only walks the
 * impacts, the measures they touch, the objective links and the roll-up.
 *
 * The starting point of every projection (SPEC §3) is each measure's current value — its latest
 * actual, else its baseline — scored against the target in force in the reference period (the
 * latest period with any actual). Impacts, links and investments are ordered by id, so results do
 * not depend on the order they are stored in (sums of floating-point numbers depend on order).
 */
import type { ScorecardDocument } from "../domain/types.ts";
import { topologicalOrder } from "../domain/links.ts";
import { quote } from "../domain/readable-path.ts";
import { compileModel, type ScoringModel } from "../scoring/model.ts";
import { createWorkspace, project, scoreOf } from "./project.ts";

/** Half-widths of the triangular spread of an impact's effect, by confidence (SPEC §3). */
export const CONFIDENCE_SPREAD = { high: 0.1, medium: 0.25, low: 0.5 } as const;

/** The projection timeline covers at least this many future periods (SPEC §3). */
export const MIN_HORIZON = 8;

export interface WhatIfModel {
  readonly scoring: ScoringModel;
  /** Period index (start-date order) the projection starts from; −1 when no period has an actual. */
  readonly referencePeriod: number;
  readonly horizon: number;

  // Per measure (index = position in doc.measures).
  /** Latest actual, else the baseline. */
  readonly current: Float64Array;
  /** Period index of the latest actual; −1 when `current` is the baseline. */
  readonly currentSource: Int32Array;
  readonly target: Float64Array;
  readonly validMin: Float64Array;
  readonly validMax: Float64Array;
  /** Achievement of `current`: the score every projection is compared with. */
  readonly baseScore: Float64Array;
  /** The measure's share of its objective's weight (w / Σ w): every projected measure has a value. */
  readonly measureShare: Float64Array;
  /** Measures some active impact moves, ascending. Only these are re-scored. */
  readonly impactedMeasures: Int32Array;

  // Per objective (index = position in doc.objectives).
  /** Score from the current values; NaN for an objective without measures. */
  readonly objectiveBase: Float64Array;
  /** Objectives with causes before effects. */
  readonly topological: Int32Array;
  /** Incoming links of objective o: entries inStart[o] … inStart[o + 1] − 1 of inFrom / inStrength. */
  readonly inStart: Int32Array;
  readonly inFrom: Int32Array;
  readonly inStrength: Float64Array;

  // Per investment (in id order; `investmentIds[n]` names slot n of every spend vector).
  readonly investmentIds: readonly string[];
  readonly investmentNames: readonly string[];
  readonly base: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;

  // Per active impact (investment base > 0), in id order.
  readonly impactIds: readonly string[];
  readonly impactInvestment: Int32Array;
  readonly impactMeasure: Int32Array;
  readonly impactEffect: Float64Array;
  readonly impactSaturating: Uint8Array;
  readonly impactLag: Int32Array;
  /** Half-width of the triangular spread of the effect (0.1, 0.25 or 0.5). */
  readonly impactSpread: Float64Array;
  /** Distinct lags of the active impacts, ascending: the timeline only changes at these steps. */
  readonly lagSteps: readonly number[];
  /** Impacts are ordered by lag, then id: those of lag step s are slots stepImpactStart[s] … [s + 1] − 1. */
  readonly stepImpactStart: Int32Array;
  /**
   * Measures the impacts of each lag step touch (CSR like the links), grouped by scoring method so
   * that the branch on the method is predictable while re-scoring.
   */
  readonly stepMeasureStart: Int32Array;
  readonly stepMeasures: Int32Array;

  /** The projection at base spend, which every scenario's deltas are measured against. */
  readonly baseline: {
    readonly overall: number;
    readonly objective: Float64Array;
    readonly perspective: Float64Array;
  };

  readonly warnings: readonly string[];
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Builds the what-if model of a document that passed validateDocument. */
export function compileWhatIf(doc: ScorecardDocument, scoring: ScoringModel = compileModel(doc)): WhatIfModel {
  const { measureCount: M, periodCount: P, objectiveCount: O } = scoring;
  const warnings: string[] = [];

  let referencePeriod = -1;
  for (let cell = 0; cell < M * P; cell++) {
    if (scoring.hasActual[cell] === 1) referencePeriod = Math.max(referencePeriod, cell % P);
  }
  const current = Float64Array.from(scoring.baseline);
  const currentSource = new Int32Array(M).fill(-1);
  const target = Float64Array.from(scoring.measureTarget);
  const validMin = new Float64Array(M).fill(Number.NEGATIVE_INFINITY);
  const validMax = new Float64Array(M).fill(Number.POSITIVE_INFINITY);
  const baseScore = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    for (let k = P - 1; k >= 0; k--) {
      if (scoring.hasActual[i * P + k] === 1) {
        current[i] = scoring.value[i * P + k] as number;
        currentSource[i] = k;
        break;
      }
    }
    if (referencePeriod >= 0) target[i] = scoring.target[i * P + referencePeriod] as number;
    const range = doc.measures[i]?.validRange;
    if (range) {
      validMin[i] = range.min;
      validMax[i] = range.max;
    }
    baseScore[i] = scoreOf(scoring, target, i, current[i] as number);
  }

  const weighted = new Float64Array(O);
  for (let i = 0; i < M; i++) {
    const o = scoring.measureObjective[i] as number;
    weighted[o] = (weighted[o] as number) + (scoring.weight[i] as number) * (baseScore[i] as number);
  }
  const objectiveBase = new Float64Array(O);
  for (let o = 0; o < O; o++) {
    const total = scoring.objectiveWeightTotal[o] as number;
    objectiveBase[o] =
      (scoring.measuresByObjective[o]?.length ?? 0) > 0 && total > 0 ? (weighted[o] as number) / total : Number.NaN;
  }

  // Links: validation guarantees a DAG; ordering by id fixes the order incoming deltas are summed in.
  const links = [...doc.links].sort(byId);
  const { order, cyclic } = topologicalOrder(
    doc.objectives.map((o) => o.id),
    links,
  );
  const topological = Int32Array.from([...order, ...cyclic], (id) => scoring.objectiveIndex.get(id) as number);
  // Incoming links per objective, in id order (link indices ascend with ids after the sort).
  const incoming = csr(
    O,
    links.map((l, k) => [scoring.objectiveIndex.get(l.toId) as number, k]),
  );
  const inFrom = Int32Array.from(incoming.items, (k) => scoring.objectiveIndex.get(links[k]?.fromId ?? "") as number);
  const inStrength = Float64Array.from(incoming.items, (k) => links[k]?.strength ?? 0);

  const investments = [...doc.investments].sort(byId);
  const investmentSlot = new Map(investments.map((inv, n) => [inv.id, n]));
  // By lag, then id: the timeline adds one lag step at a time, and every sum runs in this one order.
  const impacts = [...doc.impacts]
    .sort((a, b) => a.lag - b.lag || byId(a, b))
    .filter((imp) => {
      const inv = investments[investmentSlot.get(imp.investmentId) ?? -1];
      if (inv && inv.baseSpend > 0) return true;
      if (inv)
        warnings.push(
          `${quote(inv.name)} has a base spend of 0, so its impacts are off (x = spend / base − 1 needs a base).`,
        );
      return false;
    });
  const impactMeasure = Int32Array.from(impacts, (imp) => scoring.measureIndex.get(imp.measureId) as number);
  const lagSteps = [...new Set(impacts.map((imp) => imp.lag))];
  const impactedMeasures = Int32Array.from(new Set(impactMeasure)).sort();
  const stepOf = (k: number) => lagSteps.indexOf((impacts[k] as (typeof impacts)[number]).lag);
  const stepImpactStart = Int32Array.from({ length: lagSteps.length + 1 }, (_, s) =>
    s === lagSteps.length ? impacts.length : impacts.findIndex((imp) => imp.lag === lagSteps[s]),
  );
  const byMethod = (a: number, b: number) => (scoring.method[a] as number) - (scoring.method[b] as number) || a - b;
  const stepMeasures = csr(
    lagSteps.length,
    impacts.map((_, k) => [stepOf(k), impactMeasure[k] as number]),
    byMethod,
  );

  const baseline = {
    overall: Number.NaN,
    objective: new Float64Array(O),
    perspective: new Float64Array(scoring.perspectiveCount),
  };
  const model: WhatIfModel = {
    scoring,
    referencePeriod,
    horizon: Math.max(MIN_HORIZON, lagSteps.at(-1) ?? 0),
    current,
    currentSource,
    target,
    validMin,
    validMax,
    baseScore,
    measureShare: Float64Array.from(
      scoring.weight,
      (w, i) => w / (scoring.objectiveWeightTotal[scoring.measureObjective[i] as number] as number),
    ),
    impactedMeasures,
    objectiveBase,
    topological,
    inStart: incoming.start,
    inFrom,
    inStrength,
    investmentIds: investments.map((inv) => inv.id),
    investmentNames: investments.map((inv) => inv.name),
    base: Float64Array.from(investments, (inv) => inv.baseSpend),
    min: Float64Array.from(investments, (inv) => inv.minSpend),
    max: Float64Array.from(investments, (inv) => inv.maxSpend),
    impactIds: impacts.map((imp) => imp.id),
    impactInvestment: Int32Array.from(impacts, (imp) => investmentSlot.get(imp.investmentId) as number),
    impactMeasure,
    impactEffect: Float64Array.from(impacts, (imp) => imp.effect),
    impactSaturating: Uint8Array.from(impacts, (imp) => (imp.curve === "saturating" ? 1 : 0)),
    impactLag: Int32Array.from(impacts, (imp) => imp.lag),
    impactSpread: Float64Array.from(impacts, (imp) => CONFIDENCE_SPREAD[imp.confidence]),
    lagSteps,
    stepImpactStart,
    stepMeasureStart: stepMeasures.start,
    stepMeasures: stepMeasures.items,
    baseline,
    warnings: [...new Set(warnings)],
  };
  const ws = createWorkspace(model);
  baseline.overall = project(model, model.base, ws);
  baseline.objective.set(ws.objective);
  baseline.perspective.set(ws.perspective);
  return model;
}

/** Compressed rows: the distinct items of each of `rows` rows, in `order` (default ascending), from [row, item] pairs. */
function csr(
  rows: number,
  pairs: ReadonlyArray<readonly [number, number]>,
  order = (a: number, b: number) => a - b,
): { start: Int32Array; items: Int32Array } {
  const sets = Array.from({ length: rows }, () => new Set<number>());
  for (const [row, item] of pairs) sets[row]?.add(item);
  const start = new Int32Array(rows + 1);
  const items: number[] = [];
  sets.forEach((set, r) => {
    items.push(...[...set].sort(order));
    start[r + 1] = items.length;
  });
  return { start, items: Int32Array.from(items) };
}
