/** Types of electron-runtime.mjs, for TypeScript callers (the tests) and for its own JSDoc. */

export type RuntimeLookup =
  | { kind: "found"; path: string }
  /** `downloadable`: the electron package's own download (install.js) could fix it. */
  | { kind: "missing"; reason: string; downloadable: boolean };

export interface FindOptions {
  env: Record<string, string | undefined>;
  /** The electron package's folder (node_modules/electron). */
  packageDir: string;
  platform?: NodeJS.Platform;
  exists: (file: string) => boolean;
  /** Returns undefined when the file does not exist. */
  readText: (file: string) => string | undefined;
}

export function executableInDist(platform: NodeJS.Platform): string;
export function findElectronRuntime(options: FindOptions): RuntimeLookup;
export function missingRuntimeMessage(reason: string): string;
