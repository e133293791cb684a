/**
 * Bundles the `scorecard` CLI (electron/cli/entry.ts → electron/cli/main.ts) into
 * dist/cli/scorecard.mjs, the file electron/cli/bin.mjs runs. Packages stay external: they are
 * loaded from node_modules, where better-sqlite3 has its native build for this Node.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const cliBundle = path.join(root, "dist/cli/scorecard.mjs");

export async function buildCli() {
  await build({
    entryPoints: [path.join(root, "electron/cli/entry.ts")],
    outfile: cliBundle,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
  fs.chmodSync(cliBundle, 0o755);
}

// Run when executed directly (`npm run build:cli`), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await buildCli();
}
