/**
 * `npm start`: finds the Electron runtime, builds the renderer and the main process, and runs the
 * app. The runtime is looked for first, so a machine without Electron gets its answer at once
 * instead of after a build.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findElectronRuntime, missingRuntimeMessage } from "./electron-runtime.mjs";
import { prepareElectronBinding } from "./native-binding.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const packageDir = path.join(root, "node_modules/electron");
/** Enough for the ~100 MB runtime on a slow line. Without any network it fails at once (0.2 s here). */
const DOWNLOAD_TIMEOUT_MS = 180_000;

const lookup = () =>
  findElectronRuntime({
    env: process.env,
    packageDir,
    exists: existsSync,
    readText: (file) => (existsSync(file) ? readFileSync(file, "utf8") : undefined),
  });

let runtime = lookup();
let reason = runtime.kind === "missing" ? runtime.reason : "";
if (runtime.kind === "missing" && runtime.downloadable) {
  // The electron package downloads its runtime lazily; try that once. On failure it prints a stack
  // trace, so its output is kept out of the way and the paragraph below says what to do instead.
  console.error("Electron runtime not found; downloading it once (Electron 45)…");
  const result = spawnSync(process.execPath, [path.join(packageDir, "install.js")], {
    cwd: packageDir,
    stdio: "ignore",
    timeout: DOWNLOAD_TIMEOUT_MS,
  });
  runtime = lookup();
  const why =
    result.error?.code === "ETIMEDOUT" ? `timed out after ${DOWNLOAD_TIMEOUT_MS / 1000} s` : "no internet access?";
  reason = `the Electron runtime is not installed and could not be downloaded (${why}).`;
}
if (runtime.kind === "missing") {
  console.error(missingRuntimeMessage(reason));
  process.exit(1);
}

// The app opens its files with an Electron build of better-sqlite3, kept in native/electron/ apart
// from the Node build in node_modules that the tests load.
try {
  await prepareElectronBinding({ root, log: (line) => console.error(line) });
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const { build } = await import("vite");
const { buildMain } = await import("./build-main.mjs");
await build({ configFile: path.join(root, "renderer/vite.config.ts"), logLevel: "warn" });
await buildMain();

// ELECTRON_RUN_AS_NODE (set by some tools) would make the runtime behave as plain Node.
const electronPath = runtime.path;
const app = spawn(electronPath, [root], { stdio: "inherit", env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined } });
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => app.kill(signal));
}
app.on("error", (error) => {
  console.error(`Scorecard Studio cannot start: running ${electronPath} failed (${error.message}).`);
  process.exit(1);
});
app.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
