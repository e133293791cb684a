/**
 * `scorecard new --template NAME FILE` and `scorecard new --from DOC.json FILE`: a new scorecard
 * file, written atomically and verified by the same pipeline that opens files. An existing FILE
 * is only replaced with --force.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { version } from "../../../package.json";
import { parseDocumentJson } from "../../../shared/document-json.ts";
import { formatProblem } from "../../../shared/domain/problems.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { findTemplate, TEMPLATES } from "../../../shared/templates/index.ts";
import { defaultPeriods, instantiateTemplate, MAX_NEW_PERIODS } from "../../../shared/templates/instantiate.ts";
import { writeFileAtomically } from "../../file/copy.ts";
import { parseCommand } from "../args.ts";
import type { Command, Context } from "../command.ts";
import { exists, readTextFile } from "../files.ts";
import { contents, refusalRows } from "../format.ts";
import { refusal, usageError } from "../output.ts";

const OPTIONS = {
  template: { type: "string" },
  from: { type: "string" },
  force: { type: "boolean" },
  start: { type: "string" },
  periods: { type: "string" },
} as const;

export const newCommand: Command = {
  name: "new",
  usage: [
    [
      "new --template NAME FILE [--start YYYY-MM-DD] [--periods N] [--force]",
      "create a scorecard file from a built-in template, with N periods from START (default: this year)",
    ],
    ["new --from DOC.json FILE [--force]", "create a scorecard file from the JSON form of a document"],
  ],
  run(argv, ctx) {
    const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE"]);
    const [file] = positionals;
    const { template, from } = values;
    let make: () => { doc: ScorecardDocument; source: string };
    if (template !== undefined && from === undefined) make = () => fromTemplate(template, values.start, values.periods);
    else if (from !== undefined && template === undefined) make = () => fromJson(ctx, from);
    else throw usageError("give either --template NAME or --from DOC.json");
    if (from !== undefined && (values.start !== undefined || values.periods !== undefined)) {
      throw usageError("--start and --periods go with --template");
    }
    const target = ctx.resolve(file);
    if (!values.force && exists(target)) {
      throw refusal(`${path.basename(target)}: already exists; add --force to replace it`);
    }
    const { doc, source } = make();
    writeFileAtomically(target, doc);
    ctx.out.lines(`created ${file} from ${source} (${contents(doc)})`);
  },
};

function fromTemplate(key: string, start?: string, periods?: string): { doc: ScorecardDocument; source: string } {
  const def = findTemplate(key);
  if (!def) {
    throw usageError(`unknown template ${JSON.stringify(key)} (templates: ${TEMPLATES.map((t) => t.key).join(", ")})`);
  }
  const now = new Date().toISOString();
  const defaults = defaultPeriods(def, now);
  const firstStart = start ?? defaults.firstStart;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(firstStart) || Number.isNaN(Date.parse(firstStart))) {
    throw usageError(`--start must be a date like 2026-01-01, not ${JSON.stringify(firstStart)}`);
  }
  const count = periods === undefined ? defaults.count : Number(periods);
  if (!Number.isInteger(count) || count < 0 || count > MAX_NEW_PERIODS) {
    throw usageError(`--periods must be a whole number from 0 to ${MAX_NEW_PERIODS}, not ${JSON.stringify(periods)}`);
  }
  // Valid by construction (tests/unit/templates.test.ts validates every template).
  const doc = instantiateTemplate(def, {
    newId: randomUUID,
    now,
    appVersion: version,
    periods: { firstStart, count },
  });
  return { doc, source: `template "${def.name}"` };
}

/** Reads untrusted JSON; an invalid document is refused, its problems listed on stdout. */
function fromJson(ctx: Context, file: string): { doc: ScorecardDocument; source: string } {
  const name = path.basename(file);
  const { document, problems } = parseDocumentJson(readTextFile(ctx.resolve(file)));
  if (!document) {
    const errors = problems.filter((p) => p.severity === "error");
    ctx.out.lines(...refusalRows(problems));
    const first = errors[0] ? formatProblem(errors[0]) : "it is not a valid document";
    throw refusal(
      `${name}: ${errors.length > 1 ? `the document has ${errors.length} problems, first ${first}` : first}`,
    );
  }
  return { doc: document, source: name };
}
