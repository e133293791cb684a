/**
 * File ▸ Export ▸ PDF Report… (and the header's Report…): paper, period and whether to compare the
 * what-if scenarios, then "Save PDF…". The page lays the report out (PrintReport, mounted only
 * while saving), waits until it is drawn (the map's auto-layout, fonts, two frames), and asks
 * main to print this page to PDF and write it (api.exportPdf). Printing mode always ends, whether
 * the report was written, refused or cancelled.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { PageSize } from "../../../shared/api/contract.ts";
import { quote } from "../../../shared/domain/readable-path.ts";
import { type DialogError, DialogErrorText, Modal } from "../common/Modal.tsx";
import { PeriodSelect } from "../components/PeriodSelect.tsx";
import { useApi, useDocumentStore } from "../state/context.tsx";
import { scoresOf, shownPeriod } from "../state/scores.ts";
import { PrintReport } from "./PrintReport.tsx";
import { defaultPageSize, type ReportOptions, reportFileName } from "./report-model.ts";

const PAPER: ReadonlyArray<{ size: PageSize; label: string }> = [
  { size: "A4", label: "A4 (210 × 297 mm)" },
  { size: "Letter", label: "Letter (8.5 × 11 in)" },
];

/** The browser's next frame, as a promise. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** The map's auto-layout answers within seconds; should it never, the file's order is printed. */
const LAYOUT_WAIT_MS = 30_000;

/**
 * The element the report is rendered into: the first child of <body>, so that in print, where
 * only it is shown, its map's arrowheads are the ones `url(#map-arrow)` finds first.
 */
function usePrintRoot(): HTMLElement {
  const [root] = useState(() => {
    const el = document.createElement("div");
    el.className = "report-print-root";
    return el;
  });
  useEffect(() => {
    document.body.prepend(root);
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
  // Closed (Escape, ✕) while saving: the print view must stay until main has printed it, so the
  // dialog goes once the save has ended.
  const saving = useRef(false);
  const closeWhenDone = useRef(false);
  const close = () => {
    if (saving.current) closeWhenDone.current = true;
    else openDialog(null);
  };
  const root = usePrintRoot();

  const scores = doc ? scoresOf(doc) : null;
  const periods = scores?.model.periods.map((p) => ({ id: p.id, label: p.label })) ?? [];
  const [pageSize, setPageSize] = useState<PageSize>(() => defaultPageSize(navigator.language));
  const [periodIndex, setPeriodIndex] = useState(() => (scores ? shownPeriod(scores, shownPeriodId) : -1));
  const scenarioCount = doc?.scenarios.length ?? 0;
  const [withScenarios, setWithScenarios] = useState(scenarioCount > 0);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ fileName: string; pages: number } | null>(null);
  const [failure, setFailure] = useState<DialogError | null>(null);
  const [printing, setPrinting] = useState<Printing | null>(null);

  // Resolved by the report once it is laid out; replaced for every save.
  const ready = useRef<{ promise: Promise<void>; resolve: () => void } | null>(null);
  const onReady = useCallback(() => ready.current?.resolve(), []);

  if (!doc) return null;
  const measureCount = doc.measures.length;

  const save = async () => {
    saving.current = true;
    setBusy(true);
    setFailure(null);
    setDone(null);
    const report = (error: DialogError["error"]) => setFailure({ title: "Could not save the report", error });
    try {
      const choice = await api.chooseFileToSave({ purpose: "export-pdf", suggestedName: reportFileName(fileName) });
      if (!choice.ok) return report(choice.error);
      if (!choice.value) return;
      let resolve = () => {};
      const promise = new Promise<void>((r) => {
        resolve = r;
      });
      ready.current = { promise, resolve };
      setPrinting({
        options: {
          pageSize,
          periodId: periods[periodIndex]?.id ?? null,
          scenarios: withScenarios && scenarioCount > 0,
        },
        now: new Date(),
      });
      await Promise.race([promise, new Promise((r) => setTimeout(r, LAYOUT_WAIT_MS))]);
      await document.fonts.ready;
      // Two frames: the first lays the report out, the second has painted it.
      await nextFrame();
      await nextFrame();
      const result = await api.exportPdf({ file: choice.value.token, pageSize });
      if (!result.ok) return report(result.error);
      setDone(result.value);
    } finally {
      ready.current = null;
      saving.current = false;
      setPrinting(null);
      setBusy(false);
      if (closeWhenDone.current) openDialog(null);
    }
  };

  return (
    <>
      <Modal title="PDF report" onClose={close}>
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
              checked={withScenarios && scenarioCount > 0}
              disabled={scenarioCount === 0}
              onChange={(e) => setWithScenarios(e.target.checked)}
            />
            {scenarioCount === 0
              ? "Compare what-if scenarios (none saved yet)"
              : `Compare the ${scenarioCount} saved what-if scenario${scenarioCount === 1 ? "" : "s"}`}
          </label>
          {measureCount > 2000 && (
            <p className="muted">
              With {measureCount.toLocaleString("en-US")} measures the table runs to hundreds of pages; saving may take
              a minute.
            </p>
          )}
          <DialogErrorText failure={failure} />
          {busy && printing && (
            <p className="muted" role="status">
              Preparing the report…
            </p>
          )}
          {done && (
            <p className="success" role="status">
              Saved {quote(done.fileName)} ({done.pages} page{done.pages === 1 ? "" : "s"}).
            </p>
          )}
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={close}>
            {done ? "Done" : "Cancel"}
          </button>
          <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
            Save PDF…
          </button>
        </footer>
      </Modal>
      {printing &&
        createPortal(<PrintReport doc={doc} options={printing.options} now={printing.now} onReady={onReady} />, root)}
    </>
  );
}
