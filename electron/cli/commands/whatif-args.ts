/**
 * The arguments of `scorecard whatif` that carry values: `--set NAME=CHANGE`, amounts (`--total`)
 * and counts (`--draws`, `--seed`). A malformed value is a usage error, found before the file is
 * opened; names are looked up in the file afterwards (findNamed), and an unknown one is a refusal.
 */
import { LIMITS } from "../../../shared/domain/limits.ts";
import { quote } from "../../../shared/domain/readable-path.ts";
import { refusal, usageError } from "../output.ts";

/** A percentage of the investment's base spend (`+20%`: 20), or an absolute spend. */
export type SpendChange = { kind: "percent"; points: number } | { kind: "amount"; amount: number };

export interface SpendSetting {
  /** The argument as given, for messages and the saved scenario's notes. */
  arg: string;
  name: string;
  change: SpendChange;
}

/** An unsigned decimal, optionally with an exponent: 1500000, 1500000.50, 1.5e6. */
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/** `NAME=+20%`, `NAME=-15%`, `NAME=20%` or `NAME=1500000`; the last `=` separates, so a name may hold one. */
export function parseSetting(arg: string): SpendSetting {
  const eq = arg.lastIndexOf("=");
  const form = "give NAME=+20%, NAME=-15% or NAME=AMOUNT";
  if (eq === -1) throw usageError(`--set ${JSON.stringify(arg)}: no "="; ${form}`);
  const name = arg.slice(0, eq).trim();
  const value = arg.slice(eq + 1).trim();
  if (name === "") throw usageError(`--set ${JSON.stringify(arg)}: no investment name; ${form}`);
  const percent = /^([+-]?)(.*?)\s*%$/.exec(value);
  if (percent) {
    const [, sign = "", digits = ""] = percent;
    if (!DECIMAL.test(digits))
      throw usageError(`--set ${JSON.stringify(arg)}: ${JSON.stringify(value)} is not a percentage`);
    const points = Number(digits);
    if (!Number.isFinite(points)) throw refusal(`--set ${JSON.stringify(arg)}: the percentage is too large`);
    return { arg, name, change: { kind: "percent", points: sign === "-" ? -points : points } };
  }
  // "+1500000" could mean "1.5 M more": a change is always a percentage, an amount is the new spend.
  if (/^[+-]/.test(value)) {
    throw usageError(`--set ${JSON.stringify(arg)}: an amount takes no sign (a change is a percentage, NAME=+20%)`);
  }
  return { arg, name, change: { kind: "amount", amount: parseAmount(value, `--set ${JSON.stringify(arg)}`) } };
}

/** A spend or total: an unsigned number within the bound every stored number keeps (SPEC §1). */
export function parseAmount(text: string, what: string): number {
  if (!DECIMAL.test(text))
    throw usageError(`${what}: ${JSON.stringify(text)} is not an amount (e.g. 1500000 or 1.5e6)`);
  const amount = Number(text);
  if (!(amount <= LIMITS.maxAbsNumber)) throw refusal(`${what}: ${text} is beyond ${LIMITS.maxAbsNumber}`);
  return amount;
}

/** A whole number from `min` to `max`, written in plain digits. */
export function parseCount(text: string, option: string, min: number, max: number): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(n >= min && n <= max)) {
    throw usageError(`${option} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  }
  return n;
}

/** How many names a refusal lists before it says how many more there are. */
const LISTED = 12;

/**
 * The one item `name` means: its id, its exact name, else its name in any case. Unknown or
 * ambiguous names are refused with the names there are (quoted: they come from the file).
 */
export function findNamed<T extends { id: string; name: string }>(items: readonly T[], name: string, kind: string): T {
  const byId = items.find((item) => item.id === name);
  if (byId) return byId;
  const exact = items.filter((item) => item.name === name);
  const matches =
    exact.length > 0 ? exact : items.filter((item) => item.name.toLocaleLowerCase() === name.toLocaleLowerCase());
  const [only, second] = matches;
  if (only && !second) return only;
  if (only) {
    throw refusal(
      `${quote(name)} names ${matches.length} ${kind}s (${nameList(matches)}); give the exact name or the id`,
    );
  }
  const known = items.length === 0 ? `the file has no ${kind}s` : `${kind}s: ${nameList(items)}`;
  throw refusal(`unknown ${kind} ${quote(name)} (${known})`);
}

function nameList(items: ReadonlyArray<{ name: string }>): string {
  const listed = items.slice(0, LISTED).map((item) => quote(item.name));
  if (items.length > LISTED) listed.push(`and ${items.length - LISTED} more`);
  return listed.join(", ");
}
