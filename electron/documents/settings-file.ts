/**
 * The app's own settings (theme, recent documents, window placement) in one small JSON file in
 * the user-data folder. The file is read as untrusted: anything that does not match the schema is
 * dropped field by field, so a damaged settings file costs the user their preferences, never the
 * app's start. Writes are atomic (temp file and rename).
 */
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { THEMES, type Theme } from "../../shared/api/contract.ts";
import { writeDataAtomically } from "../file/copy.ts";

/** Recent documents remembered (the File ▸ Open Recent menu and the start screen). */
export const MAX_RECENT = 10;
/** A settings file larger than this is not ours to parse. */
const MAX_SETTINGS_BYTES = 256 * 1024;

const Bounds = z.object({
  x: z.int().min(-100_000).max(100_000),
  y: z.int().min(-100_000).max(100_000),
  width: z.int().min(1).max(100_000),
  height: z.int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type SavedBounds = z.infer<typeof Bounds>;

export interface Settings {
  theme: Theme;
  /** Absolute paths, most recent first. */
  recent: string[];
  window: SavedBounds | null;
}

const DEFAULTS: Settings = { theme: "system", recent: [], window: null };

/** A recent entry worth keeping: an absolute path of sane length. Bad entries are dropped one by one. */
const RecentFile = z
  .string()
  .min(1)
  .max(4096)
  .refine((file) => path.isAbsolute(file));

const FIELDS = {
  theme: z.enum(THEMES),
  recent: z.array(z.unknown()).transform((list) => list.filter((f) => RecentFile.safeParse(f).success) as string[]),
  window: Bounds.nullable(),
} as const;

/** Each field on its own: one bad field does not throw away the others. */
export function parseSettings(text: string): Settings {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULTS };
  }
  const record = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const field = <K extends keyof Settings>(key: K): Settings[K] => {
    const parsed = FIELDS[key].safeParse(record[key]);
    return parsed.success ? (parsed.data as Settings[K]) : DEFAULTS[key];
  };
  return { theme: field("theme"), recent: field("recent").slice(0, MAX_RECENT), window: field("window") };
}

/** The recent list with `file` moved to the front. */
export function withRecent(recent: readonly string[], file: string): string[] {
  return [file, ...recent.filter((f) => f !== file)].slice(0, MAX_RECENT);
}

export class SettingsFile {
  private current: Settings;

  constructor(private readonly file: string) {
    this.current = SettingsFile.read(file);
  }

  get(): Settings {
    return this.current;
  }

  update(changes: Partial<Settings>): Settings {
    this.current = { ...this.current, ...changes };
    try {
      writeDataAtomically(this.file, `${JSON.stringify(this.current, null, 2)}\n`);
    } catch {
      // Preferences are not worth an error dialog: the app keeps them for this session.
    }
    return this.current;
  }

  private static read(file: string): Settings {
    try {
      const stat = fs.statSync(file, { throwIfNoEntry: false });
      if (!stat?.isFile() || stat.size > MAX_SETTINGS_BYTES) return { ...DEFAULTS };
      return parseSettings(fs.readFileSync(file, "utf8"));
    } catch {
      return { ...DEFAULTS };
    }
  }
}
