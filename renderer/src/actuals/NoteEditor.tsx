/** The note of the active cell, edited in a panel above the grid: Save (Ctrl+Enter), Cancel (Escape). */
import { type KeyboardEvent, useLayoutEffect, useRef, useState } from "react";
import { LIMITS } from "../../../shared/domain/limits.ts";

export function NoteEditor({
  initial,
  where,
  onSave,
  onCancel,
}: {
  initial: string;
  /** "Uptime, 2026-Q2": which cell the note belongs to. */
  where: string;
  onSave(note: string): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => area.current?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    } else if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave(draft);
    }
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: Escape and Ctrl+Enter reach the panel from its fields.
    <div className="note-editor" data-editing={draft !== initial ? "" : undefined} onKeyDown={onKeyDown}>
      <label className="note-label">
        Note for {where}
        <textarea
          ref={area}
          value={draft}
          maxLength={LIMITS.textMax}
          rows={3}
          onChange={(event) => setDraft(event.target.value)}
        />
      </label>
      <div className="note-buttons">
        <button type="button" className="primary" onClick={() => onSave(draft)} disabled={draft === initial}>
          Save note
        </button>
        {initial !== "" && (
          <button type="button" onClick={() => onSave("")}>
            Remove note
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
