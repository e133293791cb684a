/**
 * Plans an import off the UI thread: planning a 100,000-row sheet takes most of a second, which
 * would freeze the dialog on every change of the mapping. The file is sent once, the document
 * once per committed change (in slices, as to the what-if worker), and each request carries only
 * the mapping. The reply is the plan's summary; the plan stays here until Import asks for its
 * operation (plan-summary.ts).
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { type ImportPlan, planImport } from "../../../shared/interchange/actuals-import.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { addRows } from "../whatif/worker-protocol.ts";
import type { PlanReply, PlanRequest } from "./plan-protocol.ts";
import { packBatch, summarize } from "./plan-summary.ts";

interface Scope {
  onmessage: ((event: MessageEvent<PlanRequest>) => void) | null;
  postMessage(message: PlanReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as Scope;

let file: ImportFile | null = null;
let current: { version: number; doc: ScorecardDocument } | null = null;
/** The last plan made, with the document it was made against (a newer version replaces `current`, not it). */
let kept: { id: number; plan: ImportPlan; doc: ScorecardDocument } | null = null;

const failed = (id: number, e: unknown): PlanReply => ({
  kind: "failed",
  id,
  message: e instanceof Error ? e.message : String(e),
});

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.kind) {
    case "file":
      file = request.file;
      kept = null;
      return;
    case "document":
      current = { version: request.version, doc: request.document };
      return;
    case "rows":
      if (current?.version === request.version) addRows(current.doc, request);
      return;
    case "plan":
      if (!file || current?.version !== request.version) {
        scope.postMessage({ kind: "failed", id: request.id, message: "the file or the document did not arrive" });
        return;
      }
      try {
        const plan = planImport(file, request.mapping, current.doc, request.label);
        kept = { id: request.id, plan, doc: current.doc };
        scope.postMessage({ kind: "plan", id: request.id, plan: summarize(plan, request.id) });
      } catch (e) {
        kept = null;
        scope.postMessage(failed(request.id, e));
      }
      return;
    case "operation":
      if (kept?.id !== request.plan) {
        scope.postMessage({
          kind: "failed",
          id: request.id,
          message: "The preview changed; check it and import again.",
        });
        return;
      }
      try {
        const batch = packBatch(kept.plan.operation, kept.doc);
        scope.postMessage({ kind: "operation", id: request.id, batch }, [
          batch.measures.buffer,
          batch.periods.buffer,
          batch.values.buffer,
        ]);
      } catch (e) {
        scope.postMessage(failed(request.id, e));
      }
      return;
  }
};
