#!/usr/bin/env node
// The `scorecard` command (package.json "bin"): runs the bundled CLI that `npm run build:cli` writes.
import fs from "node:fs";

const bundle = new URL("../../dist/cli/scorecard.mjs", import.meta.url);
if (fs.existsSync(bundle)) {
  await import(bundle.href);
} else {
  process.stderr.write("scorecard: the CLI is not built yet; run `npm run build:cli` first\n");
  process.exitCode = 1;
}
