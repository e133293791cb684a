/** Why a file cannot be opened or written, in words a user can act on. */
import type { Problem } from "../../shared/domain/types.ts";

export type RefusalKind =
  | "missing" // no such file, or not a regular file
  | "too-large"
  | "not-scorecard" // not SQLite, or SQLite of another application
  | "newer" // written by a newer schema
  | "damaged" // fails SQLite's own checks
  | "structure" // schema differs from ours (extra trigger, view, changed table…)
  | "invalid" // rows break the domain rules
  | "sidecar" // a write-ahead log next to it
  | "unfinished" // a crash left a journal that needs recovery
  | "locked" // another process has it open
  | "read-only"; // opened for editing, but the file or its folder cannot be written

export class FileRefused extends Error {
  constructor(
    readonly kind: RefusalKind,
    /** One line: what is wrong, naming the file. */
    message: string,
    /** Row-by-row findings, for a file whose rows break the rules. */
    readonly problems: readonly Problem[] = [],
  ) {
    super(message);
    this.name = "FileRefused";
  }
}

/** A write that failed (disk full, permissions…); the edit was rolled back, nothing is half-done. */
export class FileWriteFailed extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "FileWriteFailed";
  }
}
