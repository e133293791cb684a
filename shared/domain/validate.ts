/**
 * Validation of a whole document from an untrusted source (a file, an IPC message, a JSON import).
 * Every element is checked on its own, so one bad row never hides the problems of the others, and
 * the cross-entity rules (rules.ts) then run over the rows that passed. Returns every problem.
 */
import type { z } from "zod";
import { IdChecker, isWellFormedActual, isWellFormedMeasure, isWellFormedPeriodTarget } from "./bulk-rows.ts";
import { error, formatPath } from "./problems.ts";
import { type CheckedRows, crossEntityProblems } from "./rules.ts";
import { COLLECTIONS, type CollectionName, Scorecard } from "./schema.ts";
import type { Problem, ScorecardDocument } from "./types.ts";

export interface ValidationResult {
  /** The normalized document (names trimmed) when there is no error; null otherwise. */
  document: ScorecardDocument | null;
  problems: Problem[];
}

const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];
/** Row kinds with a fast acceptance check (bulk-rows.ts); the rest always go through their schema. */
const FAST_CHECKS: Partial<Record<CollectionName, (x: unknown, ids: IdChecker) => boolean>> = {
  measures: isWellFormedMeasure,
  actuals: isWellFormedActual,
  periodTargets: isWellFormedPeriodTarget,
};

export function validateDocument(input: unknown): ValidationResult {
  const problems: Problem[] = [];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return {
      document: null,
      problems: [error("", "a scorecard document must be an object")],
    };
  }
  const raw = input as Record<string, unknown>;
  for (const key of Object.keys(raw)) {
    if (key !== "scorecard" && !(COLLECTION_NAMES as string[]).includes(key)) {
      problems.push(error(key, "is not part of a scorecard document"));
    }
  }

  const scorecard = Scorecard.safeParse(raw.scorecard);
  if (!scorecard.success) problems.push(...zodProblems(scorecard.error, ["scorecard"], raw.scorecard));

  const ids = new IdChecker();
  const rejected = new Set<string>();
  const rows = {} as Record<CollectionName, Array<{ index: number; row: unknown }>>;
  for (const name of COLLECTION_NAMES) {
    rows[name] = [];
    const value = raw[name];
    if (!Array.isArray(value)) {
      problems.push(error(name, value === undefined ? "is required" : "must be a list"));
      continue;
    }
    const schema: z.ZodType = COLLECTIONS[name];
    const fast = FAST_CHECKS[name];
    value.forEach((element, index) => {
      if (fast?.(element, ids)) {
        rows[name].push({ index, row: element });
        return;
      }
      const parsed = schema.safeParse(element);
      if (parsed.success) rows[name].push({ index, row: parsed.data });
      else {
        problems.push(...zodProblems(parsed.error, [name, index], element));
        const id = (element as { id?: unknown } | null)?.id;
        if (typeof id === "string") rejected.add(id);
      }
    });
  }

  const checked = rows as unknown as CheckedRows;
  problems.push(...crossEntityProblems(checked, scorecard.success ? scorecard.data : null, rejected));

  const hasError = problems.some((p) => p.severity === "error");
  if (hasError || !scorecard.success) return { document: null, problems };
  const document = { scorecard: scorecard.data } as ScorecardDocument;
  for (const name of COLLECTION_NAMES) {
    (document as unknown as Record<string, unknown[]>)[name] = checked[name].map((r) => r.row);
  }
  return { document, problems };
}

function zodProblems(err: z.ZodError, prefix: ReadonlyArray<PropertyKey>, input: unknown): Problem[] {
  return err.issues.map((issue) => {
    if (issue.code === "unrecognized_keys") {
      return error(formatPath([...prefix, ...issue.path]), `unknown field(s): ${issue.keys.join(", ")}`);
    }
    // A missing field reads better as "is required" than as a type complaint about undefined.
    const missing = issue.code === "invalid_type" && valueAt(input, issue.path) === undefined;
    return error(formatPath([...prefix, ...issue.path]), missing ? "is required" : issue.message);
  });
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let at = input;
  for (const key of path) {
    if (typeof at !== "object" || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
