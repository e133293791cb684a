/**
 * Bundles the Electron main process (electron/main.ts) into dist/electron/main.cjs, the file that
 * package.json's "main" names. `electron` stays external: the runtime provides it.
 */
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function buildMain() {
  await build({
    entryPoints: [path.join(root, "electron/main.ts")],
    outfile: path.join(root, "dist/electron/main.cjs"),
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node22", // Electron 45 ships Node 22
    external: ["electron"],
    sourcemap: "linked",
    logLevel: "warning",
  });
}

// Run when executed directly (`npm run build:main`), not when imported by start.mjs.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildMain();
}
