/**
 * The window frame's pure parts: which keys mean undo/redo and how hints write them, and file
 * names main will accept.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { REQUESTS } from "../../shared/api/contract.ts";
import { safeFileName } from "../../renderer/src/app/document-actions.ts";
import { historyKeyOf, redoKeys, undoKeys } from "../../renderer/src/app/shortcuts.ts";
import { key } from "../support/keys.ts";

describe("history keys", () => {
  it("maps the standard shortcuts on every platform", () => {
    expect(historyKeyOf(key("z", { ctrlKey: true }))).toBe("undo");
    expect(historyKeyOf(key("z", { metaKey: true }))).toBe("undo");
    expect(historyKeyOf(key("Z", { ctrlKey: true, shiftKey: true }))).toBe("redo");
    expect(historyKeyOf(key("Z", { metaKey: true, shiftKey: true }))).toBe("redo");
    expect(historyKeyOf(key("y", { ctrlKey: true }))).toBe("redo");
  });

  it("leaves other keys alone", () => {
    expect(historyKeyOf(key("z"))).toBeNull();
    expect(historyKeyOf(key("z", { ctrlKey: true, altKey: true }))).toBeNull();
    expect(historyKeyOf(key("y", { metaKey: true }))).toBeNull();
    expect(historyKeyOf(key("y", { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(historyKeyOf(key("x", { ctrlKey: true }))).toBeNull();
  });
});

describe("shortcut hints", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("writes undo and redo as each platform does", () => {
    vi.stubGlobal("navigator", { platform: "MacIntel" });
    expect([undoKeys(), redoKeys()]).toEqual(["⌘Z", "⇧⌘Z"]);
    vi.stubGlobal("navigator", { platform: "Win32" });
    expect([undoKeys(), redoKeys()]).toEqual(["Ctrl+Z", "Ctrl+Y"]);
  });
});

describe("suggested file names", () => {
  const accepted = (name: string) =>
    REQUESTS.chooseFileToSave.safeParse({ purpose: "document", suggestedName: name }).success;

  it.each([
    ["IT Value Scorecard", "IT Value Scorecard.scorecard"],
    ['a/b\\c:d*e?f"g<h>i|j', "a b c d e f g h i j.scorecard"],
    ["Plan.scorecard", "Plan.scorecard"],
    ["   ", "Scorecard.scorecard"],
    ["<img src=x onerror=alert(1)>", "img src=x onerror=alert(1).scorecard"],
  ])("%j → %j", (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
    expect(accepted(safeFileName(name))).toBe(true);
  });

  it("keeps a 200-character title within main's limit", () => {
    const name = safeFileName("x".repeat(200));
    expect(name.length).toBeLessThanOrEqual(200);
    expect(accepted(name)).toBe(true);
  });
});
