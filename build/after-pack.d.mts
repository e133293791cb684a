/** Types of after-pack.mjs, for TypeScript callers (the tests) and for its own JSDoc. */
import type { FuseV1Options } from "@electron/fuses";
import type { Arch } from "electron-builder";

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface HookContext {
  /** "darwin", "mas", "win32" or "linux". */
  electronPlatformName: string;
  appOutDir: string;
  arch: Arch;
  packager: {
    appInfo: { productFilename: string };
    /** Only the Linux packager has one. */
    executableName?: string;
  };
}

export const FUSES: Record<FuseV1Options, boolean>;
/** The path @electron/fuses is given: the executable, or the .app bundle on macOS. */
export function packagedExecutable(context: HookContext): string;
export default function afterPack(context: HookContext): Promise<void>;
