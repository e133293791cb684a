/**
 * The actuals grid (SPEC §5): measures × periods, worked like a spreadsheet. One cell is active
 * (the only one in the tab order); keys move it, edit it, clear it; Shift+keys, Shift+click or a
 * drag select a range, which copies as a spreadsheet block and clears as one undo step; a block
 * pasted from a spreadsheet lands at the range's top left as one undo step. Every value is checked
 * with the shared rules before it is sent, so a refused value stays in its editor with the reason
 * shown, and never reaches the file.
 */
import {
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { counted } from "../../../shared/display/count.ts";
import { formatValue } from "../../../shared/display/numbers.ts";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import type { Edit } from "../state/document-store.ts";
import { scoresOf } from "../state/scores.ts";
import type { EditorActions } from "./CellEditor.tsx";
import { type EditorState, GridRow } from "./GridRow.tsx";
import { clearRange } from "./clear-range.ts";
import { copyBlock } from "./copy-block.ts";
import { type CellPos, cellActionFor, type Direction, step } from "./grid-keys.ts";
import { type GridLine, type GridModel, gridModelOf } from "./grid-model.ts";
import { NoteEditor } from "./NoteEditor.tsx";
import { type Viewport, windowParts } from "./row-window.ts";
import { type CellRange, cellCount, clampRange, collapsed, rangeFor, rectOf } from "./grid-range.ts";
import { cellOperation, cellProblem, fillBlock, parseBlock, planPaste } from "./paste-block.ts";
import { editText } from "./parse-number.ts";
import "./actuals.css";

/** Every body line (group or measure) is this tall: actuals.css fixes it, the window relies on it. */
const ROW_HEIGHT = 32;
/** Lines rendered beyond each edge of the view, so a fast scroll rarely shows a blank. */
const OVERSCAN = 10;
/** Column widths in px, as actuals.css sets them. */
const MEASURE_COLUMN = 340;
const PERIOD_COLUMN = 96;
const ERROR_ID = "actuals-error";
/** How many refused cells a paste message lists before "and N more". */
const LISTED_PROBLEMS = 5;

type Status = { kind: "error" | "info"; text: string; inEditor?: boolean } | null;

export function ActualsGrid() {
  const doc = useDocumentStore((s) => s.doc);
  const store = useStoreApi();
  const previous = useRef<GridModel | null>(null);
  const grid = useMemo(() => (doc ? gridModelOf(doc, scoresOf(doc).model, previous.current) : null), [doc]);
  previous.current = grid;
  // Keyed by content: every edit compiles a new period list, and a new array here would
  // re-render all 200 memoized rows instead of the one that changed.
  const labelsKey = JSON.stringify(grid?.periods.map((p) => p.label) ?? []);
  const periodLabels = useMemo(() => JSON.parse(labelsKey) as string[], [labelsKey]);

  const [range, setRange] = useState<CellRange>(collapsed({ row: 0, col: 0 }));
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [noteOpen, setNoteOpen] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const scroller = useRef<HTMLDivElement>(null);
  // Set when the active cell should take focus after the next render (a key, a click, a commit).
  const focusWanted = useRef(false);
  // Set while the mouse button pressed on a cell is held: moving over cells then extends the range.
  const dragging = useRef(false);

  const size = { rows: grid?.rows.length ?? 0, cols: grid?.periods.length ?? 0 };
  // The scroller exists only when there are rows and columns to show.
  const viewport = useViewport(scroller, size.rows > 0 && size.cols > 0);
  // A shrinking document (rows deleted elsewhere, undo) must not leave the range outside it.
  const selection = clampRange(range, size);
  const at = selection.active;
  const rect = rectOf(selection);
  const multiple = cellCount(rect) > 1;
  const row = grid?.rows[at.row];
  const period = grid?.periods[at.col];
  const cell = row?.cells[at.col];

  useLayoutEffect(() => {
    if (!focusWanted.current || editor || noteOpen) return;
    focusWanted.current = false;
    const el = scroller.current?.querySelector<HTMLElement>(`td[data-row="${at.row}"][data-col="${at.col}"]`);
    el?.focus({ preventScroll: true });
    el?.scrollIntoView({ block: "nearest", inline: "nearest" });
  });

  const select = (next: CellRange) => {
    focusWanted.current = true;
    setRange(next);
  };
  /** The range from the anchor to `pos`, or `pos` alone. */
  const rangeTo = (pos: CellPos, extend: boolean): CellRange =>
    extend ? { anchor: selection.anchor, active: pos } : collapsed(pos);

  const send = (edit: Edit) => void store.getState().edit(edit);

  /** The shared validator's reason for refusing `value` in the active cell, or null. */
  const ruleProblem = (measureId: string, periodId: string, value: number): string | null => {
    const problem = store.getState().check({ type: "actual.set", measureId, periodId, value })[0];
    return problem ? problem.message : null;
  };

  /** Commits editor text into the active cell; false (nothing sent) when the text is refused. */
  const commitText = (text: string, move: Direction | null): boolean => {
    if (!row || !period || !cell) return false;
    const problem = cellProblem(text, row.measure.unit, (value) => ruleProblem(row.measure.id, period.id, value));
    if (problem) {
      setStatus({ kind: "error", text: sentence(problem), inEditor: true });
      return false;
    }
    const op = cellOperation(text, row.measure, period.id);
    setEditor(null);
    setStatus(null);
    focusWanted.current = true;
    if (move) setRange(collapsed(step(at, move, size)));
    const unchanged = op.type === "actual.set" ? op.value === cell.actual : cell.actual === null;
    if (!unchanged) send(op);
    return true;
  };

  // The editor is memoized inside its row; it reaches the latest state through this ref.
  const latest = useRef<EditorActions>(null as unknown as EditorActions);
  latest.current = {
    commit: commitText,
    cancel() {
      setEditor(null);
      setStatus(null);
      focusWanted.current = true;
    },
    leave(text) {
      if (row && cell && text === editText(cell.actual)) {
        setEditor(null);
        return;
      }
      if (commitText(text, null)) return;
      setEditor(null);
      setStatus((s) => (s ? { kind: "error", text: `Not saved: ${s.text}` } : s));
    },
  };
  const actions = useMemo<EditorActions>(
    () => ({
      commit: (text, move) => latest.current.commit(text, move),
      cancel: () => latest.current.cancel(),
      leave: (text) => latest.current.leave(text),
    }),
    [],
  );

  // Copy and paste listen on the document: the keys and the Edit menu fire them at the DOM
  // selection, which need not be in the focused cell (or in the grid at all).
  const clipboard = useRef<{ copy(event: ClipboardEvent): void; paste(event: ClipboardEvent): void } | null>(null);
  useEffect(() => {
    const inGrid = () => {
      const el = document.activeElement;
      return el instanceof HTMLElement && el.dataset.col !== undefined && !!scroller.current?.contains(el);
    };
    const copy = (event: ClipboardEvent) => {
      if (inGrid()) clipboard.current?.copy(event);
    };
    const paste = (event: ClipboardEvent) => {
      if (inGrid()) clipboard.current?.paste(event);
    };
    document.addEventListener("copy", copy);
    document.addEventListener("paste", paste);
    return () => {
      document.removeEventListener("copy", copy);
      document.removeEventListener("paste", paste);
    };
  }, []);

  if (!grid || !doc) return null;
  if (size.rows === 0 || size.cols === 0)
    return (
      <p className="empty">
        {size.rows === 0
          ? "This scorecard has no measures yet: add them in the Framework view."
          : "This scorecard has no periods yet."}
      </p>
    );

  const startEdit = (initial: string) => {
    setStatus(null);
    setNoteOpen(false);
    setEditor({ initial });
  };

  const openNote = () => {
    if (cell?.actual === null) {
      setStatus({ kind: "info", text: "A note belongs to a value: enter the actual first." });
      return;
    }
    setStatus(null);
    setNoteOpen(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys typed into the cell editor are the editor's own.
    if (!(event.target instanceof HTMLElement) || event.target.dataset.col === undefined || editor) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 0) / ROW_HEIGHT) - 2);
    const next = rangeFor(event, selection, size, page);
    if (next) {
      event.preventDefault();
      setStatus(null);
      select(next);
      return;
    }
    const action = cellActionFor(event);
    if (!action || !cell) {
      if (event.key === "Escape") setStatus(null);
      return;
    }
    event.preventDefault();
    if (action === "edit") startEdit(editText(cell.actual));
    else if (action === "type") startEdit(event.key);
    else if (action === "note") openNote();
    else {
      setStatus(null);
      const measureIds = grid.rows.slice(rect.top, rect.bottom + 1).map((r) => r.measure.id);
      const periodIds = grid.periods.slice(rect.left, rect.right + 1).map((p) => p.id);
      send((current) => clearRange(current.actuals, measureIds, periodIds));
    }
  };

  const cellAt = (event: MouseEvent): CellPos | null => {
    const td = (event.target as HTMLElement).closest<HTMLElement>("td[data-col]");
    return td ? { row: Number(td.dataset.row), col: Number(td.dataset.col) } : null;
  };

  const onCopy = (event: ClipboardEvent) => {
    if (editor || !event.clipboardData) return;
    event.preventDefault();
    event.clipboardData.setData("text/plain", copyBlock(rect, grid.rows));
  };

  const onPaste = (event: ClipboardEvent) => {
    if (editor || !event.clipboardData) return;
    event.preventDefault();
    const block = fillBlock(parseBlock(event.clipboardData.getData("text/plain")), rect);
    const plan = planPaste(
      block,
      { row: rect.top, col: rect.left },
      {
        measures: grid.rows.map((r) => r.measure),
        periods: grid.periods,
        check: (op) => (op.type === "actual.set" ? ruleProblem(op.measureId, op.periodId, op.value) : null),
      },
    );
    if (!plan.ok) {
      const more = plan.problems.length - LISTED_PROBLEMS;
      const listed = plan.problems.slice(0, LISTED_PROBLEMS).join("; ");
      setStatus({
        kind: "error",
        text: `Nothing was pasted. ${listed}${more > 0 ? `; and ${more} more` : ""}.`,
      });
      return;
    }
    setStatus(
      plan.dropped > 0
        ? {
            kind: "info",
            text: `${counted(plan.dropped, "cell")} beyond the edge of the grid ${plan.dropped === 1 ? "was" : "were"} left out.`,
          }
        : null,
    );
    if (plan.operations.length > 0) send({ type: "batch", label: "Paste actuals", operations: plan.operations });
  };
  clipboard.current = { copy: onCopy, paste: onPaste };

  const where = row && period ? `${row.measure.name}, ${period.label}` : "";
  const hasNote = cell?.note !== "";
  const activeLine = row ? grid.lines.indexOf(row) : undefined;
  const parts = windowParts(grid.lines.length, viewport, ROW_HEIGHT, OVERSCAN, activeLine);

  return (
    <section className="actuals" aria-label="Actuals">
      <div className="actuals-toolbar">
        <p className="active-cell truncate" title={where}>
          {/* Names are isolated: a right-to-left override in one cannot reverse the text after it. */}
          <span className="active-where">
            <bdi>{row?.measure.name}</bdi>, <bdi>{period?.label}</bdi>
          </span>
          {cell?.actual !== null && cell?.actual !== undefined && row && (
            <span className="active-value"> · {formatValue(cell.actual, row.measure.unit)}</span>
          )}
        </p>
        {/* Beside the names, not after them: a long name truncates, the range's size stays in view. */}
        {multiple && (
          <p className="range-size">
            {rect.bottom - rect.top + 1} × {rect.right - rect.left + 1} cells selected
          </p>
        )}
        <button
          type="button"
          onClick={openNote}
          aria-disabled={cell?.actual === null ? true : undefined}
          title={cell?.actual === null ? "A note belongs to a value: enter the actual first" : "Shift+F2"}
        >
          {hasNote ? "Edit note…" : "Add note…"}
        </button>
        <p className="actuals-hint">
          Type to replace · Enter or F2 to edit · Delete to clear · Shift+arrows to select · Ctrl+C / Ctrl+V
        </p>
      </div>
      {noteOpen && cell && row && period && cell.actual !== null && (
        <NoteEditor
          initial={cell.note}
          where={where}
          onCancel={() => {
            setNoteOpen(false);
            focusWanted.current = true;
          }}
          onSave={(note) => {
            setNoteOpen(false);
            focusWanted.current = true;
            const measureId = row.measure.id;
            const periodId = period.id;
            // The value as the file has it when the note's turn comes, not as it was drawn: a value
            // committed just before must not be put back.
            send((current) => {
              const actual = current.actuals.find((a) => a.measureId === measureId && a.periodId === periodId);
              return actual ? { type: "actual.set", measureId, periodId, value: actual.value, note } : null;
            });
          }}
        />
      )}
      <div className="actuals-scroll" ref={scroller}>
        {/* biome-ignore lint/a11y/useKeyWithMouseEvents: a drag extends the range; Shift+arrows do it from the keyboard. */}
        <table
          className="actuals-grid"
          // Fixed table layout needs the width: the measure column plus one column per period.
          style={{ width: MEASURE_COLUMN + size.cols * PERIOD_COLUMN }}
          // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table worked like a spreadsheet is an ARIA grid.
          role="grid"
          aria-label="Actuals by measure and period"
          aria-rowcount={grid.lines.length + 1}
          aria-colcount={size.cols + 1}
          aria-multiselectable
          onKeyDown={onKeyDown}
          onMouseDown={(event) => {
            const pos = cellAt(event);
            // With an editor open, the press first takes the focus from it, and its blur commits (or
            // refuses) the value in its own cell; the click that follows moves.
            if (!pos || editor || event.button !== 0) return;
            setStatus(null);
            // Shift+press extends; the default would extend the page's text selection instead.
            if (event.shiftKey) event.preventDefault();
            else dragging.current = true;
            select(rangeTo(pos, event.shiftKey));
          }}
          onMouseOver={(event) => {
            if (!dragging.current || editor) return;
            if ((event.buttons & 1) === 0) {
              dragging.current = false;
              return;
            }
            const pos = cellAt(event);
            if (pos && (pos.row !== at.row || pos.col !== at.col)) select(rangeTo(pos, true));
          }}
          onClick={(event) => {
            const pos = cellAt(event);
            if (pos && !editor && (pos.row !== at.row || pos.col !== at.col)) select(rangeTo(pos, event.shiftKey));
          }}
          onDoubleClick={(event) => {
            const pos = cellAt(event);
            const target = pos ? grid.rows[pos.row]?.cells[pos.col] : undefined;
            if (pos && target && !editor) {
              setRange(collapsed(pos));
              startEdit(editText(target.actual));
            }
          }}
        >
          <thead>
            <tr aria-rowindex={1}>
              <th aria-colindex={1} scope="col" className="measure-head">
                Measure
              </th>
              {grid.periods.map((p, k) => (
                <th key={p.id} aria-colindex={k + 2} scope="col" className="period-head">
                  {p.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {parts.map((part) => {
              if (part.kind === "gap")
                return (
                  // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: a spacer standing in for lines out of view, not a row of the grid.
                  <tr key={`gap-${part.from}`} className="grid-spacer" role="presentation">
                    <td colSpan={size.cols + 1} style={{ height: part.count * ROW_HEIGHT }} />
                  </tr>
                );
              const line = grid.lines[part.index] as GridLine;
              // aria-rowindex counts every line, rendered or not, after the header row.
              const rowIndex = part.index + 2;
              if (line.kind === "group")
                return (
                  <tr key={line.key} aria-rowindex={rowIndex} className="group-row">
                    <th aria-colindex={1} colSpan={size.cols + 1} scope="row">
                      <span className="group-label truncate" title={`${line.perspective} › ${line.objective}`}>
                        <bdi className="group-perspective">{line.perspective}</bdi> › <bdi>{line.objective}</bdi>
                      </span>
                    </th>
                  </tr>
                );
              const isActive = line.index === at.row;
              const inRange = multiple && line.index >= rect.top && line.index <= rect.bottom;
              return (
                <GridRow
                  key={line.measure.id}
                  row={line}
                  rowIndex={rowIndex}
                  periodLabels={periodLabels}
                  activeCol={isActive ? at.col : -1}
                  selectedFrom={inRange ? rect.left : -1}
                  selectedTo={inRange ? rect.right : -1}
                  editor={isActive ? editor : null}
                  errorId={isActive && status?.inEditor ? ERROR_ID : null}
                  actions={actions}
                />
              );
            })}
          </tbody>
        </table>
      </div>
      <p id={ERROR_ID} className={`actuals-status status-${status?.kind ?? "none"}`} role="alert">
        {status?.text}
      </p>
    </section>
  );
}

/** The scroller's scroll position and height, kept current on scroll and resize. */
function useViewport(scroller: RefObject<HTMLDivElement | null>, mounted: boolean): Viewport {
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: 1200 });
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!mounted || !el) return;
    const update = () =>
      setViewport((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
      );
    update();
    const resize = new ResizeObserver(update);
    resize.observe(el);
    el.addEventListener("scroll", update, { passive: true });
    return () => {
      resize.disconnect();
      el.removeEventListener("scroll", update);
    };
  }, [scroller, mounted]);
  return viewport;
}

/** "“abc” is not a number" → "“abc” is not a number." */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
