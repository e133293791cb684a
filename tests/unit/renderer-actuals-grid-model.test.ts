/** The actuals grid's rows: scorecard order, carried values, notes, and rows kept while unchanged. */
import { describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { gridModelOf } from "../../renderer/src/actuals/grid-model.ts";
import { builder } from "../support/docs.ts";

function sample() {
  const b = builder(3);
  const ops = b.perspective("Operations");
  const value = b.perspective("Value");
  // Perspectives listed out of their order: the grid follows `order`, not the array.
  b.doc.perspectives.reverse();
  b.doc.perspectives.forEach((p, i) => {
    p.order = b.doc.perspectives.length - 1 - i;
  });
  const reliable = b.objective(ops, "Reliable");
  const grow = b.objective(value, "Grow");
  b.objective(value, "Empty objective");
  const uptime = b.measure(reliable, { name: "Uptime" });
  const share = b.measure(grow, { name: "Share" });
  b.actual(uptime, 0, 99.5);
  b.actual(share, 1, 70);
  b.doc.actuals[0] = { ...(b.doc.actuals[0] as ScorecardDocument["actuals"][number]), note: "estimated" };
  return { b, uptime, share };
}

describe("gridModelOf", () => {
  it("lists measures under perspective › objective in order, with their cells", () => {
    const { b } = sample();
    const grid = gridModelOf(b.doc, compileModel(b.doc), null);
    expect(grid.lines.map((l) => (l.kind === "group" ? `${l.perspective} › ${l.objective}` : l.measure.name))).toEqual([
      "Operations › Reliable",
      "Uptime",
      "Value › Grow",
      "Share",
    ]);
    expect(grid.rows.map((r) => r.index)).toEqual([0, 1]);
    expect(grid.rows[0]?.cells).toEqual([
      { actual: 99.5, carried: null, note: "estimated" },
      { actual: null, carried: { value: 99.5, from: "2025-Q1" }, note: "" },
      { actual: null, carried: { value: 99.5, from: "2025-Q1" }, note: "" },
    ]);
    expect(grid.rows[1]?.cells.map((c) => [c.actual, c.carried?.value ?? null])).toEqual([
      [null, null],
      [70, null],
      [null, 70],
    ]);
  });

  it("carries nothing forward when missing data is excluded", () => {
    const { b } = sample();
    b.doc.scorecard.scoring.missingPolicy = "exclude";
    const grid = gridModelOf(b.doc, compileModel(b.doc), null);
    expect(grid.rows[0]?.cells.map((c) => c.carried)).toEqual([null, null, null]);
  });

  it("keeps the row objects whose data did not change", () => {
    const { b, share } = sample();
    const first = gridModelOf(b.doc, compileModel(b.doc), null);
    const next: ScorecardDocument = {
      ...b.doc,
      actuals: [...b.doc.actuals, { measureId: share, periodId: b.periodId(2), value: 75, note: "" }],
    };
    const second = gridModelOf(next, compileModel(next), first);
    expect(second.rows[0]).toBe(first.rows[0]);
    expect(second.rows[1]).not.toBe(first.rows[1]);
    expect(second.rows[1]?.cells[2]).toEqual({ actual: 75, carried: null, note: "" });
  });
});
