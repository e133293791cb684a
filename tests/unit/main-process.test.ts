/**
 * The real main process in plain Node: electron/main.ts bundled the way build/build-main.mjs does
 * it, then run against a recording fake of `electron` (tests/support/fake-electron.ts). Everything
 * else is real: better-sqlite3 (the Node build is the right binding here, so main's
 * `nativeBinding` path works), the handler table, the app:// protocol, settings and `.scorecard`
 * files in a temp folder. Each test loads a fresh copy of the bundle, which has top-level state.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import { BUNDLES } from "../../build/build-main.mjs";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { channelOf, METHODS } from "../../shared/api/methods.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { newScorecard } from "../../shared/templates/index.ts";
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { FileRefused } from "../../electron/file/errors.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import { idSequence, NOW } from "../support/docs.ts";
import { createFakeElectron, type FakeBrowserWindow, type FakeElectron, fakeEvent } from "../support/fake-electron.ts";
import { sha256, tempDir } from "../support/files.ts";
import { seededBytes } from "../support/hostile-files.ts";

const root = path.resolve(import.meta.dirname, "../..");
const nodeBinding = path.join(root, "node_modules/better-sqlite3/build/Release/better_sqlite3.node");
const realRequire = createRequire(path.join(root, "package.json"));
const dependencies = Object.keys(
  (realRequire("./package.json") as { dependencies: Record<string, string> }).dependencies,
);
const PAGE = "<!doctype html><title>fake page</title><p>tiny</p>";
const APP_URL = "app://scorecard/index.html";

let code: string;

beforeAll(async () => {
  // Bundled exactly as `npm run build:main` bundles it, in memory.
  const result = await build({
    ...BUNDLES.main,
    write: false,
    absWorkingDir: root,
    logLevel: "silent",
  });
  code = result.outputFiles[0]!.text;
});

interface Env {
  dir: string;
  appPath: string;
  userData: string;
  binding: string;
  fake: FakeElectron;
  required: string[];
}

let env: Env | null = null;
const savedArgv = process.argv;
const savedDefaultApp = Object.getOwnPropertyDescriptor(process, "defaultApp");

beforeEach(() => {
  // `electron .` would set it (and LEADING_ARGS would be 2): these tests are the packaged app.
  Reflect.deleteProperty(process, "defaultApp");
});

afterEach(() => {
  process.argv = savedArgv;
  if (savedDefaultApp) Object.defineProperty(process, "defaultApp", savedDefaultApp);
  if (env) {
    env.fake.closeAll(); // closes the stores
    fs.rmSync(env.dir, { recursive: true, force: true });
    env = null;
  }
});

/** A fresh app folder, user-data folder and fake; `args` are the launch arguments after the executable. */
function setUp(args: string[] = [], opts: { binding?: boolean } = {}): Env {
  const dir = tempDir("scorecard-main-");
  const appPath = path.join(dir, "app");
  const userData = path.join(dir, "userData");
  const documents = path.join(dir, "documents");
  fs.mkdirSync(path.join(appPath, "dist/renderer"), { recursive: true });
  fs.writeFileSync(path.join(appPath, "dist/renderer/index.html"), PAGE);
  const binding = path.join(appPath, "native/electron/better_sqlite3.node");
  if (opts.binding ?? true) {
    fs.mkdirSync(path.dirname(binding), { recursive: true });
    fs.copyFileSync(nodeBinding, binding);
  }
  fs.mkdirSync(userData);
  fs.mkdirSync(documents);
  process.argv = [process.execPath, ...args];
  const fake = createFakeElectron({ appPath, userData, documents, version: "0.1.0" });
  env = { dir, appPath, userData, binding, fake, required: [] };
  return env;
}

/** The IT-value template with fixed ids: the same document every call. */
function templateDocument(): ScorecardDocument {
  return newScorecard("it-value", { newId: idSequence(1), now: NOW, appVersion: "0.0.0-test" });
}

/** A real `.scorecard` in the test's folder. */
function writeScorecard(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileAtomically(file, templateDocument());
  return file;
}

/** Runs a fresh copy of the bundle: `require("electron")` is the fake, everything else real. */
function loadMain(e: Env): void {
  const fakeRequire = (name: string): unknown => {
    e.required.push(name);
    return name === "electron" ? e.fake.electron : realRequire(name);
  };
  const filename = path.join(e.appPath, "dist/electron/main.cjs");
  const module = { exports: {} };
  vm.compileFunction(code, ["require", "module", "exports", "__filename", "__dirname"], { filename })(
    fakeRequire,
    module,
    module.exports,
    filename,
    path.dirname(filename),
  );
}

/** Lets promise chains and setImmediate callbacks (ready → start → open files → dialogs) run out. */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Loads main into `e`, launched with `args` when given (after the executable), and lets it start. */
async function start(e: Env, args?: string[]): Promise<Env> {
  if (args) process.argv = [process.execPath, ...args];
  loadMain(e);
  e.fake.ready();
  await settle();
  return e;
}

function launch(args: string[] = []): Promise<Env> {
  return start(setUp(args));
}

function windows(e: Env): FakeBrowserWindow[] {
  return e.fake.BrowserWindow.getAllWindows();
}

function onlyWindow(e: Env): FakeBrowserWindow {
  const all = windows(e);
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** Calls an IPC channel the way Electron would for the app's own page in `win`. */
function invoke(e: Env, method: string, payload: unknown, senderId: number, url = APP_URL): Promise<unknown> {
  const handler = e.fake.ipcMain.handlers.get(`scorecard:${method}`);
  if (!handler) throw new Error(`no handler for ${method}`);
  return Promise.resolve(handler({ sender: { id: senderId }, senderFrame: { url, parent: null } }, payload));
}

function settingsOf(e: Env): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(e.userData, "settings.json"), "utf8")) as Record<string, unknown>;
}

describe("before ready", () => {
  it("takes the single-instance lock, sandboxes, registers app:// and listens for files; no window yet", () => {
    const e = setUp();
    loadMain(e);
    const { fake } = e;
    expect(fake.app.lockRequests).toBe(1);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.protocol.privileged).toHaveLength(1);
    const schemes = fake.protocol.privileged[0] as { scheme: string; privileges: Record<string, boolean> }[];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]).toMatchObject({ scheme: "app", privileges: { standard: true, secure: true } });
    expect(fake.app.listenerCount("open-file")).toBe(1);
    expect(fake.app.listenerCount("second-instance")).toBe(1);
    expect(fake.log).toEqual([
      "app.requestSingleInstanceLock",
      "app.enableSandbox",
      "protocol.registerSchemesAsPrivileged",
      "app.whenReady",
    ]);
    expect(fake.created).toEqual([]);
    expect(fake.ipcMain.handlers.size).toBe(0);
    expect(fake.protocol.handlers.size).toBe(0);
    expect(fake.app.quitCalls).toBe(0);
    // Packages stay external: the bundle needs electron, its own dependencies and Node, nothing else.
    for (const name of e.required) {
      expect(name === "electron" || name.startsWith("node:") || dependencies.includes(name), name).toBe(true);
    }
    expect(e.required).toContain("better-sqlite3");
  });

  it("quits at once as a second instance, registering nothing", async () => {
    const e = setUp();
    e.fake = createFakeElectron({ appPath: e.appPath, userData: e.userData, documents: e.dir, singleInstance: false });
    loadMain(e);
    expect(e.fake.app.quitCalls).toBe(1);
    expect(e.fake.app.sandboxEnabled).toBe(false);
    expect(e.fake.app.listenerCount("open-file")).toBe(0);
    expect(e.fake.protocol.privileged).toEqual([]);
    e.fake.ready();
    await settle();
    expect(e.fake.created).toEqual([]);
  });
});

describe("after ready, no file", () => {
  it("opens one locked-down window on the app's page", async () => {
    const e = await launch();
    const win = onlyWindow(e);
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(prefs.preload).toBe(path.join(e.appPath, "dist/electron/preload.cjs"));
    expect(String(prefs.preload).endsWith(path.join("dist", "electron", "preload.cjs"))).toBe(true);
    expect(win.loaded).toEqual([APP_URL]);
    expect(win.title).toBe("Scorecard Studio");
    expect(win.visible).toBe(true); // shown on ready-to-show
    // Centred on the 1920×1080 work area at the default size.
    expect(win.options).toMatchObject({ x: 320, y: 140, width: 1280, height: 800, show: false });
    // Navigation lock-down reached the window's contents through web-contents-created.
    for (const event of ["will-navigate", "will-frame-navigate", "will-redirect", "will-attach-webview"]) {
      expect(win.webContents.listenerCount(event), event).toBe(1);
      const prevented = fakeEvent();
      win.webContents.emit(event, prevented);
      expect(prevented.defaultPrevented, event).toBe(true);
    }
    expect(win.webContents.windowOpenHandler?.({ url: "app://scorecard/x.html" })).toEqual({ action: "deny" });
    expect(e.fake.app.exitCodes).toEqual([]);
    expect(e.fake.dialog.errorBoxes).toEqual([]);
  });

  it("denies every permission and cancels every request that is not the app's own", async () => {
    const { fake } = await launch();
    const session = fake.defaultSession;
    const granted: boolean[] = [];
    for (const permission of ["media", "geolocation", "notifications", "clipboard-read"]) {
      session.permissionRequestHandler!({}, permission, (ok) => granted.push(ok));
      expect(session.permissionCheckHandler!({}, permission, "app://scorecard"), permission).toBe(false);
    }
    expect(granted).toEqual([false, false, false, false]);

    const cancels = (url: string) => {
      const answers: { cancel?: boolean }[] = [];
      session.beforeRequest!({ url }, (response) => answers.push(response));
      expect(answers, url).toHaveLength(1);
      return answers[0]!.cancel;
    };
    for (const url of ["https://example.com/", "http://localhost:5173/", "file:///etc/passwd", "ws://x/", "ftp://x/"]) {
      expect(cancels(url), url).toBe(true);
    }
    for (const url of [APP_URL, "app://scorecard/assets/index.js", "data:image/png;base64,AAAA"]) {
      expect(cancels(url), url).toBe(false);
    }
  });

  it("serves the page over app:// with the CSP header", async () => {
    const { fake } = await launch();
    expect([...fake.protocol.handlers.keys()]).toEqual(["app"]);
    const handle = fake.protocol.handlers.get("app")!;
    const response = await handle(new Request(APP_URL));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(PAGE);
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect((await handle(new Request("app://scorecard/../userData/settings.json"))).status).toBe(404);
  });

  it("registers exactly the contract's channels and sets a menu", async () => {
    const { fake } = await launch();
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(METHODS.map(channelOf).sort());
    expect(fake.Menu.applied.length).toBeGreaterThan(0);
    expect(fake.Menu.applied.at(-1)).toEqual({ template: fake.Menu.built.at(-1) });
    const labels = (fake.Menu.built.at(-1) as { label?: string }[]).map((item) => item.label?.replace("&", ""));
    expect(labels).toEqual(expect.arrayContaining(["File", "Edit", "View", "Help"]));
  });
});

describe("IPC end to end", () => {
  it("answers the window's own page and refuses a foreign sender", async () => {
    const e = await launch();
    const win = onlyWindow(e);
    await expect(invoke(e, "getDocument", {}, win.webContents.id)).resolves.toEqual({ ok: true, value: null });
    // Window ids and web contents ids differ: main must map contents to windows, not confuse them.
    expect(win.webContents.id).not.toBe(win.id);
    await expect(invoke(e, "getDocument", {}, win.webContents.id + 1000)).resolves.toMatchObject({
      ok: false,
      error: { kind: "forbidden" },
    });
    await expect(invoke(e, "getDocument", {}, win.id)).resolves.toMatchObject({
      ok: false,
      error: { kind: "forbidden" },
    });
    await expect(invoke(e, "getDocument", {}, win.webContents.id, "https://evil.example/")).resolves.toMatchObject({
      ok: false,
      error: { kind: "forbidden" },
    });
    await expect(invoke(e, "getDocument", { extra: 1 }, win.webContents.id)).resolves.toMatchObject({
      ok: false,
      error: { kind: "bad-request" },
    });
  });

  it("confirms an outside link natively, with the window as parent, before opening it", async () => {
    const e = await launch();
    const win = onlyWindow(e);
    const { dialog, shell } = e.fake;
    expect(win.webContents.windowOpenHandler!({ url: "https://example.com/a" })).toEqual({ action: "deny" });
    await settle();
    expect(dialog.messageBoxes).toHaveLength(1);
    expect(dialog.messageBoxes[0]!.window).toBe(win);
    expect(JSON.stringify(dialog.messageBoxes[0]!.options)).toContain("https://example.com/a");
    expect(shell.opened).toEqual([]); // declined (button 0)

    dialog.script.messageBox.push(1);
    win.webContents.windowOpenHandler!({ url: "https://example.com/b" });
    await settle();
    expect(shell.opened).toEqual(["https://example.com/b"]);

    win.webContents.windowOpenHandler!({ url: "javascript:alert(1)" });
    await settle();
    expect(dialog.messageBoxes).toHaveLength(2); // refused without asking
  });
});

describe("files from the OS", () => {
  it("opens a .scorecard from argv in the first window", async () => {
    const e = setUp();
    const file = writeScorecard(e.dir, "Plan 2026.scorecard");
    await start(e, ["--some-switch", file]);
    const win = onlyWindow(e);
    expect(win.title).toBe("Plan 2026 — Scorecard Studio");
    expect(win.loaded).toEqual([APP_URL]);
    const result = (await invoke(e, "getDocument", {}, win.webContents.id)) as {
      ok: boolean;
      value: { fileName: string; document: ScorecardDocument } | null;
    };
    expect(result.ok).toBe(true);
    expect(result.value?.fileName).toBe("Plan 2026.scorecard");
    const written = templateDocument();
    expect(result.value?.document.scorecard).toEqual(written.scorecard);
    expect(result.value?.document.measures.map((m) => m.id)).toEqual(written.measures.map((m) => m.id));
    expect(settingsOf(e).recent).toEqual([file]);
    expect(e.fake.app.recentDocuments).toEqual([file]);
    expect(win.representedFilename).toBe(file);
    expect(e.fake.dialog.messageBoxes).toEqual([]);
  });

  it("takes a second launch's file: focuses the window that has it, opens another in a new window", async () => {
    const e = setUp();
    const file = writeScorecard(e.dir, "a.scorecard");
    const other = writeScorecard(e.dir, "b.scorecard");
    await start(e, [file]);
    const win = onlyWindow(e);
    win.minimize();
    const focusesBefore = win.focusCount;

    e.fake.app.emit("second-instance", fakeEvent(), [process.execPath, file], e.dir, {});
    await settle();
    expect(windows(e)).toEqual([win]);
    expect(win.focusCount).toBe(focusesBefore + 1);
    expect(win.restoreCount).toBe(1);
    expect(win.isMinimized()).toBe(false);

    e.fake.app.emit("second-instance", fakeEvent(), [process.execPath, "b.scorecard"], e.dir, {});
    await settle();
    expect(windows(e)).toHaveLength(2);
    const second = windows(e)[1]!;
    expect(second.title).toBe("b — Scorecard Studio");
    expect(second.loaded).toEqual([APP_URL]);
    expect(settingsOf(e).recent).toEqual([other, file]);
    // Cascaded, not on top of the first.
    expect(second.options.x).not.toBe(win.options.x);

    // A second launch without files brings the app forward.
    e.fake.app.emit("second-instance", fakeEvent(), [process.execPath], e.dir, {});
    await settle();
    expect(windows(e)).toHaveLength(2);
    expect(win.focusCount).toBe(focusesBefore + 2);
  });

  it("keeps a macOS open-file from before ready and opens it then, without an extra empty window", async () => {
    const e = setUp();
    const file = writeScorecard(e.dir, "early.scorecard");
    loadMain(e);
    const event = fakeEvent();
    e.fake.app.emit("open-file", event, file);
    expect(event.defaultPrevented).toBe(true);
    expect(e.fake.created).toEqual([]);
    e.fake.ready();
    await settle();
    const win = onlyWindow(e);
    expect(win.title).toBe("early — Scorecard Studio");
    await expect(invoke(e, "getDocument", {}, win.webContents.id)).resolves.toMatchObject({
      ok: true,
      value: { fileName: "early.scorecard" },
    });
    expect(e.fake.created).toHaveLength(1);
  });

  it("refuses a hostile file with a native dialog, leaves it untouched and shows the start window", async () => {
    const e = setUp();
    const bad = path.join(e.dir, "bad.scorecard");
    fs.writeFileSync(bad, seededBytes(42, 1024));
    const before = sha256(bad);
    await start(e, [bad]);
    const { messageBoxes } = e.fake.dialog;
    expect(messageBoxes).toHaveLength(1);
    expect(messageBoxes[0]!.window).toBeNull();
    expect(messageBoxes[0]!.options).toMatchObject({ type: "error" });
    expect(String(messageBoxes[0]!.options.message)).toContain("bad.scorecard");
    const win = onlyWindow(e);
    expect(win.title).toBe("Scorecard Studio");
    await expect(invoke(e, "getDocument", {}, win.webContents.id)).resolves.toEqual({ ok: true, value: null });
    expect(sha256(bad)).toBe(before);
    expect(fs.readdirSync(e.dir).sort()).toEqual(["app", "bad.scorecard", "documents", "userData"]);
    expect(e.fake.app.recentDocuments).toEqual([]);
  });
});

describe("start-up failure", () => {
  it("explains a missing native binding and exits 1", async () => {
    const e = await start(setUp([], { binding: false }));
    expect(e.fake.dialog.errorBoxes).toHaveLength(1);
    const { title, content } = e.fake.dialog.errorBoxes[0]!;
    expect(title).toContain("Scorecard Studio");
    expect(content).toContain("npm run rebuild:electron");
    expect(content).toContain(e.binding);
    expect(e.fake.app.exitCodes).toEqual([1]);
    expect(e.fake.created).toEqual([]);
    expect(e.fake.ipcMain.handlers.size).toBe(0);
  });
  it("reports a failure during start-up and exits 1 instead of running on without a window", async () => {
    const e = setUp();
    loadMain(e);
    e.fake.electron.protocol.handle = () => {
      throw new Error("the app:// scheme could not be handled");
    };
    e.fake.ready();
    await settle();
    expect(e.fake.dialog.errorBoxes).toEqual([
      { title: "Scorecard Studio cannot start", content: "the app:// scheme could not be handled" },
    ]);
    expect(e.fake.app.exitCodes).toEqual([1]);
  });
});

describe("closing", () => {
  it("saves the window bounds and releases the file", async () => {
    const e = setUp();
    const file = writeScorecard(e.dir, "plan.scorecard");
    await start(e, [file]);
    const win = onlyWindow(e);
    // Same library instance as main (its binding copy), so SQLite's in-process locking applies.
    const opts = { appVersion: "0.0.0-test", nativeBinding: e.binding };
    let refusal: unknown;
    try {
      ScorecardStore.open(file, opts).close();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(FileRefused);
    expect((refusal as FileRefused).kind).toBe("locked");

    win.bounds = { x: 40, y: 50, width: 1000, height: 700 };
    win.close();
    await settle();
    expect(win.isDestroyed()).toBe(true);
    expect(windows(e)).toEqual([]);
    expect(settingsOf(e).window).toEqual({ x: 40, y: 50, width: 1000, height: 700, maximized: false });
    expect(settingsOf(e).recent).toEqual([file]);
    const store = ScorecardStore.open(file, opts);
    store.close();
    if (process.platform !== "darwin") expect(e.fake.app.quitCalls).toBe(1);

    // The IPC handlers now refuse the closed window's contents.
    await expect(invoke(e, "getDocument", {}, win.webContents.id)).resolves.toMatchObject({
      ok: false,
      error: { kind: "forbidden" },
    });
  });
});
