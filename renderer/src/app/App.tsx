/** The window: the start screen when no document is open, else the document; notices and dialogs on top. */
import { useEffect } from "react";
import "./app.css";
import { useApi, useDocumentStore, useStoreApi } from "../state/context.tsx";
import { DocumentWindow } from "./DocumentWindow.tsx";
import { NewDocumentDialog } from "./NewDocumentDialog.tsx";
import { NoticeBar } from "./NoticeBar.tsx";
import { ImportDialog } from "../import/ImportDialog.tsx";
import { ReportDialog } from "../report/ReportDialog.tsx";
import { ShareDialog } from "../share/ShareDialog.tsx";
import { installHistoryKeys, runHistory } from "./shortcuts.ts";
import { StartScreen } from "./StartScreen.tsx";

export function App() {
  const api = useApi();
  const store = useStoreApi();
  const phase = useDocumentStore((s) => s.phase);
  const dialog = useDocumentStore((s) => s.dialog);

  useEffect(() => {
    void store.getState().load();
    const stopKeys = installHistoryKeys(store);
    const stopEvents = api.onEvent((event) => {
      const state = store.getState();
      if (event.type === "document-replaced") void state.load();
      else if (event.type === "command") {
        if (event.command === "undo" || event.command === "redo") runHistory(store, event.command);
        else state.command(event.command);
      }
    });
    return () => {
      stopKeys();
      stopEvents();
    };
  }, [api, store]);

  return (
    <div className="window" data-ready={phase === "loading" ? undefined : ""}>
      <NoticeBar />
      {phase === "start" && <StartScreen />}
      {phase === "open" && <DocumentWindow />}
      {dialog === "new-from-template" && <NewDocumentDialog />}
      {dialog === "share" && <ShareDialog />}
      {dialog === "report" && <ReportDialog />}
      {dialog === "import" && <ImportDialog />}
    </div>
  );
}
