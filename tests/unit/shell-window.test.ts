/** App windows: the security options they are created with, navigation lock-down, and where they go on screen. */
import { describe, expect, it } from "vitest";
import type { Placement, Rect } from "../../electron/documents/window-bounds.ts";
import { DEFAULT_SIZE, MIN_SIZE, placeWindow } from "../../electron/documents/window-bounds.ts";
import type { WebContentsLike } from "../../electron/security/navigation.ts";
import { lockDownContents } from "../../electron/security/navigation.ts";
import { windowOptions } from "../../electron/security/window-options.ts";

describe("windowOptions", () => {
  const placement: Placement = { x: 11, y: 22, width: 1111, height: 777, maximized: false };
  const options = windowOptions({ preload: "/app/dist/electron/preload.cjs", placement, dark: true, title: "T" });

  it("creates the page sandboxed, isolated and without Node", () => {
    const web = options.webPreferences;
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.experimentalFeatures).toBe(false);
    // Absent or empty: no Blink feature switched on.
    expect(web.enableBlinkFeatures ?? "").toBe("");
    expect(web.preload).toBe("/app/dist/electron/preload.cjs");
  });

  it("starts hidden, at the placement, no smaller than MIN_SIZE", () => {
    expect(options.show).toBe(false);
    expect(options).toMatchObject({ x: 11, y: 22, width: 1111, height: 777, title: "T" });
    expect(options.minWidth).toBe(MIN_SIZE.width);
    expect(options.minHeight).toBe(MIN_SIZE.height);
  });
});

describe("lockDownContents", () => {
  function fakeContents() {
    const listeners = new Map<string, ((event: { preventDefault(): void }) => void)[]>();
    let openHandler: ((details: { url: string }) => { action: "deny" }) | undefined;
    const contents: WebContentsLike = {
      on(event, listener) {
        listeners.set(event, [...(listeners.get(event) ?? []), listener]);
        return contents;
      },
      setWindowOpenHandler(handler) {
        openHandler = handler;
      },
    };
    const opened: string[] = [];
    lockDownContents(contents, (url) => opened.push(url));
    return { listeners, opened, open: (url: string) => openHandler!({ url }) };
  }

  it.each(["will-navigate", "will-frame-navigate", "will-redirect", "will-attach-webview"])("prevents %s", (name) => {
    const { listeners } = fakeContents();
    const registered = listeners.get(name) ?? [];
    expect(registered.length).toBeGreaterThan(0);
    for (const listener of registered) {
      let prevented = 0;
      listener({ preventDefault: () => prevented++ });
      expect(prevented).toBe(1);
    }
  });

  it.each([
    ["https://example.com/a", "https://example.com/a"],
    ["HTTPS://Example.COM", "https://example.com/"],
    ["mailto:someone@example.com", "mailto:someone@example.com"],
  ])("denies the window for %s and hands %s to openOutside once", (url, normalised) => {
    const { open, opened } = fakeContents();
    expect(open(url)).toEqual({ action: "deny" });
    expect(opened).toEqual([normalised]);
  });

  it.each([
    "javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,x",
    "http://example.com",
    "app://scorecard/index.html",
    "\\\\server\\share",
    "//server/share",
    "custom-scheme:x",
    "",
  ])("denies %j and never opens it outside", (url) => {
    const { open, opened } = fakeContents();
    expect(open(url)).toEqual({ action: "deny" });
    expect(opened).toEqual([]);
  });
});

describe("placeWindow", () => {
  const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
  const second: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };
  const centred: Placement = { x: 320, y: 120, ...DEFAULT_SIZE, maximized: false };

  it("centres the default size on the primary work area without saved bounds", () => {
    expect(placeWindow(null, [primary, second], 0)).toEqual(centred);
  });

  it("centres relative to a work area that does not start at 0,0 (menu bar, left taskbar)", () => {
    const area = { x: 60, y: 24, width: 1440, height: 876 };
    expect(placeWindow(null, [area], 0)).toEqual({ x: 60 + 80, y: 24 + 38, ...DEFAULT_SIZE, maximized: false });
  });

  it("reuses saved bounds on a second monitor that is still there", () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, maximized: false };
    expect(placeWindow(saved, [primary, second], 0)).toEqual(saved);
  });

  it("falls back to the default when the saved monitor was unplugged", () => {
    const saved = { x: 2000, y: 100, width: 1400, height: 900, maximized: true };
    expect(placeWindow(saved, [primary], 0)).toEqual(centred);
  });

  it.each([
    ["only 100 px of the title bar on the right edge", { x: 1820, y: 100 }],
    ["title bar below the bottom edge", { x: 100, y: 1020 }],
    ["title bar above the top edge, body visible", { x: 100, y: -50 }],
    ["left of the screen but for a sliver", { x: -1180, y: 100 }],
  ])("falls back to the default with %s", (_name, at) => {
    expect(placeWindow({ ...at, width: 1280, height: 800, maximized: false }, [primary], 0)).toEqual(centred);
  });

  it("accepts a title bar with exactly the minimum visible", () => {
    const saved = { x: 1920 - 120, y: 100, width: 1280, height: 800, maximized: false };
    expect(placeWindow(saved, [primary], 0)).toEqual(saved);
  });

  it("keeps the maximized flag of saved bounds", () => {
    const saved = { x: 100, y: 100, width: 1280, height: 800, maximized: true };
    expect(placeWindow(saved, [primary], 0).maximized).toBe(true);
  });

  it("raises a saved size below MIN_SIZE", () => {
    const saved = { x: 100, y: 100, width: 400, height: 300, maximized: false };
    expect(placeWindow(saved, [primary], 0)).toEqual({ x: 100, y: 100, ...MIN_SIZE, maximized: false });
  });

  it("shrinks the default to a small primary screen", () => {
    expect(placeWindow(null, [{ x: 0, y: 0, width: 1024, height: 700 }], 0)).toEqual({
      x: 0,
      y: 0,
      width: 1024,
      height: 700,
      maximized: false,
    });
  });

  it("never shrinks below MIN_SIZE, even on a tiny screen", () => {
    const place = placeWindow(null, [{ x: 0, y: 0, width: 800, height: 500 }], 0);
    expect(place).toMatchObject(MIN_SIZE);
  });

  it("cascades the next window, default or saved", () => {
    expect(placeWindow(null, [primary], 1)).toEqual({ ...centred, x: 348, y: 148 });
    const saved = { x: 100, y: 100, width: 1280, height: 800, maximized: false };
    expect(placeWindow(saved, [primary], 1)).toMatchObject({ x: 128, y: 128 });
  });

  it("does not throw without any work area", () => {
    const place = placeWindow(null, [], 0);
    expect(place).toMatchObject({ ...DEFAULT_SIZE, maximized: false });
    expect([place.x, place.y].every(Number.isFinite)).toBe(true);
    const saved = { x: 100, y: 100, width: 1280, height: 800, maximized: true };
    expect(placeWindow(saved, [], 0)).toMatchObject({ ...DEFAULT_SIZE, maximized: false });
  });
});
