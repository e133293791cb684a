/**
 * Seeded what-if documents for tests: perspectives, objectives, measures of every method (with
 * and without valid ranges and actuals), upward links, investments and impacts of both curves
 * with lags. Valid by construction; the same seed gives the same document.
 */
import fc from "fast-check";
import type { Measure, ScorecardDocument } from "../../shared/domain/types.ts";
import { prng } from "../../shared/random/prng.ts";
import { builder } from "./docs.ts";

export interface WhatIfShape {
  investments: number;
  measures: number;
  objectives?: number;
  /** Impacts per investment (each on a random measure). */
  impactsPerInvestment?: number;
  /** Share of measures that are band or binary (non-monotone or stepped); default 0.3. */
  steppedShare?: number;
  maxLag?: number;
  periods?: number;
}

export function whatIfDoc(seed: number, shape: WhatIfShape): ScorecardDocument {
  const rand = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const b = builder(shape.periods ?? 4);
  b.doc.scorecard.scoring.cap = pick([1, 1, 1.2, 1.5]);
  const perspectives = ["Business Value", "Stakeholders", "Operations", "Future"].map((name) =>
    b.perspective(name, 1 + Math.floor(rand() * 3)),
  );
  const objectiveCount = Math.max(1, shape.objectives ?? Math.ceil(shape.measures / 3));
  const objectives = Array.from({ length: objectiveCount }, (_, o) => ({
    id: b.objective(perspectives[o % perspectives.length] as string, `Objective ${o + 1}`, 1 + Math.floor(rand() * 3)),
    order: o % perspectives.length,
  }));
  // Upward links only (from a lower perspective, or the same one from an earlier objective): a DAG.
  for (let o = 0; o < objectiveCount; o++) {
    for (let t = 0; t < objectiveCount; t++) {
      const from = objectives[o] as (typeof objectives)[number];
      const to = objectives[t] as (typeof objectives)[number];
      const upward = from.order > to.order || (from.order === to.order && o < t);
      if (upward && rand() < 0.25) b.link(from.id, to.id, Math.round(rand() * 100) / 100);
    }
  }
  const measures: Measure[] = [];
  const stepped = shape.steppedShare ?? 0.3;
  for (let i = 0; i < shape.measures; i++) {
    const objectiveId = (objectives[i % objectiveCount] as (typeof objectives)[number]).id;
    const baseline = Math.round(rand() * 100);
    const roll = rand();
    let fields: Partial<Measure>;
    if (roll < stepped / 2) {
      fields = {
        method: "band",
        direction: "band",
        baseline,
        target: baseline,
        band: { low: baseline - 5, high: baseline + 5, tolerance: 10 },
      };
    } else if (roll < stepped) {
      const lower = rand() < 0.5;
      fields = {
        method: "binary",
        direction: lower ? "lower" : "higher",
        baseline,
        target: lower ? baseline - 5 : baseline + 5,
      };
    } else {
      const lower = rand() < 0.4;
      const span = 5 + Math.round(rand() * 30);
      fields = {
        method: "linear",
        direction: lower ? "lower" : "higher",
        baseline,
        target: lower ? baseline - span : baseline + span,
      };
    }
    if (rand() < 0.3) fields.validRange = { min: -50, max: 150 };
    fields.weight = 1 + Math.floor(rand() * 4);
    fields.kind = rand() < 0.5 ? "leading" : "lagging";
    const id = b.measure(objectiveId, fields);
    const m = b.doc.measures.at(-1) as Measure;
    measures.push(m);
    if (rand() < 0.8)
      b.actual(id, Math.floor(rand() * b.doc.periods.length), m.baseline + (m.target - m.baseline) * rand());
  }
  for (let n = 0; n < shape.investments; n++) {
    const base = pick([0, 100_000, 250_000, 1_000_000, 2_500_000]) || (rand() < 0.9 ? 500_000 : 0);
    const inv = b.investment(`Investment ${n + 1}`, base, {
      minSpend: Math.round(base * rand() * 0.5),
      maxSpend: Math.round(base * (1.5 + rand() * 2)),
      category: pick(["run", "grow", "transform"] as const),
    });
    for (let k = 0; k < (shape.impactsPerInvestment ?? 2); k++) {
      const m = pick(measures);
      const good = m.direction === "lower" ? -1 : 1;
      const sign = rand() < 0.85 ? good : -good;
      b.impact(inv, m.id, sign * Math.round(1 + rand() * 20), {
        curve: rand() < 0.5 ? "linear" : "saturating",
        lag: Math.floor(rand() * ((shape.maxLag ?? 3) + 1)),
        confidence: pick(["low", "medium", "high"] as const),
      });
    }
  }
  return b.doc;
}

/** fast-check arbitrary over seeds and small shapes (shrinks toward fewer investments and measures). */
export const whatIfDocArb = fc
  .record({
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    investments: fc.integer({ min: 1, max: 5 }),
    measures: fc.integer({ min: 1, max: 12 }),
  })
  .map(({ seed, investments, measures }) => whatIfDoc(seed, { investments, measures }));
