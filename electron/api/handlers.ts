/**
 * Main's behaviour as one table: API method → handler, over the document windows, the path tokens,
 * dialogs and settings. No Electron here: the IPC adapter (electron/api/ipc.ts) registers this
 * table on ipcMain, and the browser test harness calls the very same table, so end-to-end tests
 * exercise the real main-side code. Every payload is checked against the contract first; every
 * failure comes back as a typed error (electron/api/errors.ts).
 */
import path from "node:path";
import {
  type Change,
  type Method,
  REQUESTS,
  type Request,
  type Responses,
  type PageSize,
  type Theme,
} from "../../shared/api/contract.ts";
import { type ApiResult, failure, ok } from "../../shared/api/errors.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import type { Execution } from "../../shared/operations/execute.ts";
import { parseOperationMessage } from "../../shared/operations/operation.ts";
import { FileRefused } from "../file/errors.ts";
import type { ScorecardStore } from "../file/store.ts";
import type { DocumentWindows } from "../documents/document-windows.ts";
import type { Settings } from "../documents/settings-file.ts";
import { externalUrlVerdict } from "../security/external-links.ts";
import { BadRequest, toFailure } from "./errors.ts";
import { imageBytes } from "./image-payload.ts";
import { pdfBytes } from "../report/pdf-output.ts";
import { chooseSaveTarget, OPEN_KINDS, type OpenPurpose, SAVE_KINDS, type SaveKind } from "./file-kinds.ts";
import type { PathTokens } from "./path-tokens.ts";

export interface Dialogs {
  /** The file the user chose to open, or null when they cancelled. */
  chooseOpen(windowId: number, purpose: OpenPurpose): Promise<string | null>;
  chooseSave(windowId: number, kind: SaveKind, suggestedName: string): Promise<string | null>;
  /** "Open this link in your browser?" — true only when the user said yes. */
  confirmExternal(windowId: number, url: string): Promise<boolean>;
}

export interface Services {
  documents: DocumentWindows;
  tokens: PathTokens;
  dialogs: Dialogs;
  settings: { get(): Settings; update(changes: Partial<Settings>): Settings };
  /** The document a template makes, with fresh ids and the given periods. */
  newDocument(template: string, periods?: { firstStart: string; count: number }): ScorecardDocument;
  openExternal(url: string): Promise<void>;
  /** The theme changed: apply it (native theme) and tell every window. */
  themeChanged(theme: Theme): void;
  closeWindow(windowId: number): void;
  /** The page as a PDF (print media, page numbers in the footer): Electron's printToPDF; Chromium's in the tests. */
  printToPdf(windowId: number, pageSize: PageSize): Promise<Uint8Array>;
  /** Shows a file in the OS file manager (Share…). */
  revealFile(file: string): void;
  /** Workshop mode: the window fills the screen or goes back; returns whether it now does. */
  setFullScreen(windowId: number, on: boolean): boolean;
  /** Unexpected errors, for the log; never shown to the user as they are. */
  log(error: unknown): void;
}

/** A handler as the IPC adapter and the test harness call it: the window asking, and a payload not yet trusted. */
export type Handler = (windowId: number, payload: unknown) => Promise<ApiResult<unknown>>;
export type HandlerTable = Record<Method, Handler>;

type Implementations = {
  [M in Method]: (windowId: number, request: Request<M>) => Responses[M] | Promise<Responses[M]>;
};

export function createHandlers(services: Services): HandlerTable {
  const impl = implementations(services);
  const table = {} as HandlerTable;
  for (const method of Object.keys(impl) as Method[]) {
    const schema = REQUESTS[method];
    const run = impl[method] as (windowId: number, request: unknown) => unknown;
    table[method] = async (windowId, payload) => {
      const parsed = schema.safeParse(payload);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` (${issue.path.join(".")})` : "";
        return failure("bad-request", `Malformed ${method} request${where}: ${issue?.message ?? "invalid"}`);
      }
      try {
        return ok(await run(windowId, parsed.data));
      } catch (e) {
        return toFailure(e, services.log);
      }
    };
  }
  return table;
}

function implementations(s: Services): Implementations {
  const { documents, tokens, dialogs } = s;
  const store = (windowId: number): ScorecardStore => documents.storeOf(windowId);
  const change = (st: ScorecardStore, ex: Execution): Change => ({
    label: ex.label,
    steps: ex.applied.map((a) => a.step),
    history: { undo: st.undoLabel, redo: st.redoLabel },
  });
  const travel = (windowId: number, direction: "undo" | "redo"): Change | null => {
    const st = store(windowId);
    const ex = direction === "undo" ? st.undo() : st.redo();
    return ex && change(st, ex);
  };

  return {
    getDocument: (windowId) => documents.snapshot(windowId),

    listRecent: (windowId) =>
      s.settings.get().recent.map((file) => ({
        token: tokens.issue(windowId, file, "open-document"),
        fileName: path.basename(file),
        location: path.dirname(file),
      })),

    chooseFileToOpen: async (windowId, { purpose }) => {
      const file = await dialogs.chooseOpen(windowId, purpose);
      return file === null
        ? null
        : { token: tokens.issue(windowId, file, OPEN_KINDS[purpose].grant), fileName: path.basename(file) };
    },

    chooseFileToSave: async (windowId, { purpose, suggestedName }) => {
      const file = await chooseSaveTarget(dialogs, windowId, purpose, suggestedName);
      if (file === null) return null;
      return { token: tokens.issue(windowId, file, SAVE_KINDS[purpose].grant), fileName: path.basename(file) };
    },

    openDocument: (windowId, { file }) => {
      const chosen = tokens.redeem(windowId, file, "open-document");
      try {
        return documents.open(chosen, windowId);
      } catch (e) {
        // A recent entry whose file is gone leaves the list.
        if (e instanceof FileRefused && e.kind === "missing") {
          s.settings.update({ recent: s.settings.get().recent.filter((f) => f !== chosen) });
        }
        throw e;
      }
    },

    createDocument: (windowId, { template, file, periods }) => {
      const target = tokens.redeem(windowId, file, "save-document");
      return documents.create(target, s.newDocument(template, periods), windowId);
    },

    applyOperation: (windowId, { message }) => {
      const st = store(windowId);
      const parsed = parseOperationMessage(message);
      if (!parsed.ok) throw new BadRequest(parsed.message);
      return change(st, st.apply(parsed.operation));
    },

    undo: (windowId) => travel(windowId, "undo"),
    redo: (windowId) => travel(windowId, "redo"),

    saveAs: (windowId, { file }) => documents.saveAs(windowId, tokens.redeem(windowId, file, "save-document")),

    shareCopy: (windowId, { file, omitActuals, omitNotes, omitScenarios }) => {
      documents.storeOf(windowId); // no document: say so before using up the token
      const target = tokens.redeem(windowId, file, "save-share");
      documents.share(windowId, target, { actuals: !omitActuals, notes: !omitNotes, scenarios: !omitScenarios });
      s.revealFile(target);
      return { fileName: path.basename(target) };
    },

    exportDocument: async (windowId, request) => {
      documents.storeOf(windowId);
      const target = tokens.redeem(windowId, request.file, SAVE_KINDS[`export-${request.format}`].grant);
      await documents.exportTo(windowId, target, request.format === "csv" ? { csv: request.table } : request.format);
      return { fileName: path.basename(target) };
    },

    exportPdf: async (windowId, { file, pageSize }) => {
      documents.storeOf(windowId);
      const target = tokens.redeem(windowId, file, "save-export-pdf");
      const pdf = pdfBytes(await s.printToPdf(windowId, pageSize));
      documents.writeExport(target, pdf.bytes);
      return { fileName: path.basename(target), pages: pdf.pages };
    },

    readImportFile: (windowId, { file }) => {
      documents.storeOf(windowId); // no document: say so before using up the token
      return documents.readImport(windowId, tokens.redeem(windowId, file, "open-import"));
    },

    exportImage: (windowId, { file, format, data }) => {
      documents.storeOf(windowId);
      const bytes = imageBytes(format, data);
      const target = tokens.redeem(windowId, file, SAVE_KINDS[`export-${format}`].grant);
      documents.writeExport(target, bytes);
      return { fileName: path.basename(target) };
    },

    closeDocument: (windowId) => {
      s.closeWindow(windowId);
      return null;
    },

    readSettings: () => ({ theme: s.settings.get().theme }),

    setTheme: (_windowId, { theme }) => {
      s.settings.update({ theme });
      s.themeChanged(theme);
      return { theme };
    },

    openExternal: async (windowId, { url }) => {
      const verdict = externalUrlVerdict(url);
      if (!verdict.allowed) throw new BadRequest(verdict.reason);
      if (!(await dialogs.confirmExternal(windowId, verdict.url))) return { opened: false };
      await s.openExternal(verdict.url);
      return { opened: true };
    },

    setFullScreen: (windowId, { on }) => ({ fullScreen: s.setFullScreen(windowId, on) }),
  };
}
