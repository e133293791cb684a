/** Hand-computed what-if cases (SPEC §3): each curve, clamps, lags, propagation chains, reporting. */
import { describe, expect, it } from "vitest";
import { validateDocument } from "../../shared/domain/validate.ts";
import { curveFactor, relativeChange } from "../../shared/whatif/curves.ts";
import { marginalValues } from "../../shared/whatif/marginal.ts";
import { compileWhatIf, type WhatIfModel } from "../../shared/whatif/model.ts";
import { evaluateScenario, type ScenarioResult } from "../../shared/whatif/scenario.ts";
import { baseSpend, spendOfScenario, spendRecord } from "../../shared/whatif/spend.ts";
import { builder, type DocBuilder } from "../support/docs.ts";

const MILLION = 1_000_000;

function compiled(b: DocBuilder): WhatIfModel {
  const { problems } = validateDocument(b.doc);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  return compileWhatIf(b.doc);
}

/** Scenario result with one investment's spend set (single-investment documents). */
function at(model: WhatIfModel, spend: number): ScenarioResult {
  return evaluateScenario(model, Float64Array.of(spend));
}

/**
 * One perspective, one objective, one linear measure (baseline 60, target 80, actual 70 ⇒ p = 0.5),
 * one investment of base 1 M with one impact of effect `effect`.
 */
function oneImpact(impact: Parameters<DocBuilder["impact"]>[3] = {}, effect = 4, measure = {}) {
  const b = builder(2);
  const m = b.measure(b.objective(b.perspective("Business Value"), "Grow revenue"), measure);
  b.actual(m, 1, 70);
  const inv = b.investment("Cloud", MILLION);
  b.impact(inv, m, effect, impact);
  return { b, model: compiled(b) };
}

describe("curves", () => {
  it("x = spend / base − 1, floored at −1 and capped so it stays finite", () => {
    expect(relativeChange(1_500_000, MILLION)).toBe(0.5);
    expect(relativeChange(0, MILLION)).toBe(-1);
    expect(relativeChange(1e15, Number.MIN_VALUE)).toBe(1e15);
  });

  it("linear f(x) = x; saturating f(x) = 2(1 − 2^(−x)): E at double spend, −2E at zero, at most 2E", () => {
    expect(curveFactor(false, 0.5)).toBe(0.5);
    expect(curveFactor(true, 0)).toBe(0);
    expect(curveFactor(true, 1)).toBe(1);
    expect(curveFactor(true, -1)).toBe(-2);
    expect(curveFactor(true, 2)).toBe(1.5);
    expect(curveFactor(true, 1e15)).toBe(2);
  });
});

describe("one impact on one measure", () => {
  it("linear: Δ = E·x moves the value, which is re-scored (§2)", () => {
    const { model } = oneImpact();
    // x = 0.5 ⇒ Δ = 2 ⇒ 72 ⇒ p = (72 − 60) / 20 = 0.6.
    const up = at(model, 1_500_000);
    expect(up.measures[0]).toMatchObject({ current: 70, currentPeriod: "2025-Q2" });
    expect(up.measures[0]?.projected).toBe(72);
    expect(up.measures[0]?.projectedScore).toBeCloseTo(0.6, 12);
    expect(up.overall.baseline).toBeCloseTo(0.5, 12);
    expect(up.overall.projected).toBeCloseTo(0.6, 12);
    expect(up.overall.delta).toBeCloseTo(0.1, 12);
    // x = −0.5 ⇒ 68 ⇒ 0.4; x = −1 (spend 0) ⇒ 66 ⇒ 0.3.
    expect(at(model, 500_000).overall.projected).toBeCloseTo(0.4, 12);
    expect(at(model, 0).overall.projected).toBeCloseTo(0.3, 12);
  });

  it("saturating: Δ = 2E(1 − 2^(−x))", () => {
    const { model } = oneImpact({ curve: "saturating" });
    expect(at(model, 2 * MILLION).measures[0]?.projected).toBe(74); // x = 1 ⇒ Δ = E = 4
    expect(at(model, 3 * MILLION).measures[0]?.projected).toBe(76); // x = 2 ⇒ Δ = 8·0.75 = 6
    expect(at(model, 0).measures[0]?.projected).toBe(62); // x = −1 ⇒ Δ = −2E = −8
    expect(at(model, 3 * MILLION).overall.projected).toBeCloseTo(0.8, 12);
  });

  it("the value is clamped to the measure's valid range before it is scored", () => {
    const { b } = oneImpact({}, 40, { validRange: { min: 0, max: 90 } });
    b.doc.scorecard.scoring.cap = 2;
    // x = 1 ⇒ 70 + 40 = 110, clamped to 90 ⇒ p = (90 − 60) / 20 = 1.5 (below the cap of 2).
    const r = at(compiled(b), 2 * MILLION);
    expect(r.measures[0]?.projected).toBe(90);
    expect(r.overall.projected).toBeCloseTo(1.5, 12);
  });

  it("the score is clamped to the cap (§2), whatever the value", () => {
    const { model } = oneImpact({}, 100);
    expect(at(model, 3 * MILLION).overall.projected).toBe(1);
  });

  it("lower is better: a negative effect helps", () => {
    const b = builder(1);
    const m = b.measure(b.objective(b.perspective("Ops"), "Fewer incidents"), {
      direction: "lower",
      baseline: 10,
      target: 5,
    });
    b.actual(m, 0, 8); // p = (8 − 10) / (5 − 10) = 0.4
    b.impact(b.investment("Service Management", MILLION), m, -2);
    const r = at(compiled(b), 2 * MILLION); // x = 1 ⇒ 6 ⇒ p = 0.8
    expect(r.overall.baseline).toBeCloseTo(0.4, 12);
    expect(r.overall.projected).toBeCloseTo(0.8, 12);
  });

  it("a measure without actuals starts from its baseline, scored against the reference period's own target", () => {
    const b = builder(2);
    const o = b.objective(b.perspective("Business Value"), "Objective");
    const measured = b.measure(o, { weight: 0 });
    b.actual(measured, 1, 80);
    const m = b.measure(o); // baseline 60, target 80, no actual
    b.doc.periodTargets.push({ measureId: m, periodId: b.periodId(1), target: 70 });
    b.impact(b.investment("Data", MILLION), m, 5);
    const model = compiled(b);
    expect(model.referencePeriod).toBe(1);
    const r = at(model, 2 * MILLION); // 60 + 5 = 65 against the period target 70 ⇒ p = 0.5
    expect(r.measures[0]).toMatchObject({ current: 60, currentPeriod: null, projected: 65 });
    expect(r.measures[0]?.projectedScore).toBeCloseTo(0.5, 12);
  });

  it("a zero base switches the investment's impacts off, with a warning", () => {
    const b = builder(1);
    const m = b.measure(b.objective(b.perspective("Business Value"), "Objective"));
    b.actual(m, 0, 70);
    const inv = b.investment("Innovation", 0, { maxSpend: MILLION });
    b.impact(inv, m, 10);
    const model = compiled(b);
    expect(model.warnings).toEqual([
      "“Innovation” has a base spend of 0, so its impacts are off (x = spend / base − 1 needs a base).",
    ]);
    const r = at(model, MILLION);
    expect(r.overall.delta).toBe(0);
    expect(r.spend.investments[0]?.relativeChange).toBeNull();
    expect(r.warnings).toEqual(model.warnings);
  });
});

describe("several impacts and measures", () => {
  it("impacts on one measure add up before the clamp and the score", () => {
    const b = builder(1);
    const m = b.measure(b.objective(b.perspective("Business Value"), "Objective"), {
      validRange: { min: 0, max: 100 },
    });
    b.actual(m, 0, 70);
    const cloud = b.investment("Cloud", MILLION);
    const people = b.investment("People", 500_000);
    b.impact(cloud, m, 4); // linear, x = 1 ⇒ +4
    b.impact(people, m, 2, { curve: "saturating" }); // x = 1 ⇒ +2
    b.impact(people, m, -1); // linear, x = 1 ⇒ −1
    const model = compiled(b);
    const spend = spendOfScenario(model, { spend: { [cloud]: 2 * MILLION, [people]: MILLION } });
    const r = evaluateScenario(model, spend);
    expect(r.measures[0]?.projected).toBe(75);
    expect(r.overall.projected).toBeCloseTo(0.75, 12);
    expect(r.spend).toMatchObject({ baseline: 1_500_000, projected: 3_000_000, delta: 1_500_000 });
  });

  it("objective = weighted mean of its measures; perspectives and overall re-rolled with their weights", () => {
    const b = builder(1);
    const top = b.perspective("Business Value", 3);
    const low = b.perspective("Operations", 1);
    const o1 = b.objective(top, "Revenue");
    const m1 = b.measure(o1, { weight: 3 }); // p 0.5 → 0.9
    const m2 = b.measure(o1, { weight: 1 }); // p 0.5, untouched
    const m3 = b.measure(b.objective(low, "Uptime")); // p 0.25, untouched
    b.actual(m1, 0, 70);
    b.actual(m2, 0, 70);
    b.actual(m3, 0, 65);
    b.impact(b.investment("Cloud", MILLION), m1, 8);
    const r = at(compiled(b), 2 * MILLION);
    // Revenue: (3·0.9 + 0.5) / 4 = 0.8 (was 0.5); overall (3·0.8 + 0.25) / 4 = 0.6625 (was 0.4375).
    expect(r.perspectives[0]?.objectives[0]?.projected).toBeCloseTo(0.8, 12);
    expect(r.perspectives[0]?.objectives[0]?.delta).toBeCloseTo(0.3, 12);
    expect(r.perspectives[1]?.delta).toBe(0);
    expect(r.overall.baseline).toBeCloseTo(0.4375, 12);
    expect(r.overall.projected).toBeCloseTo(0.6625, 12);
    // Points per 1 M: 22.5 points for +1 M.
    expect(r.pointsPerMillion).toBeCloseTo(22.5, 9);
  });
});

describe("propagation along objective links", () => {
  /** Perspectives 0 (top) … 2, one objective each, one measure each at p = 0.5; A (bottom) is moved. */
  function chain() {
    const b = builder(1);
    const ids = ["Business Value", "Customers", "Operations"].map((name) => {
      const o = b.objective(b.perspective(name), `${name} objective`);
      const m = b.measure(o);
      b.actual(m, 0, 70);
      return { o, m };
    });
    const [top, mid, bottom] = ids as [(typeof ids)[number], (typeof ids)[number], (typeof ids)[number]];
    b.impact(b.investment("Cloud", MILLION), bottom.m, 4); // x = 1 ⇒ 74 ⇒ p 0.7: own Δ = 0.2
    return { b, top, mid, bottom };
  }

  it("a chain passes on what it received: Δ(to) += strength · Δ(from)", () => {
    const { b, top, mid, bottom } = chain();
    b.link(bottom.o, mid.o, 0.5);
    b.link(mid.o, top.o, 0.5);
    const r = at(compiled(b), 2 * MILLION);
    const delta = (p: number) => r.perspectives[p]?.objectives[0]?.delta;
    expect(delta(2)).toBeCloseTo(0.2, 12);
    expect(delta(1)).toBeCloseTo(0.1, 12); // 0.5 · 0.2
    expect(delta(0)).toBeCloseTo(0.05, 12); // 0.5 · 0.1
    expect(r.overall.delta).toBeCloseTo((0.2 + 0.1 + 0.05) / 3, 12);
  });

  it("a diamond sums both paths, and an objective's own change adds to what it receives", () => {
    const { b, top, mid, bottom } = chain();
    const side = b.objective(b.doc.perspectives[1]?.id as string, "Side");
    const sm = b.measure(side);
    b.actual(sm, 0, 70);
    b.impact(b.doc.investments[0]?.id as string, sm, 2); // side's own Δ = 0.1
    b.link(bottom.o, mid.o, 1);
    b.link(bottom.o, side, 0.5);
    b.link(mid.o, top.o, 0.4);
    b.link(side, top.o, 0.2);
    const r = at(compiled(b), 2 * MILLION);
    const objective = (id: string) => r.perspectives.flatMap((p) => p.objectives).find((o) => o.id === id);
    expect(objective(mid.o)?.delta).toBeCloseTo(0.2, 12); // 1 · 0.2
    expect(objective(side)?.delta).toBeCloseTo(0.2, 12); // 0.1 + 0.5 · 0.2
    expect(objective(top.o)?.delta).toBeCloseTo(0.12, 12); // 0.4 · 0.2 + 0.2 · 0.2
  });

  it("objective scores are clamped to [0, cap] after propagation; downstream gets the unclamped change", () => {
    const { b, top, mid, bottom } = chain();
    b.doc.impacts[0] = { ...(b.doc.impacts[0] as (typeof b.doc.impacts)[number]), effect: 20 }; // own Δ 0.5 → p 1.0
    b.link(bottom.o, mid.o, 1);
    b.link(mid.o, top.o, 1);
    b.doc.actuals[1] = { ...(b.doc.actuals[1] as (typeof b.doc.actuals)[number]), value: 76 }; // mid at p = 0.8
    const r = at(compiled(b), 2 * MILLION);
    const objective = (p: number) => r.perspectives[p]?.objectives[0];
    expect(objective(1)?.projected).toBe(1); // 0.8 + 0.5, clamped
    expect(objective(1)?.delta).toBeCloseTo(0.2, 12); // reported change = what is shown
    expect(objective(0)?.projected).toBeCloseTo(1, 12); // 0.5 + the unclamped 0.5
    // Downward spend: 70 − 20 = 50 ⇒ p 0 (clamped at 0); the change −0.5 still propagates.
    const down = at(compiled(b), 0);
    expect(down.perspectives[2]?.objectives[0]?.projected).toBe(0);
    expect(down.perspectives[0]?.objectives[0]?.projected).toBe(0);
  });

  it("an objective without measures passes on what it receives but has no score", () => {
    const { b, top, bottom } = chain();
    const empty = b.objective(b.doc.perspectives[1]?.id as string, "No measures yet");
    b.link(bottom.o, empty, 1);
    b.link(empty, top.o, 0.5);
    const r = at(compiled(b), 2 * MILLION);
    const objective = (id: string) => r.perspectives.flatMap((p) => p.objectives).find((o) => o.id === id);
    expect(objective(empty)).toMatchObject({ baseline: null, projected: null, delta: null, status: "none" });
    expect(objective(top.o)?.delta).toBeCloseTo(0.1, 12);
  });
});

describe("lags and the timeline", () => {
  it("an impact with lag L is felt from step L on; the timeline settles and runs at least 8 future periods", () => {
    const b = builder(2);
    const o = b.objective(b.perspective("Business Value"), "Objective");
    const m1 = b.measure(o);
    const m2 = b.measure(o);
    b.actual(m1, 1, 70);
    b.actual(m2, 1, 70);
    const inv = b.investment("Cloud", MILLION);
    b.impact(inv, m1, 4, { lag: 0 }); // +0.2 on m1 from step 0 ⇒ objective +0.1
    b.impact(inv, m2, 4, { lag: 3 }); // +0.2 on m2 from step 3 ⇒ objective +0.1 more
    const r = at(compiled(b), 2 * MILLION);
    expect(r.timeline.map((t) => t.label)).toEqual([
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
      "2027-Q1",
      "2027-Q2",
    ]);
    const projected = r.timeline.map((t) => t.projected);
    for (const t of [0, 1, 2]) expect(projected[t]).toBeCloseTo(0.6, 12);
    for (const t of [3, 4, 8]) expect(projected[t]).toBeCloseTo(0.7, 12);
    expect(r.timeline.every((t) => t.baseline === 0.5)).toBe(true);
    expect(r.overall.projected).toBeCloseTo(0.7, 12); // the settled state
  });

  it("a lag beyond 8 periods stretches the timeline to it; labels continue after the document's periods", () => {
    const { b } = oneImpact({ lag: 12 });
    const model = compiled(b);
    expect(model.horizon).toBe(12);
    const r = at(model, 2 * MILLION);
    expect(r.timeline).toHaveLength(13);
    expect(r.timeline[11]?.projected).toBeCloseTo(0.5, 12);
    expect(r.timeline[12]?.projected).toBeCloseTo(0.7, 12);
    expect(r.timeline[12]?.label).toBe("2028-Q2");
  });

  it("monthly and yearly periods are continued in their own kind", () => {
    for (const [kind, labels] of [
      ["month", ["2026-11", "2026-12", "2027-01"]],
      ["year", ["2026", "2027", "2028"]],
    ] as const) {
      const b = builder(0);
      b.doc.scorecard.periodKind = kind;
      b.doc.periods.push({ id: b.newId(), label: labels[0], start: kind === "month" ? "2026-11-01" : "2026-01-01" });
      const m = b.measure(b.objective(b.perspective("Business Value"), "Objective"));
      b.actual(m, 0, 70);
      expect(
        at(compiled(b), MILLION)
          .timeline.slice(0, 3)
          .map((t) => t.label),
      ).toEqual(labels);
    }
  });
});

describe("marginal values and scenarios", () => {
  it("Δ overall for ±10 % of base spend, from where the scenario stands", () => {
    const { model } = oneImpact();
    // At base: x = ±0.1 ⇒ ±0.4 ⇒ p 0.52 / 0.48.
    const [mv] = marginalValues(model, baseSpend(model));
    expect(mv?.name).toBe("Cloud");
    expect(mv?.up).toBeCloseTo(0.02, 12);
    expect(mv?.down).toBeCloseTo(-0.02, 12);
    // Saturating at 2 M: up = 2E(2^(−1) − 2^(−1.1)) / 20.
    const sat = oneImpact({ curve: "saturating" }).model;
    const [s] = marginalValues(sat, Float64Array.of(2 * MILLION));
    expect(s?.up).toBeCloseTo((8 * (2 ** -1 - 2 ** -1.1)) / 20, 12);
    // Spend cannot go below 0: from 50 k, "−10 %" stops at 0.
    const [low] = marginalValues(model, Float64Array.of(50_000));
    expect(low?.down).toBeCloseTo(((0 - 50_000) / MILLION) * 4 * 0.05, 12);
  });

  it("a stored scenario names absolute spends; an investment it leaves out stays at base", () => {
    const b = builder(1);
    const m = b.measure(b.objective(b.perspective("Business Value"), "Objective"));
    b.actual(m, 0, 70);
    const a = b.investment("A", MILLION);
    const c = b.investment("C", 2 * MILLION);
    const model = compiled(b);
    const spend = spendOfScenario(model, { spend: { [c]: 3 * MILLION } });
    expect(spendRecord(model, spend)).toEqual({ [a]: MILLION, [c]: 3 * MILLION });
  });

  it("spends outside a slider range are evaluated and warned about; no change means no points per 1 M", () => {
    const { model } = oneImpact();
    const r = at(model, 4 * MILLION);
    expect(r.warnings).toEqual(["“Cloud” gets $4,000,000, above its slider range of $0 to $3,000,000."]);
    expect(at(model, 3 * MILLION).warnings).toEqual([]);
    expect(at(model, MILLION).pointsPerMillion).toBeNull();
  });

  it("a range warning says which way the spend is out, in the scorecard's currency, the name quoted", () => {
    const b = builder(1);
    b.doc.scorecard.currency = "EUR";
    const m = b.measure(b.objective(b.perspective("Business Value"), "Objective"));
    b.actual(m, 0, 70);
    const name = `Cloud\n${"x".repeat(100)}`;
    b.impact(b.investment(name, MILLION, { minSpend: 500_000, maxSpend: 2 * MILLION }), m, 4);
    const warnings = at(compiled(b), 250_000.4).warnings;
    expect(warnings).toEqual([
      `“Cloud ${"x".repeat(53)}…” gets €250,000, below its slider range of €500,000 to €2,000,000.`,
    ]);
  });
});
