/** The `npm start` launcher: where it looks for Electron, and what it says when there is none. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { executableInDist, findElectronRuntime } from "../../build/electron-runtime.mjs";

const packageDir = path.join("/app", "node_modules", "electron");
const pathTxt = path.join(packageDir, "path.txt");

/** A file system holding exactly `files` (path → contents). */
function fakeFs(files: Record<string, string>) {
  return { exists: (file: string) => file in files, readText: (file: string) => files[file] };
}

describe("findElectronRuntime", () => {
  it("uses the executable that path.txt names inside the package's dist folder", () => {
    const exe = path.join(packageDir, "dist", "electron");
    const fs = fakeFs({ [pathTxt]: "electron", [exe]: "" });
    expect(findElectronRuntime({ env: {}, packageDir, platform: "linux", ...fs })).toEqual({
      kind: "found",
      path: exe,
    });
  });

  it("reports a runtime that was never downloaded as missing and downloadable", () => {
    const lookup = findElectronRuntime({ env: {}, packageDir, platform: "linux", ...fakeFs({}) });
    expect(lookup).toMatchObject({ kind: "missing", downloadable: true });
  });

  it("reports a path.txt whose executable is gone as missing and downloadable", () => {
    const lookup = findElectronRuntime({
      env: {},
      packageDir,
      platform: "linux",
      ...fakeFs({ [pathTxt]: "electron" }),
    });
    expect(lookup).toMatchObject({ kind: "missing", downloadable: true });
  });

  it("prefers ELECTRON_OVERRIDE_DIST_PATH, with the platform's executable name", () => {
    const exe = path.join("/opt/electron-45", "Electron.app/Contents/MacOS/Electron");
    const env = { ELECTRON_OVERRIDE_DIST_PATH: "/opt/electron-45" };
    const fs = fakeFs({ [exe]: "", [path.join(packageDir, "dist", "electron")]: "" });
    expect(findElectronRuntime({ env, packageDir, platform: "darwin", ...fs })).toEqual({ kind: "found", path: exe });
  });

  it("does not download when the override points at a folder without Electron", () => {
    const env = { ELECTRON_OVERRIDE_DIST_PATH: "/nowhere" };
    const lookup = findElectronRuntime({ env, packageDir, platform: "win32", ...fakeFs({}) });
    expect(lookup).toMatchObject({ kind: "missing", downloadable: false });
    expect(lookup.kind === "missing" && lookup.reason).toContain(path.join("/nowhere", "electron.exe"));
  });

  it("names the executable as the electron package does", () => {
    expect(executableInDist("linux")).toBe("electron");
    expect(executableInDist("win32")).toBe("electron.exe");
    expect(executableInDist("darwin")).toBe("Electron.app/Contents/MacOS/Electron");
  });
});

describe("npm start without Electron", () => {
  it("exits 1 at once with one paragraph on what to do, without building or downloading", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "no-electron-"));
    try {
      const started = Date.now();
      const result = spawnSync(process.execPath, [path.resolve(import.meta.dirname, "../../build/start.mjs")], {
        env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: empty },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("ELECTRON_OVERRIDE_DIST_PATH");
      expect(result.stderr).toContain("Electron 45");
      expect(result.stderr).toContain("npm test");
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(result.stdout).toBe("");
      // The runtime is checked before the build, so this takes a Node start-up, not a Vite build.
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
