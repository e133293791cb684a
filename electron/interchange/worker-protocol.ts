/**
 * The messages between main and the interchange worker (worker-thread.ts, worker-entry.ts). Both
 * sides are our own code, but an error crosses as plain data: its class does not survive the
 * structured clone, so it travels as a name, a message and a stack and is rebuilt on main's side.
 */
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import type { ImportFile } from "../../shared/interchange/table.ts";
import type { ExportFormat } from "./export-data.ts";

export type Job =
  | { id: number; kind: "read-import-file"; file: string }
  | { id: number; kind: "export-data"; doc: ScorecardDocument; format: ExportFormat };

export type JobResult = ImportFile | string | Uint8Array;

export type Reply =
  | { id: number; ok: true; value: JobResult }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };
