/** The fast bulk-row checks must never accept a row that the schema would refuse or change. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdChecker, isWellFormedActual, isWellFormedPeriodTarget } from "../../shared/domain/bulk-rows.ts";
import { Actual, PeriodTarget } from "../../shared/domain/schema.ts";

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
