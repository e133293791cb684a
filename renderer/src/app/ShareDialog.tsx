/** File ▸ Share…: a compact copy to send, optionally without actuals and notes (e.g. as a template). */
import { useState } from "react";
import { type DialogError, DialogErrorText, Modal } from "../common/Modal.tsx";
import { useApi, useDocumentStore } from "../state/context.tsx";
import { safeFileName } from "./document-actions.ts";

export function ShareDialog() {
  const api = useApi();
  const fileName = useDocumentStore((s) => s.fileName);
  const openDialog = useDocumentStore((s) => s.openDialog);
  const close = () => openDialog(null);
  const [omitActuals, setOmitActuals] = useState(false);
  const [omitNotes, setOmitNotes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<DialogError | null>(null);
  const report = (title: string, error: DialogError["error"]) => setFailure({ title, error });

  const share = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const base = fileName.replace(/\.scorecard$/i, "");
      const choice = await api.chooseFileToSave({ purpose: "share", suggestedName: safeFileName(`${base} (shared)`) });
      if (!choice.ok) return report("Could not share the scorecard", choice.error);
      if (!choice.value) return;
      const result = await api.shareCopy({ file: choice.value.token, omitActuals, omitNotes });
      if (!result.ok) return report("Could not share the scorecard", result.error);
      setDone(result.value.fileName);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Share a copy" onClose={close}>
      <div className="modal-body">
        <p className="muted">Writes a compact copy of this scorecard that you can send by email.</p>
        <label className="check">
          <input type="checkbox" checked={omitActuals} onChange={(e) => setOmitActuals(e.target.checked)} />
          Leave out actuals (send the framework only)
        </label>
        <label className="check">
          <input type="checkbox" checked={omitNotes} onChange={(e) => setOmitNotes(e.target.checked)} />
          Leave out notes
        </label>
        <DialogErrorText failure={failure} />
        {done && (
          <p className="success" role="status">
            Saved “{done}”.
          </p>
        )}
      </div>
      <footer className="modal-footer">
        <button type="button" onClick={close}>
          {done ? "Done" : "Cancel"}
        </button>
        <button type="button" className="primary" disabled={busy} onClick={() => void share()}>
          Share…
        </button>
      </footer>
    </Modal>
  );
}
