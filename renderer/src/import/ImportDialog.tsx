/**
 * File ▸ Import Actuals…: choose a CSV or Excel file, map its columns, see every value that would
 * change and every row that cannot be read, then import it all as one edit (one undo step).
 * Nothing is written before "Import"; a file with any problem is not imported at all, as with
 * `scorecard import-actuals`. Everything read from the file is untrusted: shown as plain text.
 */
import { type RefObject, useEffect, useId, useRef, useState } from "react";
import "./import.css";
import { quote, shortText } from "../../../shared/domain/readable-path.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { afterPaint } from "../common/after-paint.ts";
import { type DialogError, DialogErrorText, Modal } from "../common/Modal.tsx";
import { undoKeys } from "../app/shortcuts.ts";
import { useApi, useDocumentStore, useStoreApi } from "../state/context.tsx";
import { counted } from "../../../shared/display/count.ts";
import { type Guess, guessForm, importLabel, type MappingForm } from "./import-form.ts";
import { MappingFields } from "./MappingFields.tsx";
import { PlanPreview } from "./PlanPreview.tsx";
import type { PlanSummary } from "./plan-summary.ts";
import { SheetPreview } from "./SheetPreview.tsx";
import { useImportPlan } from "./use-import-plan.ts";

interface Loaded extends Guess {
  file: ImportFile;
  /** Counts the guesses (another file, another sheet): the mapping fields start afresh on each. */
  guessed: number;
}

/** What was imported, said once the edit is committed. */
interface Done {
  values: number;
  fileName: string;
  /** The undo step's name: while it is the next undo, the import stands. */
  label: string;
}

export function ImportDialog() {
  const api = useApi();
  const store = useStoreApi();
  const doc = useDocumentStore((s) => s.doc);
  const openDialog = useDocumentStore((s) => s.openDialog);
  const nextUndo = useDocumentStore((s) => s.history.undo);
  const close = () => openDialog(null);

  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [busy, setBusy] = useState<"reading" | "importing" | null>(null);
  const [failure, setFailure] = useState<DialogError | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const chooseRef = useRef<HTMLButtonElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const mappingRef = useRef<HTMLFieldSetElement>(null);

  const label = loaded ? importLabel(loaded.file.fileName) : "";
  const { plan, current, error, operationOf } = useImportPlan(loaded?.file ?? null, loaded?.form ?? null, doc, label);

  // The modal focuses its first control (Close) when it opens; the first step's one action is better.
  useEffect(() => {
    const timer = setTimeout(() => chooseRef.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);

  const choose = async () => {
    // The button stays enabled while a file is read (disabling it would drop the focus): a second click waits.
    if (!doc || busy !== null) return;
    setFailure(null);
    setBusy("reading");
    try {
      const choice = await api.chooseFileToOpen({ purpose: "import" });
      if (!choice.ok) return fail({ title: "Could not open the file", error: choice.error });
      if (!choice.value) return;
      const read = await api.readImportFile({ file: choice.value.token });
      if (!read.ok || read.value.sheets.length === 0) {
        setLoaded(null);
        fail({
          title: `Could not read ${quote(choice.value.fileName)}`,
          error: read.ok ? { kind: "file-refused", message: "The file has no sheet to import from." } : read.error,
        });
        return;
      }
      const file = read.value;
      setLoaded({ file, ...guessForm(file, doc), guessed: (loaded?.guessed ?? 0) + 1 });
      // The step's controls replace the button that had focus: go on to the first of them.
      setTimeout(() => mappingRef.current?.querySelector<HTMLElement>("select, input")?.focus(), 0);
    } finally {
      setBusy(null);
    }
  };

  /** Says what went wrong, and puts the focus on the way forward: choosing a file again. */
  const fail = (failure: DialogError) => {
    setFailure(failure);
    setTimeout(() => chooseRef.current?.focus(), 0);
  };

  const changeForm = (form: MappingForm) => {
    if (!loaded || !doc) return;
    // Another sheet is another table: guess its columns afresh.
    if (form.sheet !== loaded.form.sheet) {
      setLoaded({ file: loaded.file, ...guessForm(loaded.file, doc, form.sheet), guessed: loaded.guessed + 1 });
    } else setLoaded({ ...loaded, form });
  };

  const values = plan ? plan.added + plan.changed : 0;
  const problems = plan ? plan.problemCount : 0;
  const ready = !!plan && current && !error && busy === null;
  const canImport = ready && problems === 0 && values > 0;

  const confirm = async () => {
    if (!plan || !loaded || !canImport) return;
    setBusy("importing");
    setFailure(null);
    try {
      // Let "Importing…" paint before the work that follows holds the thread.
      await afterPaint();
      const planned = await operationOf(plan);
      if ("error" in planned) {
        setFailure({ title: "The actuals were not imported", error: { kind: "edit-refused", message: planned.error } });
        return;
      }
      // planImport checked every value against this very document: the local dry run would repeat
      // it (seconds for a large import). Main still checks, and its refusal is shown.
      const result = await store.getState().edit(planned.operation, { checkedAgainst: planned.doc });
      if (!result.ok) {
        setFailure({
          title: "The actuals were not imported",
          error: { kind: "edit-refused", message: result.message },
        });
        return;
      }
      setDone({ values, fileName: loaded.file.fileName, label: plan.label });
      setTimeout(() => doneRef.current?.focus(), 0);
    } catch (e) {
      setFailure({
        title: "The actuals were not imported",
        error: { kind: "internal", message: e instanceof Error ? e.message : String(e) },
      });
    } finally {
      setBusy(null);
    }
  };

  if (done) {
    return (
      <Modal title="Import actuals" onClose={close}>
        <div className="import-dialog">
          <div className="modal-body">
            {nextUndo === done.label ? (
              <>
                <p className="success" role="status">
                  Imported {counted(done.values, "value")} from <bdi>{quote(done.fileName)}</bdi>.
                </p>
                <p>Undo ({undoKeys()}) takes the import back as one step.</p>
              </>
            ) : (
              // Undone from the keyboard while this was open: say so rather than claim the values are in.
              <p role="status">
                The import of <bdi>{quote(done.fileName)}</bdi> was undone; the scorecard has its earlier actuals.
              </p>
            )}
          </div>
          <footer className="modal-footer">
            <button type="button" className="primary" ref={doneRef} onClick={close}>
              Done
            </button>
          </footer>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Import actuals" onClose={close}>
      <div className={loaded ? "import-dialog" : "import-dialog is-start"}>
        <div className="modal-body import-body">
          {loaded ? (
            <div className="import-file">
              <span className="import-file-name">
                <span className="muted">File </span>
                <bdi title={loaded.file.fileName}>{shortText(loaded.file.fileName, 80)}</bdi>
              </span>
              <button type="button" ref={chooseRef} onClick={() => void choose()}>
                Choose another file…
              </button>
            </div>
          ) : (
            <div className="import-start">
              <p>
                Reads actuals from a CSV or Excel (.xlsx) file: one row per value (measure, period, value), or one row
                per measure with one column per period. You see every change before anything is written.
              </p>
              <button type="button" ref={chooseRef} onClick={() => void choose()}>
                Choose CSV or Excel file…
              </button>
            </div>
          )}
          {busy === "reading" && (
            <p className="muted" role="status">
              Reading the file…
            </p>
          )}
          <DialogErrorText failure={failure} />
          {loaded && doc && (
            <ImportStep
              loaded={loaded}
              doc={doc}
              plan={plan}
              stale={!current}
              error={error}
              onChange={changeForm}
              mappingRef={mappingRef}
            />
          )}
        </div>
        <footer className="modal-footer import-footer">
          {loaded && ready && <p className="import-hint">{blockedReason(plan, values, problems)}</p>}
          <button type="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="primary" disabled={!canImport} onClick={() => void confirm()}>
            {busy === "importing" ? "Importing…" : plan ? `Import ${counted(values, "value")}` : "Import"}
          </button>
        </footer>
      </div>
    </Modal>
  );
}

function ImportStep({
  loaded,
  doc,
  plan,
  stale,
  error,
  onChange,
  mappingRef,
}: {
  loaded: Loaded;
  doc: ScorecardDocument;
  plan: PlanSummary | null;
  stale: boolean;
  error: string | null;
  onChange: (form: MappingForm) => void;
  mappingRef: RefObject<HTMLFieldSetElement | null>;
}) {
  const { file, form, unrecognised } = loaded;
  const sheet = file.sheets[form.sheet] ?? { name: "", rows: [] };
  const unrecognisedId = useId();
  return (
    <>
      {unrecognised && (
        <p className="import-unrecognised" id={unrecognisedId}>
          The columns were not recognised: {unrecognised}. Choose them below.
        </p>
      )}
      <div className="import-setup">
        <MappingFields
          key={loaded.guessed}
          ref={mappingRef}
          file={file}
          form={form}
          onChange={onChange}
          describedBy={unrecognised ? unrecognisedId : undefined}
        />
        <SheetPreview sheet={sheet} form={form} />
      </div>
      <PlanPreview doc={doc} plan={plan} stale={stale} error={error} />
    </>
  );
}

/** Why Import is off, or what it will do: said next to the button. */
function blockedReason(plan: PlanSummary | null, values: number, problems: number): string {
  if (!plan) return "";
  if (problems > 0)
    return "Fix the rows above in your spreadsheet, or change the mapping: an import is all or nothing.";
  if (values === 0)
    return plan.unchanged > 0 ? "The scorecard already has every value in the file." : "There are no values to import.";
  return "One step: Undo takes it all back.";
}
