/**
 * Deterministic synthetic scorecards of the SPEC §6 work sizes: a mix of methods, directions,
 * weights and missing actuals close to what a real scorecard holds, from a fixed seed.
 */
import { DEFAULT_SCORING } from "../../shared/domain/limits.ts";
import { periodSequence } from "../../shared/domain/periods.ts";
import type { Measure, ScorecardDocument } from "../../shared/domain/types.ts";
import { prng } from "../../shared/random/prng.ts";
import { idSequence } from "../support/docs.ts";

export interface WorkSize {
  measures: number;
  periods: number;
  investments?: number;
}

export const REALISTIC: WorkSize = { measures: 200, periods: 24 };
export const LARGE: WorkSize = { measures: 10_000, periods: 36 };
/** SPEC §6's what-if size: 1,000 measures and 20 investments. */
export const WHAT_IF: WorkSize = { measures: 1_000, periods: 24, investments: 20 };

/** A work size as the bench report's rows name it: "10,000 measures × 36 periods". */
export function sizeLabel(size: WorkSize): string {
  return `${size.measures.toLocaleString("en-US")} measures × ${size.periods} periods`;
}

export function syntheticScorecard(size: WorkSize, seed = 42): ScorecardDocument {
  const rand = prng(seed);
  const newId = idSequence();
  const now = "2026-01-01T00:00:00.000Z";
  const perspectiveNames = ["Business Value", "Stakeholders", "Operational Excellence", "Future Readiness"];
  const perspectives = perspectiveNames.map((name, order) => ({
    id: newId(),
    name,
    description: "",
    order,
    weight: 1 + Math.floor(rand() * 3),
    color: "#336699",
  }));
  // About ten measures per objective, as in real scorecards.
  const objectiveCount = Math.max(perspectives.length, Math.round(size.measures / 10));
  const objectives = Array.from({ length: objectiveCount }, (_, o) => ({
    id: newId(),
    perspectiveId: (perspectives[o % perspectives.length] as { id: string }).id,
    name: `Objective ${o + 1}`,
    description: "",
    owner: "",
    weight: 1 + Math.floor(rand() * 3),
    position: null,
  }));
  const periods = periodSequence("month", "2024-01-01", size.periods).map((slot) => ({ id: newId(), ...slot }));

  const measures: Measure[] = [];
  const actuals: ScorecardDocument["actuals"] = [];
  for (let i = 0; i < size.measures; i++) {
    const kind = rand();
    const baseline = Math.round(rand() * 100);
    const common = {
      id: newId(),
      objectiveId: (objectives[i % objectiveCount] as { id: string }).id,
      name: `Measure ${i + 1}`,
      description: "",
      unit: "%",
      kind: rand() < 0.5 ? "leading" : "lagging",
      validRange: null,
      weight: 1 + Math.floor(rand() * 4),
      frequency: "month",
      owner: "",
      dataSource: "",
      thresholds: null,
    } as const;
    let m: Measure;
    if (kind < 0.7) {
      const lower = rand() < 0.4;
      m = {
        ...common,
        method: "linear",
        direction: lower ? "lower" : "higher",
        baseline,
        target: lower ? baseline - 10 - Math.round(rand() * 20) : baseline + 10 + Math.round(rand() * 20),
        band: null,
      };
    } else if (kind < 0.85) {
      m = {
        ...common,
        method: "band",
        direction: "band",
        baseline,
        target: baseline,
        band: { low: baseline - 5, high: baseline + 5, tolerance: 10 },
      };
    } else {
      m = { ...common, method: "binary", direction: "higher", baseline, target: baseline + 5, band: null };
    }
    measures.push(m);
    for (let k = 0; k < size.periods; k++) {
      if (rand() < 0.05) continue; // ~5 % missing: carry-forward has work to do
      const progress = k / Math.max(1, size.periods - 1);
      const value = m.baseline + (m.target - m.baseline) * progress + (rand() - 0.5) * 10;
      actuals.push({ measureId: m.id, periodId: (periods[k] as { id: string }).id, value, note: "" });
    }
  }

  const { links, investments, impacts } = whatIfParts(
    size.investments ?? 0,
    objectives,
    perspectives,
    measures,
    rand,
    newId,
  );
  return {
    scorecard: {
      id: newId(),
      title: `Synthetic ${size.measures} × ${size.periods}`,
      organization: "Bench",
      currency: "USD",
      periodKind: "month",
      scoring: { ...DEFAULT_SCORING, thresholds: { ...DEFAULT_SCORING.thresholds } },
      createdAt: now,
      modifiedAt: now,
      appVersion: "bench",
    },
    perspectives,
    objectives,
    links,
    measures,
    periods,
    periodTargets: [],
    actuals,
    investments,
    impacts,
    scenarios: [],
  };
}

/**
 * Links, investments and impacts for a what-if workload: about 1.5 upward links per objective,
 * and every measure moved by one investment (a third of them by a second one too), with both
 * curves, lags 0–4 and every confidence. Heavier than a real scorecard, where many measures
 * have no impact at all.
 */
function whatIfParts(
  investmentCount: number,
  objectives: ScorecardDocument["objectives"],
  perspectives: ScorecardDocument["perspectives"],
  measures: Measure[],
  rand: () => number,
  newId: () => string,
): Pick<ScorecardDocument, "links" | "investments" | "impacts"> {
  if (investmentCount === 0) return { links: [], investments: [], impacts: [] };
  const order = new Map(perspectives.map((p) => [p.id, p.order]));
  const links: ScorecardDocument["links"] = [];
  for (const from of objectives) {
    const above = objectives.filter((to) => (order.get(to.perspectiveId) ?? 0) < (order.get(from.perspectiveId) ?? 0));
    for (let k = 0; k < 3 && above.length > 0; k++) {
      if (rand() < 0.5) continue;
      const to = above[Math.floor(rand() * above.length)] as (typeof above)[number];
      if (links.some((l) => l.fromId === from.id && l.toId === to.id)) continue;
      links.push({ id: newId(), fromId: from.id, toId: to.id, strength: Math.round(rand() * 100) / 100, note: "" });
    }
  }
  const investments = Array.from({ length: investmentCount }, (_, n) => {
    const baseSpend = 250_000 + Math.round(rand() * 40) * 50_000;
    return {
      id: newId(),
      name: `Investment ${n + 1}`,
      description: "",
      category: (["run", "grow", "transform"] as const)[n % 3] as "run" | "grow" | "transform",
      baseSpend,
      minSpend: Math.round(baseSpend * 0.5),
      maxSpend: baseSpend * 3,
    };
  });
  const impacts: ScorecardDocument["impacts"] = [];
  for (const m of measures) {
    for (let k = 0; k < (rand() < 0.33 ? 2 : 1); k++) {
      const inv = investments[Math.floor(rand() * investmentCount)] as (typeof investments)[number];
      const good = m.direction === "lower" ? -1 : 1;
      impacts.push({
        id: newId(),
        investmentId: inv.id,
        measureId: m.id,
        effect: (rand() < 0.85 ? good : -good) * (1 + Math.round(rand() * 10)),
        curve: rand() < 0.5 ? "linear" : "saturating",
        lag: Math.floor(rand() * 5),
        confidence: (["low", "medium", "high"] as const)[Math.floor(rand() * 3)] as "low" | "medium" | "high",
      });
    }
  }
  return { links, investments, impacts };
}
