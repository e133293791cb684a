/** Whole-document validation: every problem, each with its path (SPEC §1 rules, link DAG). */
import { describe, expect, it } from "vitest";
import { closesCycle, topologicalOrder } from "../../shared/domain/links.ts";
import { formatProblem } from "../../shared/domain/problems.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import { builder } from "../support/docs.ts";

function errorsOf(input: unknown): string[] {
  return validateDocument(input)
    .problems.filter((p) => p.severity === "error")
    .map(formatProblem);
}

/** A valid document with three perspectives (order 0 on top), an objective in each, and one measure. */
function framework() {
  const b = builder(2);
  const top = b.objective(b.perspective("Business Value"), "Grow revenue");
  const mid = b.objective(b.perspective("Stakeholders"), "Satisfied users");
  const low = b.objective(b.perspective("Operations"), "Reliable services");
  const m = b.measure(low, { name: "Availability", unit: "%", validRange: { min: 0, max: 100 } });
  return { b, top, mid, low, m };
}

describe("validateDocument", () => {
  it("accepts a valid document and returns it normalized", () => {
    const { b } = framework();
    b.doc.perspectives[0]!.name = "  Business Value  ";
    const result = validateDocument(b.doc);
    expect(result.problems).toEqual([]);
    expect(result.document?.perspectives[0]?.name).toBe("Business Value");
  });

  it("refuses what is not a document at all", () => {
    for (const bad of [null, 42, "text", [], undefined]) {
      expect(errorsOf(bad)).toEqual(["a scorecard document must be an object"]);
    }
    expect(errorsOf({})).toContain("scorecard: is required");
    expect(errorsOf({})).toContain("measures: is required");
    expect(errorsOf({ measures: {} })).toContain("measures: must be a list");
  });

  it("lists every problem with its path, never just the first", () => {
    const { b } = framework();
    const measure = b.doc.measures[0]!;
    measure.target = measure.baseline; // linear with t = b
    measure.weight = -1;
    b.doc.perspectives[1]!.name = "";
    b.doc.objectives[0]!.description = "x".repeat(10_001);
    b.doc.scorecard.currency = "XXY";
    (b.doc.perspectives[2] as unknown as Record<string, unknown>).secret = "<script>";
    const errors = errorsOf(b.doc);
    expect(errors).toEqual(
      expect.arrayContaining([
        "measures[0].target: must be above the baseline for a linear higher-is-better measure",
        "measures[0].weight: must be ≥ 0",
        "perspectives[1].name: must not be empty",
        "objectives[0].description: must be at most 10000 characters",
        "scorecard.currency: must be an ISO 4217 currency code",
        "perspectives[2]: unknown field(s): secret",
      ]),
    );
    expect(validateDocument(b.doc).document).toBeNull();
  });

  it("refuses non-finite and oversized numbers", () => {
    const { b } = framework();
    b.doc.measures[0]!.baseline = Number.NaN;
    b.doc.measures[0]!.target = Number.POSITIVE_INFINITY;
    b.doc.perspectives[0]!.weight = 1e16;
    b.doc.scorecard.scoring.cap = 2.5;
    expect(errorsOf(b.doc)).toEqual(
      expect.arrayContaining([
        "measures[0].baseline: must be a finite number",
        "measures[0].target: must be a finite number",
        "perspectives[0].weight: must be ≤ 1000000000000000",
        "scorecard.scoring.cap: must be ≤ 2",
      ]),
    );
  });

  it("checks names: trimmed length 1–200", () => {
    const { b } = framework();
    b.doc.objectives[0]!.name = "   ";
    b.doc.objectives[1]!.name = "n".repeat(201);
    b.doc.objectives[2]!.name = "n".repeat(200);
    expect(errorsOf(b.doc)).toEqual([
      "objectives[0].name: must not be empty",
      "objectives[1].name: must be at most 200 characters",
    ]);
  });

  it("checks measure field combinations", () => {
    const { b, low } = framework();
    b.measure(low, { method: "band", direction: "higher" });
    b.measure(low, { direction: "band", method: "band", band: null });
    b.measure(low, { direction: "lower", baseline: 5, target: 10 });
    b.measure(low, { validRange: { min: 0, max: 50 } });
    b.measure(low, { direction: "band", method: "band", band: { low: 80, high: 60, tolerance: -1 } });
    b.measure(low, { thresholds: { green: 0.5, amber: 0.7 } });
    expect(errorsOf(b.doc)).toEqual([
      "measures[1].method: band scoring goes with direction band, and only with it",
      "measures[1].band: a band measure needs band low, high and tolerance",
      "measures[2].band: a band measure needs band low, high and tolerance",
      "measures[3].target: must be below the baseline for a linear lower-is-better measure",
      "measures[4].baseline: must lie in the valid range [0, 50]",
      "measures[4].target: must lie in the valid range [0, 50]",
      "measures[5].band.tolerance: must be ≥ 0",
      "measures[5].band.low: band low must not exceed band high",
      "measures[6].thresholds.amber: amber threshold must not exceed green",
    ]);
  });

  it("resolves every reference and flags duplicates", () => {
    const { b, m } = framework();
    const ghost = "00000000-0000-4000-8000-00000000ffff";
    b.doc.objectives[0]!.perspectiveId = ghost;
    b.doc.actuals.push({ measureId: m, periodId: ghost, value: 50, note: "" });
    b.doc.actuals.push({ measureId: m, periodId: b.periodId(0), value: 50, note: "" });
    b.doc.actuals.push({ measureId: m, periodId: b.periodId(0), value: 150, note: "" });
    b.doc.periods[1]!.label = b.doc.periods[0]!.label;
    b.doc.objectives[2]!.id = b.doc.objectives[1]!.id;
    expect(errorsOf(b.doc)).toEqual(
      expect.arrayContaining([
        `objectives[0].perspectiveId: refers to unknown perspective ${ghost}`,
        `actuals[0].periodId: refers to unknown period ${ghost}`,
        "actuals[2]: an actual for this measure and period already exists",
        "actuals[2].value: must lie in the measure's valid range [0, 100]",
        "periods[1].label: another period has the same label",
        expect.stringMatching(/^objectives\[2\]\.id: duplicate id .* \(already used by objectives\[1\]\)$/),
      ]),
    );
  });

  it("checks per-period targets like the measure's own target", () => {
    const { b, m } = framework();
    b.doc.periodTargets.push({ measureId: m, periodId: b.periodId(0), target: 50 });
    b.doc.periodTargets.push({ measureId: m, periodId: b.periodId(1), target: 90 });
    b.doc.periodTargets.push({ measureId: m, periodId: b.periodId(1), target: 95 });
    expect(errorsOf(b.doc)).toEqual([
      "periodTargets[0].target: must be above the baseline for a linear higher-is-better measure",
      "periodTargets[2]: a target for this measure and period already exists",
    ]);
  });

  it("checks investments, impacts and scenarios", () => {
    const { b, m } = framework();
    const inv = b.newId();
    b.doc.investments.push({
      id: inv,
      name: "Security",
      description: "",
      category: "run",
      baseSpend: 0,
      minSpend: 0,
      maxSpend: 10,
    });
    b.doc.investments.push({
      id: b.newId(),
      name: "security",
      description: "",
      category: "grow",
      baseSpend: 5,
      minSpend: 6,
      maxSpend: 10,
    });
    b.doc.impacts.push({
      id: b.newId(),
      investmentId: inv,
      measureId: m,
      effect: 2,
      curve: "saturating",
      lag: 1.5,
      confidence: "high",
    });
    b.doc.impacts.push({
      id: b.newId(),
      investmentId: inv,
      measureId: m,
      effect: 2,
      curve: "linear",
      lag: 0,
      confidence: "high",
    });
    b.doc.scenarios.push({
      id: b.newId(),
      name: "Catch-up",
      notes: "",
      spend: { [inv]: 11 },
      createdAt: "2026-01-01T00:00:00Z",
    });
    const { problems } = validateDocument(b.doc);
    expect(problems.map(formatProblem)).toEqual([
      "investments[1].baseSpend: must lie within [min spend, max spend]",
      "impacts[0].lag: must be a whole number",
      "impacts[1]: its investment has a base spend of 0, so the impact is off",
      `scenarios[0].spend.${inv}: lies outside the slider range [0, 10]`,
    ]);
    expect(problems.map((p) => p.severity)).toEqual(["error", "error", "warning", "warning"]);
  });

  it("refuses investments with the same name (what-if commands address them by name)", () => {
    const { b } = framework();
    for (const name of ["Cloud", "CLOUD"]) {
      b.doc.investments.push({
        id: b.newId(),
        name,
        description: "",
        category: "run",
        baseSpend: 1,
        minSpend: 0,
        maxSpend: 3,
      });
    }
    expect(errorsOf(b.doc)).toEqual([
      "investments[1].name: another investment has the same name (names address investments in what-if commands)",
    ]);
  });

  it("warns when nothing can ever be green", () => {
    const { b } = framework();
    b.doc.scorecard.scoring.thresholds = { green: 1.2, amber: 0.6 };
    expect(validateDocument(b.doc).problems.map(formatProblem)).toEqual([
      "scorecard.scoring.thresholds.green: is above the cap 1, so nothing can be green",
    ]);
  });

  it("rejects unknown top-level collections", () => {
    const { b } = framework();
    expect(errorsOf({ ...b.doc, macros: [] })).toEqual(["macros: is not part of a scorecard document"]);
  });
});

describe("links (strategy map DAG)", () => {
  it("accepts upward and same-perspective links", () => {
    const { b, top, mid, low } = framework();
    const mid2 = b.objective(b.doc.perspectives[1]!.id, "Engaged users");
    for (const [fromId, toId] of [
      [low, mid],
      [mid, top],
      [mid2, mid],
      [low, top],
    ] as const) {
      b.doc.links.push({ id: b.newId(), fromId, toId, strength: 0.5, note: "" });
    }
    expect(errorsOf(b.doc)).toEqual([]);
  });

  it("refuses downward links, self links, duplicates, cycles and dangling ends", () => {
    const { b, top, mid, low } = framework();
    const mid2 = b.objective(b.doc.perspectives[1]!.id, "Engaged users");
    const ghost = "00000000-0000-4000-8000-00000000fffe";
    const link = (fromId: string, toId: string, strength = 0.5) =>
      b.doc.links.push({ id: b.newId(), fromId, toId, strength, note: "" });
    link(top, low); // 0: downward
    link(mid, mid); // 1: self
    link(mid2, mid); // 2: fine
    link(mid, mid2); // 3: closes mid ⇄ mid2
    link(mid2, mid); // 4: duplicate of 2
    link(low, ghost); // 5: dangling
    link(low, top, 1.5); // 6: strength out of range
    expect(errorsOf(b.doc)).toEqual([
      "links[6].strength: must be ≤ 1",
      "links[0]: a link cannot point from a higher perspective down to a lower one",
      "links[1]: a link cannot connect an objective to itself",
      "links[3]: closes a cycle of cause-and-effect links",
      "links[4]: duplicates another link between the same objectives",
      `links[5].toId: refers to unknown objective ${ghost}`,
    ]);
  });

  it("detects longer cycles and orders a DAG causes-first", () => {
    const links = [
      { fromId: "a", toId: "b" },
      { fromId: "b", toId: "c" },
    ];
    expect(closesCycle({ fromId: "c", toId: "a" }, links)).toBe(true);
    expect(closesCycle({ fromId: "a", toId: "c" }, links)).toBe(false);
    expect(topologicalOrder(["c", "b", "a", "d"], links)).toEqual({ order: ["a", "d", "b", "c"], cyclic: [] });
    expect(topologicalOrder(["a", "b", "c"], [...links, { fromId: "c", toId: "b" }]).cyclic).toEqual(["b", "c"]);
  });
});
