/**
 * New entities as the editor's add buttons create them: valid under the shared schema as they
 * stand, with the values a planner would start from, so "add" never needs a second step to pass.
 */
import { periodSequence } from "../../../shared/domain/periods.ts";
import type {
  Link,
  Measure,
  Objective,
  Period,
  PeriodKind,
  Perspective,
  ScorecardDocument,
} from "../../../shared/domain/types.ts";

/** Colours for new perspectives, in turn; each reads on both the light and the dark theme. */
const PERSPECTIVE_COLOURS = ["#1d4ed8", "#0f766e", "#b45309", "#7c3aed", "#be185d", "#4d7c0f"] as const;

export function newPerspective(doc: ScorecardDocument, id: string): Perspective {
  // Orders must be unique; one past the highest keeps the new band at the bottom.
  const order = doc.perspectives.reduce((max, p) => Math.max(max, p.order + 1), 0);
  return {
    id,
    name: "New perspective",
    description: "",
    order,
    weight: 1,
    color: PERSPECTIVE_COLOURS[doc.perspectives.length % PERSPECTIVE_COLOURS.length] as string,
  };
}

export function newObjective(perspectiveId: string, id: string): Objective {
  return { id, perspectiveId, name: "New objective", description: "", owner: "", weight: 1, position: null };
}

export function newMeasure(doc: ScorecardDocument, objectiveId: string, id: string): Measure {
  return {
    id,
    objectiveId,
    name: "New measure",
    description: "",
    unit: "%",
    kind: "leading",
    direction: "higher",
    method: "linear",
    baseline: 0,
    target: 100,
    band: null,
    validRange: null,
    weight: 1,
    frequency: doc.scorecard.periodKind,
    owner: "",
    dataSource: "",
    thresholds: null,
  };
}

export function newLink(fromId: string, toId: string, strength: number, note: string, id: string): Link {
  return { id, fromId, toId, strength, note };
}

/**
 * The period after the latest one: its start one period later, its label in the standard form for
 * that start ("2026-Q1" → "2026-Q2"). With no periods yet, the period containing `today`.
 */
export function nextPeriod(periods: readonly Period[], kind: PeriodKind, today: string, id: string): Period {
  const latest = periods.reduce<Period | null>((a, p) => (a === null || p.start > a.start ? p : a), null);
  // The slot after the one containing the latest start begins after every start in use.
  const slot = latest ? periodSequence(kind, latest.start, 2)[1] : periodSequence(kind, today, 1)[0];
  if (!slot) throw new Error("periodSequence returned too few periods");
  // A label already taken (a custom labelling scheme) gets a suffix rather than a refusal.
  const taken = new Set(periods.map((p) => p.label));
  let label = slot.label;
  for (let n = 2; taken.has(label); n++) label = `${slot.label} (${n})`;
  return { id, label, start: slot.start };
}
