/** Counts as the UI writes them ("1 value", "12,000 values"): one helper, shared/display/count.ts. */
import { describe, expect, it } from "vitest";
import { counted } from "../../shared/display/count.ts";

describe("counted", () => {
  it("writes the number with en-US thousands separators and the singular only for exactly one", () => {
    expect(counted(1, "value")).toBe("1 value");
    expect(counted(0, "problem")).toBe("0 problems");
    expect(counted(2, "cell")).toBe("2 cells");
    expect(counted(999, "row")).toBe("999 rows");
    expect(counted(1_000, "cell")).toBe("1,000 cells");
    expect(counted(12_000, "value")).toBe("12,000 values");
    expect(counted(1_234_567, "measure")).toBe("1,234,567 measures");
    expect(counted(-1, "note")).toBe("-1 notes");
  });

  it("takes an irregular plural", () => {
    expect(counted(1, "copy", "copies")).toBe("1 copy");
    expect(counted(3, "copy", "copies")).toBe("3 copies");
    expect(counted(1, "more problem")).toBe("1 more problem");
    expect(counted(4, "more problem")).toBe("4 more problems");
  });
});
