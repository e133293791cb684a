/**
 * Reordering within a parent. The outline shows an entity among its siblings (the measures of one
 * objective, in list order; perspectives by their `order`), but a `move` operation places it in
 * the whole collection: `to` is its index in the list after it was taken out. These helpers
 * translate between the two.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { Operation } from "../../../shared/operations/operation.ts";

export type MovableKind = "perspective" | "objective" | "measure";

interface Row {
  id: string;
}

/**
 * The `to` of a move that puts `id` at position `siblingIndex` among the rows `isSibling` accepts
 * (the rows that share its parent), or null when that is where it already is or it is not found.
 */
export function moveTarget<T extends Row>(
  list: readonly T[],
  id: string,
  isSibling: (row: T) => boolean,
  siblingIndex: number,
): number | null {
  const from = list.findIndex((r) => r.id === id);
  if (from < 0) return null;
  const others = list.filter((r) => r.id !== id);
  const positions: number[] = [];
  others.forEach((r, i) => {
    if (isSibling(r)) positions.push(i);
  });
  if (positions.length === 0) return null;
  const k = Math.max(0, Math.min(siblingIndex, positions.length));
  // Already there among its siblings: a move would only shuffle it past other parents' rows.
  if (k === positions.filter((p) => p < from).length) return null;
  const before = positions[k];
  return before !== undefined ? before : (positions[positions.length - 1] as number) + 1;
}

/** Perspectives as the outline shows them: top band first, by `order`. */
const byOrder = (doc: ScorecardDocument) => [...doc.perspectives].sort((a, b) => a.order - b.order);

/** The ids `id` is shown among (itself included), in the outline's order. */
function shownSiblings(doc: ScorecardDocument, kind: MovableKind, id: string): string[] {
  switch (kind) {
    case "perspective":
      return byOrder(doc).map((p) => p.id);
    case "objective": {
      const parent = doc.objectives.find((o) => o.id === id)?.perspectiveId;
      return doc.objectives.filter((o) => o.perspectiveId === parent).map((o) => o.id);
    }
    case "measure": {
      const parent = doc.measures.find((m) => m.id === id)?.objectiveId;
      return doc.measures.filter((m) => m.objectiveId === parent).map((m) => m.id);
    }
  }
}

/** Where `id` is shown among its siblings (−1 when it is not found). */
export function shownIndex(doc: ScorecardDocument, kind: MovableKind, id: string): number {
  return shownSiblings(doc, kind, id).indexOf(id);
}

/**
 * The operation that shows `id` at place `siblingIndex` among its siblings (the list without it),
 * or null when it is already there. A move renumbers perspective orders to list positions, so
 * when a file's perspective list is not in `order` order, one move cannot give the order the
 * outline promised: the list is then put in the shown order, move by move, as one undo step.
 */
export function moveOperation(
  doc: ScorecardDocument,
  kind: MovableKind,
  id: string,
  siblingIndex: number,
): Operation | null {
  if (kind !== "perspective") {
    const list: readonly { id: string; perspectiveId?: string; objectiveId?: string }[] =
      kind === "objective" ? doc.objectives : doc.measures;
    const siblings = new Set(shownSiblings(doc, kind, id));
    const to = moveTarget(list, id, (r) => siblings.has(r.id), siblingIndex);
    return to === null ? null : { type: "move", entity: kind, id, to };
  }
  const shown = shownSiblings(doc, kind, id);
  if (!shown.includes(id)) return null;
  const wanted = shown.filter((x) => x !== id);
  wanted.splice(Math.max(0, Math.min(siblingIndex, wanted.length)), 0, id);
  const list = doc.perspectives.map((p) => p.id);
  const same = (a: readonly string[], b: readonly string[]) => a.every((x, i) => x === b[i]);
  if (same(wanted, shown)) return null;
  // The list with the row taken out already in the wanted order: one move inserts it.
  if (
    same(
      list.filter((x) => x !== id),
      wanted.filter((x) => x !== id),
    )
  ) {
    return { type: "move", entity: "perspective", id, to: wanted.indexOf(id) };
  }
  const moves: Operation[] = [];
  const current = [...list];
  wanted.forEach((want, i) => {
    if (current[i] === want) return;
    current.splice(current.indexOf(want), 1);
    current.splice(i, 0, want);
    moves.push({ type: "move", entity: "perspective", id: want, to: i });
  });
  return { type: "batch", label: "Move perspective", operations: moves };
}
