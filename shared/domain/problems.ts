/** Constructors and formatting for validation problems, shared by every validator. */
import type { Problem } from "./types.ts";

export function error(path: string, message: string): Problem {
  return { path, message, severity: "error" };
}

export function warning(path: string, message: string): Problem {
  return { path, message, severity: "warning" };
}

/**
 * Whether a problem is about the form field `field` (its path is "field" or ends in ".field"):
 * such a problem is shown under that field with its bare message.
 */
export function isAboutField(p: Problem, field: string): boolean {
  return p.path === field || p.path.endsWith(`.${field}`);
}

/** `measures[12].target: must differ from baseline` — the form every problem is shown in. */
export function formatProblem(p: Problem): string {
  return p.path ? `${p.path}: ${p.message}` : p.message;
}

/** ["measures", 12, "target"] → `measures[12].target`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}
