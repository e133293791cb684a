/**
 * File ▸ Share… (and the header's Share… button): a compact copy to send by email. The user picks
 * what goes in (actuals, notes, scenarios) and where to save it; main writes the copy and shows it
 * in the file manager; then "Write email…" opens a draft in the email app. An email link cannot
 * attach a file, so the dialog says plainly to attach it from the folder that just opened.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { copyCounts } from "../../../shared/domain/copy-content.ts";
import { quote } from "../../../shared/domain/readable-path.ts";
import { type DialogError, DialogErrorText, Modal } from "../common/Modal.tsx";
import { useApi, useDocumentStore } from "../state/context.tsx";
import { scoresOf, viewFor } from "../state/scores.ts";
import { safeFileName } from "../app/document-actions.ts";
import { copySummary, type ShareMail, shareMailto } from "./share-mail.ts";
import "./share.css";

export function ShareDialog() {
  const api = useApi();
  const fileName = useDocumentStore((s) => s.fileName);
  const doc = useDocumentStore((s) => s.doc);
  const periodId = useDocumentStore((s) => s.periodId);
  const openDialog = useDocumentStore((s) => s.openDialog);
  const close = () => openDialog(null);
  const [actuals, setActuals] = useState(true);
  const [notes, setNotes] = useState(true);
  const [scenarios, setScenarios] = useState(true);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [mailOpened, setMailOpened] = useState(false);
  const [failure, setFailure] = useState<DialogError | null>(null);
  const writeEmail = useRef<HTMLButtonElement>(null);

  // The button that had focus (Save copy…) is gone once saved: focus goes to the next step.
  useEffect(() => {
    if (saved !== null) writeEmail.current?.focus();
  }, [saved]);

  const summary = useMemo(
    () => (doc ? copySummary(doc, { actuals, notes, scenarios }) : ""),
    [doc, actuals, notes, scenarios],
  );
  // Notes live on links, actuals and scenarios: with nothing left that carries one, the option means nothing.
  const notesToKeep = useMemo(
    () => (doc ? copyCounts(doc, { actuals, scenarios, notes: true }).notes : 0),
    [doc, actuals, scenarios],
  );

  if (!doc) return null;
  const report = (title: string, error: DialogError["error"]) => setFailure({ title, error });

  // Buttons stay enabled while busy (a disabled button drops the keyboard focus); a second click waits.
  const save = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const base = fileName.replace(/\.scorecard$/i, "");
      const choice = await api.chooseFileToSave({ purpose: "share", suggestedName: safeFileName(`${base} (shared)`) });
      if (!choice.ok) return report("Could not save the copy", choice.error);
      if (!choice.value) return;
      const result = await api.shareCopy({
        file: choice.value.token,
        omitActuals: !actuals,
        omitNotes: !notes,
        omitScenarios: !scenarios,
      });
      if (!result.ok) return report("Could not save the copy", result.error);
      setSaved(result.value.fileName);
    } finally {
      setBusy(false);
    }
  };

  const email = async (copyName: string) => {
    const view = viewFor(scoresOf(doc), periodId);
    const score = view.overall.score;
    const mail: ShareMail = {
      title: doc.scorecard.title,
      organization: doc.scorecard.organization,
      fileName: copyName,
      // A copy without actuals scores nothing: the draft then names no score.
      overall:
        actuals && score !== null && view.period
          ? { period: view.period.label, score, status: view.overall.status }
          : null,
    };
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const result = await api.openExternal({ url: shareMailto(mail) });
      if (!result.ok) return report("Could not open your email app", result.error);
      // Declined at main's question: the user changed their mind, nothing to tell.
      if (result.value.opened) setMailOpened(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Share a copy" onClose={close}>
      <div className="modal-body share-dialog">
        {saved === null ? (
          <>
            <p>
              Saves a compact copy of <bdi>{quote(doc.scorecard.title)}</bdi> to send by email. It opens in Scorecard
              Studio
              {actuals ? " with the same scores" : ""}.
            </p>
            <fieldset className="share-options" disabled={busy}>
              <legend>What the copy holds</legend>
              <label className="check">
                <input type="checkbox" checked={actuals} onChange={(e) => setActuals(e.target.checked)} />
                Include actuals
              </label>
              <label className="check">
                <input
                  type="checkbox"
                  checked={notes && notesToKeep > 0}
                  disabled={notesToKeep === 0}
                  onChange={(e) => setNotes(e.target.checked)}
                />
                Include notes
                {notesToKeep === 0 && <span className="muted">(none to include)</span>}
              </label>
              <label className="check">
                <input type="checkbox" checked={scenarios} onChange={(e) => setScenarios(e.target.checked)} />
                Include scenarios
              </label>
            </fieldset>
            <p className="share-summary" aria-live="polite">
              {summary}
            </p>
          </>
        ) : (
          <>
            <p className="success" role="status">
              Saved {quote(saved)} and showed it in your file manager.
            </p>
            <p>
              “Write email…” opens a draft in your email app, but an email link cannot attach files.{" "}
              <strong>Attach {quote(saved)} from the folder that just opened.</strong>
            </p>
            {mailOpened && (
              <p className="muted" role="status">
                The draft is open in your email app.
              </p>
            )}
          </>
        )}
      </div>
      <DialogErrorText failure={failure} />
      <footer className="modal-footer">
        {saved === null ? (
          <>
            <button type="button" onClick={close}>
              Cancel
            </button>
            <button type="button" className="primary" aria-disabled={busy} onClick={() => void save()}>
              {busy ? "Saving…" : "Save copy…"}
            </button>
          </>
        ) : (
          <>
            <button type="button" onClick={close}>
              Done
            </button>
            <button
              ref={writeEmail}
              type="button"
              className="primary"
              aria-disabled={busy}
              onClick={() => void email(saved)}
            >
              Write email…
            </button>
          </>
        )}
      </footer>
    </Modal>
  );
}
