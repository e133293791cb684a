/**
 * The bytes of an export, one switch for File ▸ Export, the `exportDocument` API and
 * `scorecard export`: the document's JSON form (shared/document-json.ts, which `new --from` reads
 * back), the XLSX workbook, or one of its tables as CSV (docs/exports.md).
 */
import type { CsvTable } from "../../shared/api/contract.ts";
import { toDocumentJson } from "../../shared/document-json.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { tableToCsv } from "../../shared/interchange/csv-text.ts";
import { exportTable } from "../../shared/interchange/workbook-tables.ts";
import { documentToXlsx } from "./xlsx-write.ts";

/** What an export writes: JSON, the workbook, or one table as CSV. */
export type ExportFormat = "json" | "xlsx" | { csv: CsvTable };

/** Text for JSON and CSV, bytes for the workbook. */
export async function exportData(doc: ScorecardDocument, format: ExportFormat): Promise<string | Buffer> {
  if (format === "json") return toDocumentJson(doc);
  if (format === "xlsx") return documentToXlsx(doc);
  return tableToCsv(exportTable(doc, format.csv));
}
