/** The what-if view's pure helpers: slider steps, money and score labels, chart data. */
import { describe, expect, it } from "vitest";
import { chartLabel } from "../../renderer/src/common/chart-labels.ts";
import { timelineSeries, tornadoRows } from "../../renderer/src/whatif/chart-data.ts";
import {
  formatMoneyCompact,
  formatPoints,
  formatPointsPerMillion,
  formatScore,
  formatShare,
  pointsDirection,
  spendValueText,
} from "../../renderer/src/whatif/format.ts";
import { suggestedScenarioName } from "../../renderer/src/scenarios/scenario-ops.ts";
import { snapSpend, spendAfterKey, stepOf, trackFraction } from "../../renderer/src/whatif/slider-steps.ts";
import { addRows, documentMessages, type WorkerRequest } from "../../renderer/src/whatif/worker-protocol.ts";
import { syntheticScorecard } from "../bench/synthetic.ts";

const range = { base: 9_500_000, min: 6_000_000, max: 28_500_000 };

describe("slider steps", () => {
  it("steps by 1 % of base with the arrows and 10 % with the Page keys", () => {
    expect(spendAfterKey("ArrowRight", range.base, range)).toBe(9_595_000);
    expect(spendAfterKey("ArrowUp", range.base, range)).toBe(9_595_000);
    expect(spendAfterKey("ArrowLeft", range.base, range)).toBe(9_405_000);
    expect(spendAfterKey("ArrowDown", range.base, range)).toBe(9_405_000);
    expect(spendAfterKey("PageUp", range.base, range)).toBe(10_450_000);
    expect(spendAfterKey("PageDown", range.base, range)).toBe(8_550_000);
  });

  it("goes to the range ends with Home and End, and leaves other keys alone", () => {
    expect(spendAfterKey("Home", range.base, range)).toBe(range.min);
    expect(spendAfterKey("End", range.base, range)).toBe(range.max);
    expect(spendAfterKey("a", range.base, range)).toBeNull();
    expect(spendAfterKey("Tab", range.base, range)).toBeNull();
  });

  it("stays on the grid: ten arrow steps are exactly one Page step, with no drift", () => {
    const odd = { base: 1_234_567, min: 0, max: 5_000_000 };
    let v = odd.base;
    for (let i = 0; i < 10; i++) v = spendAfterKey("ArrowRight", v, odd) as number;
    expect(v).toBe(spendAfterKey("PageUp", odd.base, odd));
    for (let i = 0; i < 10; i++) v = spendAfterKey("ArrowLeft", v, odd) as number;
    expect(v).toBe(odd.base);
  });

  it("clamps to the range and steps off an end that is not on the grid", () => {
    expect(spendAfterKey("ArrowLeft", range.min, range)).toBe(range.min);
    expect(spendAfterKey("ArrowRight", range.max, range)).toBe(range.max);
    // 6,000,000 is 36.8 steps below base: one step up lands on the grid, above the minimum.
    const up = spendAfterKey("ArrowRight", range.min, range) as number;
    expect(up).toBeGreaterThan(range.min);
    expect((up - range.base) / stepOf(range)).toBeCloseTo(-36, 9);
    expect(spendAfterKey("PageDown", 6_500_000, range)).toBe(range.min);
  });

  it("steps by 1 % of the range when the base is 0, and not at all when the range is a point", () => {
    const zero = { base: 0, min: 0, max: 200_000 };
    expect(stepOf(zero)).toBe(2_000);
    expect(spendAfterKey("ArrowRight", 0, zero)).toBe(2_000);
    const point = { base: 5, min: 5, max: 5 };
    expect(spendAfterKey("PageUp", 5, point)).toBe(5);
  });

  it("snaps a dragged value to the grid and to the ends", () => {
    expect(snapSpend(9_640_000, range)).toBe(9_595_000);
    expect(snapSpend(range.max - 10, range)).toBe(range.max);
    expect(snapSpend(range.min + 10, range)).toBe(range.min);
    expect(trackFraction(range.min, range)).toBe(0);
    expect(trackFraction(range.max, range)).toBe(1);
    expect(trackFraction(range.base, range)).toBeCloseTo(3.5 / 22.5, 12);
  });
});

describe("labels", () => {
  it("writes money compactly in the scorecard's currency", () => {
    expect(formatMoneyCompact(9_500_000, "USD")).toBe("$9.5M");
    expect(formatMoneyCompact(950_000, "EUR")).toBe("€950K");
    expect(formatMoneyCompact(95_000, "USD", true)).toBe("+$95K");
    expect(formatMoneyCompact(-1_600_000, "USD", true)).toBe("\u2212$1.6M");
    expect(formatMoneyCompact(0, "USD", true)).toBe("$0");
    expect(formatMoneyCompact(1_200_000, "JPY")).toBe("¥1.2M");
  });

  it("says the full amounts to a screen reader", () => {
    expect(spendValueText(9_595_000, 9_500_000, "USD")).toBe("$9,595,000, up $95,000 (+1%) from base $9,500,000");
    expect(spendValueText(8_550_000, 9_500_000, "USD")).toBe(
      "$8,550,000, down $950,000 (\u221210%) from base $9,500,000",
    );
    expect(spendValueText(9_500_000, 9_500_000, "USD")).toBe("$9,500,000, at base");
    expect(spendValueText(2_000, 0, "USD")).toBe("$2,000, up $2,000 from base $0");
  });

  it("writes scores and changes with one decimal", () => {
    expect(formatScore(0.7234)).toBe("72.3%");
    expect(formatScore(null)).toBe("—");
    expect(formatPoints(0.0123)).toBe("+1.2 pts");
    expect(formatPoints(-0.004)).toBe("\u22120.4 pts");
    expect(formatPoints(0.00004)).toBe("±0.0 pts");
    expect(pointsDirection(0.00004)).toBe("flat");
    expect(pointsDirection(-0.001)).toBe("down");
    expect(formatPointsPerMillion(2.5, "USD")).toBe("+2.50 pts per $1M");
    expect(formatPointsPerMillion(null, "USD")).toBe("—");
    expect(formatShare(0.13)).toBe("+13%");
    expect(formatShare(-0.052)).toBe("\u22125.2%");
    expect(formatShare(0)).toBe("±0%");
  });

  it("suggests a scenario name the file does not use", () => {
    expect(suggestedScenarioName([])).toBe("Scenario 1");
    expect(suggestedScenarioName(["A", "Scenario 3"])).toBe("Scenario 4");
    expect(suggestedScenarioName(["A", "scenario 3", "Scenario 4"])).toBe("Scenario 5");
  });
});

describe("chart data", () => {
  it("puts the largest swing on top, in points", () => {
    const rows = tornadoRows([
      { id: "a", name: "Small", up: 0.001, down: -0.001 },
      { id: "b", name: "Big", up: 0.02, down: -0.015 },
      { id: "c", name: "Down heavy", up: 0.002, down: -0.03 },
      { id: "d", name: "Unscored", up: null, down: null },
    ]);
    expect(rows.map((r) => r.id)).toEqual(["c", "b", "a", "d"]);
    expect(rows[1]?.up).toBeCloseTo(2, 12);
    expect(rows[0]?.down).toBeCloseTo(-3, 12);
    expect(rows[3]?.up).toBeNull();
  });

  it("shortens long names for the tornado's axis, on one line, without direction tricks or half characters", () => {
    expect(chartLabel("Cloud\n  & Infra", 28)).toBe("Cloud & Infra");
    expect(chartLabel("x".repeat(40), 28)).toBe(`${"x".repeat(27)}…`);
    // A right-to-left override from a file would reverse the axis text after it.
    expect(chartLabel("Cloud \u202Eevil", 28)).not.toContain("\u202E");
    // 27 emoji: the cut keeps whole characters, never a lone surrogate.
    const cut = chartLabel("😀".repeat(40), 28);
    expect(Array.from(cut)).toHaveLength(28);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("builds the timeline in points, with the band only when it has width, and the lag steps", () => {
    const timeline = [0, 1, 2, 3].map((t) => ({
      step: t,
      label: `Q${t}`,
      baseline: 0.5,
      projected: t >= 2 ? 0.55 : 0.5,
    }));
    const flat = [0, 1, 2, 3].map(() => ({ p10: 0.5, p50: 0.5, p90: 0.5 }));
    const none = timelineSeries(timeline, [2, 9], flat);
    expect(none.band).toBeNull();
    for (const [t, v] of none.projected.entries()) expect(v).toBeCloseTo([50, 50, 55, 55][t] as number, 12);
    expect(none.lagSteps).toEqual([{ step: 2, label: "Q2" }]);
    const wide = timelineSeries(
      timeline,
      [2],
      [...flat.slice(0, 2), { p10: 0.53, p50: 0.55, p90: 0.57 }, { p10: 0.53, p50: 0.55, p90: 0.57 }],
    );
    expect(wide.band?.p10).toEqual([50, 50, 53, 53]);
    expect(wide.band?.p90[3]).toBeCloseTo(57, 12);
    expect(timelineSeries(timeline, [], null).band).toBeNull();
  });
});

describe("the document on its way to the worker", () => {
  it("goes in slices of rows and arrives whole", () => {
    const doc = syntheticScorecard({ measures: 120, periods: 24, investments: 5 });
    const messages = documentMessages(doc, 7, 500);
    // 120 × 24 actuals in slices of 500; the small collections travel with the document.
    expect(messages.filter((m) => m.kind === "rows").map((m) => m.kind === "rows" && m.collection)).toEqual(
      Array(Math.ceil(doc.actuals.length / 500)).fill("actuals"),
    );
    const [first, ...rest] = messages.map((m) => structuredClone(m)) as [WorkerRequest, ...WorkerRequest[]];
    if (first.kind !== "document") throw new Error("the document comes first");
    expect(first.version).toBe(7);
    expect(first.document.actuals).toEqual([]);
    expect(first.document.measures).toHaveLength(120);
    for (const m of rest) if (m.kind === "rows") addRows(first.document, m);
    expect(first.document).toEqual(doc);
  });

  it("sends a small document in one message", () => {
    const doc = syntheticScorecard({ measures: 10, periods: 4, investments: 2 });
    expect(documentMessages(doc, 1)).toEqual([{ kind: "document", version: 1, document: doc }]);
  });
});
