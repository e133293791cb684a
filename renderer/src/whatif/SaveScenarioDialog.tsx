/**
 * "Save as scenario…": the sliders' spend, every investment named, written to the file as a new
 * scenario row (one operation, so one undo step). Name and notes are checked with the shared
 * rules as they are typed (store.check), and a draft that breaks a rule is never sent.
 */
import { type FormEvent, useId, useMemo, useState } from "react";
import type { Operation } from "../../../shared/operations/operation.ts";
import { spendRecord } from "../../../shared/whatif/spend.ts";
import { Modal } from "../common/Modal.tsx";
import { problemText } from "../editor/field-values.ts";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import { spendVector, whatIfOf } from "../state/whatif.ts";
import { suggestedScenarioName } from "./scenario-name.ts";

export function SaveScenarioDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (name: string) => void }) {
  const store = useStoreApi();
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  const ids = { name: useId(), notes: useId(), nameMessage: useId(), notesMessage: useId() };
  const [name, setName] = useState(() => suggestedScenarioName(doc?.scenarios.map((s) => s.name) ?? []));
  const [notes, setNotes] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One id and time per dialog: the checked operation is the one sent.
  const [row] = useState(() => ({ id: crypto.randomUUID(), createdAt: new Date().toISOString() }));

  const op = useMemo((): Operation | null => {
    if (!doc) return null;
    const { model } = whatIfOf(doc);
    const value = { ...row, name, notes, spend: spendRecord(model, spendVector(model, spend)) };
    return { type: "create", entity: "scenario", value };
  }, [doc, spend, row, name, notes]);
  const problems = op ? store.getState().check(op) : [];
  const nameMessage = problemText(problems, "name");
  const notesMessage = nameMessage ? null : problemText(problems, "notes");

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!op || problems.some((p) => p.severity === "error")) return;
    setBusy(true);
    const result = await store.getState().edit(op);
    setBusy(false);
    if (result.ok) onSaved(name.trim());
    else setFailure(result.message);
  };

  return (
    <Modal title="Save as scenario" onClose={onClose}>
      <form onSubmit={(e) => void save(e)}>
        <div className="modal-body">
          <p className="muted">
            Saves the spend of every investment as the sliders have it now. Undo removes it again.
          </p>
          <label htmlFor={ids.name} className="field-label">
            Name
          </label>
          <input
            id={ids.name}
            type="text"
            value={name}
            // biome-ignore lint/a11y/noAutofocus: the dialog exists to type this name.
            autoFocus
            aria-invalid={nameMessage ? true : undefined}
            aria-describedby={nameMessage ? ids.nameMessage : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameMessage && (
            <p id={ids.nameMessage} className="save-scenario-message">
              {nameMessage}
            </p>
          )}
          <label htmlFor={ids.notes} className="field-label">
            Notes
          </label>
          <textarea
            id={ids.notes}
            rows={3}
            value={notes}
            aria-invalid={notesMessage ? true : undefined}
            aria-describedby={notesMessage ? ids.notesMessage : undefined}
            onChange={(e) => setNotes(e.target.value)}
          />
          {notesMessage && (
            <p id={ids.notesMessage} className="save-scenario-message">
              {notesMessage}
            </p>
          )}
          {failure && (
            <p className="save-scenario-message" role="alert">
              {failure}
            </p>
          )}
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || nameMessage !== null || notesMessage !== null}>
            Save scenario
          </button>
        </footer>
      </form>
    </Modal>
  );
}
