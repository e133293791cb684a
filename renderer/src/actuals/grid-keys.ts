/** Where the active cell goes for a navigation key, as in a spreadsheet. */
export interface CellPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
}

type NavKey = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">;

/**
 * The cell a key moves to, or null when the key is not a move (or would leave the grid: Tab at
 * the last cell lets focus go on to the next control). `page` is the rows one PageUp/Down skips.
 */
export function moveFor(event: NavKey, pos: CellPos, size: GridSize, page: number): CellPos | null {
  if (size.rows === 0 || size.cols === 0 || event.altKey) return null;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const to = (row: number, col: number): CellPos => ({
    row: Math.min(Math.max(row, 0), lastRow),
    col: Math.min(Math.max(col, 0), lastCol),
  });
  const ctrl = event.ctrlKey || event.metaKey;
  switch (event.key) {
    case "ArrowUp":
      return to(ctrl ? 0 : pos.row - 1, pos.col);
    case "ArrowDown":
      return to(ctrl ? lastRow : pos.row + 1, pos.col);
    case "ArrowLeft":
      return to(pos.row, ctrl ? 0 : pos.col - 1);
    case "ArrowRight":
      return to(pos.row, ctrl ? lastCol : pos.col + 1);
    case "Home":
      return ctrl ? to(0, 0) : to(pos.row, 0);
    case "End":
      return ctrl ? to(lastRow, lastCol) : to(pos.row, lastCol);
    case "PageUp":
      return to(pos.row - page, pos.col);
    case "PageDown":
      return to(pos.row + page, pos.col);
    case "Tab":
      return ctrl ? null : tabMove(pos, size, event.shiftKey);
    default:
      return null;
  }
}

/** Tab walks the row and wraps to the next one (Shift+Tab: backwards); null at either end. */
function tabMove(pos: CellPos, size: GridSize, back: boolean): CellPos | null {
  const index = pos.row * size.cols + pos.col + (back ? -1 : 1);
  if (index < 0 || index >= size.rows * size.cols) return null;
  return { row: Math.floor(index / size.cols), col: index % size.cols };
}

/** What a key does to the active cell when no editor is open. */
export type CellAction = "edit" | "type" | "clear" | "note" | null;

export function cellActionFor(event: NavKey): CellAction {
  if (event.key === "F2") return event.shiftKey ? "note" : "edit";
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  if (event.key === "Enter") return "edit";
  if (event.key === "Delete" || event.key === "Backspace") return "clear";
  // One printable character (not a named key such as "Shift"): it starts an edit replacing the value.
  if ([...event.key].length === 1 && event.key !== " ") return "type";
  return null;
}

/** Where an open editor's commit key leaves the active cell: Enter down, Shift+Enter up, Tab across. */
export type Direction = "down" | "up" | "right" | "left";

export function commitMoveFor(event: NavKey): Direction | null {
  if (event.key === "Enter") return event.shiftKey ? "up" : "down";
  if (event.key === "Tab") return event.shiftKey ? "left" : "right";
  return null;
}

/** The cell one step in `direction`, kept inside the grid. */
export function step(pos: CellPos, direction: Direction, size: GridSize): CellPos {
  const row = pos.row + (direction === "down" ? 1 : direction === "up" ? -1 : 0);
  const col = pos.col + (direction === "right" ? 1 : direction === "left" ? -1 : 0);
  return {
    row: Math.min(Math.max(row, 0), Math.max(size.rows - 1, 0)),
    col: Math.min(Math.max(col, 0), Math.max(size.cols - 1, 0)),
  };
}
