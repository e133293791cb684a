/**
 * Turns whatever a handler threw into the typed, user-readable error that crosses to the
 * renderer. Known failures keep their message (written for users); anything else is logged in
 * main and reported in general words, so no stack trace or internal path reaches the page.
 */
import { type ApiResult, failure } from "../../shared/api/errors.ts";
import { formatProblem } from "../../shared/domain/problems.ts";
import type { Problem } from "../../shared/domain/types.ts";
import { OperationRefused } from "../../shared/operations/execute.ts";
import { FileRefused, FileWriteFailed } from "../file/errors.ts";
import { ImportRefused } from "../interchange/errors.ts";
import { NoDocument } from "../documents/document-windows.ts";
import { TokenRefused } from "./path-tokens.ts";

/** Problems shown with a refusal; the rest are counted ("… and 120 more"). */
export const MAX_PROBLEMS_SHOWN = 50;

export function problemLines(problems: readonly Problem[]): string[] {
  const lines = problems.slice(0, MAX_PROBLEMS_SHOWN).map(formatProblem);
  if (problems.length > MAX_PROBLEMS_SHOWN) lines.push(`… and ${problems.length - MAX_PROBLEMS_SHOWN} more`);
  return lines;
}

/** A request that passed the contract's schema but still makes no sense (a malformed operation, a refused URL). */
export class BadRequest extends Error {
  override name = "BadRequest";
}

export function toFailure(e: unknown, log: (error: unknown) => void): ApiResult<never> {
  if (e instanceof FileRefused) {
    return failure(e.kind === "locked" ? "locked" : "file-refused", e.message, problemLines(e.problems));
  }
  if (e instanceof ImportRefused) return failure("file-refused", e.message);
  if (e instanceof OperationRefused) return failure("edit-refused", e.message, problemLines(e.problems));
  if (e instanceof FileWriteFailed) return failure("write-failed", e.message);
  if (e instanceof TokenRefused) return failure("bad-token", e.message);
  if (e instanceof BadRequest) return failure("bad-request", e.message);
  if (e instanceof NoDocument) return failure("no-document", e.message);
  log(e);
  return failure(
    "internal",
    "Something unexpected went wrong. Every edit already made is safe in the file; please try again.",
  );
}
