/**
 * Properties of the what-if engine over generated documents (fast-check): it agrees with a plain,
 * object-by-object reading of SPEC §3; no change gives no delta; more spend on an investment whose
 * impacts all help never lowers the projection; nothing is ever NaN; and the order in which impacts,
 * links and investments are stored does not matter.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { achievement, METHOD } from "../../shared/scoring/achievement.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { evaluateScenario, type ScenarioResult } from "../../shared/whatif/scenario.ts";
import { spendOfScenario } from "../../shared/whatif/spend.ts";
import { whatIfDocArb } from "../support/whatif-docs.ts";

const RUNS = { numRuns: 200, seed: 20261125 };

/** A spend per investment id: somewhere in 0 … 1.2 × max, or exactly base, min or max. */
function spendArb(doc: ScorecardDocument): fc.Arbitrary<Record<string, number>> {
  return fc
    .tuple(
      ...doc.investments.map((inv) =>
        fc.oneof(
          fc.constantFrom(inv.baseSpend, inv.minSpend, inv.maxSpend, 0),
          fc.double({ min: 0, max: 1.2 * inv.maxSpend, noNaN: true }),
        ),
      ),
    )
    .map((values) => Object.fromEntries(doc.investments.map((inv, n) => [inv.id, values[n] as number])));
}

const withSpend = whatIfDocArb.chain((doc) => fc.record({ doc: fc.constant(doc), spend: spendArb(doc) }));

function evaluate(doc: ScorecardDocument, spend: Record<string, number>): ScenarioResult {
  const model = compileWhatIf(doc);
  return evaluateScenario(model, spendOfScenario(model, { spend }));
}

/** SPEC §3 read literally, one object at a time: the reference the kernel is checked against. */
function reference(doc: ScorecardDocument, spend: Record<string, number>, lagLimit: number) {
  const cap = doc.scorecard.scoring.cap;
  const periods = [...doc.periods].sort((a, b) => a.start.localeCompare(b.start));
  const position = (periodId: string) => periods.findIndex((p) => p.id === periodId);
  const ref = Math.max(-1, ...doc.actuals.map((a) => position(a.periodId)));
  const equalIfAllZero = (ws: number[]) => (ws.every((w) => w === 0) ? ws.map(() => 1) : ws);
  const mean = (items: Array<{ w: number; s: number | null }>) => {
    const scored = items.filter((i) => i.s !== null);
    const total = scored.reduce((t, i) => t + i.w, 0);
    return total > 0 ? scored.reduce((t, i) => t + i.w * (i.s as number), 0) / total : null;
  };

  const measureScore = (m: ScorecardDocument["measures"][number], moved: boolean) => {
    const latest = doc.actuals
      .filter((a) => a.measureId === m.id)
      .sort((a, b) => position(b.periodId) - position(a.periodId))[0];
    let value = latest?.value ?? m.baseline;
    if (moved) {
      for (const imp of doc.impacts.filter((i) => i.measureId === m.id && i.lag <= lagLimit)) {
        const inv = doc.investments.find((i) => i.id === imp.investmentId);
        if (!inv || inv.baseSpend === 0) continue;
        const x = (spend[inv.id] ?? inv.baseSpend) / inv.baseSpend - 1;
        value += imp.effect * (imp.curve === "linear" ? x : 2 * (1 - 2 ** -x));
      }
      if (m.validRange) value = Math.min(m.validRange.max, Math.max(m.validRange.min, value));
    }
    const periodTarget = doc.periodTargets.find((t) => t.measureId === m.id && position(t.periodId) === ref);
    return achievement(
      METHOD[m.method],
      m.direction === "lower",
      value,
      m.baseline,
      periodTarget?.target ?? m.target,
      m.band?.low ?? 0,
      m.band?.high ?? 0,
      m.band?.tolerance ?? 0,
      cap,
    );
  };
  const objectiveOwn = (id: string, moved: boolean) => {
    const ms = doc.measures.filter((m) => m.objectiveId === id);
    const ws = equalIfAllZero(ms.map((m) => m.weight));
    return mean(ms.map((m, i) => ({ w: ws[i] as number, s: measureScore(m, moved) })));
  };
  const deltas = new Map<string, number>();
  const delta = (id: string): number => {
    const known = deltas.get(id);
    if (known !== undefined) return known;
    const own = (objectiveOwn(id, true) ?? 0) - (objectiveOwn(id, false) ?? 0);
    const d = doc.links.filter((l) => l.toId === id).reduce((t, l) => t + l.strength * delta(l.fromId), own);
    deltas.set(id, d);
    return d;
  };
  const objective = new Map<string, number | null>();
  for (const o of doc.objectives) {
    const base = objectiveOwn(o.id, false);
    objective.set(o.id, base === null ? null : Math.min(cap, Math.max(0, base + delta(o.id))));
  }
  const perspectives = [...doc.perspectives].sort((a, b) => a.order - b.order);
  const perspective = perspectives.map((p) => {
    const os = doc.objectives.filter((o) => o.perspectiveId === p.id);
    const ws = equalIfAllZero(os.map((o) => o.weight));
    return mean(os.map((o, i) => ({ w: ws[i] as number, s: objective.get(o.id) ?? null })));
  });
  const pws = equalIfAllZero(perspectives.map((p) => p.weight));
  return { objective, perspective, overall: mean(perspective.map((s, q) => ({ w: pws[q] as number, s }))) };
}

function expectClose(actual: number | null | undefined, expected: number | null) {
  if (expected === null) expect(actual).toBeNull();
  else expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(1e-9);
}

/** Every number of a result, with where it is (for the NaN check). */
function numbersOf(value: unknown, path = "result"): Array<[string, unknown]> {
  if (typeof value === "number") return [[path, value]];
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => numbersOf(v, `${path}.${k}`));
}

describe("the what-if engine", () => {
  it("agrees with SPEC §3 read literally, settled and at every timeline step", () => {
    fc.assert(
      fc.property(withSpend, ({ doc, spend }) => {
        const r = evaluate(doc, spend);
        const settled = reference(doc, spend, Number.POSITIVE_INFINITY);
        expectClose(r.overall.projected, settled.overall);
        r.perspectives.forEach((p, q) => {
          expectClose(p.projected, settled.perspective[q] ?? null);
          for (const o of p.objectives) expectClose(o.projected, settled.objective.get(o.id) ?? null);
        });
        for (const point of r.timeline) expectClose(point.projected, reference(doc, spend, point.step).overall);
        expectClose(r.overall.baseline, reference(doc, {}, Number.POSITIVE_INFINITY).overall);
      }),
      RUNS,
    );
  });

  it("no change in spend gives exactly no change in any score", () => {
    fc.assert(
      fc.property(whatIfDocArb, (doc) => {
        const r = evaluate(doc, {});
        expect(r.overall.projected).toBe(r.overall.baseline);
        for (const p of r.perspectives) {
          expect(p.projected).toBe(p.baseline);
          for (const o of p.objectives) expect(o.projected).toBe(o.baseline);
        }
        for (const m of r.measures) expect(m.projectedScore).toBe(m.baselineScore);
        for (const t of r.timeline) expect(t.projected).toBe(t.baseline);
        expect(numbersOf(r).filter(([path, v]) => /delta$/.test(path) && v !== 0)).toEqual([]);
        expect(r.pointsPerMillion).toBeNull();
      }),
      RUNS,
    );
  });

  it("more spend on an investment whose impacts all help never lowers the projection, at any step", () => {
    const helping = whatIfDocArb.map((doc) => {
      // Investment 0 keeps only impacts that move a higher/lower measure the right way.
      const first = doc.investments[0]?.id;
      const direction = new Map(doc.measures.map((m) => [m.id, m.direction]));
      const impacts = doc.impacts
        .filter((i) => i.investmentId !== first || direction.get(i.measureId) !== "band")
        .map((i) =>
          i.investmentId === first
            ? { ...i, effect: Math.abs(i.effect) * (direction.get(i.measureId) === "lower" ? -1 : 1) }
            : i,
        );
      return { ...doc, impacts };
    });
    fc.assert(
      fc.property(
        helping.chain((doc) => fc.record({ doc: fc.constant(doc), spend: spendArb(doc) })),
        fc.double({ min: 0, max: 2, noNaN: true }),
        ({ doc, spend }, more) => {
          const inv = doc.investments[0] as ScorecardDocument["investments"][number];
          const before = evaluate(doc, spend);
          const after = evaluate(doc, { ...spend, [inv.id]: (spend[inv.id] ?? 0) + more * inv.baseSpend });
          expect(after.overall.projected ?? 0).toBeGreaterThanOrEqual((before.overall.projected ?? 0) - 1e-12);
          after.timeline.forEach((t, step) => {
            expect(t.projected ?? 0).toBeGreaterThanOrEqual((before.timeline[step]?.projected ?? 0) - 1e-12);
          });
        },
      ),
      RUNS,
    );
  });

  it("never gives NaN or ∞, even for extreme effects and spends; a delta is null only without a score", () => {
    const extreme = whatIfDocArb.chain((doc) =>
      fc.record({
        doc: fc
          .array(fc.constantFrom(1e15, -1e15, 1e-300, 0), {
            minLength: doc.impacts.length,
            maxLength: doc.impacts.length,
          })
          .map((effects) => ({ ...doc, impacts: doc.impacts.map((i, k) => ({ ...i, effect: effects[k] as number })) })),
        spend: fc.array(fc.constantFrom(0, 1e-300, 1, 1e15), {
          minLength: doc.investments.length,
          maxLength: doc.investments.length,
        }),
      }),
    );
    fc.assert(
      fc.property(extreme, ({ doc, spend }) => {
        const r = evaluate(doc, Object.fromEntries(doc.investments.map((inv, n) => [inv.id, spend[n] as number])));
        expect(numbersOf(r).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
        const nodes = [r.overall, ...r.perspectives, ...r.perspectives.flatMap((p) => p.objectives)];
        for (const n of nodes) expect(n.delta === null).toBe(n.baseline === null);
      }),
      RUNS,
    );
  });

  it("does not depend on the order impacts, links and investments are stored in", () => {
    const shuffled = withSpend.chain(({ doc, spend }) =>
      fc.record({
        doc: fc.constant(doc),
        spend: fc.constant(spend),
        impacts: fc.shuffledSubarray(doc.impacts, { minLength: doc.impacts.length }),
        links: fc.shuffledSubarray(doc.links, { minLength: doc.links.length }),
        investments: fc.shuffledSubarray(doc.investments, { minLength: doc.investments.length }),
      }),
    );
    fc.assert(
      fc.property(shuffled, ({ doc, spend, impacts, links, investments }) => {
        expect(evaluate({ ...doc, impacts, links, investments }, spend)).toEqual(evaluate(doc, spend));
      }),
      RUNS,
    );
  });
});
