/** fast-check generators of valid scorecard documents, from tiny to odd (zero weights, extreme values). */
import fc from "fast-check";
import type { Measure, MissingPolicy } from "../../shared/domain/types.ts";
import { builder } from "./docs.ts";

const LIMIT = 1e15;
const value = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.double({ min: -LIMIT, max: LIMIT, noNaN: true, noDefaultInfinity: true }) },
);
const positive = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: 1e-6, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.double({ min: Number.MIN_VALUE, max: 1e14, noNaN: true }) },
);
/** 0, or a weight large enough that scaling it by 1e-3 cannot underflow to 0 (which would change its meaning). */
export const weightArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.double({ min: 1e-6, max: 1e6, noNaN: true }) },
);

/** The scoring fields of a measure, always consistent with the SPEC §1 rules. */
export const measureFieldsArb: fc.Arbitrary<Partial<Measure>> = fc.oneof(
  fc
    .record({ direction: fc.constantFrom("higher", "lower"), baseline: value, delta: positive, weight: weightArb })
    .map(({ direction, baseline, delta, weight }) => {
      const target = direction === "higher" ? baseline + delta : baseline - delta;
      // Keep t ≠ b after rounding and inside the number limit.
      const safe =
        Math.abs(target) <= LIMIT && target !== baseline
          ? target
          : direction === "higher"
            ? baseline + 1
            : baseline - 1;
      return { method: "linear", direction, baseline, target: safe, weight } as Partial<Measure>;
    }),
  fc
    .record({
      low: value,
      width: fc.double({ min: 0, max: 1000, noNaN: true }),
      tolerance: fc.double({ min: 0, max: 100, noNaN: true }),
      weight: weightArb,
    })
    .map(
      ({ low, width, tolerance, weight }) =>
        ({
          method: "band",
          direction: "band",
          band: { low, high: Math.min(LIMIT, low + width), tolerance },
          baseline: low,
          target: low,
          weight,
        }) as Partial<Measure>,
    ),
  fc
    .record({ direction: fc.constantFrom("higher", "lower"), target: value, weight: weightArb })
    .map(
      ({ direction, target, weight }) =>
        ({ method: "binary", direction, baseline: 0, target, weight }) as Partial<Measure>,
    ),
);

export interface DocShape {
  periods: number;
  policy: MissingPolicy;
  cap: number;
  perspectives: Array<{
    weight: number;
    objectives: Array<{ weight: number; measures: Array<{ fields: Partial<Measure>; actuals: Array<number | null> }> }>;
  }>;
}

export const docShapeArb: fc.Arbitrary<DocShape> = fc.integer({ min: 1, max: 4 }).chain((periods) =>
  fc.record({
    periods: fc.constant(periods),
    policy: fc.constantFrom<MissingPolicy>("carry-forward", "exclude", "zero"),
    cap: fc.double({ min: 1, max: 2, noNaN: true }),
    perspectives: fc.array(
      fc.record({
        weight: weightArb,
        objectives: fc.array(
          fc.record({
            weight: weightArb,
            measures: fc.array(
              fc.record({
                fields: measureFieldsArb,
                actuals: fc.array(fc.option(value, { freq: 3 }), { minLength: periods, maxLength: periods }),
              }),
              { maxLength: 4 },
            ),
          }),
          { maxLength: 3 },
        ),
      }),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

export function buildDoc(shape: DocShape) {
  const b = builder(shape.periods);
  b.doc.scorecard.scoring = { ...b.doc.scorecard.scoring, missingPolicy: shape.policy, cap: shape.cap };
  shape.perspectives.forEach((p, pi) => {
    const pid = b.perspective(`Perspective ${pi}`, p.weight);
    p.objectives.forEach((o, oi) => {
      const oid = b.objective(pid, `Objective ${pi}.${oi}`, o.weight);
      for (const m of o.measures) {
        const mid = b.measure(oid, m.fields);
        m.actuals.forEach((a, k) => {
          if (a !== null) b.actual(mid, k, a);
        });
      }
    });
  });
  return b;
}

export const docArb = docShapeArb.map(buildDoc);
