/**
 * What the menu and the OS ask of main (electron/menu/app-actions.ts), over the real document
 * windows and files, with fake dialogs: refusals become a native dialog naming the problems.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Theme } from "../../shared/api/contract.ts";
import type { ApiError } from "../../shared/api/errors.ts";
import { toDocumentJson } from "../../shared/document-json.ts";
import { tableToCsv } from "../../shared/interchange/csv-text.ts";
import { exportTable } from "../../shared/interchange/workbook-tables.ts";
import { type AppActions, type AppDialogs, createAppActions } from "../../electron/menu/app-actions.ts";
import { sha256 } from "../support/files.ts";
import { HOSTILE_CASES } from "../support/hostile-files.ts";
import { createShell, type Shell } from "../support/shell-fixture.ts";

let shell: Shell;
let actions: AppActions;
let focused: number | null;
let errors: { windowId: number | null; title: string; error: ApiError }[];
let answers: { open: (string | null)[]; save: (string | null)[] };
let themes: Theme[];
let dark: boolean;
let suggestions: string[];

beforeEach(() => {
  shell = createShell();
  focused = null;
  errors = [];
  answers = { open: [], save: [] };
  themes = [];
  dark = false;
  suggestions = [];
  const dialogs: AppDialogs = {
    chooseOpen: async () => answers.open.shift() ?? null,
    chooseSave: async (_id, kind, suggested) => {
      expect(suggested.endsWith(kind.extension)).toBe(true);
      suggestions.push(suggested);
      return answers.save.shift() ?? null;
    },
    confirmExternal: async () => false,
    showError: async (windowId, title, error) => {
      errors.push({ windowId, title, error });
    },
    showAbout: async () => {},
  };
  actions = createAppActions({
    documents: shell.documents,
    host: shell.host,
    dialogs,
    settings: shell.settings,
    themeChanged: (theme) => themes.push(theme),
    focused: () => focused,
    showsDark: () => dark,
    openDocumentation: async () => {},
    log: (e) => {
      throw e;
    },
  });
});
afterEach(() => shell.close());

describe("files from the OS (argv, open-file, second launch)", () => {
  it("open in the empty start window first, then in new windows", async () => {
    const start = shell.newWindow();
    const a = shell.writeScorecard("a.scorecard");
    const b = shell.writeScorecard("b.scorecard", "blank");
    await actions.openFiles([a, b]);
    expect(shell.documents.snapshot(start)?.fileName).toBe("a.scorecard");
    expect(shell.host.sent).toContainEqual({ windowId: start, event: { type: "document-replaced" } });
    const second = shell.host.created.at(-1)!;
    expect(second).not.toBe(start);
    expect(shell.documents.snapshot(second)?.fileName).toBe("b.scorecard");
  });

  it("a file that is open already focuses its window", async () => {
    const a = shell.writeScorecard("a.scorecard");
    await actions.openFiles([a]);
    const created = [...shell.host.created];
    await actions.openFiles([a]);
    expect(shell.host.created).toEqual(created);
    expect(shell.host.focused).toEqual([created[0]]);
  });

  it("a refused file gets a dialog naming it and its problems, opens no window and stays unchanged", async () => {
    const file = HOSTILE_CASES.find((c) => c.id === "link-cycle")!.write(shell.dir);
    const bytes = sha256(file);
    await actions.openFiles([file]);
    expect(shell.host.created).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.title).toBe(`${path.basename(file)} could not be opened`);
    expect(errors[0]?.error.kind).toBe("file-refused");
    expect(errors[0]?.error.problems?.join("\n")).toMatch(/cycle/i);
    expect(sha256(file)).toBe(bytes);
  });
});

describe("the File menu", () => {
  it("Open… opens the chosen file; a cancelled dialog does nothing", async () => {
    focused = shell.newWindow();
    await actions.open();
    expect(shell.documents.hasDocument(focused)).toBe(false);
    answers.open.push(shell.writeScorecard("a.scorecard"));
    await actions.open();
    expect(shell.documents.snapshot(focused)?.fileName).toBe("a.scorecard");
  });

  it("Open Recent of a file that has gone says so", async () => {
    focused = shell.newWindow();
    await actions.openRecent(path.join(shell.dir, "gone.scorecard"));
    expect(errors[0]?.error.kind).toBe("file-refused");
  });

  it("Save As… switches the window to the copy and tells the page", async () => {
    focused = shell.newWindow();
    await actions.openFiles([shell.writeScorecard("a.scorecard")]);
    const copy = path.join(shell.dir, "copy");
    answers.save.push(copy);
    await actions.saveAs();
    expect(shell.documents.snapshot(focused)?.fileName).toBe("copy.scorecard");
    expect(shell.host.sent.at(-1)).toEqual({ windowId: focused, event: { type: "document-replaced" } });
  });

  it("Export writes JSON, the workbook and CSV tables, and a failed write is shown, not thrown", async () => {
    focused = shell.newWindow();
    await actions.openFiles([shell.writeScorecard("a.scorecard")]);
    const doc = shell.documents.storeOf(focused).document();
    answers.save.push(path.join(shell.dir, "a.json"));
    await actions.exportAs("json");
    expect(fs.readFileSync(path.join(shell.dir, "a.json"), "utf8")).toBe(toDocumentJson(doc));
    answers.save.push(path.join(shell.dir, "a.xlsx"));
    await actions.exportAs("xlsx");
    // An XLSX file is a zip archive (its contents are checked in tests/unit/workbook-export.test.ts).
    expect(fs.readFileSync(path.join(shell.dir, "a.xlsx")).subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    answers.save.push(path.join(shell.dir, "measures"));
    await actions.exportAs({ csv: "measures" });
    expect(suggestions.at(-1)).toBe("a (measures).csv");
    expect(fs.readFileSync(path.join(shell.dir, "measures.csv"), "utf8")).toBe(
      tableToCsv(exportTable(doc, "measures")),
    );
    answers.save.push(path.join(shell.dir, "no-such-folder", "a.csv"));
    await actions.exportAs({ csv: "actuals-list" });
    expect(errors.at(-1)).toMatchObject({ title: "a.csv could not be written", error: { kind: "write-failed" } });
    expect(errors).toHaveLength(1);
  });

  it("Save As and Export do nothing in a window without a document", async () => {
    focused = shell.newWindow();
    answers.save.push(path.join(shell.dir, "x.scorecard"));
    await actions.saveAs();
    await actions.exportAs({ csv: "actuals-list" });
    await actions.exportAs("xlsx");
    expect(answers.save).toHaveLength(1);
    expect(fs.existsSync(path.join(shell.dir, "x.scorecard"))).toBe(false);
  });

  it("Clear Menu empties the recent list", async () => {
    await actions.openFiles([shell.writeScorecard("a.scorecard")]);
    expect(shell.settings.get().recent).toHaveLength(1);
    actions.clearRecent();
    expect(shell.settings.get().recent).toEqual([]);
  });
});

describe("commands and the theme", () => {
  it("sends commands to the focused window; New from Template… with no window opens one", () => {
    actions.command("view-strategy-map");
    expect(shell.host.sent).toEqual([]);
    actions.command("new-from-template");
    expect(shell.host.created).toHaveLength(1);
    focused = shell.host.created[0]!;
    actions.command("undo");
    expect(shell.host.sent).toEqual([{ windowId: focused, event: { type: "command", command: "undo" } }]);
  });

  it("Dark Mode flips what is showing and remembers it", () => {
    actions.toggleDarkMode();
    dark = true;
    actions.toggleDarkMode();
    expect(themes).toEqual(["dark", "light"]);
    expect(shell.settings.get().theme).toBe("light");
  });
});
