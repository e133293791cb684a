import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: ".",
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    // Property tests run a few hundred cases each; keep them deterministic across runs.
    testTimeout: 30_000,
  },
});
