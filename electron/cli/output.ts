/** Where the CLI writes, and the failures it ends with (SPEC §5 exit codes). */
import { UNSAFE_CHARACTERS } from "../../shared/domain/readable-path.ts";

export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** The folder relative paths are resolved against (default: the process's). */
  cwd?: string;
}

/** A failure reported as one `scorecard: <reason>` line: exit 1 for refused input, 2 for usage. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2,
    /** Follow the reason with the command's usage (bad flags, missing arguments). */
    readonly withUsage = false,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export const usageError = (reason: string) => new CliError(reason, 2, true);
export const refusal = (reason: string) => new CliError(reason, 1);

/**
 * Text from a file is untrusted (SPEC §1). In a terminal, control characters (escape sequences,
 * stray newlines) and bidirectional overrides could rewrite what the user sees, so human output
 * shows them as \u{…}. JSON output needs no such care: JSON.stringify escapes them itself.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, (c) => `\\u{${c.codePointAt(0)?.toString(16)}}`);
}

export class Output {
  constructor(private readonly io: CliIo) {}

  /** Lines for people, each made terminal-safe. */
  lines(...lines: readonly string[]): void {
    if (lines.length > 0) this.io.stdout.write(lines.map((l) => `${terminalSafe(l)}\n`).join(""));
  }

  /** Machine output (JSON), written exactly as given. */
  raw(text: string): void {
    this.io.stdout.write(text);
  }

  /** Diagnostics on stderr; the first line carries the `scorecard: ` prefix. */
  error(reason: string, ...more: readonly string[]): void {
    this.io.stderr.write([`scorecard: ${reason}`, ...more].map((l) => `${terminalSafe(l)}\n`).join(""));
  }
}
