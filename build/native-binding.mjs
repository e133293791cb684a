/**
 * The Electron build of better-sqlite3, kept apart from the Node build in node_modules that the tests
 * load. Electron 45 (ABI 150) and Node 20 (ABI 115) cannot share one binary, so the Electron one lives
 * in native/electron/ with a stamp saying what it was built from. It is compiled in a scratch copy of
 * the package (native/.staging/), never in node_modules/better-sqlite3, whose build/ folder
 * @electron/rebuild would otherwise overwrite (or delete, when it fails). Types: native-binding.d.mts.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const BINDING_DIR = "native/electron";
export const BINDING_FILE = `${BINDING_DIR}/better_sqlite3.node`;
export const STAMP_FILE = `${BINDING_DIR}/stamp.json`;
const STAGING_DIR = "native/.staging";

/** @type {typeof import("./native-binding.d.mts").bindingStatus} */
export function bindingStatus({ stamp, electronVersion, betterSqlite3Version, exists }) {
  if (!exists)
    return { kind: "missing", reason: `there is no Electron build of better-sqlite3 at ${BINDING_FILE} yet` };
  if (!stamp)
    return { kind: "stale", reason: `${STAMP_FILE} is missing or unreadable, so the binding's origin is unknown` };
  if (stamp.electron !== electronVersion) {
    return {
      kind: "stale",
      reason: `the binding was built for Electron ${stamp.electron}, the project uses ${electronVersion}`,
    };
  }
  if (stamp.betterSqlite3 !== betterSqlite3Version) {
    return {
      kind: "stale",
      reason: `the binding was built from better-sqlite3 ${stamp.betterSqlite3}, node_modules has ${betterSqlite3Version}`,
    };
  }
  return { kind: "ready" };
}

/** @type {typeof import("./native-binding.d.mts").failureMessage} */
export function failureMessage(detail, electronVersion, betterSqlite3Version) {
  return [
    `Could not build better-sqlite3 for Electron ${electronVersion} (${detail}).`,
    `The Electron build is made once, from a scratch copy of node_modules/better-sqlite3, into ${BINDING_DIR}/;`,
    "it needs internet access the first time (to fetch the Electron headers) and a C++ toolchain.",
    "Run `npm run rebuild:electron` on a machine with internet, or copy a better_sqlite3.node built for",
    `Electron ${electronVersion} into ${BINDING_DIR}/ next to a stamp.json containing`,
    `{"electron": "${electronVersion}", "betterSqlite3": "${betterSqlite3Version}"}.`,
    "node_modules/better-sqlite3 was not changed, so `npm test` is unaffected.",
  ].join(" ");
}

/** @type {typeof import("./native-binding.d.mts").prepareElectronBinding} */
export async function prepareElectronBinding({ root, log, rebuild }) {
  const sourceDir = path.join(root, "node_modules/better-sqlite3");
  const electronVersion = readVersion(path.join(root, "node_modules/electron/package.json"));
  const betterSqlite3Version = readVersion(path.join(sourceDir, "package.json"));
  const binding = path.join(root, BINDING_FILE);
  const status = bindingStatus({
    stamp: readStamp(path.join(root, STAMP_FILE)),
    electronVersion,
    betterSqlite3Version,
    exists: existsSync(binding),
  });
  if (status.kind === "ready") return binding;

  log(`Building better-sqlite3 ${betterSqlite3Version} for Electron ${electronVersion}: ${status.reason}.`);
  const stagingRoot = path.join(root, STAGING_DIR);
  const staging = path.join(stagingRoot, "better-sqlite3");
  try {
    rmSync(stagingRoot, { recursive: true, force: true });
    // The Node build (build/) stays behind: node-gyp starts clean and the copy is 17 MB smaller.
    const nodeBuild = path.join(sourceDir, "build");
    cpSync(sourceDir, staging, { recursive: true, filter: (from) => from !== nodeBuild });
    const run = rebuild ?? (await import("@electron/rebuild")).rebuild;
    await withoutNodedir(() =>
      run({
        buildPath: staging,
        // Stops @electron/rebuild's search for node_modules folders at the copy: it must never
        // find (and rebuild) the real package above it.
        projectRootPath: staging,
        electronVersion,
        force: true,
        onlyModules: ["better-sqlite3"],
        buildFromSource: true,
        mode: "sequential",
      }),
    );
    const built = path.join(staging, "build/Release/better_sqlite3.node");
    if (!existsSync(built)) throw new Error(`the rebuild produced no ${path.relative(root, built)}`);
    const abi = electronAbiOf(built);
    mkdirSync(path.dirname(binding), { recursive: true });
    // Copy then rename, so an interrupted copy never leaves a half-written binding that looks ready.
    copyFileSync(built, `${binding}.tmp`);
    renameSync(`${binding}.tmp`, binding);
    /** @type {import("./native-binding.d.mts").Stamp} */
    const stamp = { electron: electronVersion, betterSqlite3: betterSqlite3Version, abi };
    writeFileSync(path.join(root, STAMP_FILE), `${JSON.stringify(stamp, null, 2)}\n`);
    log(`Wrote ${BINDING_FILE} (ABI ${abi ?? "unknown"}).`);
    return binding;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(failureMessage(detail, electronVersion, betterSqlite3Version), { cause: error });
  } finally {
    rmSync(stagingRoot, { recursive: true, force: true });
  }
}

/** @param {string} file */
function readVersion(file) {
  return /** @type {{version: string}} */ (JSON.parse(readFileSync(file, "utf8"))).version;
}

/**
 * @param {string} file
 * @returns {import("./native-binding.d.mts").Stamp | undefined}
 */
function readStamp(file) {
  try {
    const stamp = JSON.parse(readFileSync(file, "utf8"));
    return typeof stamp?.electron === "string" && typeof stamp.betterSqlite3 === "string" ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `npm run` exports ~/.npmrc's `nodedir=/usr` as npm_config_nodedir, and node-gyp would then compile
 * against this Node's headers while naming the result an Electron build.
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withoutNodedir(fn) {
  const saved = Object.entries(process.env).filter(([key]) => key.toLowerCase() === "npm_config_nodedir");
  for (const [key] of saved) delete process.env[key];
  try {
    return await fn();
  } finally {
    for (const [key, value] of saved) process.env[key] = value;
  }
}

/**
 * Loads the binding in a child Node process, which refuses it and names the ABI it was built for.
 * A binding that Node accepts is a Node build, the very mix-up this module exists to prevent.
 * @param {string} file
 * @returns {number | undefined}
 */
function electronAbiOf(file) {
  const probe = spawnSync(process.execPath, ["-e", "process.dlopen({ exports: {} }, process.argv[1])", file], {
    encoding: "utf8",
  });
  const abi = Number(/NODE_MODULE_VERSION (\d+)\. This version/.exec(probe.stderr)?.[1]);
  if (probe.status === 0 || abi === Number(process.versions.modules)) {
    throw new Error(`the rebuilt binding is a Node build (ABI ${process.versions.modules}), not an Electron one`);
  }
  // Any other refusal (e.g. a missing symbol) still proves it is not a Node build; the ABI stays unknown.
  return Number.isInteger(abi) ? abi : undefined;
}
