/**
 * The optimizer (SPEC §3): against brute force on small cases, against every allocation one
 * slider reaches, local optimality, the constraints and refusals, determinism, known optima.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import { prng } from "../../shared/random/prng.ts";
import { compileWhatIf, type WhatIfModel } from "../../shared/whatif/model.ts";
import { OptimizerRefused, type OptimizeResult, optimize } from "../../shared/whatif/optimize.ts";
import { createWorkspace, project } from "../../shared/whatif/project.ts";
import { baseSpend, totalOf } from "../../shared/whatif/spend.ts";
import { builder, type DocBuilder } from "../support/docs.ts";
import { whatIfDoc, whatIfDocArb } from "../support/whatif-docs.ts";

/** Settled overall score of `spend`, on a fresh workspace. */
function overallOf(model: WhatIfModel, spend: ArrayLike<number>): number {
  return project(model, spend, createWorkspace(model));
}

function rangeTotals(model: WhatIfModel): { min: number; max: number } {
  return { min: totalOf(model.min), max: totalOf(model.max) };
}

/** A small seeded document: 2–4 investments, 4–12 measures, half of them band or binary. */
function smallModel(seed: number): WhatIfModel {
  const rand = prng(seed * 7919 + 17);
  const investments = 2 + Math.floor(rand() * 3);
  const measures = 4 + Math.floor(rand() * 9);
  return compileWhatIf(whatIfDoc(seed, { investments, measures, steppedShare: 0.5 }));
}

/** A spend vector inside every slider range (a stored scenario as a user would drag it). */
function randomScenario(model: WhatIfModel, seed: number): Float64Array {
  const rand = prng(seed);
  return Float64Array.from(model.base, (_, n) => {
    const lo = model.min[n] as number;
    return lo + ((model.max[n] as number) - lo) * rand();
  });
}

/**
 * Best overall over a grid of allocations with Σ = total: every slot but the last on `levels`
 * evenly spaced values of its slider range, the last taking the remainder when it fits.
 */
function gridBest(model: WhatIfModel, total: number, levels: number): number {
  const N = model.base.length;
  const ws = createWorkspace(model);
  const s = new Float64Array(N);
  const digit = new Int32Array(N);
  const lastLo = model.min[N - 1] as number;
  const lastHi = model.max[N - 1] as number;
  let best = Number.NEGATIVE_INFINITY;
  for (;;) {
    let used = 0;
    for (let n = 0; n < N - 1; n++) {
      const lo = model.min[n] as number;
      s[n] = lo + (((model.max[n] as number) - lo) * (digit[n] as number)) / (levels - 1);
      used += s[n] as number;
    }
    const rest = total - used;
    if (rest >= lastLo && rest <= lastHi) {
      s[N - 1] = rest;
      best = Math.max(best, project(model, s, ws));
    }
    let n = 0;
    while (n < N - 1 && digit[n] === levels - 1) {
      digit[n] = 0;
      n++;
    }
    if (n === N - 1) return best;
    digit[n] = (digit[n] as number) + 1;
  }
}

function expectFeasible(model: WhatIfModel, result: OptimizeResult, total: number) {
  expect(result.total).toBe(total);
  expect(result.spend.length).toBe(model.base.length);
  for (let n = 0; n < model.base.length; n++) {
    expect(result.spend[n]).toBeGreaterThanOrEqual(model.min[n] as number);
    expect(result.spend[n]).toBeLessThanOrEqual(model.max[n] as number);
  }
  expect(Math.abs(totalOf(result.spend) - total)).toBeLessThanOrEqual(1e-9 * Math.max(1, total));
  // The reported score is the score of the reported allocation.
  expect(result.overall).toBe(overallOf(model, result.spend));
}

/**
 * The ladder step sizes the optimizer guarantees local optimality for: a quarter of the widest
 * reachable range (a slot's range cut by what the others can take or give), halved.
 */
function ladder(model: WhatIfModel, total: number): number[] {
  const { min: lo, max: hi } = model;
  const minTotal = totalOf(lo);
  const maxTotal = totalOf(hi);
  let span = 0;
  for (let n = 0; n < lo.length; n++) {
    const a = Math.max(lo[n] as number, total - (maxTotal - (hi[n] as number)));
    const b = Math.max(a, Math.min(hi[n] as number, total - (minTotal - (lo[n] as number))));
    span = Math.max(span, b - a);
  }
  return [0, 2, 4, 6, 8, 11, 15, 19].map((k) => (span / 4) * 2 ** -k);
}

function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function expectValid(b: DocBuilder) {
  const { problems } = validateDocument(b.doc);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
}

/** One linear measure (baseline 0, target 100, latest actual 50) for hand-made optima. */
function oneMeasure(): { b: DocBuilder; measure: string; objective: string } {
  const b = builder(1);
  const objective = b.objective(b.perspective("Business Value"), "Objective");
  const measure = b.measure(objective, { baseline: 0, target: 100 });
  b.actual(measure, 0, 50);
  return { b, measure, objective };
}

describe("optimize against brute force", () => {
  it("matches or beats the best of a 21-level grid of allocations on small documents", () => {
    for (let seed = 0; seed < 30; seed++) {
      const model = smallModel(seed);
      const { min, max } = rangeTotals(model);
      const rand = prng(seed + 1000);
      for (const total of [totalOf(model.base), min + (max - min) * rand()]) {
        const result = optimize(model, baseSpend(model), { total });
        expectFeasible(model, result, total);
        // Two investments: the grid is a line, so make it a fine one.
        const levels = model.base.length === 2 ? 2001 : 21;
        expect(result.overall, `seed ${seed}, total ${total}`).toBeGreaterThanOrEqual(
          gridBest(model, total, levels) - 1e-9,
        );
      }
    }
  });
});

describe("optimize against one slider", () => {
  it("matches or beats every allocation reachable by moving one slider", () => {
    for (const seed of [3, 11, 24, 40]) {
      const model = smallModel(seed);
      for (const current of [baseSpend(model), randomScenario(model, seed)]) {
        for (let n = 0; n < model.base.length; n++) {
          const lo = model.min[n] as number;
          const hi = model.max[n] as number;
          for (const position of [0, 0.37, 1]) {
            const moved = Float64Array.from(current);
            moved[n] = lo + (hi - lo) * position;
            const total = totalOf(moved);
            const result = optimize(model, current, { total });
            expectFeasible(model, result, total);
            expect(result.overall, `seed ${seed}, slot ${n} at ${position}`).toBeGreaterThanOrEqual(
              overallOf(model, moved) - 1e-12,
            );
          }
        }
      }
    }
  });

  it("never proposes less than the current allocation when it is feasible", () => {
    for (let seed = 50; seed < 60; seed++) {
      const model = smallModel(seed);
      const current = randomScenario(model, seed);
      const result = optimize(model, current);
      expect(result.startOverall).toBe(overallOf(model, current));
      expect(result.overall).toBeGreaterThanOrEqual(result.startOverall);
      expectFeasible(model, result, totalOf(current));
    }
  });
});

describe("local optimality", () => {
  it("leaves no improving transfer between two slots at the ladder's step sizes", () => {
    for (const seed of [1, 7, 15, 33, 61, 77]) {
      const model = smallModel(seed);
      const { min, max } = rangeTotals(model);
      const total = min + (max - min) * prng(seed)();
      const result = optimize(model, baseSpend(model), { total });
      const ws = createWorkspace(model);
      const N = model.base.length;
      const threshold = 1e-9 * Math.max(1, total);
      for (const delta of ladder(model, total)) {
        for (let i = 0; i < N; i++) {
          for (let j = 0; j < N; j++) {
            if (i === j) continue;
            const s = Float64Array.from(result.spend);
            const d = Math.min(
              delta,
              (s[i] as number) - (model.min[i] as number),
              (model.max[j] as number) - (s[j] as number),
            );
            if (!(d >= threshold)) continue;
            s[i] = Math.max(model.min[i] as number, (s[i] as number) - d);
            s[j] = Math.min(model.max[j] as number, (s[j] as number) + d);
            expect(project(model, s, ws), `seed ${seed}: ${d} from ${i} to ${j}`).toBeLessThanOrEqual(
              result.overall + 1e-9,
            );
          }
        }
      }
    }
  });
});

describe("known optima", () => {
  it("splits between two equal saturating investments so that their marginal gains match", () => {
    // A and B move one linear measure, B twice as strongly (E = 10 and 20, both saturating, same
    // base): 10·2^(−xA) = 20·2^(−xB) and xA + xB = 1 give xA = 0, xB = 1. Neither the greedy nor
    // the lattice lands there exactly; only the search does.
    const { b, measure } = oneMeasure();
    const a = b.investment("A", 1_000_000, { minSpend: 0, maxSpend: 3_000_000 });
    const c = b.investment("B", 1_000_000, { minSpend: 0, maxSpend: 3_000_000 });
    b.impact(a, measure, 10, { curve: "saturating" });
    b.impact(c, measure, 20, { curve: "saturating" });
    expectValid(b);
    const model = compileWhatIf(b.doc);
    const result = optimize(model, [2_500_000, 500_000]);
    expectFeasible(model, result, 3_000_000);
    expect(Math.abs((result.spend[0] as number) - 1_000_000)).toBeLessThanOrEqual(10);
    // (50 + 10·f(0) + 20·f(1)) / 100 with f(1) = 1.
    expect(result.overall).toBeGreaterThan(0.7 - 1e-11);
    expect(result.overall).toBeLessThanOrEqual(0.7 + 1e-12);
  });

  it("splits equally between two identical saturating investments", () => {
    const { b, measure } = oneMeasure();
    for (const name of ["A", "B"]) {
      const inv = b.investment(name, 1_000_000, { minSpend: 0, maxSpend: 3_000_000 });
      b.impact(inv, measure, 10, { curve: "saturating" });
    }
    expectValid(b);
    const model = compileWhatIf(b.doc);
    const result = optimize(model, [2_900_000, 100_000]);
    expect(result.spend[0]).toBeCloseTo(1_500_000, -1);
    expect(result.spend[1]).toBeCloseTo(1_500_000, -1);
    expect(result.overall).toBeCloseTo(0.5 + 0.4 * (1 - 2 ** -0.5), 11);
  });

  it("gives the better of two linear investments all it can take", () => {
    // Both add 10 per doubling; A's base is half B's, so A buys twice the value per unit.
    const { b, measure } = oneMeasure();
    const a = b.investment("A", 1_000_000, { minSpend: 500_000, maxSpend: 2_000_000 });
    const c = b.investment("B", 2_000_000, { minSpend: 1_000_000, maxSpend: 4_000_000 });
    b.impact(a, measure, 10);
    b.impact(c, measure, 10);
    expectValid(b);
    const model = compileWhatIf(b.doc);
    const result = optimize(model, baseSpend(model));
    expect(Array.from(result.spend)).toEqual([2_000_000, 1_000_000]);
    expect(result.overall).toBeCloseTo(0.55, 12);
    expect(result.startOverall).toBeCloseTo(0.5, 12);
  });

  it("meets a binary target with exactly the spend it needs", () => {
    // B meets a binary measure once 50 + 20·xB ≥ 60, at B = 1.5M; every unit beyond that is
    // better spent on A, whose linear measure shares the objective.
    const { b, measure, objective } = oneMeasure();
    const binary = b.measure(objective, { method: "binary", baseline: 50, target: 60 });
    b.actual(binary, 0, 50);
    const a = b.investment("A", 1_000_000, { minSpend: 0, maxSpend: 2_000_000 });
    const c = b.investment("B", 1_000_000, { minSpend: 0, maxSpend: 2_000_000 });
    b.impact(a, measure, 10);
    b.impact(c, binary, 20);
    expectValid(b);
    const model = compileWhatIf(b.doc);
    const result = optimize(model, baseSpend(model));
    expect(result.startOverall).toBeCloseTo(0.25, 12);
    expect(result.spend[1]).toBeGreaterThanOrEqual(1_500_000);
    expect(result.spend[1]).toBeLessThanOrEqual(1_500_001);
    // (p(A) + p(B)) / 2 = ((50 + 10·(−0.5)) / 100 + 1) / 2.
    expect(result.overall).toBeCloseTo(0.725, 8);
  });
});

describe("constraints and refusals", () => {
  function twoSliders(): WhatIfModel {
    const { b, measure } = oneMeasure();
    const a = b.investment("Cloud migration", 1_000_000, { minSpend: 200_000, maxSpend: 1_500_000 });
    const c = b.investment("Service desk", 2_000_000, { minSpend: 1_000_000, maxSpend: 3_000_000 });
    b.impact(a, measure, 10, { curve: "saturating" });
    b.impact(c, measure, 5);
    expectValid(b);
    return compileWhatIf(b.doc);
  }

  function refusal(run: () => unknown): OptimizerRefused {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(OptimizerRefused);
      expect((error as Error).name).toBe("OptimizerRefused");
      return error as OptimizerRefused;
    }
    throw new Error("expected OptimizerRefused");
  }

  it("refuses a total the slider ranges cannot reach, naming the range", () => {
    const model = twoSliders();
    const current = baseSpend(model);
    expect(refusal(() => optimize(model, current, { total: 5_000_000 })).message).toBe(
      "the total 5000000 is outside what the slider ranges allow: 1200000 … 4500000",
    );
    expect(refusal(() => optimize(model, current, { total: 1_000_000 })).message).toBe(
      "the total 1000000 is outside what the slider ranges allow: 1200000 … 4500000",
    );
    for (const total of [Number.NaN, Number.POSITIVE_INFINITY, -5]) {
      expect(refusal(() => optimize(model, current, { total })).message).toContain("1200000 … 4500000");
    }
    expect(refusal(() => optimize(model, current, { total: -5 })).message).toContain("negative");
    // The default total is the current one: a scenario beyond every range is refused too.
    expect(refusal(() => optimize(model, [4_000_000, 4_000_000])).message).toContain("8000000");
  });

  it("accepts the ends of the reachable range, where only one allocation exists", () => {
    const model = twoSliders();
    expect(Array.from(optimize(model, baseSpend(model), { total: 1_200_000 }).spend)).toEqual([200_000, 1_000_000]);
    expect(Array.from(optimize(model, baseSpend(model), { total: 4_500_000 }).spend)).toEqual([1_500_000, 3_000_000]);
  });

  it("brings a scenario outside the slider ranges back inside them", () => {
    const model = twoSliders();
    const current = [1_900_000, 900_000];
    const result = optimize(model, current, { total: 3_000_000 });
    expect(result.startOverall).toBe(overallOf(model, current));
    expectFeasible(model, result, 3_000_000);
  });

  it("keeps every slot in range and the total exact, whatever the document (property)", () => {
    fc.assert(
      fc.property(whatIfDocArb, fc.double({ min: 0, max: 1, noNaN: true }), (doc, share) => {
        const model = compileWhatIf(doc);
        const { min, max } = rangeTotals(model);
        const total = min + (max - min) * share;
        const result = optimize(model, baseSpend(model), { total });
        expectFeasible(model, result, total);
        // No worse than base spend with one slider moved to reach the total, wherever one can.
        const base = baseSpend(model);
        for (let n = 0; n < base.length; n++) {
          const slider = total - (totalOf(base) - (base[n] as number));
          if (slider < (model.min[n] as number) || slider > (model.max[n] as number)) continue;
          const moved = Float64Array.from(base);
          moved[n] = slider;
          if (!Number.isNaN(result.overall)) {
            expect(result.overall).toBeGreaterThanOrEqual(overallOf(model, moved) - 1e-12);
          }
        }
      }),
      { numRuns: 40, seed: 20261125 },
    );
  });
});

describe("determinism and edge cases", () => {
  it("gives the same result for the same input", () => {
    const model = smallModel(5);
    const first = optimize(model, baseSpend(model));
    const second = optimize(model, baseSpend(model));
    expect(Array.from(second.spend)).toEqual(Array.from(first.spend));
    expect(second.overall).toBe(first.overall);
    expect(second.evaluations).toBe(first.evaluations);
  });

  it("does not depend on the order of investments, impacts and links in the document", () => {
    for (const seed of [2, 9]) {
      const doc = whatIfDoc(seed, { investments: 4, measures: 10 });
      const rand = prng(seed);
      const reordered: ScorecardDocument = {
        ...doc,
        investments: shuffled(doc.investments, rand),
        impacts: shuffled(doc.impacts, rand),
        links: shuffled(doc.links, rand),
      };
      const a = compileWhatIf(doc);
      const b = compileWhatIf(reordered);
      const ra = optimize(a, baseSpend(a));
      const rb = optimize(b, baseSpend(b));
      const byId = (model: WhatIfModel, r: OptimizeResult) =>
        Object.fromEntries(model.investmentIds.map((id, n) => [id, r.spend[n]]));
      expect(byId(b, rb)).toEqual(byId(a, ra));
      expect(rb.overall).toBe(ra.overall);
    }
  });

  it("treats an investment with base 0 (impacts off) as a place to park budget", () => {
    const { b, measure } = oneMeasure();
    const idle = b.investment("Idle", 0, { minSpend: 0, maxSpend: 1_000_000 });
    const busy = b.investment("Busy", 1_000_000, { minSpend: 0, maxSpend: 3_000_000 });
    b.impact(idle, measure, 30);
    b.impact(busy, measure, -10);
    expectValid(b);
    const model = compileWhatIf(b.doc);
    const slotOf = (id: string) => model.investmentIds.indexOf(id);
    // Busy only hurts: as little of it as the total allows, the rest parked on Idle.
    const current = new Float64Array(2);
    current[slotOf(busy)] = 1_500_000;
    const result = optimize(model, current);
    expect(result.spend[slotOf(idle)]).toBe(1_000_000);
    expect(result.spend[slotOf(busy)]).toBe(500_000);
    expect(result.overall).toBeCloseTo(0.55, 12);
  });

  it("returns the current allocation when no impact is active", () => {
    const model = compileWhatIf(whatIfDoc(4, { investments: 3, measures: 6, impactsPerInvestment: 0 }));
    const result = optimize(model, baseSpend(model));
    expect(Array.from(result.spend)).toEqual(Array.from(model.base));
    expect(result.overall).toBe(model.baseline.overall);
    // With another total: the allocation nearest the current one.
    const { min, max } = rangeTotals(model);
    const moved = optimize(model, baseSpend(model), { total: (min + max) / 2 });
    expectFeasible(model, moved, (min + max) / 2);
  });

  it("returns a feasible allocation and NaN when nothing has a score", () => {
    const b = builder(1);
    b.objective(b.perspective("Business Value"), "Objective without measures");
    b.investment("A", 1_000_000);
    b.investment("B", 500_000);
    expectValid(b);
    const model = compileWhatIf(b.doc);
    const result = optimize(model, baseSpend(model), { total: 2_000_000 });
    expect(result.overall).toBeNaN();
    expect(result.startOverall).toBeNaN();
    expect(totalOf(result.spend)).toBeCloseTo(2_000_000, 6);
  });

  it("handles one investment and none", () => {
    const { b, measure } = oneMeasure();
    b.impact(b.investment("Only", 1_000_000), measure, 10);
    const one = compileWhatIf(b.doc);
    expect(Array.from(optimize(one, [1_000_000], { total: 2_000_000 }).spend)).toEqual([2_000_000]);
    const none = compileWhatIf(oneMeasure().b.doc);
    const result = optimize(none, []);
    expect(result.spend.length).toBe(0);
    expect(result.overall).toBe(none.baseline.overall);
    expect(() => optimize(none, [], { total: 1 })).toThrow(OptimizerRefused);
  });

  it("improves a 20-investment document within its evaluation budget", () => {
    const model = compileWhatIf(whatIfDoc(1, { investments: 20, measures: 200, impactsPerInvestment: 4 }));
    const result = optimize(model, baseSpend(model));
    expectFeasible(model, result, totalOf(model.base));
    expect(result.overall).toBeGreaterThan(result.startOverall);
    expect(result.evaluations).toBeGreaterThan(0);
    expect(result.evaluations).toBeLessThan(100_000);
  });
});
