/**
 * `scorecard import-actuals FILE DATA.csv|DATA.xlsx [--sheet NAME] [--dry-run]`: actuals from a
 * CSV file or an Excel workbook, read by main's import reader (electron/interchange/) and mapped
 * as the import dialog guesses it (shared/interchange/actuals-import.ts): one row per measure ×
 * period, or one column per period. Every value is checked first; if any has a problem, each is
 * listed by row and nothing is written. Otherwise the whole import is one operation, so one
 * transaction: all of it lands, or none.
 */
import path from "node:path";
import { version } from "../../../package.json";
import { quote } from "../../../shared/domain/readable-path.ts";
import { guessMapping, planImport, whyNoMapping } from "../../../shared/interchange/actuals-import.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { ScorecardStore } from "../../file/store.ts";
import { readImportFile } from "../../interchange/read-import-file.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { refusal } from "../output.ts";

const OPTIONS = { "dry-run": { type: "boolean" }, sheet: { type: "string" } } as const;

export const importActualsCommand: Command = {
  name: "import-actuals",
  usage: [
    [
      "import-actuals FILE DATA.csv|DATA.xlsx [--sheet NAME] [--dry-run]",
      "import actuals from CSV or XLSX (measure or measure_id with period, value, note; or one column per period); all values or none",
    ],
  ],
  async run(argv, { out, resolve }) {
    const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE", "DATA"]);
    const [file, data] = positionals;
    const dataName = path.basename(data);
    const chosen = onlySheet(await readImportFile(resolve(data)), values.sheet);
    const store = ScorecardStore.open(resolve(file), { appVersion: version });
    try {
      const doc = store.document();
      const mapping = guessMapping(chosen, doc);
      if (!mapping) throw refusal(`${dataName}: ${whyNoMapping(chosen)}; nothing was imported`);
      const plan = planImport(chosen, mapping, doc, `Import ${dataName}`);
      const { problems } = plan;
      if (problems.length > 0) {
        // In one row per value the row alone finds the cell; in one column per period it takes the column too.
        const where = (p: (typeof problems)[number]) =>
          p.row === 0 ? "" : `row ${p.row}${mapping.layout === "columns" && p.column ? `, column ${p.column}` : ""}: `;
        const lines = problems.map((p) => `${where(p)}${p.message}`);
        if (plan.problemCount > problems.length) lines.push(`… and ${plan.problemCount - problems.length} more`);
        out.lines(...lines);
        const first = problems[0] as (typeof problems)[number];
        const unit = mapping.layout === "rows" ? "row" : "cell";
        const which =
          plan.problemCount === 1 ? `a ${unit} has a problem` : `${plan.problemCount} ${unit}s have problems`;
        throw refusal(
          `${dataName}: ${first.row > 0 ? which : first.message}; nothing was imported${first.row > 0 ? ` (first: ${where(first)}${first.message})` : ""}`,
        );
      }
      const summary = `${plan.added} new, ${plan.changed} changed, ${plan.unchanged} unchanged`;
      const what = mapping.layout === "rows" ? `${plan.rows} rows` : `${plan.entries.length} values`;
      if (values["dry-run"]) {
        out.lines(`would import ${what} into ${path.basename(file)} (${summary}); nothing was written`);
        return;
      }
      if (plan.operation.operations.length === 0) {
        out.lines(`nothing to import: all ${what} already match ${path.basename(file)}`);
        return;
      }
      store.apply(plan.operation);
      out.lines(`imported ${what} into ${path.basename(file)} (${summary})`);
    } finally {
      store.close();
    }
  },
};

/** The file with only the sheet named by --sheet (without case), or as it is when none is named. */
function onlySheet(file: ImportFile, name: string | undefined): ImportFile {
  if (name === undefined) return file;
  const sheet = file.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  if (!sheet) {
    const names = file.sheets.map((s) => quote(s.name)).join(", ");
    throw refusal(`${file.fileName}: no sheet ${quote(name)} (it has ${names})`);
  }
  return { ...file, sheets: [sheet] };
}
