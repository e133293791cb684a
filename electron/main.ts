/**
 * Electron main process: the thin adapter that wires the plain-Node parts to Electron. Everything
 * with a decision in it lives elsewhere and is unit-tested: the handler table (api/handlers.ts),
 * sender checks (api/ipc.ts), which window shows which document (documents/), the app:// protocol,
 * CSP, link and navigation policy and window options (security/), the menu (menu/).
 */
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell } from "electron";
import { version as appVersion } from "../package.json";
import { EVENT_CHANNEL, type Theme } from "../shared/api/contract.ts";
import { newScorecard } from "../shared/templates/index.ts";
import { nativeDialogs } from "./adapters/native-dialogs.ts";
import { createHandlers } from "./api/handlers.ts";
import { registerHandlers } from "./api/ipc.ts";
import { PathTokens } from "./api/path-tokens.ts";
import { APP_NAME, DocumentWindows, fileStores, type WindowHost } from "./documents/document-windows.ts";
import { documentsInArgv } from "./documents/launch-args.ts";
import { type Settings, SettingsFile, withRecent } from "./documents/settings-file.ts";
import { placeWindow } from "./documents/window-bounds.ts";
import { InterchangeThread } from "./interchange/worker-thread.ts";
import { createAppActions } from "./menu/app-actions.ts";
import { buildMenuTemplate } from "./menu/template.ts";
import { electronPdfOptions } from "./report/pdf-options.ts";
import { printFailed } from "./report/pdf-output.ts";
import { APP_ENTRY_URL, APP_SCHEME, createAppProtocolHandler } from "./security/app-protocol.ts";
import { lockDownContents } from "./security/navigation.ts";
import { windowOptions } from "./security/window-options.ts";

/** Where Help ▸ Documentation leads (through the same confirmation as any outside link). */
const DOCUMENTATION_URL = "https://scorecardstudio.app/docs";

/** `electron .` in development: the runtime and the app folder come before the arguments. */
const LEADING_ARGS = process.defaultApp ? 2 : 1;

// Before ready: one instance, sandbox for every renderer, the app:// scheme as a secure origin,
// and the ways files arrive (macOS sends open-file before ready; they wait until the app can open them).
const pendingFiles: string[] = [];
let launch: ((files: string[]) => void) | null = null;
const deliver = (files: string[]) => (launch ? launch(files) : pendingFiles.push(...files));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
  app.on("open-file", (event, file) => {
    event.preventDefault();
    deliver([file]);
  });
  // A second launch (Windows, Linux: a double-clicked file) hands its arguments to this instance.
  app.on("second-instance", (_event, argv, cwd) => deliver(documentsInArgv(argv, cwd, LEADING_ARGS)));
  // A start-up failure (a broken install) must say so, not leave a windowless process behind.
  void app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(`${APP_NAME} cannot start`, error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

function start(): void {
  const appPath = app.getAppPath();
  // Packaged, native modules sit beside the asar archive (asarUnpack); in development, in the project.
  const nativeBinding = path.join(
    appPath.replace(/app\.asar$/, "app.asar.unpacked"),
    "native/electron/better_sqlite3.node",
  );
  if (!fs.existsSync(nativeBinding)) {
    dialog.showErrorBox(
      `${APP_NAME} cannot start`,
      `Its SQLite module for Electron is missing (${nativeBinding}). Run \`npm run rebuild:electron\` once with internet access.`,
    );
    app.exit(1);
    return;
  }
  const settingsFile = new SettingsFile(path.join(app.getPath("userData"), "settings.json"));
  // Every settings change may change the menu (Open Recent, Dark Mode).
  const settings = {
    get: () => settingsFile.get(),
    update(changes: Partial<Settings>) {
      const updated = settingsFile.update(changes);
      refreshMenu();
      return updated;
    },
  };
  nativeTheme.themeSource = settings.get().theme;
  const windows = new Map<number, BrowserWindow>();
  const windowById = (id: number | null) => (id === null ? null : (windows.get(id) ?? null));
  const tokens = new PathTokens();
  const dialogs = nativeDialogs(windowById);

  const host: WindowHost = {
    create: () => createWindow(),
    focus(id) {
      const win = windows.get(id);
      if (!win) return;
      if (win.isMinimized()) win.restore();
      win.focus();
    },
    close: (id) => windows.get(id)?.close(),
    setTitle: (id, title) => windows.get(id)?.setTitle(title),
    send: (id, event) => windows.get(id)?.webContents.send(EVENT_CHANNEL, event),
    noteDocument(id, file) {
      app.addRecentDocument(file);
      windows.get(id)?.setRepresentedFilename(file);
    },
  };

  const documents = new DocumentWindows(
    host,
    fileStores({ appVersion, nativeBinding }),
    (file) => settings.update({ recent: withRecent(settings.get().recent, file) }),
    new InterchangeThread(path.join(appPath, "dist/electron/interchange-worker.cjs")),
  );

  const themeChanged = (theme: Theme) => {
    nativeTheme.themeSource = theme;
    for (const win of windows.values()) win.webContents.send(EVENT_CHANNEL, { type: "settings", settings: { theme } });
    refreshMenu();
  };
  const openOutside = async (windowId: number | null, url: string) => {
    if (await dialogs.confirmExternal(windowId ?? -1, url)) await shell.openExternal(url);
  };
  const log = (error: unknown) => console.error(`${APP_NAME}:`, error);
  const focused = () => {
    const win = BrowserWindow.getFocusedWindow();
    return win && windows.has(win.id) ? win.id : null;
  };

  const actions = createAppActions({
    documents,
    host,
    dialogs,
    settings,
    themeChanged,
    focused,
    showsDark: () => nativeTheme.shouldUseDarkColors,
    openDocumentation: (windowId) => openOutside(windowId, DOCUMENTATION_URL),
    log,
  });

  function refreshMenu(): void {
    const id = focused();
    const template = buildMenuTemplate(
      {
        platform: process.platform,
        recent: settings.get().recent.map((file) => ({ file, label: path.basename(file) })),
        hasDocument: id !== null && documents.hasDocument(id),
        dark: nativeTheme.shouldUseDarkColors,
        developerTools: !app.isPackaged,
      },
      actions,
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  function createWindow(): number {
    const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
    const placement = placeWindow(settings.get().window, workAreas, windows.size);
    const win = new BrowserWindow(
      windowOptions({
        preload: path.join(appPath, "dist/electron/preload.cjs"),
        placement,
        dark: nativeTheme.shouldUseDarkColors,
        title: APP_NAME,
      }),
    );
    const id = win.id;
    windows.set(id, win);
    documents.added(id);
    if (placement.maximized) win.maximize();
    win.once("ready-to-show", () => win.show());
    // The window title names the document; the page's <title> must not replace it.
    win.on("page-title-updated", (event) => event.preventDefault());
    win.on("focus", refreshMenu);
    win.on("close", () => {
      settings.update({ window: { ...win.getNormalBounds(), maximized: win.isMaximized() } });
    });
    win.on("closed", () => {
      windows.delete(id);
      documents.removed(id);
      tokens.forgetWindow(id);
      refreshMenu();
    });
    void win.loadURL(APP_ENTRY_URL);
    return id;
  }

  // No network, no permissions: the page needs neither (SPEC §5). Requests other than the app's
  // own pages and inline images are cancelled, whatever the CSP says.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const scheme = details.url.slice(0, details.url.indexOf(":"));
    callback({ cancel: !["app", "data", "blob", "devtools"].includes(scheme) });
  });
  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(appPath, "dist/renderer")));
  app.on("web-contents-created", (_event, contents) => {
    lockDownContents(contents, (url) => void openOutside(BrowserWindow.fromWebContents(contents)?.id ?? null, url));
  });

  registerHandlers(
    ipcMain,
    createHandlers({
      documents,
      tokens,
      dialogs,
      settings,
      // The contract's enum admits known template keys only.
      newDocument: (key, periods) =>
        newScorecard(key, { newId: randomUUID, now: new Date().toISOString(), appVersion, periods }),
      openExternal: (url) => shell.openExternal(url),
      themeChanged,
      closeWindow: (id) => host.close(id),
      async printToPdf(id, pageSize) {
        const win = windows.get(id);
        if (!win || win.isDestroyed()) throw printFailed("the window is gone");
        try {
          return new Uint8Array(await win.webContents.printToPDF(electronPdfOptions(pageSize)));
        } catch (error) {
          throw printFailed(error instanceof Error ? error.message : String(error), error);
        }
      },
      revealFile: (file) => shell.showItemInFolder(file),
      setFullScreen(id, on) {
        const win = windows.get(id);
        win?.setFullScreen(on);
        return win ? on : false;
      },
      log,
    }),
    (webContentsId) => {
      for (const [id, win] of windows) if (!win.isDestroyed() && win.webContents.id === webContentsId) return id;
      return null;
    },
  );

  // Files open in their windows; a launch without files brings the app to the front.
  launch = (files) => {
    if (files.length === 0) {
      const first = windows.keys().next();
      if (first.done) createWindow();
      else host.focus(first.value);
      return;
    }
    void actions.openFiles(files).then(() => {
      if (windows.size === 0) createWindow();
    });
  };
  app.on("activate", () => {
    if (windows.size === 0) createWindow();
  });
  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });

  refreshMenu();
  launch([...documentsInArgv(process.argv, process.cwd(), LEADING_ARGS), ...pendingFiles.splice(0)]);
}
