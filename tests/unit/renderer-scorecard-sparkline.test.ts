/** Sparkline geometry (gaps for missing scores) and its spoken summary. */
import { describe, expect, it } from "vitest";
import { sparklineLabel, sparklineShape } from "../../renderer/src/scorecard/sparkline.ts";

describe("sparklineShape", () => {
  it("draws one line over consecutive scores on a 0–100 % scale", () => {
    // 4 periods across 30 units (pad 0): x = 0, 10, 20, 30; y = 10 − v·10.
    expect(sparklineShape([0, 0.5, 1, 0.25], 30, 10, 0)).toEqual({
      lines: ["0,10 10,5 20,0 30,7.5"],
      dots: [],
      points: [
        { x: 0, y: 10 },
        { x: 10, y: 5 },
        { x: 20, y: 0 },
        { x: 30, y: 7.5 },
      ],
    });
  });

  it("breaks the line where a period has no score, and shows a lone score as a dot", () => {
    const shape = sparklineShape([0.5, 0.5, null, 1, null, 0, 0], 60, 10, 0);
    expect(shape.lines).toEqual(["0,5 10,5", "50,10 60,10"]);
    expect(shape.dots).toEqual([{ x: 30, y: 0 }]);
    expect(shape.points[2]).toBeNull();
    expect(shape.points[4]).toBeNull();
  });

  it("rescales when a score exceeds 100 % (over-achievement), and keeps the padding", () => {
    const shape = sparklineShape([2, 1], 24, 12, 2);
    expect(shape.lines).toEqual(["2,2 22,6"]);
  });

  it("centres a single period, and draws nothing without scores", () => {
    expect(sparklineShape([0.5], 20, 10, 0)).toEqual({ lines: [], dots: [{ x: 10, y: 5 }], points: [{ x: 10, y: 5 }] });
    expect(sparklineShape([null, null], 20, 10, 0)).toEqual({ lines: [], dots: [], points: [null, null] });
    expect(sparklineShape([], 20, 10, 0)).toEqual({ lines: [], dots: [], points: [] });
  });
});

describe("sparklineLabel", () => {
  const labels = ["Q1", "Q2", "Q3", "Q4"];
  it("names the first and last score and counts the periods without one", () => {
    expect(sparklineLabel([0.45, 0.5, 0.6, 0.8], labels)).toBe("Score from 45% (Q1) to 80% (Q4)");
    expect(sparklineLabel([null, 0.5, null, 0.623], labels)).toBe(
      "Score from 50% (Q2) to 62% (Q4); 2 of 4 periods without a score",
    );
  });
  it("says so when there is one score or none", () => {
    expect(sparklineLabel([null, null, 0.7, null], labels)).toBe("Score 70% (Q3) only; 3 of 4 periods without a score");
    expect(sparklineLabel([null, null, null, null], labels)).toBe("No score in any period");
  });
});
