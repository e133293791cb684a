/** Properties of the scoring engine and the validator over generated documents (fast-check). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateDocument } from "../../shared/domain/validate.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { achievement, METHOD } from "../../shared/scoring/achievement.ts";
import { scoreAll } from "../../shared/scoring/engine.ts";
import { explainMeasure, explainObjective, explainOverall, explainPerspective } from "../../shared/scoring/explain.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { type ScorecardView, scorecardView } from "../../shared/scoring/view.ts";
import { buildDoc, docArb, docShapeArb } from "../support/arbitrary.ts";

const RUNS = { numRuns: 300, seed: 20261125 };
const finite = fc.double({ min: -1e15, max: 1e15, noNaN: true, noDefaultInfinity: true });

/** Every score of the view, keyed by entity id (period-independent layout). */
function scoresById(view: ScorecardView): Map<string, number | null> {
  const out = new Map<string, number | null>([["overall", view.overall.score]]);
  for (const p of view.perspectives) {
    out.set(p.id, p.score);
    for (const o of p.objectives) {
      out.set(o.id, o.score);
      for (const m of o.measures) out.set(m.id, m.score);
    }
  }
  return out;
}

function expectSameScores(a: ScorecardView, b: ScorecardView) {
  const left = scoresById(a);
  const right = scoresById(b);
  expect([...right.keys()].sort()).toEqual([...left.keys()].sort());
  for (const [id, score] of left) {
    const other = right.get(id) ?? null;
    if (score === null || other === null) expect(other).toBe(score);
    else expect(Math.abs(score - other)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(score)));
  }
}

function allViews(doc: ScorecardDocument): ScorecardView[] {
  return doc.periods.map((_, k) => scorecardView(doc, k));
}

describe("achievement", () => {
  const method = fc.constantFrom(METHOD.linear, METHOD.band, METHOD.binary);
  const cap = fc.double({ min: 1, max: 2, noNaN: true });

  it("is always in [0, cap], even for extreme and tiny differences", () => {
    fc.assert(
      fc.property(
        method,
        fc.boolean(),
        finite,
        finite,
        finite,
        finite,
        finite,
        fc.double({ min: 0, max: 1e15, noNaN: true }),
        cap,
        (m, lower, a, b, t, lo, hi, tol, c) => {
          const p = achievement(m, lower, a, b, t === b ? b + 1 : t, Math.min(lo, hi), Math.max(lo, hi), tol, c);
          expect(Number.isFinite(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(c);
        },
      ),
      RUNS,
    );
  });

  it("is monotonic in the actual according to the direction (linear and binary)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(METHOD.linear, METHOD.binary),
        fc.boolean(),
        finite,
        finite,
        finite,
        fc.double({ min: 1e-9, max: 1e6, noNaN: true }),
        cap,
        (m, lower, a1, a2, b, delta, c) => {
          const t = lower ? b - delta : b + delta;
          const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
          const pLo = achievement(m, lower, lo, b, t, 0, 0, 0, c);
          const pHi = achievement(m, lower, hi, b, t, 0, 0, 0, c);
          if (lower) expect(pLo).toBeGreaterThanOrEqual(pHi);
          else expect(pLo).toBeLessThanOrEqual(pHi);
        },
      ),
      RUNS,
    );
  });

  it("band: rises towards the band, is 1 inside, falls beyond it", () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (x1, x2, low, width, tol) => {
          const high = low + width;
          const [a1, a2] = x1 <= x2 ? [x1, x2] : [x2, x1];
          const p = (a: number) => achievement(METHOD.band, false, a, 0, 0, low, high, tol, 1);
          if (a2 <= low) expect(p(a1)).toBeLessThanOrEqual(p(a2));
          if (a1 >= high) expect(p(a1)).toBeGreaterThanOrEqual(p(a2));
          if (a1 >= low && a1 <= high) expect(p(a1)).toBe(1);
        },
      ),
      RUNS,
    );
  });
});

describe("the scoring engine over generated documents", () => {
  it("generated documents are valid (the generator itself is checked)", () => {
    fc.assert(
      fc.property(docArb, (b) => {
        expect(validateDocument(b.doc).problems.filter((p) => p.severity === "error")).toEqual([]);
      }),
      { ...RUNS, numRuns: 100 },
    );
  });

  it("never yields NaN or Infinity, and keeps every score in [0, cap] and coverage in [0, 1]", () => {
    fc.assert(
      fc.property(docArb, (b) => {
        const cap = b.doc.scorecard.scoring.cap;
        const inRange = (x: number | null, max: number) =>
          x === null || (Number.isFinite(x) && x >= 0 && x <= max + 1e-12);
        for (const v of allViews(b.doc)) {
          expect(inRange(v.overall.score, cap) && inRange(v.overall.coverage, 1)).toBe(true);
          expect(inRange(v.leadingIndex, cap) && inRange(v.laggingIndex, cap)).toBe(true);
          for (const p of v.perspectives) {
            expect(inRange(p.score, cap) && inRange(p.coverage, 1)).toBe(true);
            for (const o of p.objectives) {
              expect(inRange(o.score, cap) && inRange(o.coverage, 1)).toBe(true);
              for (const m of o.measures) expect(inRange(m.score, cap)).toBe(true);
            }
          }
        }
        const model = compileModel(b.doc);
        const table = scoreAll(model);
        for (let k = 0; k < model.periodCount; k++) {
          const results = [
            explainOverall(model, table, k).result,
            ...Array.from({ length: model.perspectiveCount }, (_, q) => explainPerspective(model, table, q, k).result),
            ...Array.from({ length: model.objectiveCount }, (_, o) => explainObjective(model, table, o, k).result),
            ...Array.from({ length: model.measureCount }, (_, i) => explainMeasure(model, table, i, k).result),
          ];
          for (const r of results) expect(r === null || Number.isFinite(r)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it("roll-up is unchanged when all sibling weights are multiplied by the same positive number", () => {
    fc.assert(
      fc.property(docShapeArb, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.nat(), (shape, factor, pick) => {
        // Built inside the property: the test mutates it, and fast-check may replay generated values.
        const b = buildDoc(shape);
        const before = allViews(b.doc);
        const objectives = b.doc.objectives;
        const level = pick % 3;
        if (level === 0) for (const p of b.doc.perspectives) p.weight *= factor;
        if (level === 1 && objectives.length > 0) {
          const parent = objectives[pick % objectives.length]?.perspectiveId;
          for (const o of objectives) if (o.perspectiveId === parent) o.weight *= factor;
        }
        if (level === 2 && objectives.length > 0) {
          const parent = objectives[pick % objectives.length]?.id;
          for (const m of b.doc.measures) if (m.objectiveId === parent) m.weight *= factor;
        }
        for (const [k, after] of allViews(b.doc).entries()) expectSameScores(before[k] as ScorecardView, after);
      }),
      RUNS,
    );
  });

  it("is unchanged when entities and rows are listed in another order", () => {
    fc.assert(
      fc.property(docShapeArb, fc.integer(), (shape, seed) => {
        const b = buildDoc(shape);
        const before = allViews(b.doc);
        const shuffle = <T>(list: T[]) => {
          let s = seed;
          for (let i = list.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) & 0x7fffffff;
            const j = s % (i + 1);
            [list[i], list[j]] = [list[j] as T, list[i] as T];
          }
        };
        for (const list of [
          b.doc.perspectives,
          b.doc.objectives,
          b.doc.measures,
          b.doc.actuals,
          b.doc.periods,
        ] as unknown[][])
          shuffle(list);
        for (const [k, after] of allViews(b.doc).entries()) expectSameScores(before[k] as ScorecardView, after);
      }),
      RUNS,
    );
  });
});

describe("scoring a period range", () => {
  it("gives, for each period, exactly what a full re-score gives", () => {
    fc.assert(
      fc.property(docShapeArb, fc.nat(), (shape, pick) => {
        const model = compileModel(buildDoc(shape).doc);
        const full = scoreAll(model);
        const k = pick % model.periodCount;
        // A reused table holding another document's leftovers must not leak into the result.
        const partial = scoreAll(model, {
          out: scoreAll(model, { values: full.measure.map(() => 1) }),
          from: k,
          to: k + 1,
        });
        const at = (t: typeof full, field: "overall" | "leading" | "lagging") => t[field][k];
        for (const field of ["overall", "leading", "lagging"] as const)
          expect(at(partial, field)).toBe(at(full, field));
        for (let q = 0; q < model.perspectiveCount; q++) {
          expect(partial.perspective[q * model.periodCount + k]).toBe(full.perspective[q * model.periodCount + k]);
        }
      }),
      RUNS,
    );
  });
});

describe("validation rejects every invalid input it is given", () => {
  type Breaker = { path: RegExp; apply: (doc: ScorecardDocument) => boolean };
  const bad = fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e16,
    -1e16,
    "12" as unknown as number,
    null as unknown as number,
  );
  const breakers: Array<(x: number) => Breaker> = [
    (x) => ({
      path: /^perspectives\[\d+\]\.weight$/,
      apply: (d) =>
        set(d.perspectives[0], "weight", Number.isFinite(x) && typeof x === "number" && Math.abs(x) <= 1e15 ? -1 : x),
    }),
    (x) => ({ path: /^measures\[\d+\]\.(baseline|target)$/, apply: (d) => set(d.measures[0], "baseline", x) }),
    (x) => ({ path: /^actuals\[\d+\]\.value$/, apply: (d) => set(d.actuals[0], "value", x) }),
    (x) => ({ path: /^scorecard\.scoring\.cap$/, apply: (d) => set(d.scorecard.scoring, "cap", x) }),
    () => ({ path: /^objectives\[\d+\]\.name$/, apply: (d) => set(d.objectives[0], "name", " \t ") }),
    () => ({ path: /^objectives\[\d+\]\.name$/, apply: (d) => set(d.objectives[0], "name", "x".repeat(201)) }),
    () => ({
      path: /^measures\[\d+\]\.objectiveId$/,
      apply: (d) => set(d.measures[0], "objectiveId", "00000000-0000-4000-8000-0000deadbeef"),
    }),
    () => ({ path: /^measures\[\d+\]\.id$/, apply: (d) => set(d.measures[0], "id", "not-a-uuid") }),
    () => ({
      path: /^measures\[\d+\]\.target$/,
      apply: (d) => {
        const m = d.measures.find((mm) => mm.method === "linear");
        return m ? set(m, "target", m.baseline) : false;
      },
    }),
    () => ({
      path: /^links\[\d+\]$/,
      apply: (d) => {
        const o = d.objectives[0];
        if (!o) return false;
        d.links.push({ id: "00000000-0000-4000-8000-00000000aaaa", fromId: o.id, toId: o.id, strength: 1, note: "" });
        return true;
      },
    }),
  ];

  it("reports an error at the broken field and returns no document", () => {
    fc.assert(
      fc.property(docShapeArb, fc.nat(breakers.length - 1), bad, (shape, which, x) => {
        const b = buildDoc(shape);
        const breaker = (breakers[which] as (x: number) => Breaker)(x);
        fc.pre(breaker.apply(b.doc));
        const result = validateDocument(b.doc);
        expect(result.document).toBeNull();
        const paths = result.problems.filter((p) => p.severity === "error").map((p) => p.path);
        expect(paths.some((p) => breaker.path.test(p))).toBe(true);
      }),
      RUNS,
    );
  });
});

function set<T extends object>(target: T | undefined, key: string, value: unknown): boolean {
  if (!target) return false;
  (target as Record<string, unknown>)[key] = value;
  return true;
}
