/**
 * Checks an edit against the shared rules before it is sent: the renderer runs the same `execute`
 * main runs, on its own copy of the document, and takes the result straight back. An edit that
 * breaks a rule is shown with the validator's words and never reaches main.
 */
import { execute, OperationRefused, replay } from "../../../shared/operations/execute.ts";
import type { Operation } from "../../../shared/operations/operation.ts";
import type { DocumentState } from "../../../shared/operations/state.ts";
import type { Problem } from "../../../shared/domain/types.ts";

const CONTEXT = { now: "1970-01-01T00:00:00.000Z", appVersion: "dry-run" };

/** The problems `op` would be refused for; an empty list when main would accept it. */
export function problemsOf(state: DocumentState, op: Operation): Problem[] {
  try {
    const run = execute(state, op, CONTEXT);
    replay(state, run.inverse, run.label);
    return [];
  } catch (e) {
    if (e instanceof OperationRefused) return e.problems;
    throw e;
  }
}
