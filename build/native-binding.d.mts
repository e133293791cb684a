/** Types of native-binding.mjs, for TypeScript callers (the tests) and for its own JSDoc. */
import type { RebuildOptions } from "@electron/rebuild";

/** native/electron/stamp.json: what the binding next to it was built from. */
export interface Stamp {
  electron: string;
  betterSqlite3: string;
  /** NODE_MODULE_VERSION the binding declares, when the build could read it. */
  abi?: number;
}

export type BindingStatus = { kind: "ready" } | { kind: "stale" | "missing"; reason: string };

export interface StatusInput {
  stamp: Stamp | undefined;
  /** The installed electron package's version. */
  electronVersion: string;
  /** The installed better-sqlite3 package's version. */
  betterSqlite3Version: string;
  /** Whether native/electron/better_sqlite3.node exists. */
  exists: boolean;
}

export interface PrepareOptions {
  /** The project folder (the one holding node_modules/). */
  root: string;
  log: (line: string) => void;
  /** Stands in for @electron/rebuild's `rebuild` (tests); it is handed the scratch copy only. */
  rebuild?: (options: RebuildOptions) => Promise<void>;
}

export const BINDING_DIR: string;
export const BINDING_FILE: string;
export const STAMP_FILE: string;

export function bindingStatus(input: StatusInput): BindingStatus;
/** The one-paragraph explanation thrown when the Electron build cannot be made. */
export function failureMessage(detail: string, electronVersion: string, betterSqlite3Version: string): string;
/**
 * Makes sure native/electron/better_sqlite3.node is an Electron build matching the installed packages,
 * building it when needed, and returns its path. Throws an Error whose message is failureMessage's.
 */
export function prepareElectronBinding(options: PrepareOptions): Promise<string>;
