/**
 * Bundles the Electron main process (electron/main.ts) into dist/electron/main.cjs, the file that
 * package.json's "main" names, and the preload into dist/electron/preload.cjs (a sandboxed
 * preload can require nothing but `electron`, so it must be one file). `electron` stays external:
 * the runtime provides it. Packages stay external too, as in the CLI: better-sqlite3 loads the
 * Electron build of its binding from native/electron/ (the `nativeBinding` option). The third
 * bundle, dist/electron/interchange-worker.cjs, is the worker thread that reads imports and builds exports.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * The esbuild options of both bundles, without where they are written: the build writes them to
 * dist/electron/, and the tests bundle the very same way in memory to run them against a fake electron.
 * @type {typeof import("./build-main.d.mts").BUNDLES}
 */
export const BUNDLES = {
  main: {
    entryPoints: [path.join(root, "electron/main.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22", // Electron 45 ships Node 22
    packages: "external",
  },
  preload: {
    entryPoints: [path.join(root, "electron/preload.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    external: ["electron"],
  },
  // Imports and exports run on a worker thread (electron/interchange/worker-thread.ts).
  "interchange-worker": {
    entryPoints: [path.join(root, "electron/interchange/worker-entry.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22",
    packages: "external",
  },
};

export async function buildMain() {
  for (const [name, options] of Object.entries(BUNDLES)) {
    await build({
      ...options,
      outfile: path.join(root, `dist/electron/${name}.cjs`),
      sourcemap: "linked",
      logLevel: "warning",
    });
  }
}

// Run when executed directly (`npm run build:main`), not when imported by start.mjs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildMain();
}
