/** What every command module provides; main.ts lists them for dispatch and help. */
import type { Output } from "./output.ts";

export interface Context {
  out: Output;
  /** A path from the command line, resolved against the caller's folder. */
  resolve(file: string): string;
}

export interface Command {
  name: string;
  /** Synopsis (after `scorecard `) and what it does, one line each; a command may have several forms. */
  usage: ReadonlyArray<readonly [synopsis: string, summary: string]>;
  /** Succeeds, or throws CliError / FileRefused / FileWriteFailed. */
  run(argv: string[], ctx: Context): void | Promise<void>;
}
