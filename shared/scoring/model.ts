/**
 * Compiles a validated document into the flat layout the scoring loop runs over: one typed-array
 * slot per measure, one per measure × period cell (row-major: cell = measure · P + period), and
 * index arrays for the tree. Everything that does not change while scores are recomputed —
 * carry-forward of missing actuals, period targets, effective and absolute weights — is resolved
 * here once, so a re-score (every what-if slider step) is a single pass over the cells.
 */
import type { MissingPolicy, Period, ScorecardDocument, Thresholds } from "../domain/types.ts";
import { METHOD } from "./achievement.ts";

export interface ScoringModel {
  readonly doc: ScorecardDocument;
  /** Periods in start-date order; period index k refers to this order. */
  readonly periods: readonly Period[];
  readonly measureCount: number;
  readonly periodCount: number;
  readonly objectiveCount: number;
  readonly perspectiveCount: number;
  readonly cap: number;
  readonly policy: MissingPolicy;
  readonly thresholds: Thresholds;

  // Per measure (index i = position in doc.measures).
  readonly method: Uint8Array;
  readonly lowerIsBetter: Uint8Array;
  readonly leading: Uint8Array;
  readonly baseline: Float64Array;
  readonly bandLow: Float64Array;
  readonly bandHigh: Float64Array;
  readonly bandTolerance: Float64Array;
  /** The measure's own target; `target` below holds the per-period ones. */
  readonly measureTarget: Float64Array;
  /** 1 when any period of the measure has its own target (then the loop reads `target` per cell). */
  readonly hasPeriodTargets: Uint8Array;
  /** Weight within the objective after the all-zero → equal fallback. */
  readonly weight: Float64Array;
  /** Product of normalized weights down the tree (perspective · objective · measure shares). */
  readonly absoluteWeight: Float64Array;
  readonly measureObjective: Int32Array;

  // Per measure × period cell.
  /** Value scored in the cell: the actual, or under carry-forward the latest earlier one; NaN = none. */
  readonly value: Float64Array;
  /** 1 where `value` was carried forward from an earlier period. */
  readonly stale: Uint8Array;
  /** 1 where the cell has a real actual in this very period. */
  readonly hasActual: Uint8Array;
  /** Period index the value came from (−1 = none): the explanation names it. */
  readonly valueSource: Int32Array;
  /** Target in force: the period's own target, else the measure's. */
  readonly target: Float64Array;
  readonly hasPeriodTarget: Uint8Array;

  // Tree (index o = position in doc.objectives, q = position in perspectives sorted by order).
  readonly perspectiveOrder: readonly number[];
  readonly objectivePerspective: Int32Array;
  readonly objectiveWeight: Float64Array;
  /** Σ of effective measure weights per objective (the denominator of coverage). */
  readonly objectiveWeightTotal: Float64Array;
  readonly perspectiveWeight: Float64Array;
  readonly perspectiveWeightTotal: Float64Array;
  readonly perspectiveWeightSum: number;
  /** Children in document order: measure indices per objective, objective indices per perspective. */
  readonly measuresByObjective: readonly (readonly number[])[];
  readonly objectivesByPerspective: readonly (readonly number[])[];

  readonly measureIndex: ReadonlyMap<string, number>;
  readonly objectiveIndex: ReadonlyMap<string, number>;
  readonly periodIndex: ReadonlyMap<string, number>;
  /** Model-level notes, e.g. equal-weight fallbacks. */
  readonly warnings: readonly string[];
}

/** Builds the model of a document that passed validateDocument (references resolve, numbers finite). */
export function compileModel(doc: ScorecardDocument): ScoringModel {
  const warnings: string[] = [];
  const periods = [...doc.periods].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const P = periods.length;
  const M = doc.measures.length;
  const O = doc.objectives.length;
  const perspectives = [...doc.perspectives].sort((a, b) => a.order - b.order);
  const Q = perspectives.length;

  const periodIndex = new Map(periods.map((p, k) => [p.id, k]));
  const measureIndex = new Map(doc.measures.map((m, i) => [m.id, i]));
  const objectiveIndex = new Map(doc.objectives.map((o, i) => [o.id, i]));
  const perspectiveIndex = new Map(perspectives.map((p, q) => [p.id, q]));

  const method = new Uint8Array(M);
  const lowerIsBetter = new Uint8Array(M);
  const leading = new Uint8Array(M);
  const baseline = new Float64Array(M);
  const bandLow = new Float64Array(M);
  const bandHigh = new Float64Array(M);
  const bandTolerance = new Float64Array(M);
  const measureTarget = new Float64Array(M);
  const hasPeriodTargets = new Uint8Array(M);
  const measureObjective = new Int32Array(M);
  const rawMeasureWeight = new Float64Array(M);
  const target = new Float64Array(M * P);
  const hasPeriodTarget = new Uint8Array(M * P);

  doc.measures.forEach((m, i) => {
    method[i] = METHOD[m.method];
    lowerIsBetter[i] = m.direction === "lower" ? 1 : 0;
    leading[i] = m.kind === "leading" ? 1 : 0;
    baseline[i] = m.baseline;
    bandLow[i] = m.band?.low ?? 0;
    bandHigh[i] = m.band?.high ?? 0;
    bandTolerance[i] = m.band?.tolerance ?? 0;
    measureObjective[i] = objectiveIndex.get(m.objectiveId) ?? -1;
    rawMeasureWeight[i] = m.weight;
    measureTarget[i] = m.target;
    target.fill(m.target, i * P, i * P + P);
  });
  for (const pt of doc.periodTargets) {
    const cell = cellOf(measureIndex, periodIndex, P, pt.measureId, pt.periodId);
    if (cell >= 0) {
      target[cell] = pt.target;
      hasPeriodTarget[cell] = 1;
      hasPeriodTargets[Math.floor(cell / P)] = 1;
    }
  }

  const value = new Float64Array(M * P).fill(Number.NaN);
  const hasActual = new Uint8Array(M * P);
  for (const a of doc.actuals) {
    const cell = cellOf(measureIndex, periodIndex, P, a.measureId, a.periodId);
    if (cell >= 0) {
      value[cell] = a.value;
      hasActual[cell] = 1;
    }
  }
  const stale = new Uint8Array(M * P);
  const valueSource = new Int32Array(M * P).fill(-1);
  const carry = doc.scorecard.scoring.missingPolicy === "carry-forward";
  for (let i = 0; i < M; i++) {
    let last = -1;
    for (let k = 0, cell = i * P; k < P; k++, cell++) {
      if (hasActual[cell]) {
        last = k;
        valueSource[cell] = k;
      } else if (carry && last >= 0) {
        value[cell] = value[i * P + last] as number;
        valueSource[cell] = last;
        stale[cell] = 1;
      }
    }
  }

  // Effective weights: a sibling group whose weights are all 0 counts as equal (SPEC §2).
  const objectivePerspective = new Int32Array(O);
  const rawObjectiveWeight = new Float64Array(O);
  doc.objectives.forEach((o, i) => {
    objectivePerspective[i] = perspectiveIndex.get(o.perspectiveId) ?? -1;
    rawObjectiveWeight[i] = o.weight;
  });
  const weight = equalizeZeroGroups(rawMeasureWeight, measureObjective, O, (g) =>
    warnings.push(`All measures of objective "${doc.objectives[g]?.name}" weigh 0; they count as equal.`),
  );
  const objectiveWeight = equalizeZeroGroups(rawObjectiveWeight, objectivePerspective, Q, (g) =>
    warnings.push(`All objectives of perspective "${perspectives[g]?.name}" weigh 0; they count as equal.`),
  );
  const perspectiveWeight = equalizeZeroGroups(
    Float64Array.from(perspectives, (p) => p.weight),
    new Int32Array(Q),
    1,
    () => warnings.push("All perspectives weigh 0; they count as equal."),
  );

  const objectiveWeightTotal = groupSums(weight, measureObjective, O);
  const perspectiveWeightTotal = groupSums(objectiveWeight, objectivePerspective, Q);
  const perspectiveWeightSum = perspectiveWeight.reduce((s, w) => s + w, 0);

  const absoluteWeight = new Float64Array(M);
  for (let i = 0; i < M; i++) {
    const o = measureObjective[i] as number;
    const q = objectivePerspective[o] as number;
    absoluteWeight[i] =
      share(weight[i] as number, objectiveWeightTotal[o] as number) *
      share(objectiveWeight[o] as number, perspectiveWeightTotal[q] as number) *
      share(perspectiveWeight[q] as number, perspectiveWeightSum);
  }

  return {
    doc,
    periods,
    measureCount: M,
    periodCount: P,
    objectiveCount: O,
    perspectiveCount: Q,
    cap: doc.scorecard.scoring.cap,
    policy: doc.scorecard.scoring.missingPolicy,
    thresholds: doc.scorecard.scoring.thresholds,
    method,
    lowerIsBetter,
    leading,
    baseline,
    bandLow,
    bandHigh,
    bandTolerance,
    measureTarget,
    hasPeriodTargets,
    weight,
    absoluteWeight,
    measureObjective,
    value,
    stale,
    hasActual,
    valueSource,
    target,
    hasPeriodTarget,
    perspectiveOrder: perspectives.map((p) => doc.perspectives.indexOf(p)),
    objectivePerspective,
    objectiveWeight,
    objectiveWeightTotal,
    perspectiveWeight,
    perspectiveWeightTotal,
    perspectiveWeightSum,
    measuresByObjective: childrenOf(measureObjective, O),
    objectivesByPerspective: childrenOf(objectivePerspective, Q),
    measureIndex,
    objectiveIndex,
    periodIndex,
    warnings,
  };
}

function cellOf(
  measures: ReadonlyMap<string, number>,
  periods: ReadonlyMap<string, number>,
  P: number,
  measureId: string,
  periodId: string,
): number {
  const i = measures.get(measureId);
  const k = periods.get(periodId);
  return i === undefined || k === undefined ? -1 : i * P + k;
}

function childrenOf(parentOf: Int32Array, parentCount: number): number[][] {
  const children = Array.from({ length: parentCount }, (): number[] => []);
  parentOf.forEach((parent, child) => {
    children[parent]?.push(child);
  });
  return children;
}

function share(w: number, total: number): number {
  return total > 0 ? w / total : 0;
}

function groupSums(weights: Float64Array, group: Int32Array, groupCount: number): Float64Array {
  const sums = new Float64Array(groupCount);
  for (let i = 0; i < weights.length; i++) {
    const g = group[i] as number;
    sums[g] = (sums[g] as number) + (weights[i] as number);
  }
  return sums;
}

/** Copy of `weights` where every group (of two or more members) summing to 0 gets weight 1 each. */
function equalizeZeroGroups(
  weights: Float64Array,
  group: Int32Array,
  groupCount: number,
  onEqualized: (g: number) => void,
): Float64Array {
  const sums = groupSums(weights, group, groupCount);
  const counts = new Int32Array(groupCount);
  for (let i = 0; i < group.length; i++) counts[group[i] as number] = (counts[group[i] as number] as number) + 1;
  const out = Float64Array.from(weights);
  for (let i = 0; i < group.length; i++) if (sums[group[i] as number] === 0) out[i] = 1;
  for (let g = 0; g < groupCount; g++) if (sums[g] === 0 && (counts[g] as number) > 1) onEqualized(g);
  return out;
}
