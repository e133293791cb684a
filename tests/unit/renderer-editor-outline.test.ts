/** The framework outline's rows, what each navigation key does, and where the selection goes on delete. */
import { describe, expect, it } from "vitest";
import {
  keyAfterRemoval,
  keySelection,
  type OutlineRow,
  outlineRows,
  selectionKey,
  siblingNumbers,
  treeKeyMove,
} from "../../renderer/src/editor/outline-tree.ts";
import { builder } from "../support/docs.ts";

function sample() {
  const b = builder(2);
  const low = b.perspective("Low");
  const top = b.perspective("Top");
  const [lowP, topP] = b.doc.perspectives;
  if (!lowP || !topP) throw new Error("two perspectives");
  lowP.order = 1;
  topP.order = 0;
  const grow = b.objective(top, "Grow");
  const run = b.objective(low, "Run");
  b.measure(grow, { name: "Revenue" });
  b.measure(run, { name: "Uptime" });
  b.measure(grow, { name: "Margin" });
  return { doc: b.doc, ids: { low, top, grow, run } };
}
const labels = (rows: readonly OutlineRow[]) => rows.map((r) => `${r.level}:${r.label}`);

describe("outlineRows", () => {
  const { doc, ids } = sample();

  it("lists settings, perspectives by order with their objectives and measures, then periods", () => {
    expect(labels(outlineRows(doc, new Set()))).toEqual([
      "1:Scorecard settings",
      "1:Top",
      "2:Grow",
      "3:Revenue",
      "3:Margin",
      "1:Low",
      "2:Run",
      "3:Uptime",
      "1:Periods",
      "2:2025-Q1",
      "2:2025-Q2",
    ]);
  });

  it("hides what a collapsed parent holds", () => {
    const rows = outlineRows(doc, new Set([`objective:${ids.grow}`, "periods", `perspective:${ids.low}`]));
    expect(labels(rows)).toEqual(["1:Scorecard settings", "1:Top", "2:Grow", "1:Low", "1:Periods"]);
    expect(rows.find((r) => r.label === "Grow")).toMatchObject({ expandable: true, expanded: false });
    expect(rows[0]).toMatchObject({ expandable: false, expanded: false });
  });

  it("makes a row expandable only when it has children (no aria-expanded on an empty objective)", () => {
    const b = builder(0);
    const p = b.perspective("Lonely");
    b.objective(p, "No measures yet");
    b.perspective("Empty");
    const rows = outlineRows(b.doc, new Set());
    const of = (label: string) => rows.find((r) => r.label === label);
    expect(of("Lonely")).toMatchObject({ expandable: true, expanded: true });
    expect(of("No measures yet")).toMatchObject({ expandable: false, expanded: false });
    expect(of("Empty")).toMatchObject({ expandable: false, expanded: false });
    expect(of("Periods")).toMatchObject({ expandable: false, expanded: false });
    expect(treeKeyMove(rows, of("No measures yet")?.key ?? "", "ArrowRight")).toBeNull();
  });

  it("numbers each row among its siblings", () => {
    const rows = outlineRows(doc, new Set());
    const n = siblingNumbers(rows);
    const margin = rows.find((r) => r.label === "Margin");
    const low = rows.find((r) => r.label === "Low");
    expect(n.get(margin?.key ?? "")).toEqual({ pos: 2, size: 2 });
    expect(n.get(low?.key ?? "")).toEqual({ pos: 3, size: 4 });
  });
});

describe("treeKeyMove", () => {
  const { doc, ids } = sample();
  const rows = outlineRows(doc, new Set());
  const key = (label: string) => rows.find((r) => r.label === label)?.key ?? "";

  it("moves up and down the visible rows, to the first and last", () => {
    expect(treeKeyMove(rows, key("Grow"), "ArrowDown")).toEqual({ focus: key("Revenue") });
    expect(treeKeyMove(rows, key("Grow"), "ArrowUp")).toEqual({ focus: key("Top") });
    expect(treeKeyMove(rows, key("Grow"), "Home")).toEqual({ focus: "scorecard" });
    expect(treeKeyMove(rows, key("Grow"), "End")).toEqual({ focus: key("2025-Q2") });
    expect(treeKeyMove(rows, key("2025-Q2"), "ArrowDown")).toBeNull();
  });

  it("right opens or enters a parent, left closes it or goes to the parent", () => {
    expect(treeKeyMove(rows, key("Top"), "ArrowRight")).toEqual({ focus: key("Grow") });
    expect(treeKeyMove(rows, key("Top"), "ArrowLeft")).toEqual({ collapse: key("Top") });
    expect(treeKeyMove(rows, key("Revenue"), "ArrowLeft")).toEqual({ focus: key("Grow") });
    expect(treeKeyMove(rows, key("Revenue"), "ArrowRight")).toBeNull();
    const closed = outlineRows(doc, new Set([`perspective:${ids.top}`]));
    expect(treeKeyMove(closed, key("Top"), "ArrowRight")).toEqual({ expand: key("Top") });
    expect(treeKeyMove(closed, key("Top"), "ArrowLeft")).toBeNull();
    expect(treeKeyMove(rows, key("Top"), "a")).toBeNull();
  });

  it("the selection goes to the next sibling, else the previous, else the parent", () => {
    expect(keyAfterRemoval(rows, key("Revenue"))).toBe(key("Margin"));
    expect(keyAfterRemoval(rows, key("Margin"))).toBe(key("Revenue"));
    expect(keyAfterRemoval(rows, key("Uptime"))).toBe(key("Run"));
    expect(keyAfterRemoval(rows, key("Top"))).toBe(key("Low"));
  });

  it("maps outline keys to the store's selection and back", () => {
    expect(keySelection("scorecard")).toEqual({ kind: "scorecard" });
    expect(keySelection("periods")).toBeNull();
    expect(keySelection(key("Grow"))).toEqual({ kind: "objective", id: ids.grow });
    expect(selectionKey({ kind: "objective", id: ids.grow })).toBe(key("Grow"));
    expect(selectionKey({ kind: "scorecard" })).toBe("scorecard");
    expect(selectionKey({ kind: "link", id: "x" })).toBeNull();
    expect(selectionKey(null)).toBeNull();
  });
});
