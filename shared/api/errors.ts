/**
 * How failures cross the process boundary: as data the renderer can show, never as a thrown
 * error or a stack trace (Electron would serialise those with main's internals in them).
 */

export type ApiErrorKind =
  /** The request did not come from the app's own page in one of its windows. */
  | "forbidden"
  /** The request does not match the contract (a bug or a hostile renderer). */
  | "bad-request"
  /** A file token that this window was not given, was already used, or expired. */
  | "bad-token"
  /** The window has no open document. */
  | "no-document"
  /** A file that cannot be opened: not a scorecard, damaged, newer, invalid rows… */
  | "file-refused"
  /** Another program (or window) holds the file. */
  | "locked"
  /** An edit that breaks a rule; nothing changed. */
  | "edit-refused"
  /** A write that failed (disk full, permissions); it was rolled back. */
  | "write-failed"
  /** Something unexpected; main logged the details. */
  | "internal";

export interface ApiError {
  kind: ApiErrorKind;
  /** One sentence a user can act on. */
  message: string;
  /** Row-by-row findings ("measure 3 “Tickets”.baseline: must be a finite number"). */
  problems?: string[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): ApiResult<T> => ({ ok: true, value });
export const failure = (kind: ApiErrorKind, message: string, problems?: string[]): ApiResult<never> => ({
  ok: false,
  error: problems?.length ? { kind, message, problems } : { kind, message },
});
