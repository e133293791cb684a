/**
 * Undo and redo from the keyboard (Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z, Ctrl+Y) and from the Edit menu.
 * While a text field holds typing that is not committed yet (it carries `data-editing`), undo is
 * the field's own: it takes back the typing, as every desktop app does; otherwise it is the
 * document's. The page handles the keys itself and prevents the default, so in Electron the menu's
 * accelerator does not fire a second time.
 */
import type { DocumentStore } from "../state/document-store.ts";

export type HistoryKey = "undo" | "redo" | null;

/** Which history action a key press asks for, if any. */
export function historyKeyOf(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey">,
): HistoryKey {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && event.ctrlKey && !event.shiftKey) return "redo";
  return null;
}

const mac = () => navigator.platform.startsWith("Mac");

/** The undo shortcut as this platform writes it, for tooltips and hints. */
export function undoKeys(): string {
  return mac() ? "⌘Z" : "Ctrl+Z";
}

/** The redo shortcut as this platform writes it. */
export function redoKeys(): string {
  return mac() ? "⇧⌘Z" : "Ctrl+Y";
}

/** True while the focused field holds typing that has not been committed as an edit. */
function isEditingText(active: Element | null = document.activeElement): boolean {
  return !!active?.closest("[data-editing]");
}

export function runHistory(store: DocumentStore, action: "undo" | "redo"): void {
  if (isEditingText()) {
    // The field's own text history (execCommand is the one way to reach it from script).
    document.execCommand(action);
    return;
  }
  void store.getState()[action]();
}

export function installHistoryKeys(store: DocumentStore): () => void {
  const onKey = (event: KeyboardEvent) => {
    const action = historyKeyOf(event);
    if (!action || isEditingText(event.target as Element | null)) return;
    event.preventDefault();
    void store.getState()[action]();
  };
  window.addEventListener("keydown", onKey);
  return () => window.removeEventListener("keydown", onKey);
}
