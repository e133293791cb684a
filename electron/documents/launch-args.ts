/**
 * The documents a launch asks to open: `scorecard-studio plan.scorecard` from a shell, a double
 * click in the file manager (Windows passes the path, Linux desktop files may pass a file:// URL),
 * or the same arguments handed to the running instance by a second launch.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { FILE_EXTENSION } from "../file/format.ts";

/**
 * `argv` as the process got it; `leading` is how many entries are the runtime and app, not
 * arguments (1 when packaged, 2 for `electron .`). Switches (Chromium's, ours) are skipped.
 */
export function documentsInArgv(argv: readonly string[], cwd: string, leading: number): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(leading)) {
    if (arg.startsWith("-")) continue;
    const file = asPath(arg, cwd);
    if (file?.toLowerCase().endsWith(FILE_EXTENSION) && !files.includes(file)) files.push(file);
  }
  return files;
}

function asPath(arg: string, cwd: string): string | null {
  if (!/^file:/i.test(arg)) return path.resolve(cwd, arg);
  try {
    return fileURLToPath(arg);
  } catch {
    return null; // a file URL naming another host or malformed: not a local document
  }
}
