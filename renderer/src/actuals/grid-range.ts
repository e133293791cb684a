/**
 * The grid's selection as a spreadsheet keeps it: an anchor where it started and the active cell
 * (the one with the focus) at the opposite corner. Shift+keys and Shift+click move the active
 * cell and keep the anchor; a plain move collapses the range onto the cell it lands on.
 */
import { type CellPos, type GridSize, moveFor } from "./grid-keys.ts";

export interface CellRange {
  anchor: CellPos;
  active: CellPos;
}

/** The rows and columns a range covers, inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type RangeKey = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

export const collapsed = (pos: CellPos): CellRange => ({ anchor: pos, active: pos });

export function rectOf({ anchor, active }: CellRange): Rect {
  return {
    top: Math.min(anchor.row, active.row),
    left: Math.min(anchor.col, active.col),
    bottom: Math.max(anchor.row, active.row),
    right: Math.max(anchor.col, active.col),
  };
}

export const cellCount = (rect: Rect): number => (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);

/** The range kept inside a grid that may have shrunk (rows deleted elsewhere, an undo). */
export function clampRange(range: CellRange, size: GridSize): CellRange {
  const clamp = (pos: CellPos): CellPos => ({
    row: Math.min(pos.row, Math.max(size.rows - 1, 0)),
    col: Math.min(pos.col, Math.max(size.cols - 1, 0)),
  });
  return { anchor: clamp(range.anchor), active: clamp(range.active) };
}

/**
 * The range after a key, or null when the key does not select. Ctrl/Cmd+A takes every cell (the
 * active cell goes to the top left); Shift with a move key extends; Tab and plain moves collapse.
 */
export function rangeFor(event: RangeKey, range: CellRange, size: GridSize, page: number): CellRange | null {
  if (size.rows === 0 || size.cols === 0 || event.altKey) return null;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "a")
    return { anchor: { row: size.rows - 1, col: size.cols - 1 }, active: { row: 0, col: 0 } };
  const to = moveFor(event, range.active, size, page);
  if (!to) return null;
  return event.shiftKey && event.key !== "Tab" ? { anchor: range.anchor, active: to } : collapsed(to);
}
