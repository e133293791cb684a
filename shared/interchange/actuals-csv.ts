/**
 * Actuals as CSV, one row per measure × period: what `scorecard export --format csv` writes and
 * `scorecard import-actuals` reads back. Files come from spreadsheets and email, so the reader
 * trusts nothing: every row is checked, problems are listed by row, and an import is planned
 * as one batch of operations that is only applied when no row has a problem.
 */
import Papa from "papaparse";
import { LIMITS } from "../domain/limits.ts";
import { quote } from "../domain/readable-path.ts";
import { actualProblem } from "../domain/rules.ts";
import type { ScorecardDocument } from "../domain/types.ts";
import { MAX_BATCH, type Operation } from "../operations/operation.ts";

/** The columns written, in order; the reader also accepts the names in COLUMN_NAMES. */
export const CSV_COLUMNS = ["measure_id", "measure", "period", "value", "note"] as const;

type Column = "measureId" | "measureName" | "period" | "value" | "note";

/** Header names the reader recognizes (compared without case, spaces, dashes or underscores). */
const COLUMN_NAMES: Record<Column, readonly string[]> = {
  measureId: ["measureid", "kpiid"],
  measureName: ["measure", "measurename", "kpi", "kpiname"],
  period: ["period", "periodlabel"],
  value: ["value", "actual", "actualvalue"],
  note: ["note", "notes", "comment"],
};

export function actualsToCsv(doc: ScorecardDocument): string {
  const measures = new Map(doc.measures.map((m) => [m.id, m]));
  const periods = new Map(doc.periods.map((p) => [p.id, p]));
  const rows = doc.actuals.map((a) => [
    a.measureId,
    guard(measures.get(a.measureId)?.name ?? ""),
    guard(periods.get(a.periodId)?.label ?? ""),
    a.value,
    guard(a.note),
  ]);
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: "\r\n" })}\r\n`;
}

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or return before them) as a
 * formula. Text from a scorecard is untrusted, so such text is written with a leading apostrophe,
 * which spreadsheets show as plain text (OWASP "CSV injection").
 */
function guard(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function unguard(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export interface ImportProblem {
  /** Row of the CSV file as a spreadsheet numbers it (the header is row 1); 0 for the whole file. */
  row: number;
  message: string;
}

export interface ActualsImportPlan {
  /** The edit to apply when there are no problems: one batch, so one transaction and one undo step. */
  operation: Extract<Operation, { type: "batch" }>;
  problems: ImportProblem[];
  rows: number;
  added: number;
  changed: number;
  unchanged: number;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Reads CSV text against a document and plans the import; nothing is applied here. */
export function planActualsImport(text: string, doc: ScorecardDocument, label = "Import actuals"): ActualsImportPlan {
  const problems: ImportProblem[] = [];
  const plan: ActualsImportPlan = {
    operation: { type: "batch", label, operations: [] },
    problems,
    rows: 0,
    added: 0,
    changed: 0,
    unchanged: 0,
  };
  // Empty rows are kept (and skipped below) so that row numbers match the spreadsheet's.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const unterminated = parsed.errors.find((e) => e.type === "Quotes");
  if (unterminated) {
    problems.push({ row: 0, message: `the file is not valid CSV: ${unterminated.message.toLowerCase()}` });
    return plan;
  }
  const [header, ...body] = parsed.data;
  if (!header || header.every((h) => h.trim() === "")) {
    problems.push({ row: 0, message: "the file is empty: expected a header row with measure, period and value" });
    return plan;
  }
  const columns = mapColumns(header);
  const missing = (["period", "value"] as const).filter((c) => columns[c] === undefined);
  if (columns.measureId === undefined && columns.measureName === undefined) missing.unshift("measure" as never);
  if (missing.length > 0) {
    problems.push({
      row: 1,
      message: `no ${missing.join(", ")} column (the header row names: ${header.map((h) => `“${h.trim()}”`).join(", ")})`,
    });
    return plan;
  }
  if (body.length > MAX_BATCH) {
    problems.push({ row: 0, message: `${body.length} rows is more than the ${MAX_BATCH} one import may hold` });
    return plan;
  }

  const byId = new Map(doc.measures.map((m) => [m.id, m]));
  const byName = groupBy(doc.measures, (m) => m.name.toLocaleLowerCase());
  const periods = new Map<string, ScorecardDocument["periods"][number]>();
  for (const p of doc.periods) {
    periods.set(p.id, p);
    periods.set(p.label.toLocaleLowerCase(), p);
  }
  const existing = new Map(doc.actuals.map((a) => [`${a.measureId}/${a.periodId}`, a]));
  const seen = new Map<string, number>();

  /** Checks one row and adds it to the plan; returns what is wrong with it, or null. */
  const readRow = (cells: readonly string[], row: number): string | null => {
    const cell = (c: Column) => {
      const at = columns[c];
      return at === undefined ? undefined : unguard((cells[at] ?? "").trim());
    };

    const id = cell("measureId");
    const name = cell("measureName");
    let measure = id ? byId.get(id) : undefined;
    if (!measure && name) {
      const named = byName.get(name.toLocaleLowerCase()) ?? [];
      if (named.length > 1) return `${quote(name)} names ${named.length} measures; give the measure id`;
      measure = named[0];
    }
    if (!measure) return id || name ? `unknown measure ${quote(id || name || "")}` : "no measure given";

    const periodText = cell("period") ?? "";
    const period = periods.get(periodText.toLocaleLowerCase()) ?? periods.get(periodText);
    if (!period) return periodText ? `unknown period ${quote(periodText)}` : "no period given";

    const raw = cell("value") ?? "";
    if (raw === "") return `no value for ${quote(measure.name)} in ${quote(period.label)}`;
    if (/^[=@]/.test(raw)) return `${quote(raw)} is a formula; only numbers are imported`;
    const value = NUMBER.test(raw) ? Number(raw) : Number.NaN;
    if (!Number.isFinite(value)) return `${quote(raw)} is not a number`;
    if (Math.abs(value) > LIMITS.maxAbsNumber) return `${quote(raw)} is beyond ±${LIMITS.maxAbsNumber}`;
    const outOfRange = actualProblem(measure, value);
    if (outOfRange) return `value ${raw} for ${quote(measure.name)}: ${outOfRange}`;

    const note = cell("note");
    if (note !== undefined && note.length > LIMITS.textMax) {
      return `the note has ${note.length} characters; at most ${LIMITS.textMax} are allowed`;
    }
    const key = `${measure.id}/${period.id}`;
    const first = seen.get(key);
    if (first !== undefined) return `${quote(measure.name)} in ${quote(period.label)} is also in row ${first}`;
    seen.set(key, row);

    const before = existing.get(key);
    if (before && before.value === value && (note === undefined || before.note === note)) {
      plan.unchanged++;
      return null;
    }
    if (before) plan.changed++;
    else plan.added++;
    plan.operation.operations.push({
      type: "actual.set",
      measureId: measure.id,
      periodId: period.id,
      value,
      ...(note === undefined ? {} : { note }),
    });
    return null;
  };
  for (const [i, cells] of body.entries()) {
    if (cells.every((c) => c.trim() === "")) continue;
    plan.rows++;
    const row = i + 2;
    const message = readRow(cells, row);
    if (message) problems.push({ row, message });
  }
  return plan;
}

function mapColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const out: Partial<Record<Column, number>> = {};
  header.forEach((h, i) => {
    const key = h
      .trim()
      .toLowerCase()
      .replace(/[\s_-]+/g, "");
    for (const [column, names] of Object.entries(COLUMN_NAMES) as Array<[Column, readonly string[]]>) {
      if (names.includes(key) && out[column] === undefined) out[column] = i;
    }
  });
  return out;
}

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}
