/**
 * Problem paths for people: `measures[12].target` becomes `measure 13 “Uptime”.target`, and
 * `actuals[40].value` becomes `actual of “Uptime” in “2026-Q1”.value`. Works on unvalidated
 * input too (a file being opened), where any field may be missing or of the wrong type.
 */
import type { Problem } from "./types.ts";

const SINGULAR: Record<string, string> = {
  perspectives: "perspective",
  objectives: "objective",
  links: "link",
  measures: "measure",
  periods: "period",
  periodTargets: "period target",
  actuals: "actual",
  investments: "investment",
  impacts: "impact",
  scenarios: "scenario",
};

type Rows = Partial<Record<string, unknown>>;

/** Returns a function that rewrites a problem's path against this document. */
export function problemNamer(doc: Rows): (p: Problem) => Problem {
  let names: Map<string, string> | null = null;
  const nameOf = (id: unknown): string | undefined => {
    names ??= cellEndNames(doc);
    return typeof id === "string" ? names.get(id) : undefined;
  };
  return (p) => {
    const m = /^(\w+)\[(\d+)\](.*)$/.exec(p.path);
    if (!m) return p;
    const [, collection = "", index = "", rest = ""] = m;
    const what = SINGULAR[collection];
    if (!what) return p;
    const row = listOf(doc, collection)[Number(index)] as Record<string, unknown> | undefined;
    let label = `${what} ${Number(index) + 1}`;
    if (collection === "actuals" || collection === "periodTargets") {
      const measure = nameOf(row?.measureId);
      const period = nameOf(row?.periodId);
      if (measure && period) label = `${what} of ${quote(measure)} in ${quote(period)}`;
    } else if (row && typeof row.name === "string") {
      label += ` ${quote(row.name)}`;
    } else if (row && typeof row.label === "string") {
      label += ` ${quote(row.label)}`;
    }
    return { ...p, path: `${label}${rest}` };
  };
}

/** Measure names and period labels by id: what a cell's two ends are called (untrusted input is fine). */
export function cellEndNames(doc: Rows): Map<string, string> {
  const names = new Map<string, string>();
  for (const c of ["measures", "periods"]) {
    for (const row of listOf(doc, c)) {
      const r = row as Record<string, unknown>;
      const name = typeof r.name === "string" ? r.name : typeof r.label === "string" ? r.label : undefined;
      if (typeof r.id === "string" && name !== undefined) names.set(r.id, name);
    }
  }
  return names;
}

function listOf(doc: Rows, collection: string): readonly unknown[] {
  const list = doc[collection];
  return Array.isArray(list) ? list : [];
}

/** Control and bidirectional-control characters: in a message they could fake line breaks or reverse text. */
export const UNSAFE_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text from a file made fit for a sentence: on one line and free of direction tricks. */
export function plainText(text: string): string {
  return text.replace(/\s+/g, " ").replace(UNSAFE_CHARACTERS, "\uFFFD").trim();
}

/** Text from a file on one line, free of direction tricks, cut to `max` characters (the last an ellipsis when cut). */
export function shortText(text: string, max: number): string {
  const flat = plainText(text);
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Names come from files: keep them short in messages, on one line, and free of direction tricks. */
export function quote(name: string): string {
  return `“${shortText(name, 60)}”`;
}

/** An id read from a file, fit for a one-line message: a UUID as is, anything else quoted. */
export function describeId(id: unknown): string {
  if (typeof id === "string" && /^[0-9a-fA-F-]{36}$/.test(id)) return id;
  return typeof id === "string" ? quote(id) : String(id);
}
