/**
 * `npm run bench` part two: the renderer's latencies in Debian's Chromium, through the same
 * harness as the e2e suite (main's real handler table on a real file). One worker, so the timings
 * are not shared with another browser; its own port, so it can run beside the e2e suite.
 */
import { defineConfig } from "@playwright/test";
import e2e from "../e2e/playwright.config.ts";

const port = 4318;

export default defineConfig({
  ...e2e,
  testDir: ".",
  testMatch: "*.bench.ts",
  outputDir: "../../test-results/bench-ui",
  workers: 1,
  fullyParallel: false,
  timeout: 120_000,
  // The large scorecard (10,000 × 36) takes seconds to reach the page through the harness's JSON
  // bridge; a bench waits for it rather than failing on the e2e suite's 5 s.
  expect: { timeout: 60_000 },
  use: { ...e2e.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    ...(e2e.webServer as object),
    command: `npx vite preview --config renderer/vite.config.ts --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}`,
  },
});
