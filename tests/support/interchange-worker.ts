/**
 * The interchange worker's script for tests, bundled the way `npm run build:main` bundles it
 * (build/build-main.mjs), so the tests' shell runs imports and exports on the very worker thread
 * the app uses. Written under dist/ in the project, where its packages resolve from node_modules.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { BUNDLES } from "../../build/build-main.mjs";

let built: string | null = null;

/** The bundled worker's path, built once per test file's module graph (the rename keeps parallel builds from reading half a file). */
export function interchangeWorkerScript(): string {
  if (built) return built;
  const root = path.resolve(import.meta.dirname, "../..");
  const file = path.join(root, "dist/tests/interchange-worker.cjs");
  const temp = `${file}.${randomUUID()}.tmp`; // unique: test files build it in parallel
  fs.mkdirSync(path.dirname(file), { recursive: true });
  buildSync({ ...BUNDLES["interchange-worker"], outfile: temp, logLevel: "warning" });
  fs.renameSync(temp, file);
  built = file;
  return file;
}
