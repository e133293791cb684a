/**
 * Where a new window goes: where the last one was, if that place is still on a screen (a monitor
 * may have been unplugged since), else the default size centred on the primary screen. New windows
 * after the first are offset, so they do not hide each other exactly.
 */
import type { SavedBounds } from "./settings-file.ts";

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;
export const MIN_SIZE = { width: 960, height: 600 } as const;
/** How much of the title bar must be on a screen for a saved place to count as visible. */
const VISIBLE = { width: 120, height: 40 } as const;
const CASCADE = 28;

export interface Placement extends Rect {
  maximized: boolean;
}

/** `workAreas[0]` is the primary screen's. `openWindows`: how many windows are open already. */
export function placeWindow(saved: SavedBounds | null, workAreas: readonly Rect[], openWindows: number): Placement {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const fits = (r: Rect): Rect => ({
    ...r,
    width: Math.max(MIN_SIZE.width, Math.min(r.width, primary.width)),
    height: Math.max(MIN_SIZE.height, Math.min(r.height, primary.height)),
  });
  const offset = (openWindows % 8) * CASCADE;
  if (saved && workAreas.some((area) => titleBarVisible(saved, area))) {
    // No larger than the largest screen: a settings file may say anything.
    const widest = Math.max(...workAreas.map((a) => a.width));
    const tallest = Math.max(...workAreas.map((a) => a.height));
    const size = {
      width: Math.max(MIN_SIZE.width, Math.min(saved.width, widest)),
      height: Math.max(MIN_SIZE.height, Math.min(saved.height, tallest)),
    };
    return { x: saved.x + offset, y: saved.y + offset, ...size, maximized: saved.maximized };
  }
  const size = fits({ x: 0, y: 0, ...DEFAULT_SIZE });
  return {
    x: primary.x + Math.round((primary.width - size.width) / 2) + offset,
    y: primary.y + Math.round((primary.height - size.height) / 2) + offset,
    width: size.width,
    height: size.height,
    maximized: false,
  };
}

function titleBarVisible(r: Rect, area: Rect): boolean {
  const overlapX = Math.min(r.x + r.width, area.x + area.width) - Math.max(r.x, area.x);
  const overlapY = Math.min(r.y + VISIBLE.height, area.y + area.height) - Math.max(r.y, area.y);
  return overlapX >= VISIBLE.width && overlapY >= VISIBLE.height;
}
