import { describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import type { TemplateDefinition } from "../../shared/templates/definition.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";
import { findTemplate, TEMPLATES } from "../../shared/templates/index.ts";
import { instantiateTemplate } from "../../shared/templates/instantiate.ts";
import { idSequence } from "../support/docs.ts";

const NOW = "2026-03-01T09:00:00.000Z";
const APP_VERSION = "0.1.0-test";

function instantiate(def: TemplateDefinition): ScorecardDocument {
  return instantiateTemplate(def, { newId: idSequence(), now: NOW, appVersion: APP_VERSION });
}

function demo(): ScorecardDocument {
  return demoScorecard({ newId: idSequence(), now: NOW, appVersion: APP_VERSION });
}

function expectValid(doc: ScorecardDocument): void {
  const { document, problems } = validateDocument(doc);
  expect(problems.filter((p) => p.severity === "error")).toEqual([]);
  expect(document).not.toBeNull();
}

const TOP_PERSPECTIVE: Record<string, string> = {
  "it-value": "Business Value",
  "van-grembergen": "Corporate Contribution",
  "kaplan-norton": "Financial",
  blank: "Business Value",
};

describe("template registry", () => {
  it("lists IT Value first, then Van Grembergen, Kaplan–Norton and blank", () => {
    expect(TEMPLATES.map((t) => t.key)).toEqual(["it-value", "van-grembergen", "kaplan-norton", "blank"]);
  });

  it("finds templates by key", () => {
    for (const t of TEMPLATES) expect(findTemplate(t.key)).toBe(t);
    expect(findTemplate("no-such-template")).toBeUndefined();
  });

  it("gives the blank template its title and four empty perspective bands", () => {
    const blank = findTemplate("blank");
    expect(blank?.scorecard.title).toBe("Untitled scorecard");
    expect(blank?.perspectives.map((p) => p.name)).toEqual([
      "Business Value",
      "Stakeholders",
      "Operational Excellence",
      "Future Readiness",
    ]);
    expect(blank?.objectives).toEqual([]);
    expect(blank?.measures).toEqual([]);
    expect(blank?.investments).toEqual([]);
  });
});

describe.each(TEMPLATES.map((t) => [t.key, t] as const))("template %s", (key, def) => {
  it("instantiates into a document that validates without any problem", () => {
    expectValid(instantiate(def));
  });

  it("also validates with periods", () => {
    const doc = instantiateTemplate(def, {
      newId: idSequence(),
      now: NOW,
      appVersion: APP_VERSION,
      periods: { firstStart: "2026-01-01", count: 8 },
    });
    expect(doc.periods).toHaveLength(8);
    expectValid(doc);
  });

  it("uses each key once across all entity kinds (keys share one id space)", () => {
    const keys = [
      ...def.perspectives.map((p) => p.key),
      ...def.objectives.map((o) => o.key),
      ...def.measures.map((m) => m.key),
      ...def.investments.map((i) => i.key),
    ];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("puts the top perspective first", () => {
    const doc = instantiate(def);
    const top = [...doc.perspectives].sort((a, b) => a.order - b.order)[0];
    expect(top?.name).toBe(TOP_PERSPECTIVE[key]);
    expect(doc.perspectives[0]?.order).toBe(0);
  });

  it("has an objective for every perspective and measures for every objective", () => {
    if (def.objectives.length === 0) return;
    for (const p of def.perspectives) expect(def.objectives.some((o) => o.perspective === p.key)).toBe(true);
    for (const o of def.objectives) expect(def.measures.some((m) => m.objective === o.key)).toBe(true);
  });

  it("gives every investment at least two impacts", () => {
    for (const inv of def.investments) {
      expect(def.impacts.filter((i) => i.investment === inv.key).length, inv.name).toBeGreaterThanOrEqual(2);
    }
  });

  it("has impacts that move measures towards their targets", () => {
    const measures = new Map(def.measures.map((m) => [m.key, m]));
    for (const imp of def.impacts) {
      const m = measures.get(imp.measure);
      expect(m, imp.measure).toBeDefined();
      if (!m) continue;
      expect(imp.effect, `${imp.investment} → ${imp.measure}`).not.toBe(0);
      if (m.direction === "higher") expect(imp.effect, `${imp.investment} → ${imp.measure}`).toBeGreaterThan(0);
      if (m.direction === "lower") expect(imp.effect, `${imp.investment} → ${imp.measure}`).toBeLessThan(0);
      expect(imp.lag).toBeGreaterThanOrEqual(0);
      expect(imp.lag).toBeLessThanOrEqual(4);
    }
  });

  it("keeps links pointing upward or sideways", () => {
    const order = new Map(def.perspectives.map((p, i) => [p.key, i]));
    const perspectiveOf = new Map(def.objectives.map((o) => [o.key, order.get(o.perspective) ?? -1]));
    for (const l of def.links) {
      expect(perspectiveOf.get(l.from), `${l.from} → ${l.to}`).toBeGreaterThanOrEqual(perspectiveOf.get(l.to) ?? 99);
    }
  });
});

describe("IT Value Scorecard", () => {
  const def = findTemplate("it-value") as TemplateDefinition;
  const doc = instantiate(def);

  it("is big enough to show the framework", () => {
    expect(doc.perspectives.length).toBeGreaterThanOrEqual(4);
    expect(doc.objectives.length).toBeGreaterThanOrEqual(12);
    expect(doc.measures.length).toBeGreaterThanOrEqual(30);
    expect(doc.links.length).toBeGreaterThanOrEqual(15);
    expect(doc.investments.length).toBeGreaterThanOrEqual(6);
    expect(doc.impacts.length).toBeGreaterThanOrEqual(15);
  });

  it("mixes leading and lagging measures, every direction and every method", () => {
    const kinds = new Set(doc.measures.map((m) => m.kind));
    expect(kinds).toEqual(new Set(["leading", "lagging"]));
    expect(new Set(doc.measures.map((m) => m.direction))).toEqual(new Set(["higher", "lower", "band"]));
    expect(doc.measures.filter((m) => m.method === "band").length).toBeGreaterThanOrEqual(2);
    expect(doc.measures.filter((m) => m.method === "binary").length).toBeGreaterThanOrEqual(2);
    expect(doc.measures.some((m) => m.method === "linear")).toBe(true);
  });

  it("uses every investment category and a mid-size IT budget", () => {
    expect(new Set(doc.investments.map((i) => i.category))).toEqual(new Set(["run", "grow", "transform"]));
    const total = doc.investments.reduce((s, i) => s + i.baseSpend, 0);
    expect(total).toBeGreaterThanOrEqual(20_000_000);
    expect(total).toBeLessThanOrEqual(40_000_000);
  });

  it("gives every investment at least two impacts in the document", () => {
    for (const inv of doc.investments) {
      expect(doc.impacts.filter((i) => i.investmentId === inv.id).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("demo scorecard", () => {
  const doc = demo();

  it("validates without any problem", () => {
    expectValid(doc);
  });

  it("is built on the IT Value template", () => {
    expect(doc.scorecard.organization).toBe("Northwind Logistics");
    expect(doc.scorecard.title).toContain("Northwind Logistics");
    expect(doc.perspectives[0]?.name).toBe("Business Value");
    expect(doc.measures).toHaveLength((findTemplate("it-value") as TemplateDefinition).measures.length);
    expect(doc.scorecard.createdAt).toBe(NOW);
    expect(doc.scorecard.appVersion).toBe(APP_VERSION);
  });

  it("has eight quarters from 2025-Q1 to 2026-Q4", () => {
    expect(doc.periods.map((p) => p.label)).toEqual([
      "2025-Q1",
      "2025-Q2",
      "2025-Q3",
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
      "2026-Q4",
    ]);
    expect(doc.periods[0]?.start).toBe("2025-01-01");
  });

  it("has an actual for most cells, a few gaps in recent periods, and some notes", () => {
    const cells = doc.measures.length * doc.periods.length;
    expect(doc.actuals.length).toBeGreaterThanOrEqual(cells * 0.95);
    expect(doc.actuals.length).toBeLessThan(cells);
    const recent = new Set(doc.periods.slice(-2).map((p) => p.id));
    const missing = doc.measures.flatMap((m) =>
      doc.periods.filter((p) => !doc.actuals.some((a) => a.measureId === m.id && a.periodId === p.id)).map((p) => p.id),
    );
    expect(missing.length).toBeGreaterThanOrEqual(3);
    for (const periodId of missing) expect(recent.has(periodId)).toBe(true);
    expect(doc.actuals.filter((a) => a.note !== "").length).toBeGreaterThanOrEqual(2);
  });

  it("keeps every actual finite and inside its measure's valid range", () => {
    const measures = new Map(doc.measures.map((m) => [m.id, m]));
    for (const a of doc.actuals) {
      const m = measures.get(a.measureId);
      expect(Number.isFinite(a.value)).toBe(true);
      if (m?.validRange) {
        expect(a.value).toBeGreaterThanOrEqual(m.validRange.min);
        expect(a.value).toBeLessThanOrEqual(m.validRange.max);
      }
    }
  });

  it("flips binary measures from unmet to met, and moves band measures in and out of their band", () => {
    const valuesOf = (id: string) =>
      doc.periods.map((p) => doc.actuals.find((a) => a.measureId === id && a.periodId === p.id)?.value);
    const met = (m: ScorecardDocument["measures"][number], v: number) =>
      m.direction === "higher" ? v >= m.target : v <= m.target;
    let flipped = 0;
    for (const m of doc.measures.filter((x) => x.method === "binary")) {
      const values = valuesOf(m.id).filter((v): v is number => v !== undefined);
      if (!met(m, values[0] as number) && values.some((v) => met(m, v))) flipped++;
    }
    expect(flipped).toBeGreaterThanOrEqual(2);
    for (const m of doc.measures.filter((x) => x.method === "band")) {
      const band = m.band as { low: number; high: number };
      const inside = valuesOf(m.id).map((v) => v !== undefined && v >= band.low && v <= band.high);
      expect(inside.some((x) => x)).toBe(true);
      expect(inside.some((x) => !x)).toBe(true);
    }
  });

  it("has two period targets for one measure and two saved scenarios within the slider ranges", () => {
    expect(doc.periodTargets).toHaveLength(2);
    expect(new Set(doc.periodTargets.map((t) => t.measureId)).size).toBe(1);
    expect(doc.scenarios.map((s) => s.name)).toEqual(["Cloud-first", "Security catch-up"]);
    const investments = new Map(doc.investments.map((i) => [i.id, i]));
    for (const s of doc.scenarios) {
      expect(s.createdAt).toBe(NOW);
      for (const [id, spend] of Object.entries(s.spend)) {
        const inv = investments.get(id);
        expect(inv).toBeDefined();
        if (!inv) continue;
        expect(spend).toBeGreaterThanOrEqual(inv.minSpend);
        expect(spend).toBeLessThanOrEqual(inv.maxSpend);
      }
    }
    const byName = (name: string) => doc.investments.find((i) => i.name === name);
    const cloud = byName("Cloud & Infrastructure");
    const apps = byName("Application Portfolio");
    const security = byName("Security");
    const [cloudFirst, securityCatchUp] = doc.scenarios;
    expect(cloud && apps && security && cloudFirst && securityCatchUp).toBeTruthy();
    if (!cloud || !apps || !security || !cloudFirst || !securityCatchUp) return;
    expect(cloudFirst.spend[cloud.id]).toBeCloseTo(cloud.baseSpend * 1.3, 0);
    expect(cloudFirst.spend[apps.id]).toBeCloseTo(apps.baseSpend * 0.9, 0);
    expect(securityCatchUp.spend[security.id]).toBeCloseTo(security.baseSpend * 1.5, 0);
  });

  it("is deterministic", () => {
    expect(demo()).toEqual(demo());
  });
});
