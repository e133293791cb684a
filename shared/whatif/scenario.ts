/**
 * What a scenario (a spend vector) does to the scorecard, as SPEC §3 asks it reported: projected
 * overall, per-perspective and per-objective scores with their deltas against base spend, total
 * spend and its delta, score points per 1 million of currency, the measures spend moves, and the
 * timeline. Plain data with null for "no score", for the UI and the CLI's `whatif --json`.
 */
import { formatMoney } from "../display/numbers.ts";
import { quote } from "../domain/readable-path.ts";
import type { ScorecardDocument } from "../domain/types.ts";
import { type Status, statusOf } from "../scoring/status.ts";
import type { WhatIfModel } from "./model.ts";
import { createWorkspace, projectTimeline, type Workspace } from "./project.ts";
import { totalOf } from "./spend.ts";
import { timelineLabels, type TimelinePoint } from "./timeline.ts";
import { finiteOrNull } from "../scoring/view.ts";

export interface ProjectedScore {
  /** At base spend. */
  baseline: number | null;
  projected: number | null;
  delta: number | null;
  /** Status of the projected score. */
  status: Status;
}

export interface ObjectiveProjection extends ProjectedScore {
  id: string;
  name: string;
}

export interface PerspectiveProjection extends ProjectedScore {
  id: string;
  name: string;
  color: string;
  objectives: ObjectiveProjection[];
}

/** A measure some impact moves: where it is now, and where the scenario takes it. */
export interface MeasureProjection {
  id: string;
  name: string;
  unit: string;
  objectiveId: string;
  current: number;
  /** Label of the period `current` was measured in; null when it is the baseline. */
  currentPeriod: string | null;
  projected: number;
  baselineScore: number;
  projectedScore: number;
}

export interface SpendLine {
  id: string;
  name: string;
  base: number;
  spend: number;
  delta: number;
  /** x = spend / base − 1; null when the base is 0 (the investment's impacts are off). */
  relativeChange: number | null;
  min: number;
  max: number;
}

export interface ScenarioResult {
  /** The period the projection starts from (its latest actuals); null when there are none. */
  referencePeriod: string | null;
  overall: ProjectedScore;
  perspectives: PerspectiveProjection[];
  measures: MeasureProjection[];
  spend: { baseline: number; projected: number; delta: number; investments: SpendLine[] };
  /** Δ overall in score points (percentage points) per 1,000,000 of extra spend; null when spend is unchanged. */
  pointsPerMillion: number | null;
  timeline: Array<TimelinePoint & { baseline: number | null }>;
  warnings: string[];
}

/** Evaluates `spend` (one entry per investment slot); `ws` may be reused across calls. */
export function evaluateScenario(
  model: WhatIfModel,
  spend: ArrayLike<number>,
  ws: Workspace = createWorkspace(model),
): ScenarioResult {
  const { baseline, scoring } = model;
  const thresholds = scoring.thresholds;
  const names = namesOf(model);

  const steps = new Float64Array(model.horizon + 1);
  const overall = projectTimeline(model, spend, ws, steps);

  const perspectives = names.perspectives.map(
    (p, q): PerspectiveProjection => ({
      id: p.id,
      name: p.name,
      color: p.color,
      ...compare(baseline.perspective[q] as number, ws.perspective[q] as number, thresholds),
      objectives: p.objectives.map((o) => ({
        id: o.id,
        name: o.name,
        ...compare(baseline.objective[o.index] as number, ws.objective[o.index] as number, thresholds),
      })),
    }),
  );
  const measures = names.measures.map(
    (m): MeasureProjection => ({
      id: m.id,
      name: m.name,
      unit: m.unit,
      objectiveId: m.objectiveId,
      current: model.current[m.index] as number,
      currentPeriod: m.currentPeriod,
      projected: ws.value[m.index] as number,
      baselineScore: model.baseScore[m.index] as number,
      projectedScore: ws.score[m.index] as number,
    }),
  );
  const investments = model.investmentIds.map((id, n): SpendLine => {
    const base = model.base[n] as number;
    const s = spend[n] as number;
    return {
      id,
      name: model.investmentNames[n] ?? id,
      base,
      spend: s,
      delta: s - base,
      relativeChange: base > 0 ? s / base - 1 : null,
      min: model.min[n] as number,
      max: model.max[n] as number,
    };
  });
  const baseTotal = totalOf(model.base);
  const total = totalOf(spend);
  const overallScore = compare(baseline.overall, overall, thresholds);
  const spendDelta = total - baseTotal;
  const baselineOverall = finiteOrNull(baseline.overall);
  return {
    referencePeriod: names.referencePeriod,
    overall: overallScore,
    perspectives,
    measures,
    spend: { baseline: baseTotal, projected: total, delta: spendDelta, investments },
    pointsPerMillion:
      spendDelta !== 0 && overallScore.delta !== null ? (overallScore.delta * 100) / (spendDelta / 1e6) : null,
    timeline: Array.from(steps, (s, t) => ({
      step: t,
      label: names.timeline[t] ?? `+${t}`,
      baseline: baselineOverall,
      projected: finiteOrNull(s),
    })),
    warnings: [...model.warnings, ...rangeWarnings(investments, model.scoring.doc.scorecard.currency)],
  };
}

interface Names {
  referencePeriod: string | null;
  timeline: string[];
  perspectives: Array<{
    id: string;
    name: string;
    color: string;
    objectives: Array<{ index: number; id: string; name: string }>;
  }>;
  measures: Array<{
    index: number;
    id: string;
    name: string;
    unit: string;
    objectiveId: string;
    currentPeriod: string | null;
  }>;
}

/**
 * The texts of a model's results, gathered once per model: reading them off the document's rows on
 * every slider step cost several times the projection itself.
 */
const namesCache = new WeakMap<WhatIfModel, Names>();
function namesOf(model: WhatIfModel): Names {
  const cached = namesCache.get(model);
  if (cached) return cached;
  const { doc, periods } = model.scoring;
  const names: Names = {
    referencePeriod: periods[model.referencePeriod]?.label ?? null,
    timeline: timelineLabels(model),
    perspectives: model.scoring.perspectiveOrder.map((docIndex, q) => {
      const p = doc.perspectives[docIndex] as ScorecardDocument["perspectives"][number];
      return {
        id: p.id,
        name: p.name,
        color: p.color,
        objectives: (model.scoring.objectivesByPerspective[q] ?? []).map((index) => {
          const o = doc.objectives[index] as ScorecardDocument["objectives"][number];
          return { index, id: o.id, name: o.name };
        }),
      };
    }),
    measures: Array.from(model.impactedMeasures, (index) => {
      const m = doc.measures[index] as ScorecardDocument["measures"][number];
      const source = model.currentSource[index] as number;
      return {
        index,
        id: m.id,
        name: m.name,
        unit: m.unit,
        objectiveId: m.objectiveId,
        currentPeriod: periods[source]?.label ?? null,
      };
    }),
  };
  namesCache.set(model, names);
  return names;
}

function compare(base: number, projected: number, thresholds: WhatIfModel["scoring"]["thresholds"]): ProjectedScore {
  const b = finiteOrNull(base);
  const p = finiteOrNull(projected);
  return { baseline: b, projected: p, delta: b === null || p === null ? null : p - b, status: statusOf(p, thresholds) };
}

/**
 * "“Security” gets $57,000,000, above its slider range of $6,000,000 to $28,500,000.": written as
 * the rest of the UI writes money and names (the UI, the comparison view and the CLI show it).
 */
function rangeWarnings(lines: readonly SpendLine[], currency: string): string[] {
  const money = (v: number) => formatMoney(v, currency);
  return lines
    .filter((l) => l.spend < l.min || l.spend > l.max)
    .map(
      (l) =>
        `${quote(l.name)} gets ${money(l.spend)}, ${l.spend > l.max ? "above" : "below"} its slider range of ` +
        `${money(l.min)} to ${money(l.max)}.`,
    );
}
