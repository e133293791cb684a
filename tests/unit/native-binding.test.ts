/**
 * The Electron build of better-sqlite3 (build/native-binding.mjs): when it is rebuilt, and that a
 * rebuild, failed or not, never touches node_modules/better-sqlite3, whose Node build the tests load.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RebuildOptions } from "@electron/rebuild";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  BINDING_FILE,
  bindingStatus,
  failureMessage,
  prepareElectronBinding,
  STAMP_FILE,
} from "../../build/native-binding.mjs";

const realBinding = path.resolve(
  import.meta.dirname,
  "../../node_modules/better-sqlite3/build/Release/better_sqlite3.node",
);
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
/** Taken when the file loads, before any test runs. */
const realBindingAtStart = sha256(realBinding);

describe("bindingStatus", () => {
  const versions = { electronVersion: "45.5.0", betterSqlite3Version: "12.11.1" };
  const stamp = { electron: "45.5.0", betterSqlite3: "12.11.1", abi: 150 };

  it("is ready when the binding exists and its stamp matches both installed packages", () => {
    expect(bindingStatus({ ...versions, stamp, exists: true })).toEqual({ kind: "ready" });
  });

  it("is missing without a binding, whatever the stamp says", () => {
    expect(bindingStatus({ ...versions, stamp, exists: false })).toMatchObject({ kind: "missing" });
  });

  it("is stale when the stamp is gone, so a binding of unknown origin is rebuilt", () => {
    expect(bindingStatus({ ...versions, stamp: undefined, exists: true })).toMatchObject({ kind: "stale" });
  });

  it("is stale after an Electron upgrade (new ABI)", () => {
    const status = bindingStatus({ ...versions, electronVersion: "46.0.0", stamp, exists: true });
    expect(status).toEqual({ kind: "stale", reason: expect.stringMatching(/Electron 45\.5\.0.*46\.0\.0/) });
  });

  it("is stale after a better-sqlite3 upgrade (new sources)", () => {
    const status = bindingStatus({ ...versions, betterSqlite3Version: "12.12.0", stamp, exists: true });
    expect(status).toEqual({ kind: "stale", reason: expect.stringMatching(/12\.11\.1.*12\.12\.0/) });
  });
});

describe("prepareElectronBinding in a project with a fake better-sqlite3", () => {
  let root: string;
  let lines: string[];
  const log = (line: string) => lines.push(line);
  const fakePackage = () => path.join(root, "node_modules/better-sqlite3");

  /** Every file of the fake package, with its SHA-256: the "untouched" yardstick. */
  function snapshot(dir = fakePackage()): Record<string, string> {
    const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
    return Object.fromEntries(
      files.map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [path.relative(dir, file), sha256(file)];
      }),
    );
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "native-binding-"));
    lines = [];
    const files: Record<string, string> = {
      "node_modules/electron/package.json": JSON.stringify({ name: "electron", version: "45.5.0" }),
      "node_modules/better-sqlite3/package.json": JSON.stringify({ name: "better-sqlite3", version: "12.11.1" }),
      "node_modules/better-sqlite3/binding.gyp": "{ 'targets': [] }",
      "node_modules/better-sqlite3/src/better_sqlite3.cpp": "// sources",
      "node_modules/better-sqlite3/build/config.gypi": "{}",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), text);
    }
    // The Node build: random bytes, so byte-identity is a real check.
    mkdirSync(path.join(fakePackage(), "build/Release"), { recursive: true });
    writeFileSync(
      path.join(fakePackage(), "build/Release/better_sqlite3.node"),
      createHash("sha512").update(root).digest(),
    );
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("leaves node_modules/better-sqlite3 byte-identical when the rebuild fails, and explains in one paragraph", async () => {
    const before = snapshot();
    let seen: RebuildOptions | undefined;
    // Behaves like @electron/rebuild offline: wipes the build folder it was given, then fails.
    const rebuild = async (options: RebuildOptions) => {
      seen = options;
      expect(existsSync(path.join(options.buildPath, "binding.gyp"))).toBe(true);
      expect(existsSync(path.join(options.buildPath, "build"))).toBe(false); // the Node build stays behind
      mkdirSync(path.join(options.buildPath, "build/Release"), { recursive: true });
      writeFileSync(path.join(options.buildPath, "build/Release/better_sqlite3.node"), "half-built");
      rmSync(path.join(options.buildPath, "build"), { recursive: true });
      throw new Error("node-gyp failed to rebuild (no internet)");
    };

    const run = prepareElectronBinding({ root, log, rebuild });
    await expect(run).rejects.toThrow(failureMessage("node-gyp failed to rebuild (no internet)", "45.5.0", "12.11.1"));
    const message = await run.catch((error: Error) => error.message);
    expect(message).not.toContain("\n");
    expect(message).toMatch(/internet/);
    expect(message).toMatch(/npm test` is unaffected/);

    expect(snapshot()).toEqual(before);
    expect(seen).toMatchObject({ electronVersion: "45.5.0", force: true, onlyModules: ["better-sqlite3"] });
    // It rebuilt a scratch copy, with @electron/rebuild's search for modules fenced in to it.
    expect(seen?.buildPath).toBe(path.join(root, "native/.staging/better-sqlite3"));
    expect(seen?.projectRootPath).toBe(seen?.buildPath);
    expect(existsSync(path.join(root, "native/.staging"))).toBe(false);
    expect(existsSync(path.join(root, BINDING_FILE))).toBe(false);
    expect(lines.join("\n")).toMatch(/no Electron build/);
  });

  it("copies a successful build to native/electron/ with its stamp, and is then ready without rebuilding", async () => {
    const before = snapshot();
    process.env.npm_config_nodedir = "/usr";
    let nodedirDuringRebuild: string | undefined = "unset";
    const rebuild = async ({ buildPath }: RebuildOptions) => {
      nodedirDuringRebuild = process.env.npm_config_nodedir;
      mkdirSync(path.join(buildPath, "build/Release"), { recursive: true });
      writeFileSync(path.join(buildPath, "build/Release/better_sqlite3.node"), "electron build");
    };
    try {
      const binding = await prepareElectronBinding({ root, log, rebuild });
      // ~/.npmrc's nodedir would make node-gyp compile against Node's headers instead of Electron's.
      expect(nodedirDuringRebuild).toBeUndefined();
      expect(process.env.npm_config_nodedir).toBe("/usr");
      expect(binding).toBe(path.join(root, BINDING_FILE));
      expect(readFileSync(binding, "utf8")).toBe("electron build");
    } finally {
      delete process.env.npm_config_nodedir;
    }
    // Not a loadable binary at all, so its ABI is unknown and left out of the stamp.
    expect(JSON.parse(readFileSync(path.join(root, STAMP_FILE), "utf8"))).toEqual({
      electron: "45.5.0",
      betterSqlite3: "12.11.1",
    });
    expect(snapshot()).toEqual(before);
    expect(existsSync(path.join(root, "native/.staging"))).toBe(false);

    const never = async () => {
      throw new Error("rebuilt a binding that was ready");
    };
    await expect(prepareElectronBinding({ root, log, rebuild: never })).resolves.toBe(path.join(root, BINDING_FILE));
  });

  it("refuses a rebuild that produced a Node build (the ~/.npmrc nodedir trap)", async () => {
    // The real Node binding stands in for what node-gyp makes with nodedir=/usr: Node loads it.
    const rebuild = async ({ buildPath }: RebuildOptions) => {
      mkdirSync(path.join(buildPath, "build/Release"), { recursive: true });
      writeFileSync(path.join(buildPath, "build/Release/better_sqlite3.node"), readFileSync(realBinding));
    };
    await expect(prepareElectronBinding({ root, log, rebuild })).rejects.toThrow(/is a Node build/);
    expect(existsSync(path.join(root, BINDING_FILE))).toBe(false);
  });
});

describe("the project's own better-sqlite3", () => {
  it("still has its Node build, which loads in this Node after the runs above", () => {
    expect(sha256(realBinding)).toBe(realBindingAtStart);
    const db = new Database(":memory:");
    try {
      expect(db.prepare("select sqlite_version() as version").get()).toEqual({ version: expect.any(String) });
    } finally {
      db.close();
    }
  });
});
