/**
 * The opt-in suite that runs the real Electron shell (`npm run test:electron`). It needs the
 * Electron runtime and the Electron build of better-sqlite3, which these CI machines cannot
 * download; on a machine with internet run `npm start` once, then this. Without E2E_ELECTRON=1 it
 * refuses to run rather than pretend.
 */
import { defineConfig } from "@playwright/test";

if (process.env.E2E_ELECTRON !== "1") {
  throw new Error("The Electron suite is opt-in: run it with `npm run test:electron` (sets E2E_ELECTRON=1).");
}

export default defineConfig({
  testDir: ".",
  outputDir: "../../test-results/electron",
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
});
