/**
 * Plans an import off the UI thread: planning a 100,000-row sheet takes most of a second, which
 * would freeze the dialog on every change of the mapping. The file is sent once, the document
 * once per committed change (in slices, as to the what-if worker), and each request carries only
 * the mapping.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { planImport } from "../../../shared/interchange/actuals-import.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { addRows } from "../whatif/worker-protocol.ts";
import type { PlanReply, PlanRequest } from "./plan-protocol.ts";

interface Scope {
  onmessage: ((event: MessageEvent<PlanRequest>) => void) | null;
  postMessage(message: PlanReply): void;
}
const scope = self as unknown as Scope;

let file: ImportFile | null = null;
let current: { version: number; doc: ScorecardDocument } | null = null;

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.kind) {
    case "file":
      file = request.file;
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
        scope.postMessage({ kind: "plan", id: request.id, plan });
      } catch (e) {
        scope.postMessage({ kind: "failed", id: request.id, message: e instanceof Error ? e.message : String(e) });
      }
      return;
  }
};
