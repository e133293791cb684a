/**
 * The options every app window is created with (Electron's security checklist): the page gets
 * no Node, runs sandboxed in its own JavaScript world, cannot embed <webview>, and sees main only
 * through the preload's API. Plain data, so the tests assert it from the code that builds it.
 */
import type { Placement } from "../documents/window-bounds.ts";
import { MIN_SIZE } from "../documents/window-bounds.ts";

export interface WindowOptionsInput {
  preload: string;
  placement: Placement;
  dark: boolean;
  title: string;
}

export function windowOptions({ preload, placement, dark, title }: WindowOptionsInput) {
  return {
    title,
    x: placement.x,
    y: placement.y,
    width: placement.width,
    height: placement.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    // Matches the page background of the theme, so there is no white flash in dark mode.
    backgroundColor: dark ? "#15181d" : "#f6f7f9",
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      enableBlinkFeatures: "",
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
    },
  } as const;
}
