/**
 * Where is the Electron runtime? The launcher's decision logic, free of side effects so that unit
 * tests can drive it with fakes. It follows node_modules/electron/index.js, except that it never
 * downloads anything itself and never throws. Types: electron-runtime.d.mts.
 */
import path from "node:path";

/** @type {typeof import("./electron-runtime.d.mts").executableInDist} */
export function executableInDist(platform) {
  // The names install.js gives the executable inside the dist folder.
  if (platform === "darwin") return "Electron.app/Contents/MacOS/Electron";
  return platform === "win32" ? "electron.exe" : "electron";
}

/** @type {typeof import("./electron-runtime.d.mts").findElectronRuntime} */
export function findElectronRuntime({ env, packageDir, platform = process.platform, exists, readText }) {
  // path.txt is written by the package's download step and names the executable inside dist/.
  const recorded = readText(path.join(packageDir, "path.txt"))?.trim() || undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const file = path.join(override, recorded ?? executableInDist(platform));
    if (exists(file)) return { kind: "found", path: file };
    return {
      kind: "missing",
      reason: `ELECTRON_OVERRIDE_DIST_PATH is set to "${override}", but there is no Electron executable at "${file}".`,
      downloadable: false,
    };
  }
  if (recorded) {
    const file = path.join(packageDir, "dist", recorded);
    if (exists(file)) return { kind: "found", path: file };
  }
  return { kind: "missing", reason: "the Electron runtime has not been downloaded yet.", downloadable: true };
}

/** @type {typeof import("./electron-runtime.d.mts").missingRuntimeMessage} */
export function missingRuntimeMessage(reason) {
  return [
    `Scorecard Studio cannot start: ${reason}`,
    "To run the desktop app, run `npm start` once with internet access (the electron package then",
    "downloads its runtime), or set ELECTRON_OVERRIDE_DIST_PATH to a folder that contains an Electron 45",
    "build. The tests do not need Electron: `npm test` runs the UI in Chromium.",
  ].join("\n");
}
