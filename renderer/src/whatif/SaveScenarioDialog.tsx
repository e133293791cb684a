/**
 * "Save as scenario…": the sliders' spend, every investment named, written to the file as a new
 * scenario row (one operation, so one undo step). Name and notes are checked with the shared rules
 * as they are typed (common/NameFormDialog.tsx), and a draft that breaks a rule is never sent.
 */
import { useId, useMemo, useState } from "react";
import type { Operation } from "../../../shared/operations/operation.ts";
import { spendRecord } from "../../../shared/whatif/spend.ts";
import { NameFormDialog } from "../common/NameFormDialog.tsx";
import { useDocumentStore } from "../state/context.tsx";
import { spendVector, whatIfOf } from "../state/whatif.ts";
import { suggestedScenarioName } from "../scenarios/scenario-ops.ts";

export function SaveScenarioDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (name: string) => void }) {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  const notesId = useId();
  const [notes, setNotes] = useState("");
  // One id and time per dialog: the checked operation is the one sent.
  const [row] = useState(() => ({ id: crypto.randomUUID(), createdAt: new Date().toISOString() }));
  // Every investment's spend, named: computed once per slider state, not per keystroke.
  const record = useMemo(() => {
    if (!doc) return null;
    const { model } = whatIfOf(doc);
    return spendRecord(model, spendVector(model, spend));
  }, [doc, spend]);
  const [initialName] = useState(() => suggestedScenarioName(doc?.scenarios.map((s) => s.name) ?? []));

  const operation = (name: string): Operation | null =>
    record ? { type: "create", entity: "scenario", value: { ...row, name, notes, spend: record } } : null;

  return (
    <NameFormDialog
      title="Save as scenario"
      submitLabel="Save scenario"
      initialName={initialName}
      operation={operation}
      onClose={onClose}
      onDone={onSaved}
      labels={{ notes: "Notes" }}
      intro={
        <p className="muted">Saves the spend of every investment as the sliders have it now. Undo removes it again.</p>
      }
    >
      <label htmlFor={notesId}>Notes</label>
      <textarea id={notesId} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
    </NameFormDialog>
  );
}
