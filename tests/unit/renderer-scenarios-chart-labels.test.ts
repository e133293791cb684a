/** Names from the file on the comparison chart's canvas: one line each, no direction tricks, cut to fit. */
import { describe, expect, it } from "vitest";
import { axisLabel, chartLabel } from "../../renderer/src/common/chart-labels.ts";

describe("chart labels", () => {
  it("keeps a short name as it is and cuts a long one with “…”", () => {
    expect(chartLabel("Cloud-first")).toBe("Cloud-first");
    const cut = chartLabel("x".repeat(50), 22);
    expect(cut).toBe(`${"x".repeat(21)}…`);
  });

  it("takes out line breaks and direction overrides", () => {
    expect(chartLabel("a\nb\u202Ec")).toBe("a b\uFFFDc");
    expect(chartLabel("<img src=x onerror=alert(1)>", 60)).toBe("<img src=x onerror=alert(1)>");
  });

  it("breaks axis labels between words into at most two lines", () => {
    expect(axisLabel("Overall")).toEqual(["Overall"]);
    expect(axisLabel("Operational Excellence")).toEqual(["Operational", "Excellence"]);
    expect(axisLabel("Future Readiness")).toEqual(["Future", "Readiness"]);
    expect(axisLabel("Business Value")).toEqual(["Business Value"]);
  });

  it("ends a label that needs more lines with “…”, and cuts a word longer than a line", () => {
    expect(axisLabel("one two three four five six seven eight", 10)).toEqual(["one two", "three fou…"]);
    expect(axisLabel("Supercalifragilisticexpialidocious", 14)).toEqual(["Supercalifrag…"]);
    for (const line of axisLabel(`Measure ${"that keeps on going ".repeat(12)}`)) {
      expect(Array.from(line).length).toBeLessThanOrEqual(14);
    }
  });
});
