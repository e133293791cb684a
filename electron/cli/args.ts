/** Argument parsing for one command, on node:util's parseArgs; every mistake becomes a usage error. */
import { type ParseArgsConfig, parseArgs } from "node:util";
import { usageError } from "./output.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** Parses `argv` strictly; `names` are the positional arguments the command takes, all required. */
export function parseCommand<const O extends Options, const N extends readonly string[]>(
  argv: string[],
  options: O,
  names: N,
) {
  let parsed: ReturnType<typeof parseWith<O>>;
  try {
    parsed = parseWith(argv, options);
  } catch (e) {
    // Node's messages go on with advice about "--"; the first sentence is the reason.
    const reason = (e instanceof Error ? e.message : String(e)).split(/\.\s/)[0] ?? "";
    throw usageError(reason.charAt(0).toLowerCase() + reason.slice(1));
  }
  const { positionals, values } = parsed;
  const missing = names[positionals.length];
  if (missing !== undefined) throw usageError(`missing ${missing}`);
  if (positionals.length > names.length) {
    throw usageError(`unexpected argument ${JSON.stringify(positionals[names.length])}`);
  }
  return { values, positionals: positionals as { [K in keyof N]: string } };
}

function parseWith<O extends Options>(args: string[], options: O) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

/** True when the arguments ask for help (before a `--`, after which everything is a name). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}
