/** The built binary's entry (build/build-cli.mjs bundles it into dist/cli/scorecard.mjs). */
import { runCli } from "./main.ts";

// `scorecard score x | head -1` closes the pipe early; that ends the output, it is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
