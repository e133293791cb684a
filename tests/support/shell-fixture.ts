/**
 * Main's real handler table over real `.scorecard` files in a temp folder, with the Electron
 * parts faked: a window host that records what it was asked, dialogs that answer from a script,
 * and an openExternal that records. This is what the unit tests call, and what the renderer's
 * browser harness will call.
 */
import fs from "node:fs";
import path from "node:path";
import type { FileChoice, MainEvent, PageSize, SavePurpose, Theme } from "../../shared/api/contract.ts";
import type { ApiResult } from "../../shared/api/errors.ts";
import { newScorecard } from "../../shared/templates/index.ts";
import type { OpenPurpose } from "../../electron/api/file-kinds.ts";
import { createHandlers, type Dialogs, type HandlerTable } from "../../electron/api/handlers.ts";
import { PathTokens } from "../../electron/api/path-tokens.ts";
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { DocumentWindows, fileStores, type WindowHost } from "../../electron/documents/document-windows.ts";
import { SettingsFile, withRecent } from "../../electron/documents/settings-file.ts";
import { InterchangeThread } from "../../electron/interchange/worker-thread.ts";
import { idSequence } from "./docs.ts";
import { steppingClock, tempDir } from "./files.ts";
import { interchangeWorkerScript } from "./interchange-worker.ts";

export const SHELL_APP_VERSION = "0.0.0-shell";

export interface FakeHost extends WindowHost {
  created: number[];
  focused: number[];
  closed: number[];
  titles: Map<number, string>;
  sent: { windowId: number; event: MainEvent }[];
}

/** What the fake dialogs answer next: a path (chosen) or null (cancelled), and the link confirmation. */
export interface DialogScript {
  open: (string | null)[];
  save: (string | null)[];
  confirm: boolean[];
  /** Every dialog shown, for assertions. */
  shown: { kind: "open" | "save" | "confirm"; windowId: number; detail: string }[];
}

export interface Shell {
  dir: string;
  table: HandlerTable;
  documents: DocumentWindows;
  tokens: PathTokens;
  host: FakeHost;
  dialogs: DialogScript;
  settings: SettingsFile;
  opened: string[];
  /** Files shown in the file manager (Share…). */
  revealed: string[];
  /**
   * What printing a window to PDF gives: the browser harness prints its page with Chromium; unit
   * tests set their own. By default it fails, as printing a window with no page would.
   */
  printToPdf: (windowId: number, pageSize: PageSize) => Promise<Uint8Array>;
  /** Windows put in or out of full screen (workshop mode), by id. */
  fullScreen: Map<number, boolean>;
  themes: Theme[];
  logged: unknown[];
  /** A window the host has open (as the app's start screen would be). */
  newWindow(): number;
  /** Calls a method as `windowId` with the payload as given (untrusted; even `undefined`), or `{}` when none is given. */
  call<T = unknown>(windowId: number, method: keyof HandlerTable, ...payload: [unknown?]): Promise<ApiResult<T>>;
  /** Calls and unwraps, failing the test with the error if the call failed. */
  value<T = unknown>(windowId: number, method: keyof HandlerTable, ...payload: [unknown?]): Promise<T>;
  /**
   * A token for opening `file` in `windowId`, granted the way the app grants one: the open dialog
   * (scripted to answer `file`) through chooseFileToOpen; handlers take tokens, never paths.
   */
  openToken(windowId: number, file: string, purpose?: OpenPurpose): Promise<string>;
  /** A token for writing `file`, through the save dialog and chooseFileToSave, as openToken. */
  saveToken(windowId: number, file: string, purpose?: SavePurpose, suggestedName?: string): Promise<string>;
  /** Writes a template scorecard into the temp folder and returns its path. */
  writeScorecard(name: string, template?: string): string;
  close(): void;
}

export function createShell(): Shell {
  const dir = tempDir("scorecard-shell-");
  const newId = idSequence(1);
  const now = steppingClock();
  let nextWindow = 1;
  const host: FakeHost = {
    created: [],
    focused: [],
    closed: [],
    titles: new Map(),
    sent: [],
    create() {
      const id = nextWindow++;
      host.created.push(id);
      documents.added(id);
      return id;
    },
    focus: (id) => host.focused.push(id),
    close(id) {
      host.closed.push(id);
      documents.removed(id);
      tokens.forgetWindow(id);
    },
    setTitle: (id, title) => host.titles.set(id, title),
    send: (windowId, event) => host.sent.push({ windowId, event }),
    noteDocument: () => {},
  };
  const dialogScript: DialogScript = { open: [], save: [], confirm: [], shown: [] };
  const dialogs: Dialogs = {
    async chooseOpen(windowId, purpose) {
      dialogScript.shown.push({ kind: "open", windowId, detail: purpose });
      return dialogScript.open.shift() ?? null;
    },
    async chooseSave(windowId, kind, suggestedName) {
      dialogScript.shown.push({ kind: "save", windowId, detail: `${kind.extension} ${suggestedName}` });
      return dialogScript.save.shift() ?? null;
    },
    async confirmExternal(windowId, url) {
      dialogScript.shown.push({ kind: "confirm", windowId, detail: url });
      return dialogScript.confirm.shift() ?? false;
    },
  };
  const settings = new SettingsFile(path.join(dir, "settings.json"));
  const opened: string[] = [];
  const themes: Theme[] = [];
  const logged: unknown[] = [];
  const fullScreen = new Map<number, boolean>();
  const revealed: string[] = [];
  // Imports and exports on a worker thread, as in the app.
  const interchange = new InterchangeThread(interchangeWorkerScript());
  const documents = new DocumentWindows(
    host,
    fileStores({ appVersion: SHELL_APP_VERSION, now }),
    (file) => {
      opened.push(file);
      settings.update({ recent: withRecent(settings.get().recent, file) });
    },
    interchange,
  );
  const tokens = new PathTokens();
  const newDocument = (key: string, periods?: { firstStart: string; count: number }) =>
    newScorecard(key, { newId, now: "2026-03-01T00:00:00.000Z", appVersion: SHELL_APP_VERSION, periods });
  const table = createHandlers({
    documents,
    tokens,
    dialogs,
    settings,
    newDocument,
    openExternal: async (url) => {
      opened.push(url);
    },
    themeChanged: (theme) => themes.push(theme),
    printToPdf: (windowId, pageSize) => shell.printToPdf(windowId, pageSize),
    revealFile: (file) => revealed.push(file),
    closeWindow: (id) => host.close(id),
    setFullScreen(id, on) {
      fullScreen.set(id, on);
      return on;
    },
    log: (e) => logged.push(e),
  });

  const call = <T>(windowId: number, method: keyof HandlerTable, ...payload: [unknown?]) =>
    table[method](windowId, payload.length > 0 ? payload[0] : {}) as Promise<ApiResult<T>>;
  const shell: Shell = {
    dir,
    table,
    documents,
    tokens,
    host,
    dialogs: dialogScript,
    settings,
    opened,
    themes,
    logged,
    fullScreen,
    revealed,
    printToPdf: async () => {
      throw new Error("no page to print in this test");
    },
    newWindow: () => host.create(),
    call,
    async value<T>(windowId: number, method: keyof HandlerTable, ...payload: [unknown?]) {
      const result = await call<T>(windowId, method, ...payload);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.kind}: ${result.error.message}`);
      return result.value;
    },
    async openToken(windowId, file, purpose = "document") {
      dialogScript.open.push(file);
      return (await shell.value<FileChoice>(windowId, "chooseFileToOpen", { purpose })).token;
    },
    async saveToken(windowId, file, purpose = "document", suggestedName = "x") {
      dialogScript.save.push(file);
      return (await shell.value<FileChoice>(windowId, "chooseFileToSave", { purpose, suggestedName })).token;
    },
    writeScorecard(name, template = "it-value") {
      const file = path.join(dir, name);
      writeFileAtomically(file, newDocument(template));
      return file;
    },
    close() {
      for (const id of [...host.created]) if (documents.has(id)) documents.removed(id);
      void interchange.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return shell;
}
