/**
 * The outline as rows: scorecard settings, perspectives → objectives → measures, then periods.
 * Only the rows under expanded parents are listed, in screen order, so keyboard navigation is
 * plain index arithmetic over this list (WAI-ARIA tree pattern).
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";

export type OutlineKind = "scorecard" | "perspective" | "objective" | "measure" | "periods" | "period";

export interface OutlineRow {
  /** Unique within the outline: "scorecard", "periods", or "kind:id". */
  key: string;
  kind: OutlineKind;
  /** The entity's id; null for the scorecard settings and periods rows. */
  id: string | null;
  label: string;
  level: number;
  parentKey: string | null;
  /** Has children to show or hide; an objective without measures has none (aria-expanded is left off). */
  expandable: boolean;
  expanded: boolean;
}

export const SCORECARD_KEY = "scorecard";
export const PERIODS_KEY = "periods";

function rowKey(kind: OutlineKind, id: string | null): string {
  return id === null ? kind : `${kind}:${id}`;
}

/** The visible rows; a parent whose key is in `collapsed` hides its children. */
export function outlineRows(doc: ScorecardDocument, collapsed: ReadonlySet<string>): OutlineRow[] {
  const rows: OutlineRow[] = [];
  const push = (
    kind: OutlineKind,
    id: string | null,
    label: string,
    level: number,
    parentKey: string | null,
    expandable: boolean,
  ): boolean => {
    const key = rowKey(kind, id);
    const expanded = expandable && !collapsed.has(key);
    rows.push({ key, kind, id, label, level, parentKey, expandable, expanded });
    return expanded;
  };
  push("scorecard", null, "Scorecard settings", 1, null, false);
  // Bands top to bottom by their order, as the scorecard view and the strategy map show them.
  const perspectives = [...doc.perspectives].sort((a, b) => a.order - b.order);
  for (const p of perspectives) {
    const objectives = doc.objectives.filter((o) => o.perspectiveId === p.id);
    if (!push("perspective", p.id, p.name, 1, null, objectives.length > 0)) continue;
    for (const o of objectives) {
      const measures = doc.measures.filter((m) => m.objectiveId === o.id);
      if (!push("objective", o.id, o.name, 2, rowKey("perspective", p.id), measures.length > 0)) continue;
      for (const m of measures) push("measure", m.id, m.name, 3, rowKey("objective", o.id), false);
    }
  }
  if (push("periods", null, "Periods", 1, null, doc.periods.length > 0)) {
    for (const p of doc.periods) push("period", p.id, p.label, 2, PERIODS_KEY, false);
  }
  return rows;
}

/** What a navigation key does in the tree: move focus to a row, or open or close the current one. */
export type TreeMove = { focus: string } | { expand: string } | { collapse: string } | null;

export function treeKeyMove(rows: readonly OutlineRow[], currentKey: string, key: string): TreeMove {
  const i = rows.findIndex((r) => r.key === currentKey);
  const row = rows[i];
  if (!row) return rows[0] ? { focus: rows[0].key } : null;
  const at = (j: number) => (rows[j] ? { focus: rows[j].key } : null);
  switch (key) {
    case "ArrowDown":
      return at(i + 1);
    case "ArrowUp":
      return at(i - 1);
    case "Home":
      return at(0);
    case "End":
      return at(rows.length - 1);
    case "ArrowRight":
      if (row.expandable && !row.expanded) return { expand: row.key };
      return row.expanded && rows[i + 1]?.parentKey === row.key ? at(i + 1) : null;
    case "ArrowLeft":
      if (row.expanded) return { collapse: row.key };
      return row.parentKey ? { focus: row.parentKey } : null;
    default:
      return null;
  }
}

/** The store's selection as an outline key; the "Periods" row has no selection of its own. */
export function selectionKey(selection: { kind: string; id?: string } | null): string | null {
  if (!selection) return null;
  if (selection.kind === "scorecard") return SCORECARD_KEY;
  if (selection.kind === "link") return null;
  return selection.id === undefined ? null : rowKey(selection.kind as OutlineKind, selection.id);
}

export type KeySelection =
  | { kind: "scorecard" }
  | { kind: "perspective" | "objective" | "measure" | "period"; id: string }
  | null;

export function keySelection(key: string): KeySelection {
  if (key === SCORECARD_KEY) return { kind: "scorecard" };
  const colon = key.indexOf(":");
  if (colon < 0) return null;
  const kind = key.slice(0, colon);
  const id = key.slice(colon + 1);
  return kind === "perspective" || kind === "objective" || kind === "measure" || kind === "period"
    ? { kind, id }
    : null;
}

/** Where the selection goes when `key` is deleted: the next sibling, else the previous, else the parent. */
export function keyAfterRemoval(rows: readonly OutlineRow[], key: string): string {
  const row = rows.find((r) => r.key === key);
  if (!row) return SCORECARD_KEY;
  const siblings = rows.filter((r) => r.parentKey === row.parentKey && r.kind === row.kind);
  const i = siblings.indexOf(row);
  return (siblings[i + 1] ?? siblings[i - 1])?.key ?? row.parentKey ?? SCORECARD_KEY;
}

/** Each row's position among its siblings and their count (aria-posinset, aria-setsize). */
export function siblingNumbers(rows: readonly OutlineRow[]): Map<string, { pos: number; size: number }> {
  const groups = new Map<string, OutlineRow[]>();
  for (const r of rows) {
    const group = `${r.parentKey ?? ""}|${r.level}`;
    const list = groups.get(group);
    if (list) list.push(r);
    else groups.set(group, [r]);
  }
  const out = new Map<string, { pos: number; size: number }>();
  for (const list of groups.values()) {
    list.forEach((r, i) => {
      out.set(r.key, { pos: i + 1, size: list.length });
    });
  }
  return out;
}
