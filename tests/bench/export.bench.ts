/**
 * Bench rows for the exports (issue 8): the XLSX workbook and the CSV tables of the realistic and
 * the large scorecard, built in memory as File ▸ Export and `scorecard export` build them (the
 * atomic write after it is the file store's, measured in file.bench.ts), and the files' sizes.
 * The SPEC sets no target for exports: the rows are for information.
 */
import { documentToXlsx } from "../../electron/interchange/xlsx-write.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { tableToCsv } from "../../shared/interchange/csv-text.ts";
import { exportTable, workbookTables } from "../../shared/interchange/workbook-tables.ts";
import { type Row, timeAsync } from "./measure.ts";
import { LARGE, REALISTIC, sizeLabel, syntheticScorecard, type WorkSize } from "./synthetic.ts";

const MB = 1024 * 1024;

async function sizeRows(doc: ScorecardDocument, size: WorkSize, runs: number): Promise<Row[]> {
  const name = sizeLabel(size);
  const xlsx = await timeAsync(() => documentToXlsx(doc), runs);
  const tables = await timeAsync(async () => workbookTables(doc), runs);
  const list = await timeAsync(async () => tableToCsv(exportTable(doc, "actuals-list")), runs);
  const grid = await timeAsync(async () => tableToCsv(exportTable(doc, "actuals")), runs);
  return [
    { name: "export to XLSX (workbook, 6 sheets)", size: name, median: xlsx.median, note: "info" },
    { name: "  of which: the tables (scores, what-if)", size: name, median: tables.median, note: "info" },
    { name: "  XLSX file size", size: name, median: xlsx.last.length / MB, unit: "MB", note: "info" },
    { name: "export actuals to CSV (one row per value)", size: name, median: list.median, note: "info" },
    { name: "  CSV file size", size: name, median: Buffer.byteLength(list.last) / MB, unit: "MB", note: "info" },
    { name: "export actuals to CSV (measures × periods)", size: name, median: grid.median, note: "info" },
  ];
}

export async function exportRows(): Promise<Row[]> {
  return [
    ...(await sizeRows(syntheticScorecard(REALISTIC), REALISTIC, 10)),
    ...(await sizeRows(syntheticScorecard(LARGE), LARGE, 3)),
  ];
}
