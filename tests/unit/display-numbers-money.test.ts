/** Money and points as the UI and the CLI write them: one set of formatters (shared/display/numbers.ts). */
import { describe, expect, it } from "vitest";
import * as numbers from "../../shared/display/numbers.ts";
import * as whatIfFormat from "../../renderer/src/whatif/format.ts";

const { formatMoney, formatMoneyChange, formatMoneyCompact, formatPoints, pointsChangeLabel } = numbers;

describe("money", () => {
  it("writes whole units, a signed change, and a compact label", () => {
    expect(formatMoney(4_200_000, "EUR")).toBe("€4,200,000");
    expect(formatMoney(-1_200.4, "USD")).toBe("\u2212$1,200");
    expect(formatMoneyChange(420_000, "EUR")).toBe("+€420,000");
    expect(formatMoneyChange(-1_200, "USD")).toBe("\u2212$1,200");
    expect(formatMoneyChange(0.3, "USD")).toBe("±$0");
    expect(formatMoneyCompact(1_234_567, "USD")).toBe("$1.2M");
    expect(formatMoneyCompact(95_000, "USD", true)).toBe("+$95K");
    expect(formatMoneyCompact(-1_600_000, "USD", true)).toBe("\u2212$1.6M");
  });

  it("is the one set the what-if view re-exports, not a twin", () => {
    expect(whatIfFormat.formatMoneyCompact).toBe(formatMoneyCompact);
    expect(whatIfFormat.formatPoints).toBe(formatPoints);
    expect(whatIfFormat.pointsDirection).toBe(numbers.pointsDirection);
  });
});

describe("points", () => {
  it("writes a change with one decimal, and says it in words", () => {
    expect(formatPoints(0.0123)).toBe("+1.2 pts");
    expect(formatPoints(-0.004)).toBe("\u22120.4 pts");
    expect(formatPoints(0.00004)).toBe("±0.0 pts");
    expect(pointsChangeLabel(0.0123)).toBe("up 1.2 points");
    expect(pointsChangeLabel(-0.004)).toBe("down 0.4 points");
    expect(pointsChangeLabel(0.00004)).toBe("unchanged");
    expect(pointsChangeLabel(null)).toBe("no score");
  });

  it("says a cut that costs points per million saved, never as a gain", () => {
    const cut = { pointsPerMillion: 4.625, spend: { delta: -2_000_000 } };
    expect(whatIfFormat.valueForMoney(cut, "USD")).toBe("\u22124.63 pts per $1M saved");
    expect(whatIfFormat.valueForMoney({ pointsPerMillion: 2.5, spend: { delta: 1_000_000 } }, "USD")).toBe(
      "+2.50 pts per $1M",
    );
    expect(whatIfFormat.valueForMoney({ pointsPerMillion: null, spend: { delta: 0 } }, "USD")).toBe("—");
  });
});
