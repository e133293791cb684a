/** Hand-computed cases for every formula edge case of SPEC §2. */
import { describe, expect, it } from "vitest";
import { validateDocument } from "../../shared/domain/validate.ts";
import { scoreAll } from "../../shared/scoring/engine.ts";
import {
  explainIndex,
  explainMeasure,
  explainObjective,
  explainOverall,
  explainTrend,
} from "../../shared/scoring/explain.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { builder, type DocBuilder } from "../support/docs.ts";

/** One perspective, one objective, one measure with `fields`, actual `value` in the first period. */
function single(fields: Parameters<DocBuilder["measure"]>[1], value: number | null, cap = 1) {
  const b = builder(1);
  b.doc.scorecard.scoring.cap = cap;
  const m = b.measure(b.objective(b.perspective("Business Value"), "Objective"), fields);
  if (value !== null) b.actual(m, 0, value);
  expectValid(b);
  return scorecardView(b.doc, 0).perspectives[0]?.objectives[0]?.measures[0];
}

function expectValid(b: DocBuilder) {
  const { problems } = validateDocument(b.doc);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
}

describe("achievement of one measure", () => {
  it("linear, higher is better", () => {
    expect(single({ baseline: 60, target: 80 }, 72)?.score).toBeCloseTo(0.6, 12);
  });

  it("linear, lower is better", () => {
    expect(single({ direction: "lower", baseline: 10, target: 5 }, 7)?.score).toBeCloseTo(0.6, 12);
  });

  it("actual on the wrong side of the baseline scores 0", () => {
    expect(single({ baseline: 60, target: 80 }, 50)?.score).toBe(0);
    expect(single({ direction: "lower", baseline: 10, target: 5 }, 12)?.score).toBe(0);
  });

  it("over-achievement is capped at the scorecard cap", () => {
    expect(single({ baseline: 60, target: 80 }, 90)?.score).toBe(1);
    expect(single({ baseline: 60, target: 80 }, 90, 1.5)?.score).toBeCloseTo(1.5, 12);
    expect(single({ baseline: 60, target: 80 }, 100, 1.5)?.score).toBe(1.5);
    expect(single({ baseline: 60, target: 80 }, 70, 2)?.score).toBeCloseTo(0.5, 12);
  });

  it("band: inside, within tolerance on either side, beyond tolerance, zero tolerance", () => {
    const band = (tolerance: number) =>
      ({ direction: "band", method: "band", band: { low: 60, high: 80, tolerance } }) as const;
    expect(single(band(10), 70)?.score).toBe(1);
    expect(single(band(10), 60)?.score).toBe(1);
    expect(single(band(10), 80)?.score).toBe(1);
    expect(single(band(10), 55)?.score).toBeCloseTo(0.5, 12);
    expect(single(band(10), 85)?.score).toBeCloseTo(0.5, 12);
    expect(single(band(10), 50)?.score).toBe(0);
    expect(single(band(10), 95)?.score).toBe(0);
    expect(single(band(0), 80.01)?.score).toBe(0);
    // The cap never lifts a band above 1.
    expect(single(band(10), 70, 2)?.score).toBe(1);
  });

  it("binary, both directions", () => {
    expect(single({ method: "binary", baseline: 0, target: 99.9 }, 99.95)?.score).toBe(1);
    expect(single({ method: "binary", baseline: 0, target: 99.9 }, 99.9)?.score).toBe(1);
    expect(single({ method: "binary", baseline: 0, target: 99.9 }, 99.8)?.score).toBe(0);
    expect(single({ method: "binary", direction: "lower", baseline: 5, target: 0 }, 0)?.score).toBe(1);
    expect(single({ method: "binary", direction: "lower", baseline: 5, target: 0 }, 1)?.score).toBe(0);
  });

  it("a period's own target replaces the measure target for that period only", () => {
    const b = builder(2);
    const m = b.measure(b.objective(b.perspective("P"), "O"), { baseline: 60, target: 80 });
    b.doc.periodTargets.push({ measureId: m, periodId: b.periodId(0), target: 70 });
    b.actual(m, 0, 65);
    b.actual(m, 1, 65);
    expectValid(b);
    const row = (k: number) => scorecardView(b.doc, k).perspectives[0]?.objectives[0]?.measures[0];
    expect(row(0)?.score).toBeCloseTo(0.5, 12);
    expect(row(0)?.target).toBe(70);
    expect(row(1)?.score).toBeCloseTo(0.25, 12);
    expect(row(1)?.target).toBe(80);
  });
});

describe("missing data policies", () => {
  /** Objective with m1 (weight 1, actual 80 → p = 1 in every period) and m2 (weight 3, actual 70 only in period 0). */
  function twoMeasures(policy: "carry-forward" | "exclude" | "zero") {
    const b = builder(2);
    b.doc.scorecard.scoring.missingPolicy = policy;
    const o = b.objective(b.perspective("P"), "O");
    const m1 = b.measure(o, { weight: 1 });
    const m2 = b.measure(o, { weight: 3 });
    b.actual(m1, 0, 80);
    b.actual(m1, 1, 80);
    b.actual(m2, 0, 70);
    expectValid(b);
    return b;
  }

  it("carry-forward uses the latest earlier actual and flags it stale", () => {
    const b = twoMeasures("carry-forward");
    const obj = scorecardView(b.doc, 1).perspectives[0]?.objectives[0];
    expect(obj?.measures[1]).toMatchObject({ value: 70, stale: true });
    expect(obj?.measures[1]?.score).toBeCloseTo(0.5, 12);
    expect(obj?.measures[0]?.stale).toBe(false);
    expect(obj?.score).toBeCloseTo((1 * 1 + 3 * 0.5) / 4, 12);
    expect(obj?.coverage).toBe(1);
  });

  it("carry-forward with nothing earlier leaves the measure without a score", () => {
    const b = builder(2);
    const o = b.objective(b.perspective("P"), "O");
    const m1 = b.measure(o);
    const m2 = b.measure(o);
    b.actual(m1, 0, 70);
    b.actual(m2, 1, 70);
    const obj = scorecardView(b.doc, 0).perspectives[0]?.objectives[0];
    expect(obj?.measures[1]).toMatchObject({ score: null, status: "none", stale: false, value: null });
    expect(obj?.coverage).toBe(0.5);
  });

  it("exclude renormalizes over the measures that have data and reports coverage", () => {
    const obj = scorecardView(twoMeasures("exclude").doc, 1).perspectives[0]?.objectives[0];
    expect(obj?.measures[1]).toMatchObject({ score: null, status: "none", stale: false });
    expect(obj?.score).toBe(1);
    expect(obj?.coverage).toBe(0.25);
  });

  it("zero counts a missing actual as p = 0 but not as covered", () => {
    const obj = scorecardView(twoMeasures("zero").doc, 1).perspectives[0]?.objectives[0];
    expect(obj?.measures[1]?.score).toBe(0);
    expect(obj?.score).toBeCloseTo(0.25, 12);
    expect(obj?.coverage).toBe(0.25);
  });
});

describe("roll-up", () => {
  it("weights measures, objectives and perspectives; coverage follows weight", () => {
    const b = builder(1);
    const p1 = b.perspective("Business Value", 2);
    const p2 = b.perspective("Operations", 1);
    const o1 = b.objective(p1, "O1", 1);
    const o2 = b.objective(p1, "O2", 3);
    const o3 = b.objective(p2, "O3", 1);
    b.actual(b.measure(o1), 0, 80); // p = 1
    b.actual(b.measure(o2), 0, 70); // p = 0.5
    b.actual(b.measure(o3), 0, 65); // p = 0.25
    expectValid(b);
    const v = scorecardView(b.doc, 0);
    expect(v.perspectives[0]?.score).toBeCloseTo((1 * 1 + 3 * 0.5) / 4, 12);
    expect(v.perspectives[1]?.score).toBeCloseTo(0.25, 12);
    expect(v.overall.score).toBeCloseTo((2 * 0.625 + 1 * 0.25) / 3, 12);
    expect(v.overall.coverage).toBe(1);
  });

  it("a perspective with no data has no score, and the overall leaves it out", () => {
    const b = builder(1);
    const p1 = b.perspective("Business Value", 1);
    const p2 = b.perspective("Future", 3);
    b.actual(b.measure(b.objective(p1, "O1")), 0, 70);
    b.measure(b.objective(p2, "O2"));
    b.objective(p2, "Empty objective");
    expectValid(b);
    const v = scorecardView(b.doc, 0);
    expect(v.perspectives[1]).toMatchObject({ score: null, status: "none", coverage: 0 });
    expect(v.perspectives[1]?.objectives[1]).toMatchObject({ score: null, coverage: 0 });
    expect(v.overall.score).toBeCloseTo(0.5, 12);
    expect(v.overall.coverage).toBe(0.25);
  });

  it("siblings that all weigh 0 count as equal, with a warning", () => {
    const b = builder(1);
    const o = b.objective(b.perspective("P"), "Zero-weight objective");
    b.actual(b.measure(o, { weight: 0 }), 0, 80);
    b.actual(b.measure(o, { weight: 0 }), 0, 70);
    const { problems } = validateDocument(b.doc);
    expect(problems).toContainEqual(expect.objectContaining({ severity: "warning", path: "measures[0].weight" }));
    const v = scorecardView(b.doc, 0);
    expect(v.perspectives[0]?.objectives[0]?.score).toBeCloseTo(0.75, 12);
    expect(v.warnings.join(" ")).toContain('"Zero-weight objective" weigh 0');
  });

  it("a zero-weight measure beside weighted ones does not count", () => {
    const b = builder(1);
    const o = b.objective(b.perspective("P"), "O");
    b.actual(b.measure(o, { weight: 0 }), 0, 80);
    b.actual(b.measure(o, { weight: 2 }), 0, 70);
    expect(scorecardView(b.doc, 0).perspectives[0]?.objectives[0]?.score).toBeCloseTo(0.5, 12);
  });
});

describe("empty scorecards", () => {
  it("a scorecard without periods or measures scores nothing, without errors", () => {
    const b = builder(0);
    b.objective(b.perspective("Business Value"), "Nothing measured yet");
    expectValid(b);
    const v = scorecardView(b.doc);
    expect(v).toMatchObject({ periods: [], periodIndex: -1, period: null, leadingIndex: null, laggingIndex: null });
    expect(v.overall).toEqual({ score: null, status: "none", coverage: 0, trend: null });
    expect(v.perspectives[0]?.objectives[0]).toMatchObject({ score: null, measures: [] });
  });
});

describe("status", () => {
  it("uses the scorecard thresholds, per-measure overrides, and grey for no data", () => {
    const b = builder(1);
    const o = b.objective(b.perspective("P"), "O");
    b.actual(b.measure(o, { thresholds: { green: 0.8, amber: 0.5 } }), 0, 77); // p = 0.85
    b.measure(o); // no data
    expectValid(b);
    const obj = scorecardView(b.doc, 0).perspectives[0]?.objectives[0];
    expect(obj?.measures[0]).toMatchObject({ status: "green" });
    expect(obj?.measures[1]).toMatchObject({ status: "none" });
    expect(obj?.status).toBe("amber"); // 0.85 against the scorecard's 0.9 / 0.6
  });

  it("exact threshold values count as met despite floating-point rounding", () => {
    // (0.37 − 0.1) / (0.4 − 0.1) is 0.8999999999999999 in binary floating point.
    expect(single({ baseline: 0.1, target: 0.4 }, 0.37)?.score).toBeLessThan(0.9);
    expect(single({ baseline: 0.1, target: 0.4 }, 0.37)?.status).toBe("green");
    expect(single({ baseline: 60, target: 80 }, 71.9)?.status).toBe("red");
    expect(single({ baseline: 60, target: 80 }, 72)?.status).toBe("amber");
  });
});

describe("indices and trend", () => {
  it("leading and lagging indices weigh measures by their absolute weight", () => {
    const b = builder(1);
    const p1 = b.perspective("Business Value", 3);
    const p2 = b.perspective("Future", 1);
    b.actual(b.measure(b.objective(p1, "O1"), { kind: "lagging" }), 0, 80); // p = 1, abs weight 0.75
    const o2 = b.objective(p2, "O2");
    b.actual(b.measure(o2, { kind: "leading", weight: 1 }), 0, 70); // p = 0.5, abs 0.25 · 0.25
    b.actual(b.measure(o2, { kind: "leading", weight: 3 }), 0, 65); // p = 0.25, abs 0.25 · 0.75
    b.actual(b.measure(o2, { kind: "lagging", weight: 0 }), 0, 60); // p = 0, abs weight 0
    const v = scorecardView(b.doc, 0);
    expect(v.leadingIndex).toBeCloseTo((0.0625 * 0.5 + 0.1875 * 0.25) / 0.25, 12);
    expect(v.laggingIndex).toBeCloseTo(1, 12);
  });

  it("trend is the change against the previous period, null without both", () => {
    const b = builder(3);
    const m = b.measure(b.objective(b.perspective("P"), "O"));
    b.actual(m, 1, 65);
    b.actual(m, 2, 70);
    b.doc.scorecard.scoring.missingPolicy = "exclude";
    expect(scorecardView(b.doc, 1).overall.trend).toBeNull();
    expect(scorecardView(b.doc, 2).overall.trend).toBeCloseTo(0.25, 12);
    expect(scorecardView(b.doc, 2).perspectives[0]?.objectives[0]?.measures[0]?.trend).toBeCloseTo(0.25, 12);
  });

  it("periods are scored in start-date order whatever their order in the document", () => {
    const b = builder(2);
    const m = b.measure(b.objective(b.perspective("P"), "O"));
    b.actual(m, 0, 65);
    b.actual(m, 1, 70);
    b.doc.periods.reverse();
    const v = scorecardView(b.doc);
    expect(v.period?.label).toBe("2025-Q2");
    expect(v.overall.score).toBeCloseTo(0.5, 12);
  });
});

describe("explanations", () => {
  function explained(policy: "carry-forward" | "zero" = "carry-forward") {
    const b = builder(2);
    b.doc.scorecard.scoring.missingPolicy = policy;
    const o = b.objective(b.perspective("Business Value"), "Faster delivery");
    const m1 = b.measure(o, { name: "On-time delivery", weight: 2 });
    const m2 = b.measure(o, { name: "Change failure rate", direction: "lower", baseline: 20, target: 10 });
    b.actual(m1, 0, 72);
    b.actual(m1, 1, 90);
    b.actual(m2, 0, 11);
    const model = compileModel(b.doc);
    return { model, table: scoreAll(model) };
  }

  it("substitutes the real values into the measure formula", () => {
    const { model, table } = explained();
    const e = explainMeasure(model, table, 0, 0);
    expect(e.result).toBeCloseTo(0.6, 12);
    expect(e.substituted).toBe("p = (72 − 60) / (80 − 60) = 0.6 → 60 %");
    expect(explainMeasure(model, table, 0, 1).notes).toContain("Capped at 100 % (over-achievement cap).");
  });

  it("names the period a stale value was carried forward from", () => {
    const { model, table } = explained();
    const e = explainMeasure(model, table, 1, 1);
    expect(e.substituted).toBe("p = (11 − 20) / (10 − 20) = 0.9 → 90 %");
    expect(e.notes.join(" ")).toContain("carried forward from 2025-Q1");
  });

  it("names items and periods from the file without their direction controls or line breaks", () => {
    const b = builder(2);
    const o = b.objective(b.perspective("Business Value"), "Faster delivery");
    b.measure(o, { name: "\u202eDelivered\nforged line" });
    const m = b.measure(o, { name: "Scored" });
    b.actual(m, 0, 50);
    b.actual(m, 1, 50);
    b.doc.periods[0] = { ...(b.doc.periods[0] as (typeof b.doc.periods)[number]), label: "Q1\u202e" };
    b.doc.scorecard.scoring.missingPolicy = "carry-forward";
    const model = compileModel(b.doc);
    const table = scoreAll(model);
    const notes = explainObjective(model, table, 0, 0).notes.join(" ");
    expect(notes).toContain("Left out (no score): “\uFFFDDelivered forged line”");
    const trend = explainTrend(model, table.objective, 0, 1).substituted;
    expect(trend).toContain("(Q1\uFFFD)");
    expect(notes + trend).not.toMatch(/[\u202a-\u202e\u2066-\u2069\n]/u);
  });

  it("explains roll-ups as weighted sums", () => {
    const { model, table } = explained();
    expect(explainObjective(model, table, 0, 0).substituted).toBe("(2 × 0.6 + 1 × 0.9) / (2 + 1) = 0.7 → 70 %");
    expect(explainOverall(model, table, 0).result).toBeCloseTo(0.7, 12);
  });

  it("explains the indices and the trend", () => {
    const { model, table } = explained();
    const lagging = explainIndex(model, table, "lagging", 0);
    expect(lagging.result).toBeCloseTo(0.7, 12);
    expect(lagging.substituted).toBe("(0.6667 × 0.6 + 0.3333 × 0.9) / (0.6667 + 0.3333) = 0.7 → 70 %");
    expect(explainIndex(model, table, "leading", 0)).toMatchObject({ result: null, substituted: "no score" });
    const trend = explainTrend(model, table.overall, 0, 1);
    // 2025-Q2: (2 × 1 (capped) + 1 × 0.9 (carried forward)) / 3 = 0.9667.
    expect(trend.substituted).toBe("96.7 % (2025-Q2) − 70 % (2025-Q1) = +26.7 pts");
    expect(explainTrend(model, table.overall, 0, 0).result).toBeNull();
  });

  it("explains a missing actual under each policy", () => {
    const zero = explained("zero");
    expect(explainMeasure(zero.model, zero.table, 1, 1).notes.join(" ")).toContain("scores it as 0");
  });
});
