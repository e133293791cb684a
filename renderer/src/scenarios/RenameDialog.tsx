/**
 * Renaming a scenario in a small dialog. The name is checked with the shared rules on every
 * keystroke (store.check), the rule's message is shown under the field, and a name that breaks a
 * rule is never sent.
 */
import { useId, useState } from "react";
import { Modal } from "../common/Modal.tsx";
import type { Scenario } from "../../../shared/domain/types.ts";
import { problemText } from "../editor/field-values.ts";
import { useStoreApi } from "../state/context.tsx";
import { renameOp } from "./scenario-ops.ts";

export function RenameDialog({ scenario, onClose }: { scenario: Scenario; onClose: () => void }) {
  const store = useStoreApi();
  const id = useId();
  const [name, setName] = useState(scenario.name);
  const [sendError, setSendError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const op = renameOp(scenario.id, name);
  const message = problemText(store.getState().check(op), "name") ?? sendError;
  const unchanged = name === scenario.name;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (message !== null || sending) return;
    if (unchanged) {
      onClose();
      return;
    }
    setSending(true);
    const result = await store.getState().edit(op);
    setSending(false);
    if (result.ok) onClose();
    else setSendError(result.message);
  };

  return (
    <Modal title="Rename scenario" onClose={onClose}>
      <form className="scenario-rename-form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="modal-body">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            // Typing is the field's own to undo until it is saved (app/shortcuts.ts).
            data-editing={unchanged ? undefined : ""}
            aria-invalid={message !== null || undefined}
            aria-describedby={message !== null ? `${id}-message` : undefined}
            onChange={(e) => {
              setName(e.target.value);
              setSendError(null);
            }}
            onFocus={(e) => e.target.select()}
            // biome-ignore lint/a11y/noAutofocus: the dialog opens to type a name; focus belongs in the field.
            autoFocus
          />
          {message !== null && (
            <p id={`${id}-message`} className="scenario-rename-message" role="alert">
              {message}
            </p>
          )}
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={message !== null || sending}>
            Rename
          </button>
        </footer>
      </form>
    </Modal>
  );
}
