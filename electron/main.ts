/**
 * Electron main process: one locked-down window showing the renderer. The only module that
 * imports `electron`; the real shell (app:// protocol, IPC, menus, files) comes later.
 */
import path from "node:path";
import { app, BrowserWindow, nativeTheme, session } from "electron";

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    // Matches the page background of the theme, so there is no white flash in dark mode.
    backgroundColor: nativeTheme.shouldUseDarkColors ? "#15181d" : "#f6f7f9",
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    },
  });
  win.once("ready-to-show", () => win.show());
  // The app path is the project folder in development and the packaged app's root later.
  void win.loadFile(path.join(app.getAppPath(), "dist/renderer/index.html"));
  return win;
}

// A second launch focuses the running window instead of starting another copy.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on("second-instance", () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  // Every web contents, present and future: no navigation away from the app, no new windows.
  app.on("web-contents-created", (_event, contents) => {
    contents.on("will-navigate", (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: "deny" }));
  });

  app.on("window-all-closed", () => {
    if (process.platform !== "darwin") app.quit();
  });

  void app.whenReady().then(() => {
    // The app needs no camera, notifications, clipboard reads or any other permission.
    session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);
    createWindow();
    // macOS keeps the app alive without windows; clicking the dock icon opens one again.
    app.on("activate", () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });
}
