/** The scorecard view's short texts: trend arrows and labels, and values in the narrow columns. */
import { describe, expect, it } from "vitest";
import { trendText } from "../../renderer/src/scorecard/trend.ts";
import { targetText, valueText } from "../../renderer/src/scorecard/value-text.ts";

describe("trendText", () => {
  it("gives an arrow, the points and a spoken label", () => {
    expect(trendText(0.041)).toEqual({ direction: "up", arrow: "↑", text: "+4 pts", label: "up 4 points" });
    expect(trendText(-0.012)).toEqual({ direction: "down", arrow: "↓", text: "−1 pts", label: "down 1 point" });
    expect(trendText(-0.25)).toMatchObject({ arrow: "↓", label: "down 25 points" });
  });
  it("reads a change that rounds to nothing as unchanged, and a missing one as no trend", () => {
    expect(trendText(0.004)).toEqual({ direction: "flat", arrow: "→", text: "±0 pts", label: "unchanged" });
    expect(trendText(null)).toEqual({ direction: "none", arrow: "", text: "—", label: "no previous score" });
  });
});

describe("valueText and targetText", () => {
  it("keeps a bare percent sign and leaves longer units to the name line", () => {
    expect(valueText(65, "%")).toBe("65%");
    expect(valueText(65, "% of knowledge workers")).toBe("65%");
    expect(valueText(1234.5, "hours")).toBe("1,234.5");
    expect(valueText(null, "hours")).toBe("—");
  });
  it("shows the target in force, or the band", () => {
    expect(targetText(80, null, "% of spend")).toBe("80%");
    expect(targetText(null, { low: 60, high: 80 }, "%")).toBe("60–80%");
    expect(targetText(null, { low: 3.5, high: 4.5 }, "USD M")).toBe("3.5–4.5");
  });
});
