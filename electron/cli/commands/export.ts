/**
 * `scorecard export FILE --format json|csv --out PATH`: the JSON form of the whole document
 * (shared/document-json.ts) or the actuals as CSV (shared/interchange/actuals-csv.ts, the form
 * `import-actuals` reads), to a file written atomically or, with `--out -`, to stdout.
 */
import path from "node:path";
import { toDocumentJson } from "../../../shared/document-json.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { actualsToCsv } from "../../../shared/interchange/actuals-csv.ts";
import { writeDataAtomically } from "../../file/copy.ts";
import { readScorecardFile } from "../../file/open.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { refusal, unavailable, usageError } from "../output.ts";

const OPTIONS = {
  format: { type: "string" },
  out: { type: "string" },
} as const;

const FORMATS: Record<string, (doc: ScorecardDocument) => string> = { json: toDocumentJson, csv: actualsToCsv };
/** Formats the SPEC names that later work (reports) brings. */
const LATER_FORMATS = ["xlsx"];

export const exportCommand: Command = {
  name: "export",
  usage: [
    ["export FILE --format json --out PATH", "write the document's JSON form to PATH (--out - for stdout)"],
    ["export FILE --format csv --out PATH", "write the actuals as CSV (measure, period, value, note) to PATH"],
  ],
  run(argv, { out, resolve }) {
    const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE"]);
    const [file] = positionals;
    if (values.format === undefined) throw usageError("missing --format");
    const formats = Object.keys(FORMATS).join(", ");
    if (LATER_FORMATS.includes(values.format)) throw unavailable(`export --format ${values.format}`, formats);
    const write = FORMATS[values.format];
    if (!write) throw usageError(`unknown format ${JSON.stringify(values.format)} (formats: ${formats})`);
    if (values.out === undefined) throw usageError("missing --out PATH (or --out - for stdout)");
    const source = resolve(file);
    const text = write(readScorecardFile(source).document);
    if (values.out === "-") {
      out.raw(text);
      return;
    }
    const target = resolve(values.out);
    if (target === source) throw refusal(`${path.basename(target)}: --out names the scorecard file itself`);
    writeDataAtomically(target, text);
    out.lines(`exported ${path.basename(source)} to ${values.out}`);
  },
};
