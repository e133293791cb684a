/** The actuals grid's pure parts: reading typed numbers, keyboard moves, pasted blocks. */
import { describe, expect, it } from "vitest";
import type { Operation } from "../../shared/operations/operation.ts";
import { cellActionFor, commitMoveFor, moveFor, step } from "../../renderer/src/actuals/grid-keys.ts";
import { editText, parseCellInput } from "../../renderer/src/actuals/parse-number.ts";
import { parseBlock, planPaste, type PasteTarget } from "../../renderer/src/actuals/paste-block.ts";
import { key } from "../support/keys.ts";

describe("parseCellInput", () => {
  it.each([
    ["42", "", 42],
    [" 1,234.5 ", "h", 1234.5],
    ["-3", "", -3],
    ["−3", "", -3],
    ["+0.25", "", 0.25],
    [".5", "", 0.5],
    ["1e3", "", 1000],
    ["12.5%", "%", 12.5],
    ["12.5 %", "% of spend", 12.5],
    ["1,000,000", "", 1_000_000],
  ])("reads %j (unit %j) as %d", (text, unit, value) => {
    expect(parseCellInput(text, unit)).toEqual({ kind: "value", value });
  });

  it.each([["abc"], ["12.5%"], ["1,23"], ["12,34.5"], ["1.2.3"], ["+"], ["."], ["1e999"], ["0x10"], ["5 h"]])(
    "refuses %j for a unit that is not a percent",
    (text) => {
      expect(parseCellInput(text, "h")).toEqual({ kind: "invalid" });
    },
  );

  it("reads an empty or blank cell as clearing it", () => {
    expect(parseCellInput("", "%")).toEqual({ kind: "clear" });
    expect(parseCellInput("   ", "%")).toEqual({ kind: "clear" });
  });

  it("starts an editor from the plain number, which reads back to the same value", () => {
    for (const value of [1234.5, 0.1 + 0.2, -7, 1e15]) {
      expect(parseCellInput(editText(value), "")).toEqual({ kind: "value", value });
    }
    expect(editText(null)).toBe("");
  });
});

describe("moveFor", () => {
  const size = { rows: 10, cols: 4 };
  const at = { row: 5, col: 2 };
  it.each([
    ["ArrowUp", {}, { row: 4, col: 2 }],
    ["ArrowDown", {}, { row: 6, col: 2 }],
    ["ArrowLeft", {}, { row: 5, col: 1 }],
    ["ArrowRight", {}, { row: 5, col: 3 }],
    ["ArrowUp", { ctrlKey: true }, { row: 0, col: 2 }],
    ["ArrowRight", { metaKey: true }, { row: 5, col: 3 }],
    ["Home", {}, { row: 5, col: 0 }],
    ["End", {}, { row: 5, col: 3 }],
    ["Home", { ctrlKey: true }, { row: 0, col: 0 }],
    ["End", { ctrlKey: true }, { row: 9, col: 3 }],
    ["PageUp", {}, { row: 2, col: 2 }],
    ["PageDown", {}, { row: 8, col: 2 }],
    ["Tab", {}, { row: 5, col: 3 }],
    ["Tab", { shiftKey: true }, { row: 5, col: 1 }],
  ] as const)("%s %j moves to %j", (k, mods, to) => {
    expect(moveFor(key(k, mods), at, size, 3)).toEqual(to);
  });

  it("stops at the edges", () => {
    expect(moveFor(key("ArrowUp"), { row: 0, col: 0 }, size, 3)).toEqual({ row: 0, col: 0 });
    expect(moveFor(key("PageDown"), { row: 8, col: 1 }, size, 3)).toEqual({ row: 9, col: 1 });
    expect(moveFor(key("ArrowRight"), { row: 2, col: 3 }, size, 3)).toEqual({ row: 2, col: 3 });
  });

  it("wraps Tab to the next row and lets it leave the grid at the last cell", () => {
    expect(moveFor(key("Tab"), { row: 2, col: 3 }, size, 3)).toEqual({ row: 3, col: 0 });
    expect(moveFor(key("Tab", { shiftKey: true }), { row: 3, col: 0 }, size, 3)).toEqual({ row: 2, col: 3 });
    expect(moveFor(key("Tab"), { row: 9, col: 3 }, size, 3)).toBeNull();
    expect(moveFor(key("Tab", { shiftKey: true }), { row: 0, col: 0 }, size, 3)).toBeNull();
  });

  it("is not a move for other keys, Alt combinations or an empty grid", () => {
    expect(moveFor(key("a"), at, size, 3)).toBeNull();
    expect(moveFor(key("ArrowUp", { altKey: true }), at, size, 3)).toBeNull();
    expect(moveFor(key("ArrowUp"), { row: 0, col: 0 }, { rows: 0, cols: 4 }, 3)).toBeNull();
  });
});

describe("cellActionFor and commitMoveFor", () => {
  it.each([
    ["Enter", {}, "edit"],
    ["F2", {}, "edit"],
    ["F2", { shiftKey: true }, "note"],
    ["Delete", {}, "clear"],
    ["Backspace", {}, "clear"],
    ["7", {}, "type"],
    ["-", {}, "type"],
    ["é", {}, "type"],
    [" ", {}, null],
    ["Shift", {}, null],
    ["ArrowUp", {}, null],
    ["v", { ctrlKey: true }, null],
    ["z", { metaKey: true }, null],
  ] as const)("%s %j → %s", (k, mods, action) => {
    expect(cellActionFor(key(k, mods))).toBe(action);
  });

  it("commits with Enter down, Shift+Enter up, Tab across", () => {
    expect(commitMoveFor(key("Enter"))).toBe("down");
    expect(commitMoveFor(key("Enter", { shiftKey: true }))).toBe("up");
    expect(commitMoveFor(key("Tab"))).toBe("right");
    expect(commitMoveFor(key("Tab", { shiftKey: true }))).toBe("left");
    expect(commitMoveFor(key("a"))).toBeNull();
  });

  it("steps inside the grid", () => {
    expect(step({ row: 9, col: 0 }, "down", { rows: 10, cols: 4 })).toEqual({ row: 9, col: 0 });
    expect(step({ row: 3, col: 1 }, "left", { rows: 10, cols: 4 })).toEqual({ row: 3, col: 0 });
  });
});

describe("parseBlock", () => {
  it("reads tab-separated rows with either line end and the trailing line break", () => {
    expect(parseBlock("1\t2\t3\r\n4\t5\t6\r\n")).toEqual([
      ["1", "2", "3"],
      ["4", "5", "6"],
    ]);
    expect(parseBlock("1\t2\n3\t4\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parseBlock("7")).toEqual([["7"]]);
  });

  it("keeps empty cells and reads quoted cells holding tabs, line breaks and quotes", () => {
    expect(parseBlock('1\t\t3\n"a\tb"\t"line\nbreak"\t"say ""hi"""\n')).toEqual([
      ["1", "", "3"],
      ["a\tb", "line\nbreak", 'say "hi"'],
    ]);
  });
});

describe("planPaste", () => {
  const target: PasteTarget = {
    measures: [
      { id: "m1", name: "Uptime", unit: "%" },
      { id: "m2", name: "Tickets", unit: "/q" },
    ],
    periods: [
      { id: "p1", label: "2026-Q1" },
      { id: "p2", label: "2026-Q2" },
      { id: "p3", label: "2026-Q3" },
    ],
    check: (op: Operation) =>
      op.type === "actual.set" && op.measureId === "m1" && op.value > 100
        ? "must lie in the measure's valid range [0, 100]"
        : null,
  };

  it("puts the block at the anchor: values set, empty cells cleared", () => {
    const plan = planPaste(
      [
        ["99.5%", ""],
        ["1,200", "900"],
      ],
      { row: 0, col: 1 },
      target,
    );
    expect(plan).toEqual({
      ok: true,
      dropped: 0,
      operations: [
        { type: "actual.set", measureId: "m1", periodId: "p2", value: 99.5 },
        { type: "actual.clear", measureId: "m1", periodId: "p3" },
        { type: "actual.set", measureId: "m2", periodId: "p2", value: 1200 },
        { type: "actual.set", measureId: "m2", periodId: "p3", value: 900 },
      ],
    });
  });

  it("drops and counts the cells beyond the grid's edge", () => {
    const plan = planPaste(
      [
        ["1", "2", "3"],
        ["4", "5", "6"],
      ],
      { row: 1, col: 1 },
      target,
    );
    expect(plan.ok && plan.dropped).toBe(4);
    expect(plan.ok && plan.operations).toEqual([
      { type: "actual.set", measureId: "m2", periodId: "p2", value: 1 },
      { type: "actual.set", measureId: "m2", periodId: "p3", value: 2 },
    ]);
  });

  it("refuses the whole block with every bad cell named", () => {
    expect(
      planPaste(
        [
          ["1", "abc"],
          ["150", "2"],
        ],
        { row: 0, col: 0 },
        {
          ...target,
          measures: [
            target.measures[0] as PasteTarget["measures"][number],
            target.measures[0] as PasteTarget["measures"][number],
          ],
        },
      ),
    ).toEqual({
      ok: false,
      problems: [
        "Row “Uptime”, 2026-Q2: “abc” is not a number",
        "Row “Uptime”, 2026-Q1: “150” must lie in the measure's valid range [0, 100]",
      ],
    });
  });

  it("names a hostile measure without its direction tricks or line breaks", () => {
    const measure = target.measures[0] as PasteTarget["measures"][number];
    const plan = planPaste(
      [["abc\u202e"]],
      { row: 0, col: 0 },
      {
        ...target,
        measures: [{ ...measure, name: "\u202eUptime\nforged line" }],
      },
    );
    expect(plan.ok).toBe(false);
    const message = plan.ok ? "" : plan.problems.join("");
    expect(message).not.toMatch(/[\u202a-\u202e\u2066-\u2069\n]/u);
    expect(message).toContain("Uptime");
  });
});
