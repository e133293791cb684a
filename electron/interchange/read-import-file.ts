/**
 * Reads a file the user chose to import actuals from (CSV or XLSX) into plain cells
 * (shared/interchange/table.ts). Every such file is hostile: the type is told by its bytes, not
 * its name; a zip is checked entry by entry (encryption, entry count, declared and real sizes,
 * compression ratio, number of cells) before exceljs parses it, so a zip bomb or a forged header
 * is refused instead of filling memory; every limit breached is a clear refusal naming the file.
 * What is refused and why: docs/import.md.
 */
import fs from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import { loadExcelJs } from "./exceljs.ts";
import yauzl from "yauzl";
import { quote } from "../../shared/domain/readable-path.ts";
import { csvSheet } from "../../shared/interchange/csv-sheet.ts";
import { type Cell, type ImportFile, isFormula, type Sheet } from "../../shared/interchange/table.ts";
import { ImportRefused } from "./errors.ts";
import { decodeUtf8, isUtf16 } from "./text-file.ts";

export interface ImportLimits {
  fileBytes: number;
  zipEntries: number;
  unzippedBytes: number;
  compressionRatio: number;
  ratioFromBytes: number;
  sheets: number;
  rows: number;
  totalRows: number;
  columns: number;
  cells: number;
  cellChars: number;
}

/** The bounds of what is read (docs/import.md "Limits and defences"). */
export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  /** Bytes of the file itself. */
  fileBytes: 64 * 2 ** 20,
  /** Entries in an XLSX zip (a real workbook has a few dozen). */
  zipEntries: 10_000,
  /** Uncompressed bytes of all entries together, declared and real. */
  unzippedBytes: 256 * 2 ** 20,
  /** Compression ratio allowed for entries over `ratioFromBytes` (real sheets compress ~10–30:1). */
  compressionRatio: 200,
  ratioFromBytes: 2 ** 20,
  /** Worksheets in a workbook (Excel's default limit). */
  sheets: 255,
  /** Excel's own sheet size. */
  rows: 1_048_576,
  /**
   * Rows of all sheets together, counting the blank rows above each used one (each is an entry
   * of the sheet's rows): one sheet of Excel's size, however it is spread over sheets.
   */
  totalRows: 1_048_576,
  columns: 16_384,
  /**
   * Cells of all sheets together, counting the empty cells to the left of each used one. The
   * largest real import, the long form of 10,000 measures × 36 periods, is 1.8 million (5
   * columns); this leaves room for a column or two added by hand.
   */
  cells: 2_500_000,
  /** Excel's own limit for the text in one cell. */
  cellChars: 32_767,
};

const ZIP = [0x50, 0x4b];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Other binary formats people pick by mistake: PDF, gzip, RAR, 7-Zip. */
const OTHER_BINARY = [
  [0x25, 0x50, 0x44, 0x46],
  [0x1f, 0x8b],
  [0x52, 0x61, 0x72, 0x21],
  [0x37, 0x7a, 0xbc, 0xaf],
];
const SAVE_AS = 'save it as .xlsx or as "CSV UTF-8"';

const startsWith = (bytes: Buffer, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** The file's sheets, or ImportRefused saying why it cannot be read (`limits` are lowered only by tests). */
export async function readImportFile(file: string, limits: ImportLimits = IMPORT_LIMITS): Promise<ImportFile> {
  const fileName = path.basename(file);
  const refuse = (reason: string) => new ImportRefused(`${fileName}: ${reason}`);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw refuse("no such file");
  if (!stat.isFile()) throw refuse("is not a file");
  if (stat.size > limits.fileBytes) {
    throw refuse(`the file is larger than the ${limits.fileBytes / 2 ** 20} MB an import may read`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw refuse(`cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
  if (bytes.length === 0) throw refuse("the file is empty");
  if (startsWith(bytes, ZIP)) return { fileName, sheets: await workbookSheets(bytes, refuse, limits) };
  if (startsWith(bytes, OLE2)) {
    throw refuse(`an Excel 97–2003 .xls file (or a password-protected workbook); ${SAVE_AS}`);
  }
  // Text has no NUL bytes (UTF-16 does, and gets its own hint from the decoder).
  const binary = OTHER_BINARY.some((magic) => startsWith(bytes, magic)) || bytes.includes(0);
  if (binary && !isUtf16(bytes)) throw refuse(`not a CSV or Excel file; ${SAVE_AS}`);
  const text = decodeUtf8(bytes);
  if ("refused" in text) throw refuse(text.refused);
  const read = csvSheet(text.text, path.parse(fileName).name, {
    rows: limits.rows,
    cells: limits.cells,
    cellChars: limits.cellChars,
  });
  if (!read.ok) throw refuse(read.message);
  return { fileName, sheets: [read.sheet] };
}

type Refuse = (reason: string) => ImportRefused;

async function workbookSheets(bytes: Buffer, refuse: Refuse, limits: ImportLimits): Promise<Sheet[]> {
  await checkZip(bytes, refuse, limits);
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(
      `not a valid .xlsx file (the workbook inside it is damaged); open it in a spreadsheet and save it again`,
    );
  }
  if (workbook.worksheets.length === 0) throw refuse("the workbook has no sheets");
  if (workbook.worksheets.length > limits.sheets) {
    throw refuse(`the workbook has ${workbook.worksheets.length} sheets; at most ${limits.sheets} are read`);
  }
  const sheets: Sheet[] = [];
  let cells = 0;
  let totalRows = 0;
  for (const worksheet of workbook.worksheets) {
    const rows: Cell[][] = [];
    const name = worksheet.name;
    let failed: string | null = null;
    // eachRow and eachCell visit only the cells the sheet holds, whatever its <dimension> claims.
    worksheet.eachRow((row, rowNumber) => {
      if (failed) return;
      if (rowNumber > limits.rows) {
        failed = `sheet ${quote(name)} has a row ${rowNumber}; a sheet has at most ${limits.rows}`;
        return;
      }
      // Checked before the blank rows above this one are laid out: they cost memory too.
      if (totalRows - rows.length + rowNumber > limits.totalRows) {
        failed = `the workbook's sheets have more than ${limits.totalRows} rows together (counting blank rows above used ones)`;
        return;
      }
      const out: Cell[] = [];
      row.eachCell((cell, column) => {
        if (failed) return;
        if (column > limits.columns) {
          failed = `sheet ${quote(name)} has a cell in column ${column}; a sheet has at most ${limits.columns}`;
          return;
        }
        const value = cellOf(cell, excel.ValueType);
        const text = typeof value === "string" ? value : isFormula(value) ? value.formula : "";
        if (text.length > limits.cellChars) {
          failed = `sheet ${quote(name)}, cell ${cell.address} holds ${text.length} characters; a cell holds at most ${limits.cellChars}`;
          return;
        }
        while (out.length < column - 1) out.push(null);
        out[column - 1] = value;
      });
      cells += out.length;
      if (cells > limits.cells) failed = `the workbook has more than ${limits.cells} cells`;
      // Blank rows between used ones share one empty array (but count against totalRows).
      totalRows += rowNumber - rows.length;
      while (rows.length < rowNumber - 1) rows.push(EMPTY_ROW);
      rows[rowNumber - 1] = out;
    });
    if (failed) throw refuse(failed);
    sheets.push({ name, rows });
  }
  return sheets;
}

const EMPTY_ROW: Cell[] = [];

/**
 * One cell as the importer sees it: formulas as their text (never their cached result), dates as
 * ISO dates, numbers shown as percentages marked as such.
 */
function cellOf(cell: ExcelJS.Cell, types: typeof ExcelJS.ValueType): Cell {
  // The cells a merged range covers repeat its first cell's value: they hold nothing of their own.
  if (cell.type === types.Merge) return null;
  // By type first: an empty <f/>, or a shared formula whose master is missing, leaves exceljs a
  // value of only {result}, which must not pass for the number it caches.
  if (cell.type === types.Formula) return { formula: formulaText(cell) };
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return isPercentFormat(cell.numFmt) ? { percent: v } : v;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v !== "object") return String(v);
  if ("formula" in v || "sharedFormula" in v) return { formula: String(cell.formula ?? "") };
  if ("richText" in v) return richText(v);
  if ("hyperlink" in v) {
    const text = (v as { text?: unknown }).text;
    return typeof text === "object" && text !== null ? richText(text) : String(text ?? "");
  }
  if ("error" in v) return String((v as { error: unknown }).error);
  return String(cell.text ?? "");
}

function formulaText(cell: ExcelJS.Cell): string {
  try {
    return String(cell.formula ?? "");
  } catch {
    // exceljs translates a shared formula from its master; a forged one may have none.
    return "";
  }
}

/** Whether a number format shows the number as a percentage: a "%" outside quotes and escapes. */
function isPercentFormat(numFmt: unknown): boolean {
  return typeof numFmt === "string" && numFmt.replace(/"[^"]*"|\\./g, "").includes("%");
}

function richText(v: object): string {
  const runs = (v as { richText?: unknown }).richText;
  return Array.isArray(runs) ? runs.map((r) => String((r as { text?: unknown })?.text ?? "")).join("") : "";
}

/** A date as "YYYY-MM-DD" (spreadsheets keep dates as UTC midnight), with the time only when it has one. */
function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

/**
 * Checks the zip before anything inflates it for real: each entry's declared sizes, then each
 * entry inflated and its real bytes counted (yauzl stops an entry that inflates beyond its
 * declared size, so a lying header is caught early). Sheets' cells are counted on the way, so a
 * sheet exceljs would need gigabytes for is refused first.
 */
async function checkZip(bytes: Buffer, refuse: Refuse, limits: ImportLimits): Promise<void> {
  const damaged = `not a valid .xlsx file (it is not a zip archive, or it is damaged); ${SAVE_AS}`;
  const zip = await openZip(bytes).catch(() => {
    throw refuse(damaged);
  });
  try {
    if (zip.entryCount > limits.zipEntries) {
      throw refuse(`the zip holds ${zip.entryCount} entries; a workbook has far fewer (at most ${limits.zipEntries})`);
    }
    const bomb = `unpacks to more than ${limits.unzippedBytes / 2 ** 20} MB (a "zip bomb"?); not read`;
    let declared = 0;
    let inflated = 0;
    let cells = 0;
    let sheets = 0;
    const names = new Set<string>();
    for (;;) {
      const entry = await nextEntry(zip).catch(() => {
        throw refuse(damaged);
      });
      if (!entry) break;
      const name = entry.fileName;
      names.add(name.toLowerCase());
      if (name.endsWith("/")) continue;
      if (entry.isEncrypted()) throw refuse(`the workbook is encrypted; ${SAVE_AS} without a password`);
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > limits.unzippedBytes || declared > limits.unzippedBytes) throw refuse(bomb);
      if (
        entry.uncompressedSize > limits.ratioFromBytes &&
        entry.uncompressedSize > limits.compressionRatio * Math.max(1, entry.compressedSize)
      ) {
        throw refuse(
          `${quote(name)} in it is compressed more than ${limits.compressionRatio}:1 (a "zip bomb"?); not read`,
        );
      }
      const isSheet = /^xl\/worksheets\/[^/]+\.xml$/i.test(name);
      if (isSheet && ++sheets > limits.sheets) {
        throw refuse(`the workbook has more than ${limits.sheets} sheets; at most ${limits.sheets} are read`);
      }
      const scan = isSheet ? sheetScanner(limits) : null;
      await drain(zip, entry, (chunk) => {
        inflated += chunk.length;
        if (inflated > limits.unzippedBytes) throw refuse(bomb);
        if (!scan) return;
        const read = scan(chunk);
        cells += read.cells;
        if (read.problem) throw refuse(read.problem);
        if (cells > limits.cells) throw refuse(`the workbook has more than ${limits.cells} cells`);
      }).catch((e: unknown) => {
        if (!(e instanceof EntryUnreadable)) throw e;
        // yauzl reports an entry whose real size differs from its header as a read error ("too many bytes").
        throw refuse(
          e.opened ? `not a valid .xlsx file: ${quote(name)} in it is damaged or forged; ${SAVE_AS}` : damaged,
        );
      });
    }
    if (!names.has("xl/workbook.xml")) {
      throw refuse(
        names.has("mimetype")
          ? `an OpenDocument spreadsheet, not an Excel workbook; ${SAVE_AS}`
          : `a zip archive but not an Excel workbook (it has no xl/workbook.xml); ${SAVE_AS}`,
      );
    }
  } finally {
    zip.close();
  }
}

/** The zip in `bytes`, its entries read one at a time (nextEntry) with their sizes checked against their headers. */
function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err ?? new Error("no zip")) : resolve(zip),
    );
  });
}

/** The zip's next entry, or null after the last; rejects when the zip's directory is damaged. */
function nextEntry(zip: yauzl.ZipFile): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const stop = () => zip.off("entry", onEntry).off("end", onEnd).off("error", onError);
    const onEntry = (entry: yauzl.Entry) => {
      stop();
      resolve(entry);
    };
    const onEnd = () => {
      stop();
      resolve(null);
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    zip.on("entry", onEntry).on("end", onEnd).on("error", onError);
    zip.readEntry();
  });
}

/** An entry that could not be opened, or whose bytes could not be read (damaged, or not the size its header says). */
class EntryUnreadable extends Error {
  constructor(readonly opened: boolean) {
    super(opened ? "entry unreadable" : "entry cannot be opened");
  }
}

/**
 * Inflates one entry, handing each chunk to `onChunk`; what onChunk throws stops the inflating
 * and rejects with it. Rejects with EntryUnreadable when the entry cannot be read.
 */
function drain(zip: yauzl.ZipFile, entry: yauzl.Entry, onChunk: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) {
        reject(new EntryUnreadable(false));
        return;
      }
      stream.on("data", (chunk: Buffer) => {
        try {
          onChunk(chunk);
        } catch (e) {
          stream.destroy();
          reject(e);
        }
      });
      stream.on("error", () => reject(new EntryUnreadable(true)));
      stream.on("end", () => resolve());
    });
  });
}

/** What a stretch of a sheet's XML holds: cells, and the reason to refuse the file, if any. */
type SheetScan = (chunk: Buffer) => { cells: number; problem: string | null };

/**
 * Reads a sheet's XML chunk by chunk: counts cell elements, and finds what exceljs would read
 * wrongly without a word: a row numbered outside 1…limits.rows (it drops r="0" or r > 2^32), an
 * ISO date cell (t="d", which it reads as the number of the year) and an empty formula (<f/>,
 * which it reads as the cached result). An unfinished tag at the end of a chunk (or a last
 * <f> whose end may follow) is kept for the next one, so each tag is read whole, once.
 */
function sheetScanner(limits: ImportLimits): SheetScan {
  let carry = "";
  return (chunk) => {
    const text = carry + chunk.toString("latin1");
    const open = text.lastIndexOf("<");
    const unfinished = open !== -1 && (text.indexOf(">", open) === -1 || /^<f(\s[^>]*)?>$/.test(text.slice(open)));
    const cut = unfinished ? open : text.length;
    carry = text.slice(cut);
    if (carry.length > 2 ** 20) return { cells: 0, problem: "a tag in a sheet is over 1 MB long; not read" };
    const whole = cut === text.length ? text : text.slice(0, cut);
    const problem = rowNumberProblem(whole, limits.rows) ?? dateCellProblem(whole) ?? emptyFormulaProblem(whole);
    return { cells: countCells(whole), problem };
  };
}

function rowNumberProblem(xml: string, maxRow: number): string | null {
  if (!xml.includes("<row")) return null;
  for (const [, attributes] of xml.matchAll(/<row\b([^>]*)>/g)) {
    const r = /\br\s*=\s*["']([^"']*)["']/.exec(attributes as string)?.[1];
    if (r === undefined) continue;
    const n = /^\d{1,10}$/.test(r) ? Number(r) : Number.NaN;
    if (!(n >= 1 && n <= maxRow)) {
      return `a sheet has a row numbered ${quote(r.slice(0, 20))}; rows are numbered 1 to ${maxRow}`;
    }
  }
  return null;
}

function emptyFormulaProblem(xml: string): string | null {
  if (!xml.includes("<f")) return null;
  for (const [, attributes] of xml.matchAll(/<f(\s[^>]*?)?(?:\/>|><\/f>)/g)) {
    // A shared formula's other cells have an empty <f t="shared" si="…"/>: exceljs reads those.
    if (!/\bt\s*=\s*["']shared["']/.test(attributes ?? "")) {
      return "a cell has an empty formula (<f/>), which spreadsheets never write; open the file in a spreadsheet and save it again";
    }
  }
  return null;
}

function dateCellProblem(xml: string): string | null {
  if (!/\bt\s*=\s*["']d["']/.test(xml)) return null;
  for (const [, attributes] of xml.matchAll(/<c\s([^>]*)>/g)) {
    if (!/\bt\s*=\s*["']d["']/.test(attributes as string)) continue;
    const address = /\br\s*=\s*["']([^"']*)["']/.exec(attributes as string)?.[1] ?? "";
    const where = address ? `cell ${quote(address.slice(0, 20))}` : "a cell";
    return `${where} holds a date written as text (an ISO date cell), which is not read; format the cells as dates or as text in a spreadsheet and save the file again`;
  }
  return null;
}

function countCells(text: string): number {
  let n = 0;
  let at = text.indexOf("<c");
  while (at !== -1) {
    const next = text.charCodeAt(at + 2);
    // space, tab, newline, return, ">", "/"
    if (next === 32 || next === 9 || next === 10 || next === 13 || next === 62 || next === 47) n++;
    at = text.indexOf("<c", at + 2);
  }
  return n;
}
