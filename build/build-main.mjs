/**
 * Bundles the Electron main process (electron/main.ts) into dist/electron/main.cjs, the file that
 * package.json's "main" names, and the preload into dist/electron/preload.cjs (a sandboxed
 * preload can require nothing but `electron`, so it must be one file). `electron` stays external:
 * the runtime provides it. Packages stay external too, as in the CLI: better-sqlite3 loads the
 * Electron build of its binding from native/electron/ (the `nativeBinding` option).
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildMain() {
  const common = {
    bundle: true,
    platform: /** @type {const} */ ("node"),
    format: /** @type {const} */ ("cjs"),
    target: "node22", // Electron 45 ships Node 22
    sourcemap: /** @type {const} */ ("linked"),
    logLevel: /** @type {const} */ ("warning"),
  };
  await build({
    ...common,
    entryPoints: [path.join(root, "electron/main.ts")],
    outfile: path.join(root, "dist/electron/main.cjs"),
    packages: "external",
  });
  await build({
    ...common,
    entryPoints: [path.join(root, "electron/preload.ts")],
    outfile: path.join(root, "dist/electron/preload.cjs"),
    external: ["electron"],
  });
}

// Run when executed directly (`npm run build:main`), not when imported by start.mjs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildMain();
}
