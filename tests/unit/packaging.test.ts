/**
 * Packaging: the afterPack hook really flips the fuses of an executable, and electron-builder.yml is
 * valid for electron-builder 26 and says what the app needs. electron-builder itself cannot run here
 * (it downloads Electron), so its config is checked against electron-builder's own JSON schema.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FuseV1Options, getCurrentFuseWire } from "@electron/fuses";
import { FuseState, SENTINEL } from "@electron/fuses/dist/constants.js";
import Ajv from "ajv";
import { Arch, type Configuration } from "electron-builder";
import yaml from "js-yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import afterPack, { FUSES, packagedExecutable } from "../../build/after-pack.mjs";
import type { HookContext } from "../../build/after-pack.d.mts";

const root = path.resolve(import.meta.dirname, "../..");

describe("afterPack: Electron fuses", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "after-pack-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Electron 45's stock wire: 9 fuses, RunAsNode on … WasmTrapHandlers (index 8, unknown to
  // @electron/fuses 1.8) on. Padding on both sides stands in for the rest of the binary.
  const STOCK_WIRE = "101100011";
  const before = Buffer.from("\x7fELF fake electron executable ");
  const after = Buffer.from(" rest of the binary");
  function fakeElectron(file: string): void {
    mkdirSync(path.dirname(file), { recursive: true });
    const header = Buffer.concat([Buffer.from(SENTINEL), Buffer.from([1, STOCK_WIRE.length])]);
    writeFileSync(file, Buffer.concat([before, header, Buffer.from(STOCK_WIRE), after]));
  }

  function context(platform: string, arch: Arch, appOutDir: string): HookContext {
    return {
      electronPlatformName: platform,
      appOutDir,
      arch,
      packager: {
        appInfo: { productFilename: "Scorecard Studio" },
        ...(platform === "linux" ? { executableName: "scorecard-studio" } : {}),
      },
    };
  }

  /** What getCurrentFuseWire must report once FUSES are applied to the stock wire. */
  const expected = {
    version: "1",
    [FuseV1Options.RunAsNode]: FuseState.DISABLE,
    [FuseV1Options.EnableCookieEncryption]: FuseState.ENABLE,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: FuseState.DISABLE,
    [FuseV1Options.EnableNodeCliInspectArguments]: FuseState.DISABLE,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: FuseState.ENABLE,
    [FuseV1Options.OnlyLoadAppFromAsar]: FuseState.ENABLE,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: FuseState.DISABLE,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: FuseState.DISABLE,
    8: FuseState.ENABLE, // WasmTrapHandlers keeps Electron's default
  };

  it("flips every fuse of a Linux executable and leaves the rest of the file alone", async () => {
    const out = path.join(dir, "linux-unpacked");
    const exe = path.join(out, "scorecard-studio");
    fakeElectron(exe);
    await afterPack(context("linux", Arch.x64, out));

    expect(await getCurrentFuseWire(exe)).toEqual(expected);
    const bytes = readFileSync(exe);
    expect(bytes.subarray(0, before.length)).toEqual(before);
    expect(bytes.subarray(bytes.length - after.length)).toEqual(after);
    expect(bytes.length).toBe(before.length + SENTINEL.length + 2 + STOCK_WIRE.length + after.length);
  });

  describe("on macOS", () => {
    // A stand-in for macOS's `codesign` on PATH, recording its arguments: flipping a fuse edits the
    // binary, and Apple Silicon refuses to run it unless it is re-signed (ad hoc) afterwards.
    const calls = () => (existsSync(log) ? readFileSync(log, "utf8") : "");
    let log: string;
    let savedPath: string | undefined;
    beforeAll(() => {
      const bin = path.join(dir, "bin");
      log = path.join(dir, "codesign.log");
      mkdirSync(bin);
      writeFileSync(path.join(bin, "codesign"), `#!/bin/sh\necho "$@" >> '${log}'\n`, { mode: 0o755 });
      savedPath = process.env.PATH;
      process.env.PATH = `${bin}${path.delimiter}${savedPath}`;
    });
    afterAll(() => {
      process.env.PATH = savedPath;
    });

    const framework = "Contents/Frameworks/Electron Framework.framework/Electron Framework";

    it.skipIf(process.platform === "win32")(
      "flips the Electron Framework's fuses of an Intel app, no re-signing",
      async () => {
        const out = path.join(dir, "mac");
        fakeElectron(path.join(out, "Scorecard Studio.app", framework));
        await afterPack(context("darwin", Arch.x64, out));
        expect(await getCurrentFuseWire(path.join(out, "Scorecard Studio.app"))).toEqual(expected);
        expect(calls()).toBe("");
      },
    );

    it.skipIf(process.platform === "win32")("re-signs an Apple Silicon app ad hoc after flipping", async () => {
      const out = path.join(dir, "mac-arm64");
      fakeElectron(path.join(out, "Scorecard Studio.app", framework));
      await afterPack(context("darwin", Arch.arm64, out));
      expect(await getCurrentFuseWire(path.join(out, "Scorecard Studio.app"))).toEqual(expected);
      expect(calls()).toMatch(/^--sign - --force .* --deep .*mac-arm64\/Scorecard Studio\.app\n$/);
    });
  });

  it("fails the build on a file without a fuse wire instead of shipping unfused", async () => {
    const out = path.join(dir, "broken");
    mkdirSync(out);
    writeFileSync(path.join(out, "scorecard-studio"), "not electron");
    await expect(afterPack(context("linux", Arch.x64, out))).rejects.toThrow(/sentinel/);
  });

  it("names the executable as electron-builder lays it out on each platform", () => {
    const out = path.join("/out", "app");
    expect(packagedExecutable(context("linux", Arch.x64, out))).toBe(path.join(out, "scorecard-studio"));
    expect(packagedExecutable(context("win32", Arch.x64, out))).toBe(path.join(out, "Scorecard Studio.exe"));
    expect(packagedExecutable(context("darwin", Arch.arm64, out))).toBe(path.join(out, "Scorecard Studio.app"));
    expect(packagedExecutable(context("mas", Arch.universal, out))).toBe(path.join(out, "Scorecard Studio.app"));
  });

  it("decides on every fuse the installed @electron/fuses knows", () => {
    const known = Object.values(FuseV1Options).filter((value) => typeof value === "number");
    expect(Object.keys(FUSES).map(Number).sort()).toEqual([...known].sort());
  });
});

describe("electron-builder.yml", () => {
  const config = yaml.load(readFileSync(path.join(root, "electron-builder.yml"), "utf8")) as Configuration;
  const schema = JSON.parse(readFileSync(path.join(root, "node_modules/app-builder-lib/scheme.json"), "utf8"));
  // scheme.json is draft-07 (Ajv's default) with union types and one custom keyword, `typeof`
  // (hooks may be functions in a JS config); defining it keeps those branches from passing blindly.
  const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true });
  ajv.addKeyword({
    keyword: "typeof",
    schemaType: "string",
    validate: (type: string, data: unknown) => typeof data === type,
  });
  const validate = ajv.compile(schema);

  it("is valid against electron-builder's JSON schema", () => {
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it("fails that validation for an unknown key or a wrong type (the check has teeth)", () => {
    expect(validate({ ...config, perMachine: true })).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ params: { additionalProperty: "perMachine" } }));
    expect(validate({ ...config, nsis: { ...config.nsis, perMachine: "yes" } })).toBe(false);
    expect(validate.errors).toContainEqual(
      expect.objectContaining({ instancePath: "/nsis/perMachine", message: "must be boolean" }),
    );
    expect(validate({ ...config, afterPack: 42 })).toBe(false);
  });

  it("identifies the app and targets AppImage + deb, dmg and a per-machine NSIS installer", () => {
    expect(config.appId).toBe("app.scorecardstudio.desktop");
    expect(config.productName).toBe("Scorecard Studio");
    expect(config.linux?.target).toEqual(["AppImage", "deb"]);
    expect(config.linux).toMatchObject({ category: "Office", executableName: "scorecard-studio" });
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
    expect(config.linux?.synopsis).toBeTruthy();
    expect(config.mac).toMatchObject({ target: "dmg", category: "public.app-category.business" });
    expect(config.win?.target).toBe("nsis");
    // NSIS registers file associations only when installing per machine.
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
  });

  it("associates .scorecard files with the app as their editor", () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: "scorecard",
        role: "Editor",
        mimeType: "application/vnd.scorecard-studio+sqlite",
        name: expect.any(String),
        description: expect.any(String),
      }),
    ]);
  });

  it("never rebuilds node_modules, ships only the Electron binding, unpacked from the asar", () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(expect.arrayContaining(["native/electron/**", "**/*.node"]));
    expect(config.files).toEqual(
      expect.arrayContaining([
        "dist/**",
        "!dist/bench/**",
        "!dist/cli/**",
        "package.json",
        "native/electron/**",
        "!node_modules/better-sqlite3/{build,deps,src}/**",
      ]),
    );
  });

  it("points afterPack at the fuse hook, which exports the function electron-builder calls", async () => {
    expect(config.afterPack).toBe("build/after-pack.mjs");
    const file = path.join(root, config.afterPack as string);
    expect(existsSync(file)).toBe(true);
    // electron-builder takes the `afterPack` export, else the default one.
    expect((await import(file)).default).toBe(afterPack);
  });

  it("has a 1024×1024 PNG icon", () => {
    expect(config.icon).toBe("build/icon.png");
    const png = readFileSync(path.join(root, config.icon as string));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // The first chunk is IHDR: width and height as big-endian 32-bit integers.
    expect(png.toString("latin1", 12, 16)).toBe("IHDR");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
    expect(config.directories?.buildResources).toBe("build");
  });
});
