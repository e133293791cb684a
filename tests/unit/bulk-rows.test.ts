/** The fast bulk-row checks must never accept a row that the schema would refuse or change. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdChecker, isWellFormedActual, isWellFormedPeriodTarget } from "../../shared/domain/bulk-rows.ts";
import { Actual, PeriodTarget } from "../../shared/domain/schema.ts";

const id = fc.oneof(
  fc.uuid(),
  fc.constantFrom("", "not-a-uuid", "00000000-0000-0000-0000-000000000000", "00000000-0000-4000-8000-00000000000g"),
  fc.string(),
);
const num = fc.oneof(
  fc.double(),
  fc.constantFrom(1e15, -1e15, 1e15 + 1, Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.integer(),
  fc.string() as fc.Arbitrary<unknown>,
  fc.constant(null),
);
const note = fc.oneof(
  fc.string(),
  fc.constant("x".repeat(10_000)),
  fc.constant("x".repeat(10_001)),
  fc.integer() as fc.Arbitrary<unknown>,
);
const extra = fc.option(fc.dictionary(fc.string(), fc.anything(), { maxKeys: 2 }), { nil: undefined });

function nearlyValid<T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) {
  return fc
    .record({ row: fc.record(fields, { requiredKeys: [] }), extra })
    .map(({ row, extra: more }) => ({ ...more, ...row }));
}

describe("fast bulk-row checks agree with the schema", () => {
  it("actuals: accepted only when the schema accepts the row unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValid({ measureId: id, periodId: id, value: num, note }), fc.anything()), (row) => {
        if (isWellFormedActual(row, new IdChecker())) {
          const parsed = Actual.safeParse(row);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toEqual(row);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

  it("period targets: accepted only when the schema accepts the row unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(nearlyValid({ measureId: id, periodId: id, target: num }), fc.anything()), (row) => {
        if (isWellFormedPeriodTarget(row, new IdChecker())) {
          const parsed = PeriodTarget.safeParse(row);
          expect(parsed.success).toBe(true);
          expect(parsed.data).toEqual(row);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });

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
