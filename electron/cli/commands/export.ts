/**
 * `scorecard export FILE --format json|xlsx|csv [--table NAME] --out PATH`: the JSON form of the
 * whole document (shared/document-json.ts), the XLSX workbook (electron/interchange/xlsx-write.ts)
 * or one table of it as CSV (shared/interchange/csv-text.ts; by default the actuals one row per
 * value, the form `import-actuals` reads), to a file written atomically or, for the text formats
 * with `--out -`, to stdout: the same bytes as File ▸ Export (electron/interchange/export-data.ts).
 * docs/exports.md lists every table and column.
 */
import path from "node:path";
import { CSV_TABLES, type CsvTable } from "../../../shared/api/contract.ts";
import { writeDataAtomically } from "../../file/copy.ts";
import { readScorecardFile } from "../../file/open.ts";
import { exportData } from "../../interchange/export-data.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { refusal, usageError } from "../output.ts";

const OPTIONS = {
  format: { type: "string" },
  out: { type: "string" },
  table: { type: "string" },
} as const;

const FORMATS = ["json", "xlsx", "csv"] as const;
/** What `--format csv` writes without `--table`: the actuals CSV this command has always written. */
const DEFAULT_TABLE: CsvTable = "actuals-list";

export const exportCommand: Command = {
  name: "export",
  usage: [
    ["export FILE --format json --out PATH", "write the document's JSON form to PATH (--out - for stdout)"],
    [
      "export FILE --format xlsx --out PATH",
      "write the Excel workbook: scores, measures, actuals, investments, scenarios",
    ],
    [
      "export FILE --format csv [--table NAME] --out PATH",
      `write one table as CSV: ${CSV_TABLES.map((t) => (t === DEFAULT_TABLE ? `${t} (default)` : t)).join(", ")}`,
    ],
  ],
  async run(argv, { out, resolve }) {
    const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE"]);
    const [file] = positionals;
    const format = values.format;
    if (format === undefined) throw usageError("missing --format");
    if (!isOneOf(FORMATS, format)) {
      throw usageError(`unknown format ${JSON.stringify(format)} (formats: ${FORMATS.join(", ")})`);
    }
    const table = values.table ?? DEFAULT_TABLE;
    if (values.table !== undefined && format !== "csv") throw usageError("--table goes with --format csv");
    if (!isOneOf(CSV_TABLES, table)) {
      throw usageError(`unknown table ${JSON.stringify(table)} (tables: ${CSV_TABLES.join(", ")})`);
    }
    if (values.out === undefined) throw usageError("missing --out PATH (or --out - for stdout)");
    // A workbook is binary: written to a terminal it would be noise, so it goes to a file only.
    if (values.out === "-" && format === "xlsx") throw usageError("--format xlsx writes a file: give --out PATH");

    const source = resolve(file);
    const target = resolve(values.out);
    if (values.out !== "-" && target === source) {
      throw refusal(`${path.basename(source)}: --out names the scorecard file itself`);
    }
    const doc = readScorecardFile(source).document;
    const data = await exportData(doc, format === "csv" ? { csv: table } : format);
    // `--out -` with xlsx was refused above: only text reaches stdout.
    if (values.out === "-" && typeof data === "string") {
      out.raw(data);
      return;
    }
    writeDataAtomically(target, data);
    out.lines(`exported ${path.basename(source)} to ${values.out}`);
  },
};

function isOneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}
