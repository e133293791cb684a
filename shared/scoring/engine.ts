/**
 * The re-score: one pass over every measure × period cell of a compiled model, then the roll-up
 * (SPEC §2): objective = Σ wᵢpᵢ / Σ wᵢ over measures with a score, perspective likewise over
 * objectives, overall over perspectives, with the coverage (share of weight that has data) at
 * each level and the leading and lagging indices. Output buffers can be reused across calls, so
 * a what-if slider step allocates nothing.
 *
 * Inside the tables NaN marks "no score"; public readers (view.ts, explain.ts) turn it into null,
 * so NaN never leaves the scoring module.
 */
import { achievement } from "./achievement.ts";
import type { ScoringModel } from "./model.ts";

export interface ScoreTable {
  /** p per measure × period cell; NaN = no score. */
  readonly measure: Float64Array;
  /** Per objective × period. */
  readonly objective: Float64Array;
  readonly objectiveCoverage: Float64Array;
  /** Per perspective (in order) × period. */
  readonly perspective: Float64Array;
  readonly perspectiveCoverage: Float64Array;
  /** Per period. */
  readonly overall: Float64Array;
  readonly overallCoverage: Float64Array;
  readonly leading: Float64Array;
  readonly lagging: Float64Array;
  /** Scratch sums, kept so a reused table allocates nothing. */
  readonly scratch: {
    objectiveWeighted: Float64Array;
    objectiveWeight: Float64Array;
    /** Σ weight of measures with data; only the "zero" policy needs it apart from objectiveWeight. */
    objectiveCovered: Float64Array;
    /** Leading and lagging index sums, four blocks of P: lead Σw·p, lead Σw, lag Σw·p, lag Σw. */
    indexSums: Float64Array;
    perspectiveWeighted: Float64Array;
    perspectiveWeight: Float64Array;
    overallWeighted: Float64Array;
    overallWeight: Float64Array;
    /** Every perspective's parent is the one root; its total weight is Σ perspective weights. */
    perspectiveRoot: Int32Array;
    rootWeightTotal: Float64Array;
  };
}

export function createScoreTable(model: ScoringModel): ScoreTable {
  const { measureCount: M, periodCount: P, objectiveCount: O, perspectiveCount: Q } = model;
  const f = (n: number) => new Float64Array(n);
  return {
    measure: f(M * P),
    objective: f(O * P),
    objectiveCoverage: f(O * P),
    perspective: f(Q * P),
    perspectiveCoverage: f(Q * P),
    overall: f(P),
    overallCoverage: f(P),
    leading: f(P),
    lagging: f(P),
    scratch: {
      objectiveWeighted: f(O * P),
      objectiveWeight: f(O * P),
      objectiveCovered: f(O * P),
      indexSums: f(4 * P),
      perspectiveWeighted: f(Q * P),
      perspectiveWeight: f(Q * P),
      overallWeighted: f(P),
      overallWeight: f(P),
      perspectiveRoot: new Int32Array(Q),
      rootWeightTotal: Float64Array.of(model.perspectiveWeightSum),
    },
  };
}

export interface ScoreOptions {
  /** Reused output (allocated when absent): a what-if slider step then allocates nothing. */
  out?: ScoreTable;
  /** Cell values to score instead of the model's (the what-if engine passes projected values), M × P layout. */
  values?: Float64Array;
  /** Period range [from, to) to score; the rest of `out` is left as it was. Default: every period. */
  from?: number;
  to?: number;
}

/** Scores every cell of the period range and rolls up. */
export function scoreAll(model: ScoringModel, options: ScoreOptions = {}): ScoreTable {
  const P = model.periodCount;
  const out = options.out ?? createScoreTable(model);
  const values = options.values ?? model.value;
  const from = Math.max(0, options.from ?? 0);
  const to = Math.min(P, options.to ?? P);
  const zeroWhenMissing = model.policy === "zero";
  const { objectiveWeighted, objectiveWeight, objectiveCovered, indexSums } = out.scratch;
  clearRange(objectiveWeighted, P, from, to);
  clearRange(objectiveWeight, P, from, to);
  if (zeroWhenMissing) clearRange(objectiveCovered, P, from, to);
  clearRange(indexSums, P, from, to);

  const { cap, method, lowerIsBetter, baseline, bandLow, bandHigh, bandTolerance, weight, absoluteWeight } = model;
  const { measureTarget, hasPeriodTargets, target, measureObjective, leading, measureCount } = model;
  const measureScore = out.measure;

  for (let i = 0; i < measureCount; i++) {
    const oBase = (measureObjective[i] as number) * P;
    const w = weight[i] as number;
    const aw = absoluteWeight[i] as number;
    const ix = leading[i] === 1 ? 0 : 2 * P; // which block of indexSums
    const m = method[i] as number;
    const lower = lowerIsBetter[i] === 1;
    const b = baseline[i] as number;
    const t = measureTarget[i] as number;
    const perPeriodTarget = hasPeriodTargets[i] === 1;
    const lo = bandLow[i] as number;
    const hi = bandHigh[i] as number;
    const tol = bandTolerance[i] as number;
    const cellBase = i * P;
    for (let k = from; k < to; k++) {
      const cell = cellBase + k;
      const a = values[cell] as number;
      let p: number;
      if (!Number.isNaN(a)) {
        p = achievement(m, lower, a, b, perPeriodTarget ? (target[cell] as number) : t, lo, hi, tol, cap);
        if (zeroWhenMissing) objectiveCovered[oBase + k] = (objectiveCovered[oBase + k] as number) + w;
      } else if (zeroWhenMissing) {
        p = 0;
      } else {
        measureScore[cell] = Number.NaN;
        continue;
      }
      measureScore[cell] = p;
      objectiveWeighted[oBase + k] = (objectiveWeighted[oBase + k] as number) + w * p;
      objectiveWeight[oBase + k] = (objectiveWeight[oBase + k] as number) + w;
      indexSums[ix + k] = (indexSums[ix + k] as number) + aw * p;
      indexSums[ix + P + k] = (indexSums[ix + P + k] as number) + aw;
    }
  }

  rollUp(model, out, from, to);
  for (let k = from; k < to; k++) {
    out.leading[k] = ratioOrNaN(indexSums[k] as number, indexSums[P + k] as number);
    out.lagging[k] = ratioOrNaN(indexSums[2 * P + k] as number, indexSums[3 * P + k] as number);
  }
  return out;
}

/** Objectives → perspectives → overall, from the objective sums that scoreAll accumulated. */
function rollUp(model: ScoringModel, out: ScoreTable, from: number, to: number): void {
  const P = model.periodCount;
  const { objectiveWeighted, objectiveWeight } = out.scratch;
  // Under "zero" a missing actual weighs in the score but not in the coverage; otherwise the two agree.
  const covered = model.policy === "zero" ? out.scratch.objectiveCovered : objectiveWeight;
  const scratch = out.scratch;
  for (let o = 0; o < model.objectiveCount; o++) {
    const total = model.objectiveWeightTotal[o] as number;
    for (let k = from, c = o * P + from; k < to; k++, c++) {
      out.objective[c] = ratioOrNaN(objectiveWeighted[c] as number, objectiveWeight[c] as number);
      out.objectiveCoverage[c] = total > 0 ? (covered[c] as number) / total : 0;
    }
  }
  weightedMean(
    out.objective,
    out.objectiveCoverage,
    model.objectiveWeight,
    model.objectivePerspective,
    model.perspectiveWeightTotal,
    { P, from, to },
    {
      score: out.perspective,
      coverage: out.perspectiveCoverage,
      weighted: scratch.perspectiveWeighted,
      weight: scratch.perspectiveWeight,
    },
  );
  weightedMean(
    out.perspective,
    out.perspectiveCoverage,
    model.perspectiveWeight,
    scratch.perspectiveRoot,
    scratch.rootWeightTotal,
    { P, from, to },
    {
      score: out.overall,
      coverage: out.overallCoverage,
      weighted: scratch.overallWeighted,
      weight: scratch.overallWeight,
    },
  );
}

/**
 * Parent score per period = Σ w·s / Σ w over children with a score; parent coverage =
 * Σ w·coverage / Σ w over all children (the share of the parent's weight that has data).
 */
function weightedMean(
  childScore: Float64Array,
  childCoverage: Float64Array,
  childWeight: Float64Array,
  childParent: Int32Array,
  parentWeightTotal: Float64Array,
  { P, from, to }: { P: number; from: number; to: number },
  parent: {
    score: Float64Array;
    coverage: Float64Array;
    weighted: Float64Array;
    weight: Float64Array;
  },
): void {
  const parents = parentWeightTotal.length;
  const { score: parentScore, coverage: parentCoverage, weighted, weight: weightWithScore } = parent;
  clearRange(parentCoverage, P, from, to);
  clearRange(weighted, P, from, to);
  clearRange(weightWithScore, P, from, to);
  for (let c = 0; c < childWeight.length; c++) {
    const w = childWeight[c] as number;
    const base = (childParent[c] as number) * P;
    for (let k = from; k < to; k++) {
      const s = childScore[c * P + k] as number;
      parentCoverage[base + k] = (parentCoverage[base + k] as number) + w * (childCoverage[c * P + k] as number);
      if (!Number.isNaN(s)) {
        weighted[base + k] = (weighted[base + k] as number) + w * s;
        weightWithScore[base + k] = (weightWithScore[base + k] as number) + w;
      }
    }
  }
  for (let g = 0; g < parents; g++) {
    const total = parentWeightTotal[g] as number;
    for (let k = from, c = g * P + from; k < to; k++, c++) {
      parentScore[c] = ratioOrNaN(weighted[c] as number, weightWithScore[c] as number);
      parentCoverage[c] = total > 0 ? (parentCoverage[c] as number) / total : 0;
    }
  }
}

/** Zeroes periods [from, to) of every row of a row-major (rows × P) array; plain loops beat many fill() calls. */
function clearRange(arr: Float64Array, P: number, from: number, to: number): void {
  if (from === 0 && to === P) {
    arr.fill(0);
    return;
  }
  for (let base = 0; base < arr.length; base += P) for (let k = from; k < to; k++) arr[base + k] = 0;
}

/** Weighted mean, or NaN ("no score") when no weight carries data. */
function ratioOrNaN(weighted: number, weight: number): number {
  return weight > 0 ? weighted / weight : Number.NaN;
}
