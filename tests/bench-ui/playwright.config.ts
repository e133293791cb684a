/**
 * `npm run bench` part two: the renderer's latencies in Debian's Chromium, through the same
 * harness as the e2e suite (main's real handler table on a real file). One worker, so the timings
 * are not shared with another browser.
 */
import { defineConfig } from "@playwright/test";
import e2e from "../e2e/playwright.config.ts";

export default defineConfig({
  ...e2e,
  testDir: ".",
  testMatch: "*.bench.ts",
  outputDir: "../../test-results/bench-ui",
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
});
