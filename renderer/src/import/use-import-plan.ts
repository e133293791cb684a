/**
 * The import's plan for the mapping on screen, made by the planning worker (plan-protocol.ts):
 * a 100,000-row sheet takes most of a second to plan, and typing a header row or switching a
 * column must stay fluid. Until the new plan is ready, the last one is kept and marked stale.
 */
import { useEffect, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { type MappingForm, mappingOf } from "./import-form.ts";
import { type BatchOutcome, PlanWorker } from "./plan-protocol.ts";
import type { PlanSummary } from "./plan-summary.ts";

/** Large sheets wait for the controls to rest a moment: a typed "12" plans row 12, not row 1 first. */
const QUICK_ROWS = 5_000;
const SETTLE_MS = 150;

export interface PlanState {
  /** The latest plan made (possibly for an earlier mapping), or null before the first. */
  plan: PlanSummary | null;
  /** The plan is for the mapping, file and document on screen now (Import may use it). */
  current: boolean;
  /** Planning failed unexpectedly: said in the dialog instead of breaking the window. */
  error: string | null;
  /** The operation of `plan` (asked when the user imports), with the document it was checked against. */
  operationOf: (plan: PlanSummary) => Promise<BatchOutcome>;
}

interface Made {
  plan: PlanSummary | null;
  error: string | null;
  file: ImportFile;
  form: MappingForm;
  doc: ScorecardDocument;
}

export function useImportPlan(
  file: ImportFile | null,
  form: MappingForm | null,
  doc: ScorecardDocument | null,
  label: string,
): PlanState {
  const [worker, setWorker] = useState<PlanWorker | null>(null);
  const [made, setMade] = useState<Made | null>(null);

  useEffect(() => {
    const w = new PlanWorker();
    setWorker(w);
    return () => w.terminate();
  }, []);

  useEffect(() => {
    if (!worker || !file || !form || !doc) return;
    let wanted = true;
    const rows = file.sheets[form.sheet]?.rows.length ?? 0;
    const timer = setTimeout(
      () => {
        void worker.plan(file, doc, mappingOf(form), label).then((outcome) => {
          if (!wanted || "superseded" in outcome) return;
          setMade({
            plan: "plan" in outcome ? outcome.plan : null,
            error: "error" in outcome ? outcome.error : null,
            file,
            form,
            doc,
          });
        });
      },
      rows > QUICK_ROWS ? SETTLE_MS : 0,
    );
    return () => {
      wanted = false;
      clearTimeout(timer);
    };
  }, [worker, file, form, doc, label]);

  const operationOf = (plan: PlanSummary): Promise<BatchOutcome> =>
    worker ? worker.operation(plan) : Promise.resolve({ error: "The import is not ready." });
  if (!made || !file || made.file !== file) return { plan: null, current: false, error: null, operationOf };
  return { plan: made.plan, current: made.form === form && made.doc === doc, error: made.error, operationOf };
}
