/** Electron adapter: the app's dialogs as native ones (open, save, confirm a link, errors, About). */
import path from "node:path";
import { app, type BrowserWindow, dialog } from "electron";
import { OPEN_KINDS } from "../api/file-kinds.ts";
import type { AppDialogs } from "../menu/app-actions.ts";
import { aboutBox, errorBox, type MessageBox } from "../menu/dialog-text.ts";
import { confirmationPrompt } from "../security/external-links.ts";

export function nativeDialogs(windowById: (id: number | null) => BrowserWindow | null): AppDialogs {
  const box = async (windowId: number | null, content: MessageBox & { defaultId?: number; cancelId?: number }) => {
    const win = windowById(windowId);
    const options = { ...content, noLink: true };
    return (win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options)).response;
  };

  return {
    async chooseOpen(windowId, purpose) {
      const kind = OPEN_KINDS[purpose];
      const options = {
        properties: ["openFile" as const],
        filters: [
          { name: kind.filterName, extensions: [...kind.extensions] },
          { name: "All Files", extensions: ["*"] },
        ],
      };
      const win = windowById(windowId);
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },

    async chooseSave(windowId, kind, suggestedName) {
      const options = {
        defaultPath: path.join(app.getPath("documents"), suggestedName),
        filters: [{ name: kind.filterName, extensions: [kind.extension.slice(1)] }],
        properties: ["createDirectory" as const, "showOverwriteConfirmation" as const],
      };
      const win = windowById(windowId);
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },

    async confirmExternal(windowId, url) {
      return (await box(windowId, { type: "question", ...confirmationPrompt(url) })) === 1;
    },

    async showError(windowId, title, error) {
      await box(windowId, errorBox(title, error));
    },

    async showAbout(windowId) {
      const { electron, chrome, node } = process.versions;
      await box(windowId, aboutBox({ app: app.getVersion(), electron: electron ?? "?", chrome: chrome ?? "?", node }));
    },
  };
}
