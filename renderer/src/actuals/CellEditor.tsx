/**
 * The text field over the active cell. Its draft lives here, so typing re-renders this field
 * alone, never the grid. It carries `data-editing` while the draft differs from the committed
 * value, so Ctrl+Z takes back typing rather than the last document edit.
 */
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import { commitMoveFor, type Direction } from "./grid-keys.ts";

export interface EditorActions {
  /** Tries to commit; false when the text was refused (the editor then stays open). */
  commit(text: string, move: Direction | null): boolean;
  cancel(): void;
  /** Focus left the editor (a click elsewhere): commit if possible, else drop the draft. */
  leave(text: string): void;
}

export function CellEditor({
  initial,
  committed,
  label,
  errorId,
  actions,
}: {
  initial: string;
  /** The cell's committed text: a draft equal to it is not an edit. */
  committed: string;
  label: string;
  /** The id of the message explaining why the draft was refused, when it was. */
  errorId: string | null;
  actions: EditorActions;
}) {
  const [draft, setDraft] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  // Set once the editor has handed its draft back, so the blur of unmounting is not a second commit.
  const done = useRef(false);

  useLayoutEffect(() => {
    const el = input.current;
    if (!el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const move = commitMoveFor(event);
    if (move) {
      event.preventDefault();
      done.current = actions.commit(draft, move);
    } else if (event.key === "Escape") {
      event.preventDefault();
      done.current = true;
      actions.cancel();
    }
  };

  return (
    <input
      ref={input}
      className="cell-editor"
      value={draft}
      aria-label={label}
      aria-invalid={errorId ? true : undefined}
      aria-describedby={errorId ?? undefined}
      data-editing={draft !== committed ? "" : undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (!done.current) actions.leave(draft);
      }}
    />
  );
}
