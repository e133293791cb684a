import { describe, expect, it } from "vitest";
import { takesKeys, WORKSHOP_SCREENS, workshopKeyOf } from "../../renderer/src/workshop/workshop-keys.ts";

/** An element as takesKeys sees it: its tag, its type and the ancestors `closest` would find. */
function element(tag: string, type?: string, within: string[] = []) {
  return {
    tagName: tag.toUpperCase(),
    getAttribute: (name: string) => (name === "type" ? (type ?? null) : null),
    closest: (selector: string) => (within.some((w) => selector.includes(w)) ? ({} as Element) : null),
  };
}
const key = (
  k: string,
  mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey" | "defaultPrevented", boolean>> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  defaultPrevented: false,
  ...mods,
});

describe("workshop keys", () => {
  it("number keys switch screens and Escape leaves, from the page, a button or a slider", () => {
    for (const target of [null, element("button"), element("input", "range"), element("div")]) {
      expect(workshopKeyOf(key("1"), target)).toEqual({ kind: "view", view: "what-if" });
      expect(workshopKeyOf(key("2"), target)).toEqual({ kind: "view", view: "strategy-map" });
      expect(workshopKeyOf(key("3"), target)).toEqual({ kind: "view", view: "scorecard" });
      expect(workshopKeyOf(key("4"), target)).toEqual({ kind: "view", view: "scenarios" });
      expect(workshopKeyOf(key("5"), target)).toEqual({ kind: "view", view: "framework" });
      expect(workshopKeyOf(key("Escape"), target)).toEqual({ kind: "exit" });
    }
    expect(WORKSHOP_SCREENS.map((s) => s.key)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it("leaves keys to fields, dialogs and edits in progress, and to shortcuts with modifiers", () => {
    for (const target of [
      element("input"),
      element("input", "text"),
      element("input", "number"),
      element("textarea"),
      element("select"),
      element("button", undefined, ["dialog[open]"]),
      element("td", undefined, ["[data-editing]"]),
    ]) {
      expect(takesKeys(target)).toBe(true);
      expect(workshopKeyOf(key("1"), target)).toBeNull();
      expect(workshopKeyOf(key("Escape"), target)).toBeNull();
    }
    expect(workshopKeyOf(key("1", { ctrlKey: true }), null)).toBeNull();
    expect(workshopKeyOf(key("2", { metaKey: true }), null)).toBeNull();
    expect(workshopKeyOf(key("3", { altKey: true }), null)).toBeNull();
    expect(workshopKeyOf(key("6"), null)).toBeNull();
    // Escape that cancelled a drag on the map does not also leave workshop mode.
    expect(workshopKeyOf(key("Escape", { defaultPrevented: true }), null)).toBeNull();
    expect(workshopKeyOf(key("a"), null)).toBeNull();
  });
});
