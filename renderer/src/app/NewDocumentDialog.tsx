/** File ▸ New from Template… over an open document: the new scorecard opens in its own window. */
import { useState } from "react";
import { type DialogError, DialogErrorText, Modal } from "../common/Modal.tsx";
import { useApi, useDocumentStore, useStoreApi } from "../state/context.tsx";
import { createDocument } from "./document-actions.ts";
import { TemplatePicker } from "./TemplatePicker.tsx";

export function NewDocumentDialog() {
  const api = useApi();
  const store = useStoreApi();
  const openDialog = useDocumentStore((s) => s.openDialog);
  const close = () => openDialog(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<DialogError | null>(null);
  return (
    <Modal title="New from template" onClose={close}>
      <DialogErrorText failure={failure} />
      <TemplatePicker
        busy={busy}
        onCreate={async (t) => {
          setBusy(true);
          setFailure(null);
          const created = await createDocument(api, store, t.key, t.name, (title, error) =>
            setFailure({ title, error }),
          );
          setBusy(false);
          if (created) close();
        }}
      />
    </Modal>
  );
}
