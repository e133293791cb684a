/**
 * The framework as a tree (WAI-ARIA tree pattern, roving tabindex): arrows move and open, F2 or a
 * double click renames in place, Delete deletes (undo restores), Alt+↑/↓ and drag and drop
 * reorder an item among its siblings.
 */
import { type DragEvent, type KeyboardEvent, useEffect, useRef, useState } from "react";
import type { Operation } from "../../../shared/operations/operation.ts";
import { useStoreApi } from "../state/context.tsx";
import type { PaneProps } from "./editor-actions.ts";
import { problemText } from "./field-values.ts";
import { update } from "./ops.ts";
import { keyAfterRemoval, type OutlineRow, outlineRows, siblingNumbers, treeKeyMove } from "./outline-tree.ts";
import type { MovableKind } from "./reorder.ts";

const MOVABLE = new Set(["perspective", "objective", "measure"]);
const RENAMABLE = new Set(["perspective", "objective", "measure", "period"]);

function renameOp(row: OutlineRow, text: string): Operation | null {
  if (!row.id) return null;
  switch (row.kind) {
    case "perspective":
    case "objective":
    case "measure":
      return update(row.kind, row.id, { name: text });
    case "period":
      return update("period", row.id, { label: text });
    default:
      return null;
  }
}

export function Outline({ doc, selectedKey, actions }: PaneProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [renaming, setRenaming] = useState<string | null>(null);
  const [dragKey, setDragKey] = useState<string | null>(null);
  const [drop, setDrop] = useState<{ key: string; after: boolean } | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const rows = outlineRows(doc, collapsed);
  const numbers = siblingNumbers(rows);
  const colours = new Map(doc.perspectives.map((p) => [p.id, p.color]));
  const measureKinds = new Map(doc.measures.map((m) => [m.id, m.kind]));
  const tabStop = rows.some((r) => r.key === selectedKey) ? selectedKey : rows[0]?.key;

  const { focusKey, focusRow, selectRow } = actions;

  // Focus follows the keyboard, and lands on the row selected after a delete. A row hidden under
  // a collapsed parent is not waited for: a later expand must not steal the focus.
  useEffect(() => {
    if (!focusKey) return;
    const el = treeRef.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`);
    el?.focus();
    el?.scrollIntoView({ block: "nearest" });
    focusRow(null);
  });

  const go = (key: string) => {
    selectRow(key);
    focusRow(key);
  };
  const toggle = (key: string, open: boolean) => {
    const next = new Set(collapsed);
    if (open) next.delete(key);
    else next.add(key);
    setCollapsed(next);
  };
  const remove = (row: OutlineRow) => {
    if (!row.id || !(MOVABLE.has(row.kind) || row.kind === "period")) return;
    void actions.remove(row.kind as MovableKind | "period", row.id, keyAfterRemoval(rows, row.key));
  };

  const onKeyDown = (e: KeyboardEvent, row: OutlineRow) => {
    if (e.target !== e.currentTarget) return;
    if (e.altKey && (e.key === "ArrowUp" || e.key === "ArrowDown")) {
      e.preventDefault();
      if (row.id && MOVABLE.has(row.kind)) {
        void actions.moveBy(row.kind as MovableKind, row.id, e.key === "ArrowUp" ? -1 : 1);
        focusRow(row.key);
      }
      return;
    }
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === "F2" && RENAMABLE.has(row.kind)) {
      e.preventDefault();
      setRenaming(row.key);
      return;
    }
    if (e.key === "Delete") {
      e.preventDefault();
      remove(row);
      return;
    }
    const move = treeKeyMove(rows, row.key, e.key);
    if (!move) return;
    e.preventDefault();
    if ("focus" in move) go(move.focus);
    else if ("expand" in move) toggle(move.expand, true);
    else toggle(move.collapse, false);
  };

  const canDropOn = (row: OutlineRow) => {
    const dragged = rows.find((r) => r.key === dragKey);
    return !!dragged && dragged.key !== row.key && dragged.kind === row.kind && dragged.parentKey === row.parentKey;
  };
  const onDragOver = (e: DragEvent, row: OutlineRow) => {
    if (!canDropOn(row)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "move";
    const rect = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > rect.top + rect.height / 2;
    if (drop?.key !== row.key || drop.after !== after) setDrop({ key: row.key, after });
  };
  const onDrop = (e: DragEvent, row: OutlineRow) => {
    const dragged = rows.find((r) => r.key === dragKey);
    if (!dragged?.id || !canDropOn(row)) return;
    e.preventDefault();
    const rect = e.currentTarget.getBoundingClientRect();
    const after = e.clientY > rect.top + rect.height / 2;
    // The place among the siblings once the dragged row is taken out of them.
    const others = rows.filter((r) => r.parentKey === row.parentKey && r.kind === row.kind && r.key !== dragged.key);
    const index = others.findIndex((r) => r.key === row.key) + (after ? 1 : 0);
    void actions.moveTo(dragged.kind as MovableKind, dragged.id, index);
    setDragKey(null);
    setDrop(null);
  };

  return (
    <div className="outline-tree" role="tree" aria-label="Framework outline" ref={treeRef}>
      {rows.map((row) => {
        const selected = row.key === selectedKey;
        const movable = MOVABLE.has(row.kind) && renaming !== row.key;
        const n = numbers.get(row.key);
        const dropClass = drop?.key === row.key ? (drop.after ? " drop-after" : " drop-before") : "";
        return (
          <div
            key={row.key}
            role="treeitem"
            data-key={row.key}
            data-kind={row.kind}
            className={`outline-row level-${row.level}${selected ? " selected" : ""}${dropClass}${dragKey === row.key ? " dragging" : ""}`}
            aria-level={row.level}
            aria-expanded={row.expandable ? row.expanded : undefined}
            aria-selected={selected}
            aria-setsize={n?.size}
            aria-posinset={n?.pos}
            // A measure's name comes from its text (its kind chip is hidden from it); the other rows hold
            // buttons whose words must not join the row's name.
            aria-label={row.kind === "measure" ? undefined : row.label}
            tabIndex={row.key === tabStop ? 0 : -1}
            draggable={movable}
            onClick={() => selectRow(row.key)}
            onDoubleClick={() => RENAMABLE.has(row.kind) && setRenaming(row.key)}
            onKeyDown={(e) => onKeyDown(e, row)}
            onDragStart={(e) => {
              if (!movable) return;
              e.dataTransfer.setData("text/plain", row.label);
              e.dataTransfer.effectAllowed = "move";
              setDragKey(row.key);
            }}
            onDragOver={(e) => onDragOver(e, row)}
            onDragLeave={() => drop?.key === row.key && setDrop(null)}
            onDrop={(e) => onDrop(e, row)}
            onDragEnd={() => {
              setDragKey(null);
              setDrop(null);
            }}
          >
            <span
              className="twisty"
              aria-hidden="true"
              onClick={(e) => {
                if (!row.expandable) return;
                e.stopPropagation();
                toggle(row.key, !row.expanded);
              }}
            >
              {row.expandable ? (row.expanded ? "▾" : "▸") : ""}
            </span>
            {row.kind === "perspective" && row.id && (
              <span className="swatch" aria-hidden="true" style={{ background: colours.get(row.id) }} />
            )}
            {renaming === row.key ? (
              <RenameInput
                row={row}
                onDone={() => {
                  setRenaming(null);
                  focusRow(row.key);
                }}
              />
            ) : (
              <span className="row-label truncate" title={row.label}>
                {row.label}
              </span>
            )}
            {row.kind === "measure" && row.id && (
              <span className="kind-chip" title={measureKinds.get(row.id)} aria-hidden="true">
                {measureKinds.get(row.id) === "leading" ? "lead" : "lag"}
              </span>
            )}
            {row.kind === "perspective" && row.id && (
              <AddButton
                label={`Add objective to ${row.label}`}
                text="+ objective"
                onAdd={() => row.id && actions.addObjective(row.id)}
              />
            )}
            {row.kind === "objective" && row.id && (
              <AddButton
                label={`Add measure to ${row.label}`}
                text="+ measure"
                onAdd={() => row.id && actions.addMeasure(row.id)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}

function AddButton({ label, text, onAdd }: { label: string; text: string; onAdd: () => unknown }) {
  return (
    <button
      type="button"
      className="row-add"
      tabIndex={-1}
      aria-label={label}
      title={label}
      onClick={(e) => {
        e.stopPropagation();
        void onAdd();
      }}
    >
      {text}
    </button>
  );
}

/** In-place rename: Enter commits a name the rules accept, Escape (or leaving a refused name) cancels. */
function RenameInput({ row, onDone }: { row: OutlineRow; onDone: () => void }) {
  const store = useStoreApi();
  const [draft, setDraft] = useState(row.label);
  const field = row.kind === "period" ? "label" : "name";
  const op = draft !== row.label ? renameOp(row, draft) : null;
  const problem = op ? problemText(store.getState().check(op), field) : null;
  const commit = async () => {
    if (!op || problem) {
      onDone();
      return;
    }
    await store.getState().edit(op);
    onDone();
  };
  return (
    <span className="rename">
      <input
        aria-label={`Rename ${row.label}`}
        value={draft}
        // biome-ignore lint/a11y/noAutofocus: the user asked to rename (F2, double click); typing goes here.
        autoFocus
        onFocus={(e) => e.target.select()}
        aria-invalid={problem ? true : undefined}
        data-editing={draft !== row.label ? "" : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onClick={(e) => e.stopPropagation()}
        onDoubleClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Enter") {
            e.preventDefault();
            if (!problem) void commit();
          } else if (e.key === "Escape") {
            e.preventDefault();
            onDone();
          }
        }}
        onBlur={() => void commit()}
      />
      {problem && (
        <span className="rename-message" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
