/**
 * The `scorecard` command line (SPEC §5), for automation and scripted checks, on the same modules
 * as the app. Plain Node: it never imports electron. `runCli` takes its arguments and streams as
 * parameters, so tests run it in-process; entry.ts is what the built binary runs.
 *
 * Exit codes: 0 success; 1 refused or invalid input, with one `scorecard: <reason>` line on
 * stderr; 2 usage errors (and features this version does not have yet).
 */
import path from "node:path";
import { version } from "../../package.json";
import { DOCUMENT_JSON_VERSION } from "../../shared/document-json.ts";
import { FileRefused, FileWriteFailed } from "../file/errors.ts";
import { SCHEMA_VERSION } from "../file/migrations.ts";
import { ImportRefused } from "../interchange/errors.ts";
import { wantsHelp } from "./args.ts";
import type { Command } from "./command.ts";
import { exportCommand } from "./commands/export.ts";
import { importActualsCommand } from "./commands/import-actuals.ts";
import { newCommand } from "./commands/new.ts";
import { scoreCommand } from "./commands/score.ts";
import { templatesCommand } from "./commands/templates.ts";
import { validateCommand } from "./commands/validate.ts";
import { whatifCommand } from "./commands/whatif.ts";
import { CliError, type CliIo, Output, usageError } from "./output.ts";
import { formatTable } from "./table.ts";

export type { CliIo } from "./output.ts";

const COMMANDS: readonly Command[] = [
  templatesCommand,
  newCommand,
  validateCommand,
  scoreCommand,
  whatifCommand,
  exportCommand,
  importActualsCommand,
];

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const out = new Output(io);
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`${usage().join("\n")}\n`);
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    out.lines(...usage());
    return 0;
  }
  if (name === "--version") {
    out.lines(
      `scorecard ${version} (file schema version ${SCHEMA_VERSION}, document JSON version ${DOCUMENT_JSON_VERSION})`,
    );
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw usageError(`unknown command ${JSON.stringify(name)}`);
    if (wantsHelp(rest)) {
      out.lines(...synopses([command]));
      return 0;
    }
    const cwd = io.cwd ?? process.cwd();
    await command.run(rest, { out, resolve: (file) => path.resolve(cwd, file) });
    return 0;
  } catch (e) {
    return report(e, out, command);
  }
}

/** Turns a failure into its exit code and one line (a usage error adds how to call the command). */
function report(e: unknown, out: Output, command: Command | undefined): number {
  if (e instanceof CliError) {
    const hint = command
      ? command.usage.map(([synopsis]) => `usage: scorecard ${synopsis}`)
      : ['run "scorecard --help" for the commands'];
    out.error(e.message, ...(e.withUsage ? hint : []));
    return e.exitCode;
  }
  if (e instanceof FileRefused || e instanceof FileWriteFailed || e instanceof ImportRefused) {
    out.error(e.message);
    return 1;
  }
  // A bug, not a bad input: still one line and no stack trace, but said to be unexpected.
  const message = e instanceof Error ? e.message : String(e);
  out.error(`unexpected error: ${message.split("\n")[0]}`);
  return 1;
}

function synopses(commands: readonly Command[]): string[] {
  return formatTable(commands.flatMap((c) => c.usage.map(([synopsis, summary]) => [`scorecard ${synopsis}`, summary])));
}

function usage(): string[] {
  return [
    "usage: scorecard <command> [arguments]",
    "",
    ...synopses(COMMANDS).map((line) => `  ${line}`),
    "",
    "  --help after a command explains it; scorecard --version prints the version.",
    "",
    "exit codes: 0 success, 1 refused or invalid input (reason on stderr), 2 usage error",
  ];
}
