/** File ▸ New from Template… over an open document: the new scorecard opens in its own window. */
import { useState } from "react";
import { Modal } from "../common/Modal.tsx";
import { useApi, useDocumentStore, useStoreApi } from "../state/context.tsx";
import { createDocument } from "./document-actions.ts";
import { TemplatePicker } from "./TemplatePicker.tsx";

export function NewDocumentDialog() {
  const api = useApi();
  const store = useStoreApi();
  const openDialog = useDocumentStore((s) => s.openDialog);
  const close = () => openDialog(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal title="New from template" onClose={close}>
      <TemplatePicker
        busy={busy}
        onCreate={async (t) => {
          setBusy(true);
          const created = await createDocument(api, store, t.key, t.name);
          setBusy(false);
          if (created) close();
        }}
      />
    </Modal>
  );
}
