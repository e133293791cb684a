/** The actuals grid's ranges: selection by key, copying as a spreadsheet block, clearing, filling. */
import { describe, expect, it } from "vitest";
import { clearRange } from "../../renderer/src/actuals/clear-range.ts";
import { copyBlock, tsvCell } from "../../renderer/src/actuals/copy-block.ts";
import {
  type CellRange,
  cellCount,
  clampRange,
  collapsed,
  rangeFor,
  rectOf,
} from "../../renderer/src/actuals/grid-range.ts";
import { fillBlock, parseBlock } from "../../renderer/src/actuals/paste-block.ts";
import { key } from "../support/keys.ts";

const size = { rows: 10, cols: 4 };
const range = (anchor: [number, number], active: [number, number]): CellRange => ({
  anchor: { row: anchor[0], col: anchor[1] },
  active: { row: active[0], col: active[1] },
});

describe("rectOf and clampRange", () => {
  it("spans anchor and active cell whichever corner each is", () => {
    expect(rectOf(range([5, 3], [2, 1]))).toEqual({ top: 2, left: 1, bottom: 5, right: 3 });
    expect(rectOf(range([2, 3], [5, 1]))).toEqual({ top: 2, left: 1, bottom: 5, right: 3 });
    expect(cellCount(rectOf(range([2, 3], [5, 1])))).toBe(12);
    expect(cellCount(rectOf(collapsed({ row: 4, col: 2 })))).toBe(1);
  });

  it("keeps a range inside a grid that shrank", () => {
    expect(clampRange(range([8, 3], [9, 0]), { rows: 5, cols: 2 })).toEqual(range([4, 1], [4, 0]));
  });
});

describe("rangeFor", () => {
  const start = range([5, 2], [5, 2]);
  it.each([
    ["ArrowDown", { shiftKey: true }, range([5, 2], [6, 2])],
    ["ArrowLeft", { shiftKey: true }, range([5, 2], [5, 1])],
    ["End", { shiftKey: true }, range([5, 2], [5, 3])],
    ["Home", { shiftKey: true }, range([5, 2], [5, 0])],
    ["PageDown", { shiftKey: true }, range([5, 2], [8, 2])],
    ["PageUp", { shiftKey: true }, range([5, 2], [2, 2])],
    ["ArrowUp", { shiftKey: true, ctrlKey: true }, range([5, 2], [0, 2])],
    ["End", { shiftKey: true, ctrlKey: true }, range([5, 2], [9, 3])],
    ["ArrowDown", {}, range([6, 2], [6, 2])],
    ["Tab", { shiftKey: true }, range([5, 1], [5, 1])],
  ] as const)("%s %j from a single cell gives %j", (k, mods, to) => {
    expect(rangeFor(key(k, mods), start, size, 3)).toEqual(to);
  });

  it("moves the active corner and keeps the anchor; a plain key collapses onto the moved cell", () => {
    const extended = range([5, 2], [7, 3]);
    expect(rangeFor(key("ArrowUp", { shiftKey: true }), extended, size, 3)).toEqual(range([5, 2], [6, 3]));
    expect(rangeFor(key("ArrowLeft", { shiftKey: true }), extended, size, 3)).toEqual(range([5, 2], [7, 2]));
    expect(rangeFor(key("ArrowRight"), extended, size, 3)).toEqual(range([7, 3], [7, 3]));
    expect(rangeFor(key("ArrowDown", { shiftKey: true }), range([5, 2], [9, 2]), size, 3)).toEqual(
      range([5, 2], [9, 2]),
    );
  });

  it("selects every cell with Ctrl/Cmd+A, the active cell at the top left", () => {
    expect(rangeFor(key("a", { ctrlKey: true }), start, size, 3)).toEqual(range([9, 3], [0, 0]));
    expect(rangeFor(key("A", { metaKey: true, shiftKey: true }), start, size, 3)).toEqual(range([9, 3], [0, 0]));
  });

  it("is not a selection for other keys, Alt combinations or an empty grid", () => {
    expect(rangeFor(key("a"), start, size, 3)).toBeNull();
    expect(rangeFor(key("Delete"), start, size, 3)).toBeNull();
    expect(rangeFor(key("ArrowDown", { altKey: true, shiftKey: true }), start, size, 3)).toBeNull();
    expect(rangeFor(key("a", { ctrlKey: true }), start, { rows: 0, cols: 4 }, 3)).toBeNull();
  });
});

describe("copyBlock", () => {
  const rows = [
    { cells: [{ actual: 1234567.891 }, { actual: null }, { actual: 0.1 + 0.2 }] },
    { cells: [{ actual: -5 }, { actual: 1e-7 }, { actual: 0 }] },
  ];

  it("writes rows ending in CRLF, tabs between cells, plain full-precision numbers, missing cells empty", () => {
    expect(copyBlock({ top: 0, left: 0, bottom: 1, right: 2 }, rows)).toBe(
      "1234567.891\t\t0.30000000000000004\r\n-5\t1e-7\t0\r\n",
    );
    expect(copyBlock({ top: 1, left: 1, bottom: 1, right: 1 }, rows)).toBe("1e-7\r\n");
  });

  it("reads back through the paste parser to the same values", () => {
    expect(parseBlock(copyBlock({ top: 0, left: 0, bottom: 1, right: 2 }, rows)).map((r) => r.map(Number))).toEqual([
      [1234567.891, 0, 0.1 + 0.2],
      [-5, 1e-7, 0],
    ]);
  });

  it("quotes only cells holding a tab, a line break or a quote", () => {
    expect(tsvCell("12.5")).toBe("12.5");
    expect(tsvCell('a\tb "c"\n')).toBe('"a\tb ""c""\n"');
  });
});

describe("clearRange", () => {
  const actuals = [
    { measureId: "m1", periodId: "p1" },
    { measureId: "m1", periodId: "p3" },
    { measureId: "m2", periodId: "p2" },
    { measureId: "m3", periodId: "p2" },
  ];

  it("clears every recorded value in the range as one batch", () => {
    expect(clearRange(actuals, ["m1", "m2"], ["p1", "p2"])).toEqual({
      type: "batch",
      label: "Clear actuals",
      operations: [
        { type: "actual.clear", measureId: "m1", periodId: "p1" },
        { type: "actual.clear", measureId: "m2", periodId: "p2" },
      ],
    });
  });

  it("clears a single cell as a plain edit, and sends nothing for empty cells", () => {
    expect(clearRange(actuals, ["m3"], ["p2"])).toEqual({ type: "actual.clear", measureId: "m3", periodId: "p2" });
    expect(clearRange(actuals, ["m2", "m3"], ["p1", "p3"])).toBeNull();
    expect(clearRange(actuals, ["m3"], ["p1"])).toBeNull();
  });
});

describe("fillBlock", () => {
  it("fills a selected range with one copied value", () => {
    expect(fillBlock([["7"]], { top: 2, left: 1, bottom: 3, right: 3 })).toEqual([
      ["7", "7", "7"],
      ["7", "7", "7"],
    ]);
  });

  it("leaves any other block as it is", () => {
    const block = [["1", "2"]];
    expect(fillBlock(block, { top: 0, left: 0, bottom: 3, right: 3 })).toBe(block);
    expect(fillBlock([["5"]], { top: 1, left: 1, bottom: 1, right: 1 })).toEqual([["5"]]);
  });
});
