/** The scorecard treegrid's rows, what a collapsed parent hides, and what each key does. */
import { describe, expect, it } from "vitest";
import { scoreAll } from "../../shared/scoring/engine.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { viewOf } from "../../shared/scoring/view.ts";
import { type TreeRow, treeKeyAction, treeRows, visibleRows } from "../../renderer/src/scorecard/tree-rows.ts";
import { builder } from "../support/docs.ts";

/** Two perspectives, the lower one listed first in the document: the tree follows `order`, not the list. */
function sample() {
  const b = builder(2);
  const bottom = b.perspective("Bottom");
  const top = b.perspective("Top");
  const [bottomP, topP] = b.doc.perspectives;
  if (!bottomP || !topP) throw new Error("two perspectives");
  bottomP.order = 1;
  topP.order = 0;
  const ops = b.objective(bottom, "Ops");
  const value = b.objective(top, "Value");
  const cost = b.objective(top, "Cost");
  const uptime = b.measure(ops, { name: "Uptime" });
  const revenue = b.measure(value, { name: "Revenue" });
  const margin = b.measure(value, { name: "Margin" });
  const model = compileModel(b.doc);
  const table = scoreAll(model);
  const rows = treeRows(viewOf(model, table, 1), model);
  return { ids: { bottom, top, ops, value, cost, uptime, revenue, margin }, rows, model };
}

const names = (rows: readonly TreeRow[]) => rows.map((r) => r.item.name);

describe("treeRows", () => {
  it("lists perspective → objective → measure in display order with engine indices and ARIA facts", () => {
    const { rows, ids } = sample();
    expect(names(rows)).toEqual(["Top", "Value", "Revenue", "Margin", "Cost", "Bottom", "Ops", "Uptime"]);
    expect(rows.map((r) => [r.kind, r.level, r.index])).toEqual([
      ["perspective", 1, 0], // order index q, not the document position (1)
      ["objective", 2, 1],
      ["measure", 3, 1],
      ["measure", 3, 2],
      ["objective", 2, 2],
      ["perspective", 1, 1],
      ["objective", 2, 0],
      ["measure", 3, 0],
    ]);
    const revenue = rows.find((r) => r.id === ids.revenue);
    expect(revenue).toMatchObject({ parentId: ids.value, position: 1, siblings: 2, childCount: 0 });
    expect(rows.find((r) => r.id === ids.top)).toMatchObject({
      parentId: null,
      position: 1,
      siblings: 2,
      childCount: 2,
    });
    expect(rows.find((r) => r.id === ids.cost)).toMatchObject({ position: 2, siblings: 2, childCount: 0 });
  });
});

describe("visibleRows", () => {
  it("hides everything under a collapsed parent and nothing else", () => {
    const { rows, ids } = sample();
    expect(names(visibleRows(rows, new Set()))).toEqual(names(rows));
    expect(names(visibleRows(rows, new Set([ids.value])))).toEqual(["Top", "Value", "Cost", "Bottom", "Ops", "Uptime"]);
    expect(names(visibleRows(rows, new Set([ids.top])))).toEqual(["Top", "Bottom", "Ops", "Uptime"]);
    // A collapsed objective inside a collapsed perspective stays hidden with it, and comes back collapsed.
    expect(names(visibleRows(rows, new Set([ids.top, ids.value, ids.bottom])))).toEqual(["Top", "Bottom"]);
    expect(names(visibleRows(rows, new Set([ids.value, ids.bottom])))).toEqual(["Top", "Value", "Cost", "Bottom"]);
  });

  it("ignores a collapsed row that has no children", () => {
    const { rows, ids } = sample();
    expect(names(visibleRows(rows, new Set([ids.cost, ids.uptime])))).toEqual(names(rows));
  });
});

describe("treeKeyAction", () => {
  const { rows, ids } = sample();
  const none = new Set<string>();
  const shown = visibleRows(rows, none);

  it("moves up and down, and to the first and last row, stopping at the ends", () => {
    expect(treeKeyAction("ArrowDown", shown, ids.top, none)).toEqual({ type: "focus", id: ids.value });
    expect(treeKeyAction("ArrowUp", shown, ids.value, none)).toEqual({ type: "focus", id: ids.top });
    expect(treeKeyAction("ArrowUp", shown, ids.top, none)).toEqual({ type: "focus", id: ids.top });
    expect(treeKeyAction("ArrowDown", shown, ids.uptime, none)).toEqual({ type: "focus", id: ids.uptime });
    expect(treeKeyAction("End", shown, ids.top, none)).toEqual({ type: "focus", id: ids.uptime });
    expect(treeKeyAction("Home", shown, ids.margin, none)).toEqual({ type: "focus", id: ids.top });
  });

  it("→ expands a collapsed parent, else goes to its first child; on a leaf it stays", () => {
    const collapsed = new Set([ids.top]);
    expect(treeKeyAction("ArrowRight", visibleRows(rows, collapsed), ids.top, collapsed)).toEqual({
      type: "expand",
      id: ids.top,
    });
    expect(treeKeyAction("ArrowRight", shown, ids.top, none)).toEqual({ type: "focus", id: ids.value });
    expect(treeKeyAction("ArrowRight", shown, ids.revenue, none)).toEqual({ type: "focus", id: ids.revenue });
  });

  it("← collapses an expanded parent, else goes to the parent; on a top row it stays", () => {
    expect(treeKeyAction("ArrowLeft", shown, ids.value, none)).toEqual({ type: "collapse", id: ids.value });
    expect(treeKeyAction("ArrowLeft", shown, ids.margin, none)).toEqual({ type: "focus", id: ids.value });
    const collapsed = new Set([ids.value]);
    expect(treeKeyAction("ArrowLeft", visibleRows(rows, collapsed), ids.value, collapsed)).toEqual({
      type: "focus",
      id: ids.top,
    });
    expect(treeKeyAction("ArrowLeft", shown, ids.cost, none)).toEqual({ type: "focus", id: ids.top });
    const top = new Set([ids.top]);
    expect(treeKeyAction("ArrowLeft", visibleRows(rows, top), ids.top, top)).toEqual({ type: "focus", id: ids.top });
  });

  it("Enter and Space select; other keys and unknown rows are not the treegrid's", () => {
    expect(treeKeyAction("Enter", shown, ids.margin, none)).toEqual({ type: "select", id: ids.margin });
    expect(treeKeyAction(" ", shown, ids.ops, none)).toEqual({ type: "select", id: ids.ops });
    expect(treeKeyAction("a", shown, ids.ops, none)).toBeNull();
    expect(treeKeyAction("Tab", shown, ids.ops, none)).toBeNull();
    expect(treeKeyAction("ArrowDown", shown, "no-such-row", none)).toBeNull();
  });
});
