/**
 * The heavy file work behind imports and exports, as one seam: reading an import file (CSV or
 * XLSX) into cells, and building an export's bytes. The app runs it on a worker thread
 * (worker-thread.ts) so that a large workbook does not freeze every window for seconds; the CLI
 * and the unit tests run it here, in the calling thread.
 */
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import type { ImportFile } from "../../shared/interchange/table.ts";
import { type ExportFormat, exportData } from "./export-data.ts";
import { readImportFile } from "./read-import-file.ts";

export interface Interchange {
  /** The file's sheets, or ImportRefused saying why it cannot be read. */
  readImportFile(file: string): Promise<ImportFile>;
  /** Text for JSON and CSV, bytes for the workbook. */
  exportData(doc: ScorecardDocument, format: ExportFormat): Promise<string | Uint8Array>;
}

/** The same work in the calling thread. */
export const inThisThread: Interchange = {
  readImportFile: (file) => readImportFile(file),
  exportData,
};
