/**
 * electron-builder's afterPack hook (electron-builder.yml): flips the Electron fuses of the packaged
 * executable, after the app is copied in and before it is signed (signing must come last, since the
 * fuses live in the signed binary). electron-builder loads this .mjs with import(), see
 * app-builder-lib's resolveFunction. Types: after-pack.d.mts.
 */
import path from "node:path";
import { FuseV1Options, FuseVersion, flipFuses } from "@electron/fuses";
import { Arch } from "electron-builder";

/**
 * Every fuse @electron/fuses 1.8 knows, set explicitly. The app runs only its own code from app.asar:
 * no running as plain Node, no NODE_OPTIONS or --inspect, and the asar is checked against the hash
 * electron-builder embeds (macOS Info.plist, Windows resource; Linux has no check yet). Electron 45's
 * wire has a ninth fuse (WasmTrapHandlers, on by default) that 1.8 cannot name, so it keeps its
 * default, and strictlyRequireAllFuses would refuse that wire.
 * @satisfies {Record<FuseV1Options, boolean>}
 */
export const FUSES = {
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
};

/** @type {typeof import("./after-pack.d.mts").packagedExecutable} */
export function packagedExecutable(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  // The names electron-builder gives the executable (its own fuse step, addElectronFuses, uses them too).
  if (electronPlatformName === "darwin" || electronPlatformName === "mas") {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === "win32") return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  if (packager.executableName === undefined) throw new Error("afterPack: the Linux packager named no executable");
  return path.join(appOutDir, packager.executableName);
}

/** @type {typeof import("./after-pack.d.mts").default} */
export default async function afterPack(context) {
  const darwin = context.electronPlatformName === "darwin" || context.electronPlatformName === "mas";
  await flipFuses(packagedExecutable(context), {
    version: FuseVersion.V1,
    // Flipping a fuse edits the binary, which voids the ad-hoc signature Apple Silicon insists on.
    resetAdHocDarwinSignature: darwin && context.arch === Arch.arm64,
    ...FUSES,
  });
}
