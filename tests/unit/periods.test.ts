import { describe, expect, it } from "vitest";
import { periodSequence } from "../../shared/domain/periods.ts";

describe("periodSequence", () => {
  it("labels quarters and rolls over the year", () => {
    expect(periodSequence("quarter", "2025-10-01", 3)).toEqual([
      { label: "2025-Q4", start: "2025-10-01" },
      { label: "2026-Q1", start: "2026-01-01" },
      { label: "2026-Q2", start: "2026-04-01" },
    ]);
  });

  it("snaps the first period to the start of the period containing the date", () => {
    expect(periodSequence("quarter", "2026-05-17", 1)).toEqual([{ label: "2026-Q2", start: "2026-04-01" }]);
    expect(periodSequence("month", "2026-12-31", 2)).toEqual([
      { label: "2026-12", start: "2026-12-01" },
      { label: "2027-01", start: "2027-01-01" },
    ]);
    expect(periodSequence("year", "2026-07-01", 2)).toEqual([
      { label: "2026", start: "2026-01-01" },
      { label: "2027", start: "2027-01-01" },
    ]);
  });

  it("gives nothing for a count of zero", () => {
    expect(periodSequence("month", "2026-01-01", 0)).toEqual([]);
  });
});
