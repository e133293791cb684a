/**
 * File ▸ Export ▸ PDF Report… (and the header's Report…): paper, period and whether to compare the
 * what-if scenarios, then "Save PDF…". The page says it is preparing the report, lays the report
 * out (PrintReport, mounted only while saving), waits until it is drawn (the map's auto-layout,
 * fonts, two frames), and asks main to print this page to PDF and write it (api.exportPdf).
 * Printing mode always ends, whether the report was written, refused or cancelled; the dialog
 * stays until then (Escape is refused, ✕ and Cancel close it once the report is saved), and the
 * page is never printed without its report.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { PageSize } from "../../../shared/api/contract.ts";
import { counted } from "../../../shared/display/count.ts";
import { quote } from "../../../shared/domain/readable-path.ts";
import { afterPaint } from "../common/after-paint.ts";
import { type DialogError, DialogErrorText, Modal } from "../common/Modal.tsx";
import { PeriodSelect } from "../components/PeriodSelect.tsx";
import { baselineResult } from "../scenarios/comparison.ts";
import { useApi, useDocumentStore } from "../state/context.tsx";
import { scoresOf, shownPeriod } from "../state/scores.ts";
import { PrintReport } from "./PrintReport.tsx";
import { defaultPageSize, type ReportOptions, reportFileName } from "./report-model.ts";

const PAPER: ReadonlyArray<{ size: PageSize; label: string }> = [
  { size: "A4", label: "A4 (210 × 297 mm)" },
  { size: "Letter", label: "Letter (8.5 × 11 in)" },
];

/** The map's auto-layout answers within seconds; should it never, the file's order is printed. */
const LAYOUT_WAIT_MS = 30_000;

/** The element the report is rendered into, under <body>: hidden on screen, the only thing printed. */
function usePrintRoot(): HTMLElement {
  const [root] = useState(() => {
    const el = document.createElement("div");
    // The light palette from styles.css: paper is white whatever the app's theme.
    el.className = "report-print-root theme-light";
    return el;
  });
  useEffect(() => {
    document.body.append(root);
    return () => root.remove();
  }, [root]);
  return root;
}

interface Printing {
  options: ReportOptions;
  now: Date;
}

export function ReportDialog() {
  const api = useApi();
  const doc = useDocumentStore((s) => s.doc);
  const fileName = useDocumentStore((s) => s.fileName);
  const shownPeriodId = useDocumentStore((s) => s.periodId);
  const openDialog = useDocumentStore((s) => s.openDialog);
  // The save's re-entry guard (a second click or Enter while it runs does nothing).
  const saving = useRef(false);
  // Closed (✕, Cancel) while saving: the print view must stay until main has printed it, so the
  // dialog goes once the save has ended.
  const [closeWhenDone, setCloseWhenDone] = useState(false);
  const closeWhenDoneRef = useRef(false);
  const close = () => {
    if (!saving.current) return openDialog(null);
    closeWhenDoneRef.current = true;
    setCloseWhenDone(true);
  };
  // Gone (the window's document closed, say) while a save waits: it must not print a page
  // without its report.
  const unmounted = useRef(false);
  useEffect(() => {
    unmounted.current = false;
    return () => {
      unmounted.current = true;
    };
  }, []);
  const root = usePrintRoot();
  const outcome = useRef<HTMLParagraphElement>(null);

  const scores = doc ? scoresOf(doc) : null;
  const periods = scores?.model.periods.map((p) => ({ id: p.id, label: p.label })) ?? [];
  const [pageSize, setPageSize] = useState<PageSize>(() => defaultPageSize(navigator.language));
  const [periodIndex, setPeriodIndex] = useState(() => (scores ? shownPeriod(scores, shownPeriodId) : -1));
  const scenarioCount = doc?.scenarios.length ?? 0;
  const [withScenarios, setWithScenarios] = useState(scenarioCount > 0);
  // The period the scenarios are projected from (the what-if engine's: the latest with actuals).
  const referencePeriod = useMemo(
    () => (doc && doc.scenarios.length > 0 ? baselineResult(doc).referencePeriod : null),
    [doc],
  );
  const [busy, setBusy] = useState(false);
  const [preparing, setPreparing] = useState(false);
  const [done, setDone] = useState<{ fileName: string; pages: number } | null>(null);
  const [failure, setFailure] = useState<DialogError | null>(null);
  const [printing, setPrinting] = useState<Printing | null>(null);

  // Called by the report once it is laid out; replaced for every save.
  const ready = useRef<(() => void) | null>(null);
  const onReady = useCallback(() => ready.current?.(), []);

  // The Save button keeps the focus while busy (aria-disabled); once saved, the outcome has it
  // (read out), and after a failure or a cancelled file dialog it stays where it was.
  useEffect(() => {
    if (done) outcome.current?.focus();
  }, [done]);

  if (!doc) return null;
  const measureCount = doc.measures.length;
  const chosenPeriod = periods[periodIndex]?.label ?? null;
  const scenariosChosen = withScenarios && scenarioCount > 0;

  const save = async () => {
    if (saving.current) return;
    saving.current = true;
    setBusy(true);
    setFailure(null);
    setDone(null);
    const report = (error: DialogError["error"]) => setFailure({ title: "Could not save the report", error });
    try {
      const choice = await api.chooseFileToSave({ purpose: "export-pdf", suggestedName: reportFileName(fileName) });
      if (unmounted.current) return;
      if (!choice.ok) return report(choice.error);
      if (!choice.value) return;
      // Say so first: laying out a large report keeps the page busy for seconds.
      setPreparing(true);
      await afterPaint();
      if (unmounted.current) return;
      const laidOut = new Promise<void>((resolve) => {
        ready.current = resolve;
      });
      setPrinting({
        options: { pageSize, periodId: periods[periodIndex]?.id ?? null, scenarios: scenariosChosen },
        now: new Date(),
      });
      await Promise.race([laidOut, new Promise((r) => setTimeout(r, LAYOUT_WAIT_MS))]);
      await document.fonts.ready;
      // Two frames: the first lays the report out, the second has painted it.
      await afterPaint();
      await afterPaint();
      // Without its report main would print a blank page (everything else is hidden in print).
      if (unmounted.current || !root.isConnected || !root.querySelector(".print-report")) return;
      const result = await api.exportPdf({ file: choice.value.token, pageSize });
      if (unmounted.current) return;
      if (!result.ok) return report(result.error);
      setDone(result.value);
    } finally {
      ready.current = null;
      saving.current = false;
      if (!unmounted.current) {
        setPrinting(null);
        setPreparing(false);
        setBusy(false);
        if (closeWhenDoneRef.current) openDialog(null);
      }
    }
  };

  return (
    <>
      <Modal
        title="PDF report"
        onClose={close}
        busy={busy}
        closeLabel={busy ? "Close when the report is saved" : "Close"}
      >
        <div className="modal-body report-dialog">
          <p className="muted">
            A report for people without the app: cover with the overall score, perspective summary, strategy map, the
            what-if scenarios compared, and every measure ({measureCount.toLocaleString("en-US")}) with value, target,
            score and status. Pages are numbered.
          </p>
          <fieldset className="report-paper">
            <legend>Paper</legend>
            {PAPER.map((p) => (
              <label key={p.size} className="check">
                <input
                  type="radio"
                  name="report-paper"
                  value={p.size}
                  checked={pageSize === p.size}
                  onChange={() => setPageSize(p.size)}
                />
                {p.label}
              </label>
            ))}
          </fieldset>
          <PeriodSelect periods={periods} value={periodIndex} onChange={setPeriodIndex} />
          <label className="check">
            <input
              type="checkbox"
              checked={scenariosChosen}
              disabled={scenarioCount === 0}
              onChange={(e) => setWithScenarios(e.target.checked)}
            />
            {scenarioCount === 0
              ? "Compare what-if scenarios (none saved yet)"
              : `Compare the ${counted(scenarioCount, "saved what-if scenario")}`}
          </label>
          {scenariosChosen && referencePeriod !== null && chosenPeriod !== null && referencePeriod !== chosenPeriod && (
            <p className="muted report-reference-note">
              The scenarios are projected from <bdi>{referencePeriod}</bdi>, the latest period with actuals, not from{" "}
              <bdi>{chosenPeriod}</bdi>.
            </p>
          )}
          {measureCount > 2000 && (
            <p className="muted">
              With {counted(measureCount, "measure")} the table runs to hundreds of pages; saving may take a minute.
            </p>
          )}
          <DialogErrorText failure={failure} />
          {preparing && (
            <p className="muted" role="status">
              Preparing the report…{closeWhenDone && " The dialog closes when it is saved."}
            </p>
          )}
          {done && (
            <p className="success" role="status" tabIndex={-1} ref={outcome}>
              Saved {quote(done.fileName)} ({counted(done.pages, "page")}).
            </p>
          )}
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={close}>
            {busy ? "Close when saved" : done ? "Done" : "Cancel"}
          </button>
          <button type="button" className="primary" aria-disabled={busy} onClick={() => void save()}>
            {busy ? "Saving…" : "Save PDF…"}
          </button>
        </footer>
      </Modal>
      {printing &&
        createPortal(<PrintReport doc={doc} options={printing.options} now={printing.now} onReady={onReady} />, root)}
    </>
  );
}
