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
    objectiveCovered: Float64Array;
    leadWeighted: Float64Array;
    leadWeight: Float64Array;
    lagWeighted: Float64Array;
    lagWeight: Float64Array;
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
      leadWeighted: f(P),
      leadWeight: f(P),
      lagWeighted: f(P),
      lagWeight: f(P),
      perspectiveWeighted: f(Q * P),
      perspectiveWeight: f(Q * P),
      overallWeighted: f(P),
      overallWeight: f(P),
      perspectiveRoot: new Int32Array(Q),
      rootWeightTotal: Float64Array.of(model.perspectiveWeightSum),
    },
  };
}

/**
 * Scores every cell and rolls up. `values` replaces the model's cell values when given (the
 * what-if engine passes projected values); it must have the model's M × P layout.
 */
export function scoreAll(
  model: ScoringModel,
  out: ScoreTable = createScoreTable(model),
  values: Float64Array = model.value,
): ScoreTable {
  const P = model.periodCount;
  const { objectiveWeighted, objectiveWeight, objectiveCovered, leadWeighted, leadWeight, lagWeighted, lagWeight } =
    out.scratch;
  objectiveWeighted.fill(0);
  objectiveWeight.fill(0);
  objectiveCovered.fill(0);
  leadWeighted.fill(0);
  leadWeight.fill(0);
  lagWeighted.fill(0);
  lagWeight.fill(0);

  const zeroWhenMissing = model.policy === "zero";
  const { cap, method, lowerIsBetter, baseline, bandLow, bandHigh, bandTolerance, weight, absoluteWeight, target } =
    model;
  const measureScore = out.measure;

  for (let i = 0; i < model.measureCount; i++) {
    const oBase = (model.measureObjective[i] as number) * P;
    const w = weight[i] as number;
    const aw = absoluteWeight[i] as number;
    const isLeading = model.leading[i] === 1;
    const m = method[i] as number;
    const lower = lowerIsBetter[i] === 1;
    const b = baseline[i] as number;
    const lo = bandLow[i] as number;
    const hi = bandHigh[i] as number;
    const tol = bandTolerance[i] as number;
    const cellBase = i * P;
    for (let k = 0; k < P; k++) {
      const cell = cellBase + k;
      const a = values[cell] as number;
      let p: number;
      if (!Number.isNaN(a)) {
        p = achievement(m, lower, a, b, target[cell] as number, lo, hi, tol, cap);
        objectiveCovered[oBase + k] = (objectiveCovered[oBase + k] as number) + w;
      } else if (zeroWhenMissing) {
        p = 0;
      } else {
        measureScore[cell] = Number.NaN;
        continue;
      }
      measureScore[cell] = p;
      objectiveWeighted[oBase + k] = (objectiveWeighted[oBase + k] as number) + w * p;
      objectiveWeight[oBase + k] = (objectiveWeight[oBase + k] as number) + w;
      if (isLeading) {
        leadWeighted[k] = (leadWeighted[k] as number) + aw * p;
        leadWeight[k] = (leadWeight[k] as number) + aw;
      } else {
        lagWeighted[k] = (lagWeighted[k] as number) + aw * p;
        lagWeight[k] = (lagWeight[k] as number) + aw;
      }
    }
  }

  rollUp(model, out);
  for (let k = 0; k < P; k++) {
    out.leading[k] = ratioOrNaN(leadWeighted[k] as number, leadWeight[k] as number);
    out.lagging[k] = ratioOrNaN(lagWeighted[k] as number, lagWeight[k] as number);
  }
  return out;
}

/** Objectives → perspectives → overall, from the objective sums that scoreAll accumulated. */
function rollUp(model: ScoringModel, out: ScoreTable): void {
  const P = model.periodCount;
  const { objectiveWeighted, objectiveWeight, objectiveCovered } = out.scratch;
  const scratch = out.scratch;
  for (let o = 0; o < model.objectiveCount; o++) {
    const total = model.objectiveWeightTotal[o] as number;
    for (let k = 0, c = o * P; k < P; k++, c++) {
      out.objective[c] = ratioOrNaN(objectiveWeighted[c] as number, objectiveWeight[c] as number);
      out.objectiveCoverage[c] = total > 0 ? (objectiveCovered[c] as number) / total : 0;
    }
  }
  weightedMean(
    out.objective,
    out.objectiveCoverage,
    model.objectiveWeight,
    model.objectivePerspective,
    model.perspectiveWeightTotal,
    P,
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
    P,
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
  P: number,
  parent: {
    score: Float64Array;
    coverage: Float64Array;
    weighted: Float64Array;
    weight: Float64Array;
  },
): void {
  const parents = parentWeightTotal.length;
  const { score: parentScore, coverage: parentCoverage, weighted, weight: weightWithScore } = parent;
  parentCoverage.fill(0);
  weighted.fill(0);
  weightWithScore.fill(0);
  for (let c = 0; c < childWeight.length; c++) {
    const w = childWeight[c] as number;
    const base = (childParent[c] as number) * P;
    for (let k = 0; k < P; k++) {
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
    for (let k = 0, c = g * P; k < P; k++, c++) {
      parentScore[c] = ratioOrNaN(weighted[c] as number, weightWithScore[c] as number);
      parentCoverage[c] = total > 0 ? (parentCoverage[c] as number) / total : 0;
    }
  }
}

/** Weighted mean, or NaN ("no score") when no weight carries data. */
function ratioOrNaN(weighted: number, weight: number): number {
  return weight > 0 ? weighted / weight : Number.NaN;
}
