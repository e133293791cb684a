/** Small deterministic documents for tests: valid by construction, easy to tweak. */
import { DEFAULT_SCORING } from "../../shared/domain/limits.ts";
import { periodSequence } from "../../shared/domain/periods.ts";
import type { Impact, Investment, Measure, ScorecardDocument } from "../../shared/domain/types.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";

/** Deterministic v4-shaped UUIDs: 00000000-0000-4000-8000-000000000001, … */
export function idSequence(start = 1): () => string {
  let n = start - 1;
  return () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}`;
}

export const NOW = "2026-01-01T00:00:00.000Z";

/**
 * The demo scorecard: actuals, seven investments with impacts, scenarios "Cloud-first" and
 * "Security catch-up". Fresh ids from 1 on every call, so two calls give equal documents.
 */
export function demoDocument(): ScorecardDocument {
  return demoScorecard({ newId: idSequence(), now: NOW, appVersion: "0.1.0-test" });
}

/** The exported workbook's sheets, in order (docs/exports.md), spelled out as the tests expect them. */
export const WORKBOOK_SHEETS = ["Scorecard", "Measures", "Actuals", "Investments", "Impacts", "Scenarios"];

export interface DocBuilder {
  doc: ScorecardDocument;
  newId: () => string;
  perspective(name: string, weight?: number): string;
  objective(perspectiveId: string, name: string, weight?: number): string;
  measure(objectiveId: string, fields?: Partial<Measure>): string;
  actual(measureId: string, periodIndex: number, value: number): void;
  periodId(index: number): string;
  /** Slider range default: 0 … 3 × base (SPEC §1). */
  investment(name: string, baseSpend: number, fields?: Partial<Investment>): string;
  impact(investmentId: string, measureId: string, effect: number, fields?: Partial<Impact>): string;
  link(fromId: string, toId: string, strength?: number): string;
}

/** An empty scorecard with `periods` quarters from 2025-Q1. */
export function builder(periods = 4): DocBuilder {
  const newId = idSequence();
  const doc: ScorecardDocument = {
    scorecard: {
      id: newId(),
      title: "Test scorecard",
      organization: "Test Org",
      currency: "USD",
      periodKind: "quarter",
      scoring: { ...DEFAULT_SCORING, thresholds: { ...DEFAULT_SCORING.thresholds } },
      createdAt: NOW,
      modifiedAt: NOW,
      appVersion: "0.0.0-test",
    },
    perspectives: [],
    objectives: [],
    links: [],
    measures: [],
    periods: periodSequence("quarter", "2025-01-01", periods).map((slot) => ({ id: newId(), ...slot })),
    periodTargets: [],
    actuals: [],
    investments: [],
    impacts: [],
    scenarios: [],
  };
  return {
    doc,
    newId,
    perspective(name, weight = 1) {
      const id = newId();
      doc.perspectives.push({ id, name, description: "", order: doc.perspectives.length, weight, color: "#336699" });
      return id;
    },
    objective(perspectiveId, name, weight = 1) {
      const id = newId();
      doc.objectives.push({ id, perspectiveId, name, description: "", owner: "", weight, position: null });
      return id;
    },
    measure(objectiveId, fields = {}) {
      const id = newId();
      doc.measures.push({
        id,
        objectiveId,
        name: `Measure ${doc.measures.length + 1}`,
        description: "",
        unit: "%",
        kind: "lagging",
        direction: "higher",
        method: "linear",
        baseline: 60,
        target: 80,
        band: null,
        validRange: null,
        weight: 1,
        frequency: "quarter",
        owner: "",
        dataSource: "",
        thresholds: null,
        ...fields,
      });
      return id;
    },
    actual(measureId, periodIndex, value) {
      doc.actuals.push({ measureId, periodId: this.periodId(periodIndex), value, note: "" });
    },
    periodId(index) {
      const p = doc.periods[index];
      if (!p) throw new Error(`no period ${index}`);
      return p.id;
    },
    investment(name, baseSpend, fields = {}) {
      const id = newId();
      doc.investments.push({
        id,
        name,
        description: "",
        category: "run",
        baseSpend,
        minSpend: 0,
        maxSpend: 3 * baseSpend,
        ...fields,
      });
      return id;
    },
    impact(investmentId, measureId, effect, fields = {}) {
      const id = newId();
      doc.impacts.push({
        id,
        investmentId,
        measureId,
        effect,
        curve: "linear",
        lag: 0,
        confidence: "medium",
        ...fields,
      });
      return id;
    },
    link(fromId, toId, strength = 1) {
      const id = newId();
      doc.links.push({ id, fromId, toId, strength, note: "" });
      return id;
    },
  };
}
