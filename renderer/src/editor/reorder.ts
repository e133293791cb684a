/**
 * Reordering within a parent. The outline shows an entity among its siblings (the measures of one
 * objective), but a `move` operation places it in the whole collection (all measures): `to` is its
 * index in the list after it was taken out. These helpers translate between the two.
 */

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

/** Position of `id` among its siblings, and how many siblings (itself included) there are. */
export function siblingPosition<T extends Row>(
  list: readonly T[],
  id: string,
  isSibling: (row: T) => boolean,
): { index: number; count: number } {
  const siblings = list.filter((r) => r.id === id || isSibling(r));
  return { index: siblings.findIndex((r) => r.id === id), count: siblings.length };
}
