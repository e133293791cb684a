/**
 * The scorecard tree as the treegrid shows it: one flat list of rows in display order
 * (perspective → objective → measure), which rows a collapsed parent hides, and what each key does.
 * Pure, so the keyboard model is tested without a browser.
 */
import type { ScoringModel } from "../../../shared/scoring/model.ts";
import type { MeasureRow, NodeScore, ScorecardView } from "../../../shared/scoring/view.ts";

export type RowKind = "perspective" | "objective" | "measure";

interface RowBase {
  id: string;
  /** The row's index in the score table: perspective ORDER index q, objective o, measure i (document order). */
  index: number;
  level: 1 | 2 | 3;
  parentId: string | null;
  /** 1-based place among its siblings and how many siblings there are (aria-posinset, aria-setsize). */
  position: number;
  siblings: number;
  childCount: number;
}

export type TreeRow =
  | (RowBase & { kind: "perspective"; item: NodeScore & { color: string } })
  | (RowBase & { kind: "objective"; item: NodeScore })
  | (RowBase & { kind: "measure"; item: MeasureRow });

/** Every row of the tree in display order, with the engine index of each. */
export function treeRows(view: ScorecardView, model: ScoringModel): TreeRow[] {
  const rows: TreeRow[] = [];
  view.perspectives.forEach((perspective, q) => {
    const { objectives, ...item } = perspective;
    rows.push({
      kind: "perspective",
      id: perspective.id,
      index: q,
      level: 1,
      parentId: null,
      position: q + 1,
      siblings: view.perspectives.length,
      childCount: objectives.length,
      item,
    });
    objectives.forEach((objective, n) => {
      const { measures, ...node } = objective;
      rows.push({
        kind: "objective",
        id: objective.id,
        index: model.objectiveIndex.get(objective.id) ?? -1,
        level: 2,
        parentId: perspective.id,
        position: n + 1,
        siblings: objectives.length,
        childCount: measures.length,
        item: node,
      });
      measures.forEach((measure, m) => {
        rows.push({
          kind: "measure",
          id: measure.id,
          index: model.measureIndex.get(measure.id) ?? -1,
          level: 3,
          parentId: objective.id,
          position: m + 1,
          siblings: measures.length,
          childCount: 0,
          item: measure,
        });
      });
    });
  });
  return rows;
}

/** The rows not hidden by a collapsed ancestor. */
export function visibleRows(rows: readonly TreeRow[], collapsed: ReadonlySet<string>): TreeRow[] {
  const shown: TreeRow[] = [];
  let hiddenBelow = Number.POSITIVE_INFINITY; // rows deeper than this level are inside a collapsed parent
  for (const row of rows) {
    if (row.level > hiddenBelow) continue;
    hiddenBelow = Number.POSITIVE_INFINITY;
    shown.push(row);
    if (row.childCount > 0 && collapsed.has(row.id)) hiddenBelow = row.level;
  }
  return shown;
}

export type TreeKeyAction =
  | { type: "focus"; id: string }
  | { type: "expand"; id: string }
  | { type: "collapse"; id: string }
  | { type: "select"; id: string };

/**
 * What a key does on the focused row of a treegrid (WAI-ARIA treegrid pattern, row focus):
 * ↑/↓ previous/next row, Home/End first/last, → expands a collapsed parent or else moves to its
 * first child, ← collapses an expanded parent or else moves to the parent, Enter/Space select.
 * null: the key is not the treegrid's (let it through).
 */
export function treeKeyAction(
  key: string,
  shown: readonly TreeRow[],
  focusedId: string,
  collapsed: ReadonlySet<string>,
): TreeKeyAction | null {
  const at = shown.findIndex((row) => row.id === focusedId);
  const row = shown[at];
  if (!row) return null;
  const focus = (target: TreeRow | undefined): TreeKeyAction => ({ type: "focus", id: (target ?? row).id });
  switch (key) {
    case "ArrowDown":
      return focus(shown[at + 1]);
    case "ArrowUp":
      return focus(shown[at - 1]);
    case "Home":
      return focus(shown[0]);
    case "End":
      return focus(shown[shown.length - 1]);
    case "ArrowRight":
      if (row.childCount === 0) return focus(row);
      return collapsed.has(row.id) ? { type: "expand", id: row.id } : focus(shown[at + 1]);
    case "ArrowLeft":
      if (row.childCount > 0 && !collapsed.has(row.id)) return { type: "collapse", id: row.id };
      return focus(shown.find((r) => r.id === row.parentId));
    case "Enter":
    case " ":
      return { type: "select", id: row.id };
    default:
      return null;
  }
}
