/**
 * The file actions of the start screen and the dialogs: each asks main for a file through a
 * dialog (the renderer never names a path), then opens or creates it, and says what went wrong
 * if it did not work. A cancelled dialog does nothing.
 */
import type { OpenOutcome, ScorecardApi } from "../../../shared/api/contract.ts";
import type { ApiError, ApiResult } from "../../../shared/api/errors.ts";
import type { DocumentStore } from "../state/document-store.ts";

/** Where a failure is told: the window's notice bar, or a dialog's own message (a modal hides the bar). */
export type Report = (title: string, error: ApiError) => void;

function settle(store: DocumentStore, report: Report, title: string, result: ApiResult<OpenOutcome>): boolean {
  if (!result.ok) {
    report(title, result.error);
    return false;
  }
  // "new-window" and "focused": another window shows it; this one stays as it is.
  if (result.value.kind === "here") store.getState().show(result.value.snapshot);
  return true;
}

/** Creates a document from a template (or the demo) in a file the user chooses. True when created. */
export async function createDocument(
  api: ScorecardApi,
  store: DocumentStore,
  template: string,
  suggestedName: string,
  report: Report = store.getState().report,
): Promise<boolean> {
  const title = "Could not create the scorecard";
  const choice = await api.chooseFileToSave({ purpose: "document", suggestedName: safeFileName(suggestedName) });
  if (!choice.ok) {
    report(title, choice.error);
    return false;
  }
  if (!choice.value) return false;
  return settle(store, report, title, await api.createDocument({ template, file: choice.value.token }));
}

/** Open… : the user picks a scorecard file. */
export async function openChosenFile(api: ScorecardApi, store: DocumentStore): Promise<void> {
  const choice = await api.chooseFileToOpen({ purpose: "document" });
  if (!choice.ok) store.getState().report("Could not open the file", choice.error);
  else if (choice.value) await openToken(api, store, choice.value.token);
}

export async function openToken(api: ScorecardApi, store: DocumentStore, token: string): Promise<void> {
  settle(store, store.getState().report, "Could not open the file", await api.openDocument({ file: token }));
}

/**
 * A name main accepts as a suggested file name: no folders or reserved characters, at most 200
 * characters; it ends in `extension` (a document's by default), given once.
 */
export function safeFileName(name: string, extension = ".scorecard"): string {
  const cleaned = name
    .replace(/[/\\:*?"<>|]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  const bare = cleaned.toLowerCase().endsWith(extension.toLowerCase())
    ? cleaned.slice(0, -extension.length).trim()
    : cleaned;
  return `${bare.slice(0, 180) || "Scorecard"}${extension}`;
}
