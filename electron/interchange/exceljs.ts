/**
 * exceljs, loaded on first use: it is a large module graph (about 130 packages), and only an
 * export to or an import from a workbook needs it. Loading it when main or the CLI starts slowed
 * start-up and, measured in the bench's process, even the scoring kernel that runs beside it.
 */
import type ExcelJS from "exceljs";

export type ExcelJs = typeof ExcelJS;

let loading: Promise<ExcelJs> | null = null;

export function loadExcelJs(): Promise<ExcelJs> {
  loading ??= import("exceljs").then((m) => (m as { default?: ExcelJs }).default ?? (m as unknown as ExcelJs));
  return loading;
}
