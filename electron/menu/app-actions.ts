/**
 * What the menu and the operating system ask of the app, carried out in main: Open…, Open Recent,
 * Save As…, Export, files from the command line / file manager, and commands passed on to the
 * focused window's page. Failures become a native dialog (the page may not even be loaded yet);
 * the same typed errors as the API, from the same error mapping.
 */
import path from "node:path";
import type { Command, Theme } from "../../shared/api/contract.ts";
import type { ApiError } from "../../shared/api/errors.ts";
import { toFailure } from "../api/errors.ts";
import { chooseSaveTarget } from "../api/file-kinds.ts";
import type { Dialogs, Services } from "../api/handlers.ts";
import type { DocumentWindows, WindowHost } from "../documents/document-windows.ts";
import type { ExportFormat } from "../interchange/export-data.ts";
import type { MenuActions } from "./template.ts";

export interface AppDialogs extends Dialogs {
  /** A refused file, a failed write: the message and its problems, row by row. */
  showError(windowId: number | null, title: string, error: ApiError): Promise<void>;
  showAbout(windowId: number | null): Promise<void>;
}

export interface AppActionsDeps {
  documents: DocumentWindows;
  host: WindowHost;
  dialogs: AppDialogs;
  settings: Services["settings"];
  themeChanged(theme: Theme): void;
  /** The focused app window, if any. */
  focused(): number | null;
  /** Whether dark colours are showing now (the OS's choice when the theme is "system"). */
  showsDark(): boolean;
  openDocumentation(windowId: number | null): Promise<void>;
  log(error: unknown): void;
}

/** The menu's actions, with promises where there is work to wait for (the tests await them). */
export interface AppActions extends MenuActions {
  open(): Promise<void>;
  openRecent(file: string): Promise<void>;
  saveAs(): Promise<void>;
  exportAs(format: ExportFormat): Promise<void>;
  /** Files from the command line, the file manager or a second launch. */
  openFiles(files: readonly string[]): Promise<void>;
}

export function createAppActions(d: AppActionsDeps): AppActions {
  const fail = (windowId: number | null, title: string, e: unknown) => {
    const result = toFailure(e, d.log);
    return result.ok ? Promise.resolve() : d.dialogs.showError(windowId, title, result.error);
  };

  const openFile = async (file: string, from: number | null): Promise<void> => {
    try {
      d.documents.open(file, from);
    } catch (e) {
      await fail(from, `${path.basename(file)} could not be opened`, e);
    }
  };

  const windowWithDocument = (): number | null => {
    const id = d.focused();
    return id !== null && d.documents.hasDocument(id) ? id : null;
  };

  const saveTo = async (
    purpose: "document" | "export-json" | "export-xlsx" | "export-csv",
    write: (windowId: number, file: string) => void | Promise<void>,
    /** Added to the suggested name: a CSV file is named after its table too. */
    suffix = "",
  ) => {
    const windowId = windowWithDocument();
    if (windowId === null) return;
    const name = d.documents.storeOf(windowId).file;
    const suggested = `${path.basename(name, path.extname(name))}${suffix}`;
    const file = await chooseSaveTarget(d.dialogs, windowId, purpose, suggested);
    if (file === null) return;
    try {
      await write(windowId, file);
    } catch (e) {
      await fail(windowId, `${path.basename(file)} could not be written`, e);
    }
  };

  return {
    command(command: Command) {
      const id = d.focused();
      // With no window open (macOS), "New from Template…" needs the start screen to show its picker.
      if (id === null) {
        if (command === "new-from-template") d.host.create();
        return;
      }
      d.host.send(id, { type: "command", command });
    },

    async open() {
      const from = d.focused();
      try {
        const file = await d.dialogs.chooseOpen(from ?? -1, "document");
        if (file !== null) await openFile(file, from);
      } catch (e) {
        d.log(e); // the dialog itself failed; there is nothing to show it in
      }
    },

    openRecent(file: string) {
      return openFile(file, d.focused());
    },

    clearRecent() {
      d.settings.update({ recent: [] });
    },

    saveAs() {
      return saveTo("document", (windowId, file) => {
        d.documents.saveAs(windowId, file);
        d.host.send(windowId, { type: "document-replaced" });
      }).catch(d.log);
    },

    exportAs(format: ExportFormat) {
      const write = (windowId: number, file: string) => d.documents.exportTo(windowId, file, format);
      const done =
        typeof format === "string"
          ? saveTo(`export-${format}`, write)
          : saveTo("export-csv", write, ` (${format.csv})`);
      return done.catch(d.log);
    },

    toggleDarkMode() {
      const theme: Theme = d.showsDark() ? "light" : "dark";
      d.settings.update({ theme });
      d.themeChanged(theme);
    },

    showAbout() {
      void d.dialogs.showAbout(d.focused());
    },

    showDocumentation() {
      void d.openDocumentation(d.focused());
    },

    async openFiles(files: readonly string[]) {
      for (const file of files) await openFile(file, null);
    },
  };
}
