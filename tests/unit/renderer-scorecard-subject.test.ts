/** What the detail panel shows: the selected item resolved to engine indices, its series and chart lines. */
import { describe, expect, it } from "vitest";
import { scoreAll } from "../../shared/scoring/engine.ts";
import { explainMeasure, explainOverall, explainPerspective } from "../../shared/scoring/explain.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import {
  chartLines,
  explanationOf,
  scoreSeries,
  subjectName,
  subjectOf,
} from "../../renderer/src/scorecard/subject.ts";
import { builder } from "../support/docs.ts";

function sample() {
  const b = builder(3);
  const lower = b.perspective("Lower");
  const upper = b.perspective("Upper");
  const [lowerP, upperP] = b.doc.perspectives;
  if (!lowerP || !upperP) throw new Error("two perspectives");
  lowerP.order = 1;
  upperP.order = 0;
  const ops = b.objective(lower, "Ops");
  const value = b.objective(upper, "Value");
  // Baseline 60, target 80: 70 scores 50 %, 80 scores 100 %.
  const uptime = b.measure(ops, { name: "Uptime" });
  const band = b.measure(value, {
    name: "Utilisation",
    direction: "band",
    method: "band",
    band: { low: 60, high: 80, tolerance: 10 },
  });
  b.actual(uptime, 0, 70);
  b.actual(uptime, 2, 80);
  b.actual(band, 1, 65);
  b.doc.periodTargets.push({ measureId: uptime, periodId: b.periodId(2), target: 90 });
  b.doc.scorecard.scoring.missingPolicy = "exclude";
  const model = compileModel(b.doc);
  return { model, table: scoreAll(model), ids: { lower, upper, ops, value, uptime, band, link: b.newId() } };
}

describe("subjectOf", () => {
  const { model, ids } = sample();
  it("resolves rows to their engine index (perspectives by order)", () => {
    expect(subjectOf(model, { kind: "measure", id: ids.uptime })).toEqual({
      kind: "measure",
      index: 0,
      id: ids.uptime,
    });
    expect(subjectOf(model, { kind: "objective", id: ids.value })).toEqual({
      kind: "objective",
      index: 1,
      id: ids.value,
    });
    expect(subjectOf(model, { kind: "perspective", id: ids.upper })).toEqual({
      kind: "perspective",
      index: 0,
      id: ids.upper,
    });
    expect(subjectName(model, { kind: "perspective", index: 1, id: ids.lower })).toBe("Lower");
  });
  it("falls back to the overall score for no selection, other kinds and deleted items", () => {
    expect(subjectOf(model, null)).toEqual({ kind: "overall" });
    expect(subjectOf(model, { kind: "scorecard" })).toEqual({ kind: "overall" });
    expect(subjectOf(model, { kind: "link", id: ids.link })).toEqual({ kind: "overall" });
    expect(subjectOf(model, { kind: "measure", id: ids.link })).toEqual({ kind: "overall" });
  });
});

describe("scoreSeries and chartLines", () => {
  const { model, table, ids } = sample();
  const uptime = subjectOf(model, { kind: "measure", id: ids.uptime });
  const band = subjectOf(model, { kind: "measure", id: ids.band });

  it("reads a row's score in every period, null where there is none", () => {
    // Period 2 has its own target 90: (80 − 60) / (90 − 60) = 2/3.
    expect(scoreSeries(model, table, uptime)).toEqual([0.5, null, 2 / 3]);
    expect(scoreSeries(model, table, { kind: "overall" })).toHaveLength(3);
  });

  it("draws a measure's real actuals against the target in force", () => {
    expect(chartLines(model, table, uptime)).toEqual({
      unit: "%",
      lines: [
        { key: "actual", label: "Actual", values: [70, null, 80] },
        { key: "target", label: "Target", values: [80, 80, 90] },
      ],
    });
  });

  it("draws a band measure's band as two lines", () => {
    expect(chartLines(model, table, band).lines.map((l) => [l.key, l.values])).toEqual([
      ["actual", [null, 65, null]],
      ["low", [60, 60, 60]],
      ["high", [80, 80, 80]],
    ]);
  });

  it("draws a roll-up as its score in % against the thresholds", () => {
    const { unit, lines } = chartLines(model, table, { kind: "objective", index: 0, id: ids.ops });
    expect(unit).toBe("%");
    expect(lines.map((l) => [l.key, l.values])).toEqual([
      ["score", [50, null, 66.7]],
      ["green", [90, 90, 90]],
      ["amber", [60, 60, 60]],
    ]);
  });
});

describe("explanationOf", () => {
  const { model, table, ids } = sample();
  it("explains each kind with the engine's explanation for the same indices", () => {
    const uptime = subjectOf(model, { kind: "measure", id: ids.uptime });
    expect(explanationOf(model, table, uptime, 2)).toEqual(explainMeasure(model, table, 0, 2));
    expect(explanationOf(model, table, { kind: "perspective", index: 1, id: ids.lower }, 0)).toEqual(
      explainPerspective(model, table, 1, 0),
    );
    expect(explanationOf(model, table, { kind: "overall" }, 1)).toEqual(explainOverall(model, table, 1));
  });
});
