/** The framework editor's pure parts: move indices, new entities, next periods, number parsing, scoring choices. */
import { describe, expect, it } from "vitest";
import { Measure as MeasureSchema, Objective, Period, Perspective } from "../../shared/domain/schema.ts";
import type { Measure, ScorecardDocument } from "../../shared/domain/types.ts";
import { newMeasure, newObjective, newPerspective, nextPeriod } from "../../renderer/src/editor/defaults.ts";
import { formatNumber, parseNumber, problemText } from "../../renderer/src/editor/field-values.ts";
import { moveOperation, moveTarget, shownIndex } from "../../renderer/src/editor/reorder.ts";
import { execute } from "../../shared/operations/execute.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { scoringChanges, scoringChoiceOf } from "../../renderer/src/editor/scoring-choice.ts";
import { builder } from "../support/docs.ts";

/** Applies a move the way DocumentState does: take the row out, insert it at `to`. */
function applyMove<T extends { id: string }>(list: T[], id: string, to: number): T[] {
  const row = list.find((r) => r.id === id) as T;
  const rest = list.filter((r) => r.id !== id);
  rest.splice(to, 0, row);
  return rest;
}

describe("moveTarget", () => {
  // Measures of two objectives, interleaved in the collection: a1 b1 a2 b2 a3.
  const list = [
    { id: "a1", p: "a" },
    { id: "b1", p: "b" },
    { id: "a2", p: "a" },
    { id: "b2", p: "b" },
    { id: "a3", p: "a" },
  ];
  const ofA = (r: { p: string }) => r.p === "a";
  const orderOfA = (l: typeof list) => l.filter(ofA).map((r) => r.id);

  it("places the row at each sibling position, leaving the other parent's rows in place", () => {
    expect(orderOfA(applyMove(list, "a1", moveTarget(list, "a1", ofA, 1) as number))).toEqual(["a2", "a1", "a3"]);
    expect(orderOfA(applyMove(list, "a1", moveTarget(list, "a1", ofA, 2) as number))).toEqual(["a2", "a3", "a1"]);
    expect(orderOfA(applyMove(list, "a3", moveTarget(list, "a3", ofA, 0) as number))).toEqual(["a3", "a1", "a2"]);
    const moved = applyMove(list, "a3", moveTarget(list, "a3", ofA, 0) as number);
    expect(moved.filter((r) => r.p === "b").map((r) => r.id)).toEqual(["b1", "b2"]);
  });

  it("gives an index within the collection, never past its end", () => {
    for (const id of ["a1", "a2", "a3"]) {
      for (let k = 0; k <= 2; k++) {
        const to = moveTarget(list, id, ofA, k);
        if (to !== null) expect(to).toBeLessThan(list.length);
      }
    }
    expect(moveTarget(list, "a1", ofA, 99)).toBe(4);
  });

  it("returns null when nothing would change or there is nothing to move among", () => {
    expect(moveTarget(list, "a2", ofA, 1)).toBeNull();
    expect(moveTarget(list, "a3", ofA, 2)).toBeNull();
    expect(moveTarget(list, "nope", ofA, 0)).toBeNull();
    expect(moveTarget([{ id: "x", p: "a" }], "x", ofA, 0)).toBeNull();
  });
});

describe("moveOperation", () => {
  /** Perspectives listed A, B, C with orders 2, 0, 1: the outline shows B, C, A (legal: orders are unique). */
  function shuffled() {
    const b = builder(1);
    const ids = { A: b.perspective("A"), B: b.perspective("B"), C: b.perspective("C") };
    const orders = [2, 0, 1];
    b.doc.perspectives.forEach((p, i) => {
      p.order = orders[i] as number;
    });
    return { doc: b.doc, ids };
  }
  /** Runs the operation through the real executor, as main does, and lists the names top band first. */
  const shownAfter = (doc: ScorecardDocument, op: ReturnType<typeof moveOperation>) => {
    const state = new DocumentState(doc);
    if (op) execute(state, op, { now: "2026-02-01T00:00:00.000Z", appVersion: "t" });
    return [...state.document().perspectives].sort((a, b) => a.order - b.order).map((p) => p.name);
  };

  it("moves perspectives among them as the outline shows them, by order, not by list position", () => {
    const { doc, ids } = shuffled();
    expect(shownIndex(doc, "perspective", ids.B)).toBe(0);
    expect(shownAfter(doc, moveOperation(doc, "perspective", ids.B, 1))).toEqual(["C", "B", "A"]);
    expect(shownAfter(doc, moveOperation(doc, "perspective", ids.A, 0))).toEqual(["A", "B", "C"]);
    expect(shownAfter(doc, moveOperation(doc, "perspective", ids.C, 2))).toEqual(["B", "A", "C"]);
    expect(moveOperation(doc, "perspective", ids.C, 1)).toBeNull();
  });

  it("is one plain move when the list is already in order", () => {
    const b = builder(1);
    const [x, y, z] = [b.perspective("X"), b.perspective("Y"), b.perspective("Z")];
    expect(moveOperation(b.doc, "perspective", x, 1)).toEqual({ type: "move", entity: "perspective", id: x, to: 1 });
    expect(shownAfter(b.doc, moveOperation(b.doc, "perspective", z, 0))).toEqual(["Z", "X", "Y"]);
    expect(moveOperation(b.doc, "perspective", y, 1)).toBeNull();
  });

  it("moves a measure among its objective's measures only", () => {
    const b = builder(1);
    const p = b.perspective("P");
    const [o1, o2] = [b.objective(p, "O1"), b.objective(p, "O2")];
    const m1 = b.measure(o1, { name: "m1" });
    b.measure(o2, { name: "n1" });
    b.measure(o1, { name: "m2" });
    expect(shownIndex(b.doc, "measure", m1)).toBe(0);
    expect(moveOperation(b.doc, "measure", m1, 1)).toEqual({ type: "move", entity: "measure", id: m1, to: 2 });
  });
});

describe("new entities", () => {
  const b = builder(4);
  const p = b.perspective("Value");
  const o = b.objective(p, "Grow");

  it("are valid under the shared schemas as created", () => {
    expect(Perspective.safeParse(newPerspective(b.doc, crypto.randomUUID())).success).toBe(true);
    expect(Objective.safeParse(newObjective(p, crypto.randomUUID())).success).toBe(true);
    const m = newMeasure(b.doc, o, crypto.randomUUID());
    expect(MeasureSchema.safeParse(m).success).toBe(true);
    expect(m).toMatchObject({ objectiveId: o, name: "New measure", unit: "%", target: 100, frequency: "quarter" });
  });

  it("a new perspective takes an order no other has, below the others", () => {
    b.doc.perspectives.push({ ...newPerspective(b.doc, crypto.randomUUID()), order: 7 });
    expect(newPerspective(b.doc, crypto.randomUUID()).order).toBe(8);
  });
});

describe("nextPeriod", () => {
  const quarters = [
    { id: "1", label: "2026-Q3", start: "2026-07-01" },
    { id: "2", label: "2026-Q4", start: "2026-10-01" },
  ];
  it("follows the latest period in the standard form", () => {
    expect(nextPeriod(quarters, "quarter", "2030-01-01", "n")).toEqual({
      id: "n",
      label: "2027-Q1",
      start: "2027-01-01",
    });
    expect(nextPeriod([{ id: "1", label: "2026-12", start: "2026-12-01" }], "month", "x", "n")).toMatchObject({
      label: "2027-01",
      start: "2027-01-01",
    });
    expect(nextPeriod([{ id: "1", label: "2026", start: "2026-01-01" }], "year", "x", "n").label).toBe("2027");
  });
  it("starts from today's period when there are none, and never reuses a label", () => {
    expect(nextPeriod([], "quarter", "2026-05-17", "n")).toMatchObject({ label: "2026-Q2", start: "2026-04-01" });
    const taken = [{ id: "1", label: "2026-Q4", start: "2026-07-01" }];
    const next = nextPeriod(taken, "quarter", "x", crypto.randomUUID());
    expect(next).toMatchObject({ label: "2026-Q4 (2)", start: "2026-10-01" });
    expect(Period.safeParse(next).success).toBe(true);
  });
});

describe("number fields", () => {
  it("parse numbers the same way in every locale", () => {
    expect(parseNumber(" 12.5 ")).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber("-3")).toEqual({ ok: true, value: -3 });
    expect(parseNumber("\u22123")).toEqual({ ok: true, value: -3 });
    expect(parseNumber(".5")).toEqual({ ok: true, value: 0.5 });
    expect(parseNumber("1e3")).toEqual({ ok: true, value: 1000 });
    for (const bad of ["", "  ", "1,5", "1.2.3", "abc", "12%", "0x10", "Infinity", "1e999"]) {
      expect(parseNumber(bad).ok, bad).toBe(false);
    }
    expect(formatNumber(0.1)).toBe("0.1");
    expect(formatNumber(1e15)).toBe("1000000000000000");
  });

  it("word a problem bare under its own field, with its path under another", () => {
    const problems = [
      { path: "warn", message: "just a warning", severity: "warning" as const },
      { path: "measure “Uptime”.target", message: "must be above the baseline", severity: "error" as const },
    ];
    expect(problemText(problems, "target")).toBe("must be above the baseline");
    expect(problemText(problems, "baseline")).toBe("measure “Uptime”.target: must be above the baseline");
    expect(problemText(problems.slice(0, 1), "target")).toBeNull();
  });
});

describe("scoring choice", () => {
  const b = builder(1);
  const m = newMeasure(b.doc, crypto.randomUUID(), crypto.randomUUID());
  const valid = (x: Measure) => MeasureSchema.safeParse(x).success;

  it("every switch from every choice gives a measure the schema accepts", () => {
    const choices = ["higher-linear", "lower-linear", "higher-binary", "lower-binary", "band"] as const;
    for (const from of choices) {
      const start = { ...m, ...scoringChanges(m, from) };
      expect(valid(start), from).toBe(true);
      for (const to of choices) {
        const next = { ...start, ...scoringChanges(start, to) };
        expect(valid(next), `${from} → ${to}`).toBe(true);
        expect(scoringChoiceOf(next)).toBe(to);
      }
    }
  });

  it("turning higher into lower swaps baseline and target; band starts between them", () => {
    expect(scoringChanges(m, "lower-linear")).toMatchObject({ baseline: 100, target: 0, direction: "lower" });
    expect(scoringChanges(m, "band")).toEqual({
      direction: "band",
      method: "band",
      band: { low: 0, high: 100, tolerance: 25 },
    });
  });
});
