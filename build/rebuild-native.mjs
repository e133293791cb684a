/**
 * `npm run rebuild:electron`: builds better-sqlite3 for Electron into native/electron/ (see
 * native-binding.mjs). Does nothing when the binding there already matches the installed packages.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { prepareElectronBinding } from "./native-binding.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
try {
  const binding = await prepareElectronBinding({ root, log: (line) => console.error(line) });
  console.error(`Electron build of better-sqlite3: ${path.relative(root, binding)}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
