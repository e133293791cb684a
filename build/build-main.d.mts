/** Types of build-main.mjs, for TypeScript callers (the tests) and for its own JSDoc. */
import type { BuildOptions } from "esbuild";

/** esbuild options of dist/electron/main.cjs, preload.cjs and interchange-worker.cjs, minus the output settings. */
export const BUNDLES: { main: BuildOptions; preload: BuildOptions; "interchange-worker": BuildOptions };
export function buildMain(): Promise<void>;
