/**
 * A recording fake of the Electron APIs that electron/main.ts and electron/adapters/ use, for
 * running the bundled main process in plain Node (tests/unit/main-process.test.ts). It keeps the
 * rules Electron enforces that main could get wrong: the sandbox and privileged schemes only
 * before `ready`; protocol, screen and session only after; one handler per IPC channel. Windows
 * behave like Electron's: constructing one emits `web-contents-created`, `close` then `closed`,
 * and `window-all-closed` after the last one.
 */
import { EventEmitter } from "node:events";
import type { Rect } from "../../electron/documents/window-bounds.ts";

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type Options = Record<string, unknown>;
export type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;
export type ProtocolHandler = (request: Request) => Response | Promise<Response>;
export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details?: unknown,
) => void;
export type PermissionCheckHandler = (
  contents: unknown,
  permission: string,
  origin?: string,
  details?: unknown,
) => boolean;
export type BeforeRequestListener = (
  details: { url: string; method?: string; resourceType?: string },
  callback: (response: { cancel?: boolean; redirectURL?: string }) => void,
) => void;
export type WindowOpenHandler = (details: { url: string }) => { action: string };

export class FakeWebContents extends EventEmitter {
  readonly sent: { channel: string; payload: unknown }[] = [];
  windowOpenHandler: WindowOpenHandler | null = null;

  constructor(readonly id: number) {
    super();
  }

  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
}

interface Registry {
  app: FakeApp;
  /** Open windows, oldest first. */
  windows: FakeBrowserWindow[];
  /** Every window ever constructed. */
  created: FakeBrowserWindow[];
  focused: FakeBrowserWindow | null;
  nextWindowId: number;
  nextContentsId: number;
}

export class FakeBrowserWindow extends EventEmitter {
  readonly id: number;
  readonly webContents: FakeWebContents;
  readonly options: Options;
  readonly loaded: string[] = [];
  bounds: Rect;
  title: string;
  visible = false;
  minimized = false;
  maximized = false;
  destroyed = false;
  focusCount = 0;
  restoreCount = 0;
  representedFilename: string | null = null;

  constructor(
    private readonly registry: Registry,
    options: Options = {},
  ) {
    super();
    this.options = options;
    this.id = registry.nextWindowId++;
    // Its own counter, as in Electron: a window's id is not its web contents' id.
    this.webContents = new FakeWebContents(registry.nextContentsId++);
    const num = (key: string, fallback: number) =>
      typeof options[key] === "number" ? (options[key] as number) : fallback;
    this.bounds = { x: num("x", 0), y: num("y", 0), width: num("width", 800), height: num("height", 600) };
    this.title = typeof options.title === "string" ? options.title : "";
    registry.windows.push(this);
    registry.created.push(this);
    registry.app.emit("web-contents-created", fakeEvent(), this.webContents);
  }

  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    setImmediate(() => {
      if (!this.destroyed) this.emit("ready-to-show", fakeEvent());
    });
    return Promise.resolve();
  }

  show(): void {
    this.visible = true;
  }

  isVisible(): boolean {
    return this.visible;
  }

  setTitle(title: string): void {
    this.title = title;
  }

  getTitle(): string {
    return this.title;
  }

  focus(): void {
    this.focusCount++;
    this.registry.focused = this;
    this.emit("focus", fakeEvent());
  }

  minimize(): void {
    this.minimized = true;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  restore(): void {
    this.restoreCount++;
    this.minimized = false;
  }

  maximize(): void {
    this.maximized = true;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): Rect {
    return { ...this.bounds };
  }

  setRepresentedFilename(file: string): void {
    this.representedFilename = file;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  close(): void {
    if (this.destroyed) return;
    const event = fakeEvent();
    this.emit("close", event);
    if (event.defaultPrevented) return;
    this.destroyed = true;
    const r = this.registry;
    r.windows = r.windows.filter((w) => w !== this);
    if (r.focused === this) r.focused = null;
    this.emit("closed");
    this.webContents.emit("destroyed");
    if (r.windows.length === 0) r.app.emit("window-all-closed");
  }
}

export interface FakeAppOptions {
  appPath: string;
  userData: string;
  documents: string;
  /** What requestSingleInstanceLock answers (true: this is the first instance). */
  singleInstance?: boolean;
  isPackaged?: boolean;
  version?: string;
}

export class FakeApp extends EventEmitter {
  readonly isPackaged: boolean;
  readonly recentDocuments: string[] = [];
  readonly exitCodes: number[] = [];
  lockRequests = 0;
  quitCalls = 0;
  sandboxEnabled = false;
  private isReadyNow = false;
  private resolveReady: () => void = () => {};
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });

  constructor(
    private readonly opts: FakeAppOptions,
    private readonly log: string[],
  ) {
    super();
    this.isPackaged = opts.isPackaged ?? false;
  }

  requestSingleInstanceLock(): boolean {
    this.log.push("app.requestSingleInstanceLock");
    this.lockRequests++;
    return this.opts.singleInstance ?? true;
  }

  quit(): void {
    this.log.push("app.quit");
    this.quitCalls++;
  }

  exit(code = 0): void {
    this.log.push(`app.exit(${code})`);
    this.exitCodes.push(code);
  }

  enableSandbox(): void {
    if (this.isReadyNow) throw new Error("app.enableSandbox() can only be called before app is ready");
    this.log.push("app.enableSandbox");
    this.sandboxEnabled = true;
  }

  whenReady(): Promise<void> {
    this.log.push("app.whenReady");
    return this.readyPromise;
  }

  isReady(): boolean {
    return this.isReadyNow;
  }

  /** The test's switch: Electron finished launching. */
  ready(): void {
    if (this.isReadyNow) return;
    this.log.push("ready");
    this.isReadyNow = true;
    this.emit("will-finish-launching");
    this.emit("ready", fakeEvent(), {});
    this.resolveReady();
  }

  getAppPath(): string {
    return this.opts.appPath;
  }

  getPath(name: string): string {
    if (name === "userData") return this.opts.userData;
    if (name === "documents") return this.opts.documents;
    throw new Error(`fake electron: app.getPath(${JSON.stringify(name)}) is not faked`);
  }

  addRecentDocument(file: string): void {
    this.recentDocuments.push(file);
  }

  getVersion(): string {
    return this.opts.version ?? "0.0.0-fake";
  }

  getName(): string {
    return "Scorecard Studio";
  }
}

/** What the fake dialogs answer next; when a list runs out: cancelled, and button 0. */
export interface DialogScript {
  open: { canceled: boolean; filePaths: string[] }[];
  save: { canceled: boolean; filePath?: string }[];
  messageBox: number[];
}

export interface DialogCall {
  window: FakeBrowserWindow | null;
  options: Options;
}

export function createFakeElectron(opts: FakeAppOptions) {
  /** The calls whose order matters (before/after ready), as "api.method" strings. */
  const log: string[] = [];
  const app = new FakeApp(opts, log);
  const registry: Registry = { app, windows: [], created: [], focused: null, nextWindowId: 1, nextContentsId: 101 };
  const afterReady = (what: string) => {
    if (!app.isReady()) throw new Error(`fake electron: ${what} cannot be used before the app is ready`);
  };

  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Options = {}) {
      afterReady("BrowserWindow");
      super(registry, options);
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return [...registry.windows];
    }
    static getFocusedWindow(): FakeBrowserWindow | null {
      return registry.focused;
    }
    static fromWebContents(contents: unknown): FakeBrowserWindow | null {
      return registry.windows.find((w) => w.webContents === contents) ?? null;
    }
  }

  const ipcMain = {
    handlers: new Map<string, IpcHandler>(),
    handle(channel: string, handler: IpcHandler): void {
      if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      ipcMain.handlers.set(channel, handler);
    },
    removeHandler(channel: string): void {
      ipcMain.handlers.delete(channel);
    },
  };

  const Menu = {
    built: [] as unknown[][],
    applied: [] as unknown[],
    buildFromTemplate(template: unknown[]) {
      Menu.built.push(template);
      return { template };
    },
    setApplicationMenu(menu: unknown): void {
      Menu.applied.push(menu);
    },
  };

  const nativeTheme = { themeSource: "system", shouldUseDarkColors: false };

  const protocol = {
    privileged: [] as unknown[][],
    handlers: new Map<string, ProtocolHandler>(),
    registerSchemesAsPrivileged(schemes: unknown[]): void {
      if (app.isReady()) throw new Error("protocol.registerSchemesAsPrivileged should be called before app is ready");
      log.push("protocol.registerSchemesAsPrivileged");
      protocol.privileged.push(schemes);
    },
    handle(scheme: string, handler: ProtocolHandler): void {
      afterReady("protocol.handle");
      if (protocol.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
      protocol.handlers.set(scheme, handler);
    },
  };

  const workArea: Rect = { x: 0, y: 0, width: 1920, height: 1080 };
  const display = { id: 1, bounds: { ...workArea }, workArea, scaleFactor: 1 };
  const screen = {
    getPrimaryDisplay() {
      afterReady("screen");
      return display;
    },
    getAllDisplays() {
      afterReady("screen");
      return [display];
    },
  };

  const defaultSession = {
    permissionRequestHandler: null as PermissionRequestHandler | null,
    permissionCheckHandler: null as PermissionCheckHandler | null,
    beforeRequest: null as BeforeRequestListener | null,
    setPermissionRequestHandler(handler: PermissionRequestHandler | null): void {
      defaultSession.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheckHandler | null): void {
      defaultSession.permissionCheckHandler = handler;
    },
    webRequest: {
      onBeforeRequest(filterOrListener: unknown, maybeListener?: BeforeRequestListener): void {
        const listener = typeof filterOrListener === "function" ? filterOrListener : maybeListener;
        defaultSession.beforeRequest = (listener as BeforeRequestListener | undefined) ?? null;
      },
    },
  };
  const session = {
    get defaultSession() {
      afterReady("session.defaultSession");
      return defaultSession;
    },
  };

  const script: DialogScript = { open: [], save: [], messageBox: [] };
  const split = (args: unknown[]): DialogCall =>
    args[0] instanceof FakeBrowserWindow
      ? { window: args[0], options: (args[1] ?? {}) as Options }
      : { window: null, options: (args[0] ?? {}) as Options };
  const dialog = {
    script,
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as DialogCall[],
    openDialogs: [] as DialogCall[],
    saveDialogs: [] as DialogCall[],
    showErrorBox(title: string, content: string): void {
      dialog.errorBoxes.push({ title, content });
    },
    async showMessageBox(...args: unknown[]) {
      dialog.messageBoxes.push(split(args));
      return { response: script.messageBox.shift() ?? 0, checkboxChecked: false };
    },
    async showOpenDialog(...args: unknown[]) {
      dialog.openDialogs.push(split(args));
      return script.open.shift() ?? { canceled: true, filePaths: [] };
    },
    async showSaveDialog(...args: unknown[]) {
      dialog.saveDialogs.push(split(args));
      return script.save.shift() ?? { canceled: true };
    },
  };

  const shell = {
    opened: [] as string[],
    async openExternal(url: string): Promise<void> {
      shell.opened.push(url);
    },
  };

  /** What `require("electron")` returns to the bundle. */
  const electron = { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, protocol, screen, session, shell };

  return {
    electron,
    log,
    app,
    BrowserWindow,
    dialog,
    ipcMain,
    Menu,
    nativeTheme,
    protocol,
    screen,
    /** The session object itself, readable before ready (for assertions). */
    defaultSession,
    shell,
    /** Every window constructed, open or closed, oldest first. */
    created: registry.created,
    /** Electron finished launching: resolves whenReady(). */
    ready: () => app.ready(),
    /** Closes every open window (as quitting does), so no document stays open. */
    closeAll(): void {
      for (const win of [...registry.windows]) win.close();
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
