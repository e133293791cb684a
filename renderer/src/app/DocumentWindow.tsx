/**
 * A document's window: its name and whether the file is up to date, the period shown, undo and
 * redo, and the views.
 */
import { useEffect } from "react";
import { PeriodSelect } from "../components/PeriodSelect.tsx";
import { useDocumentStore } from "../state/context.tsx";
import { VIEWS } from "../state/document-store.ts";
import { scoresOf, shownPeriod } from "../state/scores.ts";
import { WorkshopWindow } from "../workshop/WorkshopWindow.tsx";
import { OverallChip } from "./OverallChip.tsx";
import { redoKeys, undoKeys } from "./shortcuts.ts";
import { ViewContent } from "./ViewContent.tsx";

const APP_NAME = "Scorecard Studio";

function SaveState() {
  const pending = useDocumentStore((s) => s.pending);
  const failed = useDocumentStore((s) => s.saveFailed);
  if (failed)
    return (
      <span className="save-state save-failed" data-save-state="failed">
        Last change not saved
      </span>
    );
  return (
    <span className="save-state" data-save-state={pending > 0 ? "saving" : "saved"}>
      {pending > 0 ? "Saving…" : "All changes saved"}
    </span>
  );
}

function HistoryButtons() {
  const history = useDocumentStore((s) => s.history);
  const undo = useDocumentStore((s) => s.undo);
  const redo = useDocumentStore((s) => s.redo);
  return (
    <div className="history-buttons">
      <button
        type="button"
        onClick={() => void undo()}
        disabled={!history.undo}
        aria-label={history.undo ? `Undo ${history.undo}` : "Undo"}
        title={history.undo ? `Undo ${history.undo} (${undoKeys()})` : `Nothing to undo (${undoKeys()})`}
      >
        <span aria-hidden="true">↶</span> Undo
      </button>
      <button
        type="button"
        onClick={() => void redo()}
        disabled={!history.redo}
        aria-label={history.redo ? `Redo ${history.redo}` : "Redo"}
        title={history.redo ? `Redo ${history.redo} (${redoKeys()})` : `Nothing to redo (${redoKeys()})`}
      >
        <span aria-hidden="true">↷</span> Redo
      </button>
    </div>
  );
}

function ViewNav() {
  const view = useDocumentStore((s) => s.view);
  const setView = useDocumentStore((s) => s.setView);
  return (
    <nav className="view-nav" aria-label="Views">
      {VIEWS.map((v) => (
        <button
          key={v.key}
          type="button"
          className="view-tab"
          aria-current={view === v.key ? "page" : undefined}
          onClick={() => setView(v.key)}
        >
          {v.label}
        </button>
      ))}
    </nav>
  );
}

/** Share…, the PDF report and importing actuals: the same dialogs as the File menu's. */
function FileButtons() {
  const openDialog = useDocumentStore((s) => s.openDialog);
  return (
    <div className="file-buttons">
      <button type="button" onClick={() => openDialog("share")} title="Write a copy to send by email">
        Share…
      </button>
      <button type="button" onClick={() => openDialog("report")} title="A PDF report for people without the app">
        Report…
      </button>
      <button type="button" onClick={() => openDialog("import")} title="Import actuals from a CSV or Excel file">
        Import…
      </button>
    </div>
  );
}

function WorkshopButton() {
  const setWorkshop = useDocumentStore((s) => s.setWorkshop);
  return (
    <button
      type="button"
      onClick={() => void setWorkshop(true)}
      data-workshop-button=""
      aria-keyshortcuts="F5"
      title="Workshop mode: full screen, large type, the map beside the what-if (F5)"
    >
      Workshop
    </button>
  );
}

export function DocumentWindow() {
  const doc = useDocumentStore((s) => s.doc);
  const fileName = useDocumentStore((s) => s.fileName);
  const view = useDocumentStore((s) => s.view);
  const periodId = useDocumentStore((s) => s.periodId);
  const setPeriod = useDocumentStore((s) => s.setPeriod);
  const workshop = useDocumentStore((s) => s.workshop);

  useEffect(() => {
    document.title = `${fileName.replace(/\.scorecard$/i, "")} — ${APP_NAME}`;
  }, [fileName]);

  if (!doc) return null;
  if (workshop) return <WorkshopWindow />;
  const scores = scoresOf(doc);
  const periods = scores.model.periods.map((p) => ({ id: p.id, label: p.label }));
  return (
    <div className="document">
      <header className="document-header">
        <div className="document-name">
          <h1 className="truncate" title={doc.scorecard.title}>
            {doc.scorecard.title}
          </h1>
          <p className="file-line">
            <span className="file-name truncate" title={fileName}>
              {fileName}
            </span>
            <SaveState />
          </p>
        </div>
        <div className="document-tools">
          <OverallChip scores={scores} periodId={periodId} />
          <PeriodSelect
            periods={periods}
            value={shownPeriod(scores, periodId)}
            onChange={(k) => setPeriod(periods[k]?.id ?? null)}
          />
          <HistoryButtons />
          <FileButtons />
          <WorkshopButton />
        </div>
      </header>
      <ViewNav />
      {/* Focusable from script only: where focus goes when what had it goes away. */}
      <main className="view" aria-label={VIEWS.find((v) => v.key === view)?.label} tabIndex={-1}>
        <ViewContent view={view} />
      </main>
    </div>
  );
}
