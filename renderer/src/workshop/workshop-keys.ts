/**
 * Workshop mode's keys: a presenter switches what the room sees with one key (1–5) and leaves
 * with Escape. Keys typed into a field stay the field's: a digit in a name, Escape reverting a
 * draft. A slider (range input) does not take digits, so the keys work while one has focus.
 */
import type { ViewKey } from "../state/document-store.ts";

/** What each number key shows, in the order of the presenter bar. */
export const WORKSHOP_SCREENS = [
  { key: "1", view: "what-if", label: "Map & What-If" },
  { key: "2", view: "strategy-map", label: "Map" },
  { key: "3", view: "scorecard", label: "Scorecard" },
  { key: "4", view: "scenarios", label: "Scenarios" },
  { key: "5", view: "framework", label: "Framework" },
] as const satisfies ReadonlyArray<{ key: string; view: ViewKey; label: string }>;

export type WorkshopKey = { kind: "view"; view: ViewKey } | { kind: "exit" } | null;

/** True when the element takes typed keys itself (text, choices, an open dialog's controls). */
export function takesKeys(target: Pick<Element, "closest" | "tagName" | "getAttribute"> | null): boolean {
  if (!target) return false;
  if (target.closest("[data-editing], dialog[open], [contenteditable='true']")) return true;
  const tag = target.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  const type = (target.getAttribute("type") ?? "text").toLowerCase();
  return tag === "input" && type !== "range" && type !== "checkbox" && type !== "radio";
}

export function workshopKeyOf(
  event: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "altKey" | "defaultPrevented">,
  target: Parameters<typeof takesKeys>[0],
): WorkshopKey {
  // A key something else already used (Escape cancelling a drag on the map) is not the presenter's.
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || takesKeys(target)) return null;
  if (event.key === "Escape") return { kind: "exit" };
  const screen = WORKSHOP_SCREENS.find((s) => s.key === event.key);
  return screen ? { kind: "view", view: screen.view } : null;
}
