/**
 * `scorecard export FILE --format json --out PATH`: the JSON form of the whole document
 * (shared/document-json.ts), to a file written atomically or, with `--out -`, to stdout.
 */
import path from "node:path";
import { toDocumentJson } from "../../../shared/document-json.ts";
import { readScorecardFile } from "../../file/open.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { writeTextAtomically } from "../files.ts";
import { refusal, unavailable, usageError } from "../output.ts";

const OPTIONS = {
  format: { type: "string" },
  out: { type: "string" },
} as const;

/** Formats the SPEC names that later work (reports) brings. */
const LATER_FORMATS = ["csv", "xlsx"];

export const exportCommand: Command = {
  name: "export",
  usage: [["export FILE --format json --out PATH", "write the document's JSON form to PATH (--out - for stdout)"]],
  run(argv, { out, resolve }) {
    const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE"]);
    const [file] = positionals;
    if (values.format === undefined) throw usageError("missing --format");
    if (LATER_FORMATS.includes(values.format)) throw unavailable(`export --format ${values.format}`, "--format json");
    if (values.format !== "json") throw usageError(`unknown format ${JSON.stringify(values.format)} (formats: json)`);
    if (values.out === undefined) throw usageError("missing --out PATH (or --out - for stdout)");
    const source = resolve(file);
    const text = toDocumentJson(readScorecardFile(source).document);
    if (values.out === "-") {
      out.raw(text);
      return;
    }
    const target = resolve(values.out);
    if (target === source) throw refusal(`${path.basename(target)}: --out names the scorecard file itself`);
    writeTextAtomically(target, text);
    out.lines(`exported ${path.basename(source)} to ${values.out}`);
  },
};
