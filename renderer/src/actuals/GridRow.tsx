/**
 * One measure's row: its name and unit, then a cell per period. Memoized: moving the active cell
 * re-renders the two rows involved, and a committed edit the one row whose data changed.
 */
import { memo } from "react";
import { formatValue } from "../../../shared/display/numbers.ts";
import { CellEditor, type EditorActions } from "./CellEditor.tsx";
import type { CellData, MeasureRow } from "./grid-model.ts";
import { editText } from "./parse-number.ts";

export interface EditorState {
  initial: string;
}

export const GridRow = memo(function GridRow({
  row,
  rowIndex,
  periodLabels,
  activeCol,
  selectedFrom,
  selectedTo,
  editor,
  errorId,
  actions,
}: {
  row: MeasureRow;
  /** aria-rowindex: the row's position among all rows, headers included. */
  rowIndex: number;
  periodLabels: readonly string[];
  /** The active cell's column when it is in this row, else −1. */
  activeCol: number;
  /** The columns of this row inside a selected range of several cells, else −1 and −1. */
  selectedFrom: number;
  selectedTo: number;
  /** The editor open in the active cell, if any. */
  editor: EditorState | null;
  errorId: string | null;
  actions: EditorActions;
}) {
  const { measure } = row;
  return (
    <tr aria-rowindex={rowIndex}>
      <th aria-colindex={1} scope="row" className="measure-cell">
        <span className="measure-label">
          <span className="measure-name truncate" title={measure.name}>
            {measure.name}
          </span>
          {measure.unit !== "" && (
            <span className="measure-unit truncate" title={measure.unit}>
              {measure.unit}
            </span>
          )}
        </span>
      </th>
      {row.cells.map((cell, k) => {
        const active = k === activeCol;
        const editing = active && editor !== null;
        const inRange = k >= selectedFrom && k <= selectedTo;
        return (
          <td
            // biome-ignore lint/suspicious/noArrayIndexKey: cells are positions: period k of this row.
            key={k}
            // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: cells of an ARIA grid (see ActualsGrid).
            role="gridcell"
            aria-colindex={k + 2}
            aria-selected={active || inRange}
            tabIndex={active && !editing ? 0 : -1}
            data-row={row.index}
            data-col={k}
            className={cellClass(cell, active, inRange, editing && errorId !== null)}
            title={editing ? undefined : cellTitle(cell)}
          >
            {editing ? (
              <CellEditor
                initial={editor.initial}
                committed={editText(cell.actual)}
                label={`${measure.name}, ${periodLabels[k] ?? ""}`}
                errorId={errorId}
                actions={actions}
              />
            ) : (
              <CellContent cell={cell} />
            )}
          </td>
        );
      })}
    </tr>
  );
});

function CellContent({ cell }: { cell: CellData }) {
  const note = cell.note !== "" && (
    <>
      <span className="note-mark" aria-hidden="true" />
      <span className="visually-hidden">, has a note</span>
    </>
  );
  if (cell.actual !== null)
    return (
      <>
        {formatValue(cell.actual, "")}
        {note}
      </>
    );
  if (cell.carried)
    return (
      <>
        <span className="stale-value">{formatValue(cell.carried.value, "")}</span>
        <span className="stale-mark" aria-hidden="true">
          ↻
        </span>
        <span className="visually-hidden">, stale, carried forward from {cell.carried.from}</span>
      </>
    );
  return (
    <>
      <span className="missing" aria-hidden="true">
        –
      </span>
      <span className="visually-hidden">missing</span>
    </>
  );
}

function cellClass(cell: CellData, active: boolean, inRange: boolean, invalid: boolean): string {
  let name = "cell";
  if (cell.actual === null) name += cell.carried ? " cell-stale" : " cell-missing";
  if (cell.note !== "") name += " cell-note";
  if (active) name += " cell-active";
  // As in a spreadsheet, the active cell inside a range keeps its plain background.
  else if (inRange) name += " cell-selected";
  if (invalid) name += " cell-invalid";
  return name;
}

function cellTitle(cell: CellData): string | undefined {
  if (cell.note !== "") return `Note: ${cell.note}`;
  if (cell.actual === null && cell.carried) return `No actual: carried forward from ${cell.carried.from}`;
  if (cell.actual === null) return "No actual";
  return undefined;
}
