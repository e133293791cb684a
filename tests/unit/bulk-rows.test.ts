/** The fast bulk-row checks must never accept a row that the schema would refuse or change. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IdChecker,
  isWellFormedActual,
  isWellFormedMeasure,
  isWellFormedPeriodTarget,
} from "../../shared/domain/bulk-rows.ts";
import { Actual, Measure, PeriodTarget } from "../../shared/domain/schema.ts";
import { measureFieldsArb } from "../support/arbitrary.ts";

// Mostly valid values, with every kind of near miss mixed in, so both sides of the check are reached.
const id = fc.oneof(
  { weight: 6, arbitrary: fc.uuid() },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "",
      "not-a-uuid",
      "00000000-0000-0000-0000-000000000000",
      "00000000-0000-4000-8000-00000000000g",
    ),
  },
  { weight: 1, arbitrary: fc.string() },
);
const num = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e15, max: 1e15, noNaN: true }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(1e15, -1e15, 1e15 + 1, Number.NaN, Number.POSITIVE_INFINITY, -0) },
  { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constant(null), fc.integer()) as fc.Arbitrary<unknown> },
);
const note = fc.oneof(
  { weight: 6, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.constantFrom("x".repeat(10_000), "x".repeat(10_001)) },
  { weight: 1, arbitrary: fc.integer() as fc.Arbitrary<unknown> },
);
const extra = fc.option(fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }), { nil: undefined, freq: 4 });

/**
 * Measures: a consistent measure (the scoring fields from measureFieldsArb), then often one field
 * replaced by a near miss, so every rule — including the cross-field refinements — is hit.
 */
const sometimes = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>) =>
  fc.oneof({ weight: 8, arbitrary: usual }, { weight: 1, arbitrary: odd });
const shortText = sometimes(
  fc.constantFrom("", "%", "Ops team"),
  fc.constantFrom(" padded", "x".repeat(200), "x".repeat(201)),
);
const measureRow = fc
  .record({
    fields: measureFieldsArb,
    id: sometimes(fc.uuid(), id),
    objectiveId: sometimes(fc.uuid(), id),
    name: sometimes(fc.constantFrom("Uptime", "Cost per user"), fc.constantFrom("", "  ", " Uptime", "x".repeat(201))),
    description: sometimes(fc.string(), fc.constant("x".repeat(10_001))),
    unit: shortText,
    owner: shortText,
    dataSource: shortText,
    kind: sometimes(fc.constantFrom("leading", "lagging"), fc.constant("Leading")),
    frequency: sometimes(fc.constantFrom("month", "quarter", "year"), fc.constant("week")),
    validRange: fc.option(sometimes(fc.constant({ min: -1e15, max: 1e15 }), fc.record({ min: num, max: num })), {
      freq: 2,
    }),
    thresholds: fc.option(sometimes(fc.constant({ green: 0.9, amber: 0.6 }), fc.record({ green: num, amber: num })), {
      freq: 2,
    }),
    miss: fc.option(
      fc.record({
        key: fc.constantFrom("direction", "method", "band", "baseline", "target", "weight", "validRange", "thresholds"),
        value: fc.oneof(
          fc.constantFrom("band", "linear", "binary", "lower", null, -1, 0, 1e16, { low: 5, high: 1, tolerance: 0 }),
          fc.constantFrom({ low: 0, high: 1, tolerance: -1 }, { min: 0, max: 100 }, { green: 0.5, amber: 0.9 }),
          fc.anything(),
        ),
      }),
      { freq: 2 },
    ),
    extra: fc.option(fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }), { nil: undefined, freq: 8 }),
  })
  .map(({ fields, miss, extra: more, ...rest }) => {
    const row: Record<string, unknown> = {
      ...more,
      ...rest,
      direction: "higher",
      method: "linear",
      baseline: 0,
      target: 1,
      band: null,
      weight: 1,
      ...fields,
    };
    if (miss) row[miss.key] = miss.value;
    return row;
  });

function nearlyValid<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) {
  const complete = fc.record(fields);
  const partial = fc.record(fields, { requiredKeys: [] });
  return fc
    .record({ row: fc.oneof({ weight: 4, arbitrary: complete }, { weight: 1, arbitrary: partial }), extra })
    .map(({ row, extra: more }) => ({ ...more, ...row }));
}

describe("fast bulk-row checks agree with the schema", () => {
  const cases = [
    {
      name: "actuals",
      schema: Actual,
      fast: isWellFormedActual,
      row: nearlyValid({ measureId: id, periodId: id, value: num, note }),
    },
    {
      name: "period targets",
      schema: PeriodTarget,
      fast: isWellFormedPeriodTarget,
      row: nearlyValid({ measureId: id, periodId: id, target: num }),
    },
    { name: "measures", schema: Measure, fast: isWellFormedMeasure, row: measureRow },
  ];
  for (const { name, schema, fast, row: rowArb } of cases) {
    it(`${name}: accepted only when the schema accepts the row unchanged`, () => {
      let accepted = 0;
      fc.assert(
        fc.property(fc.oneof(rowArb, fc.anything()), (row) => {
          if (fast(row, new IdChecker())) {
            accepted++;
            const parsed = schema.safeParse(row);
            expect(parsed.success).toBe(true);
            expect(parsed.data).toEqual(row);
          }
        }),
        { numRuns: 2000, seed: 7 },
      );
      // The generator must reach the accepting side often, or the property proves nothing.
      expect(accepted).toBeGreaterThan(50);
    });
  }

  it("accepts the ordinary rows it exists for", () => {
    const ids = new IdChecker();
    const row = { measureId: "00000000-0000-4000-8000-000000000001", periodId: "00000000-0000-4000-8000-000000000002" };
    expect(isWellFormedActual({ ...row, value: 12.5, note: "" }, ids)).toBe(true);
    expect(isWellFormedPeriodTarget({ ...row, target: 3 }, ids)).toBe(true);
    expect(isWellFormedActual({ ...row, value: 12.5, note: "", extra: 1 }, ids)).toBe(false);
    expect(isWellFormedActual(Object.assign(Object.create({ inherited: 1 }), row, { value: 1, note: "" }), ids)).toBe(
      false,
    );
  });
});
