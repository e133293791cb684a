/**
 * The handler table (electron/api/handlers.ts) as the IPC adapter calls it: real files in a temp
 * folder, fake windows and dialogs. Every channel refuses malformed payloads; file tokens cannot
 * be forged, reused, or carried to another window; the document flows (new, open, edit, undo,
 * Save As, Share, Export) reach the file; failures come back typed and readable.
 */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type Change,
  type DocumentSnapshot,
  type FileChoice,
  MAX_IMAGE_CHARS,
  type OpenOutcome,
  type RecentEntry,
} from "../../shared/api/contract.ts";
import { METHODS, type Method } from "../../shared/api/methods.ts";
import { toDocumentJson } from "../../shared/document-json.ts";
import { tableToCsv } from "../../shared/interchange/csv-text.ts";
import { exportTable } from "../../shared/interchange/workbook-tables.ts";
import { OPERATIONS_VERSION } from "../../shared/operations/operation.ts";
import { toFailure } from "../../electron/api/errors.ts";
import { readScorecardFile } from "../../electron/file/open.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import { sha256 } from "../support/files.ts";
import { HOSTILE_CASES } from "../support/hostile-files.ts";
import { createShell, SHELL_APP_VERSION, type Shell } from "../support/shell-fixture.ts";

let shell: Shell;
beforeEach(() => {
  shell = createShell();
});
afterEach(() => shell.close());

const FORGED = "A".repeat(43);

/** A new scorecard from the IT Value template, created through the API in `windowId`. */
async function createDocument(windowId: number, name = "Plan.scorecard"): Promise<string> {
  const file = path.join(shell.dir, name);
  const token = await shell.saveToken(windowId, file, "document", "Plan");
  await shell.value(windowId, "createDocument", { template: "it-value", file: token });
  return file;
}

function snapshotOf(windowId: number): DocumentSnapshot {
  const snapshot = shell.documents.snapshot(windowId);
  if (!snapshot) throw new Error(`window ${windowId} has no document`);
  return snapshot;
}

/** Payloads every method must refuse, plus ones specific to each method. */
const NOT_OBJECTS: unknown[] = [undefined, null, "open", 42, [], [{}], true];
const MALFORMED: Record<Method, unknown[]> = {
  getDocument: [{ extra: 1 }],
  listRecent: [{ limit: 5 }],
  chooseFileToOpen: [
    {},
    { purpose: "anything" },
    { purpose: "document", path: "/etc/passwd" },
    { purpose: "import", suggestedName: "x" },
  ],
  chooseFileToSave: [
    { purpose: "document" },
    { purpose: "document", suggestedName: "" },
    { purpose: "document", suggestedName: "../../etc/passwd" },
    { purpose: "document", suggestedName: "C:\\Windows\\x" },
    { purpose: "document", suggestedName: "a".repeat(201) },
    { purpose: "macro", suggestedName: "x" },
  ],
  openDocument: [{}, { file: "/etc/passwd" }, { file: "short" }, { file: 42 }, { file: FORGED, path: "/x" }],
  createDocument: [
    { template: "it-value" },
    { template: "unknown", file: FORGED },
    { template: "it-value", file: FORGED, periods: { firstStart: "2026-13-45", count: 4 } },
    { template: "it-value", file: FORGED, periods: { firstStart: "2026-01-01", count: 241 } },
    { template: "it-value", file: FORGED, periods: { firstStart: "2026-01-01", count: 1.5 } },
  ],
  applyOperation: [{}, { operation: {} }, { message: {}, extra: 1 }],
  undo: [{ steps: 2 }],
  redo: [{ steps: 2 }],
  saveAs: [{}, { file: "C:\\x.scorecard" }],
  shareCopy: [
    { file: FORGED },
    { file: FORGED, omitActuals: "yes", omitNotes: false, omitScenarios: false },
    { file: FORGED, omitActuals: false, omitNotes: false },
  ],
  exportDocument: [
    { file: FORGED },
    { file: FORGED, format: "exe" },
    { file: FORGED, format: "csv" },
    { file: FORGED, format: "csv", table: "secrets" },
    { file: FORGED, format: "xlsx", table: "actuals" },
  ],
  exportPdf: [{ file: FORGED }, { file: FORGED, pageSize: "A3" }, { file: FORGED, pageSize: "A4", html: "<x>" }],
  readImportFile: [{}, { file: "/etc/passwd" }, { file: FORGED, sheet: 1 }],
  exportImage: [
    { file: FORGED, format: "svg" },
    { file: FORGED, format: "gif", data: "x" },
    { file: FORGED, format: "png", data: 42 },
    { file: FORGED, format: "svg", data: "x".repeat(MAX_IMAGE_CHARS + 1) },
  ],
  closeDocument: [{ force: true }],
  readSettings: [{ key: "theme" }],
  setTheme: [{}, { theme: "purple" }, { theme: "dark", more: 1 }],
  openExternal: [{}, { url: 42 }, { url: "x".repeat(5000) }],
  setFullScreen: [{}, { on: "yes" }, { on: true, display: 2 }],
};

describe("every channel refuses a malformed payload and does nothing", () => {
  for (const method of METHODS) {
    it(method, async () => {
      const win = shell.newWindow();
      const before = fs.readdirSync(shell.dir).sort();
      for (const payload of [...NOT_OBJECTS, ...MALFORMED[method]]) {
        const result = await shell.call(win, method, payload);
        expect(result, JSON.stringify(payload)?.slice(0, 80)).toMatchObject({
          ok: false,
          error: { kind: "bad-request" },
        });
        if (!result.ok) expect(result.error.message).toMatch(new RegExp(`^Malformed ${method} request`));
      }
      expect(shell.dialogs.shown).toEqual([]);
      expect(shell.host.created).toEqual([win]);
      expect(fs.readdirSync(shell.dir).sort()).toEqual(before);
    });
  }

  it("a malformed operation inside a well-formed request names the broken field", async () => {
    const win = shell.newWindow();
    await createDocument(win);
    const bad = await shell.call(win, "applyOperation", {
      message: { version: OPERATIONS_VERSION, operation: { type: "actual.set", measureId: "m", periodId: "p" } },
    });
    expect(bad).toMatchObject({ ok: false, error: { kind: "bad-request" } });
    if (!bad.ok) expect(bad.error.message).toContain("value");
    const newer = await shell.call(win, "applyOperation", { message: { version: 99, operation: {} } });
    expect(newer).toMatchObject({ ok: false, error: { kind: "bad-request" } });
    if (!newer.ok) expect(newer.error.message).toContain("version 99");
  });
});

describe("file tokens", () => {
  it("are refused when forged, and dialogs never hand out a path", async () => {
    const win = shell.newWindow();
    const file = shell.writeScorecard("a.scorecard");
    shell.dialogs.open.push(file);
    const choice = await shell.value<FileChoice>(win, "chooseFileToOpen", { purpose: "document" });
    expect(choice).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), fileName: "a.scorecard" });
    expect(JSON.stringify(choice)).not.toContain(shell.dir);
    expect(await shell.call(win, "openDocument", { file: FORGED })).toMatchObject({
      ok: false,
      error: { kind: "bad-token" },
    });
    expect(shell.documents.hasDocument(win)).toBe(false);
  });

  it("work once", async () => {
    const win = shell.newWindow();
    const token = await shell.openToken(win, shell.writeScorecard("a.scorecard"));
    expect((await shell.value<OpenOutcome>(win, "openDocument", { file: token })).kind).toBe("here");
    const again = await shell.call(win, "openDocument", { file: token });
    expect(again).toMatchObject({ ok: false, error: { kind: "bad-token" } });
  });

  it("cannot be used by another window, and stay good for their own", async () => {
    const a = shell.newWindow();
    const b = shell.newWindow();
    const token = await shell.openToken(a, shell.writeScorecard("a.scorecard"));
    expect(await shell.call(b, "openDocument", { file: token })).toMatchObject({
      ok: false,
      error: { kind: "bad-token" },
    });
    expect(shell.documents.hasDocument(b)).toBe(false);
    expect((await shell.value<OpenOutcome>(a, "openDocument", { file: token })).kind).toBe("here");
  });

  it("chosen to open a file can never write it; each save token writes only its own kind", async () => {
    const win = shell.newWindow();
    await createDocument(win);
    const victim = shell.writeScorecard("victim.scorecard");
    const bytes = sha256(victim);
    const openOnly = await shell.openToken(win, victim);
    for (const [method, extra] of [
      ["saveAs", {}],
      ["shareCopy", { omitActuals: false, omitNotes: false, omitScenarios: false }],
      ["exportDocument", { format: "json" }],
    ] as const) {
      const result = await shell.call(win, method, { file: openOnly, ...extra });
      expect(result, method).toMatchObject({ ok: false, error: { kind: "bad-token" } });
    }
    const csvToken = await shell.saveToken(win, path.join(shell.dir, "out.csv"), "export-csv");
    expect(await shell.call(win, "exportDocument", { file: csvToken, format: "json" })).toMatchObject({
      ok: false,
      error: { kind: "bad-token" },
    });
    expect(await shell.call(win, "saveAs", { file: csvToken })).toMatchObject({ ok: false });
    expect(sha256(victim)).toBe(bytes);
  });

  it("die with their window", async () => {
    const win = shell.newWindow();
    const token = await shell.openToken(win, shell.writeScorecard("a.scorecard"));
    shell.host.close(win);
    expect(await shell.call(win, "openDocument", { file: token })).toMatchObject({
      ok: false,
      error: { kind: "bad-token" },
    });
  });
});

describe("documents", () => {
  it("new from template: the save dialog suggests a .scorecard name, the file is created, opened and titled", async () => {
    const win = shell.newWindow();
    const file = path.join(shell.dir, "Plan.scorecard");
    shell.dialogs.save.push(path.join(shell.dir, "Plan")); // a Linux dialog may drop the extension
    const choice = await shell.value<FileChoice>(win, "chooseFileToSave", {
      purpose: "document",
      suggestedName: "Plan",
    });
    expect(shell.dialogs.shown).toEqual([{ kind: "save", windowId: win, detail: ".scorecard Plan.scorecard" }]);
    expect(choice.fileName).toBe("Plan.scorecard");
    const outcome = await shell.value<OpenOutcome>(win, "createDocument", {
      template: "van-grembergen",
      file: choice.token,
      periods: { firstStart: "2027-01-01", count: 8 },
    });
    expect(outcome.kind).toBe("here");
    if (outcome.kind !== "here") return;
    expect(outcome.snapshot.fileName).toBe("Plan.scorecard");
    expect(outcome.snapshot.document.periods).toHaveLength(8);
    expect(outcome.snapshot.history).toEqual({ undo: null, redo: null });
    expect(shell.host.titles.get(win)).toBe("Plan — Scorecard Studio");
    expect(shell.settings.get().recent).toEqual([file]);
    await shell.value(win, "closeDocument");
    expect(readScorecardFile(file).document.perspectives.map((p) => p.name)).toEqual(
      outcome.snapshot.document.perspectives.map((p) => p.name),
    );
  });

  it("a cancelled dialog gives null and no token", async () => {
    const win = shell.newWindow();
    expect(await shell.value(win, "chooseFileToOpen", { purpose: "document" })).toBeNull();
    expect(await shell.value(win, "chooseFileToSave", { purpose: "share", suggestedName: "x" })).toBeNull();
  });

  it("edits are committed to the file; undo and redo return the steps they applied", async () => {
    const win = shell.newWindow();
    const file = await createDocument(win);
    const measure = snapshotOf(win).document.measures[0]!;
    const period = snapshotOf(win).document.periods[0]!;
    const set = await shell.value<Change>(win, "applyOperation", {
      message: {
        version: OPERATIONS_VERSION,
        operation: { type: "actual.set", measureId: measure.id, periodId: period.id, value: 42 },
      },
    });
    expect(set.label).toMatch(/actual/i);
    expect(set.steps.some((s) => s.kind === "cell")).toBe(true);
    expect(set.history.undo).toBe(set.label);
    const undone = await shell.value<Change>(win, "undo");
    expect(undone.history).toEqual({ undo: null, redo: set.label });
    expect(undone.steps.find((s) => s.kind === "cell")).toMatchObject({ row: null });
    expect(await shell.value(win, "undo")).toBeNull();
    const redone = await shell.value<Change>(win, "redo");
    expect(redone.history.undo).toBe(set.label);
    await shell.value(win, "closeDocument");
    const actuals = readScorecardFile(file).document.actuals;
    expect(actuals.find((a) => a.measureId === measure.id && a.periodId === period.id)?.value).toBe(42);
  });

  it("an edit that breaks a rule is refused with its problems, and the file is unchanged", async () => {
    const win = shell.newWindow();
    const file = await createDocument(win);
    const measure = snapshotOf(win).document.measures[0]!;
    const bytes = sha256(file);
    const result = await shell.call(win, "applyOperation", {
      message: {
        version: OPERATIONS_VERSION,
        operation: { type: "update", entity: "measure", id: measure.id, changes: { name: "" } },
      },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: "edit-refused" } });
    if (!result.ok) expect(result.error.problems?.[0]).toContain("name");
    expect(sha256(file)).toBe(bytes);
    expect(snapshotOf(win).history.undo).toBeNull();
  });

  it("a window without a document says so", async () => {
    const win = shell.newWindow();
    expect(await shell.value(win, "getDocument")).toBeNull();
    for (const method of ["undo", "redo"] as const) {
      expect(await shell.call(win, method)).toMatchObject({ ok: false, error: { kind: "no-document" } });
    }
    const token = await shell.saveToken(win, path.join(shell.dir, "x.scorecard"), "share");
    expect(
      await shell.call(win, "shareCopy", { file: token, omitActuals: true, omitNotes: true, omitScenarios: false }),
    ).toMatchObject({
      ok: false,
      error: { kind: "no-document" },
    });
  });

  it("opening a file that is open in a window focuses that window instead", async () => {
    const a = shell.newWindow();
    const file = await createDocument(a);
    const b = shell.newWindow();
    const token = await shell.openToken(b, path.join(path.dirname(file), ".", path.basename(file)));
    expect(await shell.value(b, "openDocument", { file: token })).toEqual({ kind: "focused" });
    expect(shell.host.focused).toEqual([a]);
    expect(shell.documents.hasDocument(b)).toBe(false);
  });

  it("a symlink to an open file is the same file", async () => {
    const a = shell.newWindow();
    const file = await createDocument(a);
    const link = path.join(shell.dir, "link.scorecard");
    fs.symlinkSync(file, link);
    const b = shell.newWindow();
    expect(await shell.value(b, "openDocument", { file: await shell.openToken(b, link) })).toEqual({ kind: "focused" });
  });

  it("opening from a window that shows a document opens a new window", async () => {
    const a = shell.newWindow();
    await createDocument(a);
    const other = shell.writeScorecard("other.scorecard", "kaplan-norton");
    expect(await shell.value(a, "openDocument", { file: await shell.openToken(a, other) })).toEqual({
      kind: "new-window",
    });
    const created = shell.host.created.at(-1)!;
    expect(created).not.toBe(a);
    expect((await shell.value<DocumentSnapshot>(created, "getDocument")).fileName).toBe("other.scorecard");
    expect(shell.host.titles.get(created)).toBe("other — Scorecard Studio");
  });

  // The size-limit case needs a small limit to stay small on disk; the file layer's tests cover it.
  const hostile = HOSTILE_CASES.filter((c) => c.maxBytes === undefined).map((c) => [c.id, c] as const);
  it.each(hostile)("a hostile file (%s) is refused, readable and untouched", async (_id, c) => {
    const win = shell.newWindow();
    const file = c.write(shell.dir);
    const bytes = fs.statSync(file, { throwIfNoEntry: false })?.isFile() ? sha256(file) : null;
    const result = await shell.call(win, "openDocument", { file: await shell.openToken(win, file) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(["file-refused", "locked"]).toContain(result.error.kind);
    expect(result.error.message).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.error.message.length).toBeGreaterThan(10);
    if (bytes) expect(sha256(file)).toBe(bytes);
    expect(shell.documents.hasDocument(win)).toBe(false);
    expect(shell.host.created).toEqual([win]);
  });

  it("a file whose rows break the rules lists its problems row by row", async () => {
    const win = shell.newWindow();
    const file = HOSTILE_CASES.find((c) => c.id === "infinite-baseline")?.write(shell.dir);
    if (!file) throw new Error("the hostile corpus has no infinite-baseline case");
    const result = await shell.call(win, "openDocument", { file: await shell.openToken(win, file) });
    expect(result).toMatchObject({ ok: false, error: { kind: "file-refused" } });
    if (!result.ok) expect(result.error.problems?.join("\n")).toMatch(/baseline/);
  });

  it("a file another program holds is refused as locked", async () => {
    const file = shell.writeScorecard("held.scorecard");
    const other = ScorecardStore.open(file, { appVersion: SHELL_APP_VERSION });
    try {
      const win = shell.newWindow();
      const result = await shell.call(win, "openDocument", { file: await shell.openToken(win, file) });
      expect(result).toMatchObject({ ok: false, error: { kind: "locked" } });
    } finally {
      other.close();
    }
  });

  it("Save As: the window goes on editing the copy; the old file stays as it was", async () => {
    const win = shell.newWindow();
    const original = await createDocument(win);
    const copy = path.join(shell.dir, "Copy.scorecard");
    const snapshot = await shell.value<DocumentSnapshot>(win, "saveAs", { file: await shell.saveToken(win, copy) });
    expect(snapshot.fileName).toBe("Copy.scorecard");
    expect(shell.host.titles.get(win)).toBe("Copy — Scorecard Studio");
    const measure = snapshot.document.measures[0]!;
    await shell.value(win, "applyOperation", {
      message: {
        version: OPERATIONS_VERSION,
        operation: { type: "update", entity: "measure", id: measure.id, changes: { name: "Renamed" } },
      },
    });
    await shell.value(win, "closeDocument");
    expect(readScorecardFile(copy).document.measures[0]?.name).toBe("Renamed");
    expect(readScorecardFile(original).document.measures[0]?.name).toBe(measure.name);
  });

  it("Share leaves out actuals and notes when asked; Export writes the JSON and CSV forms", async () => {
    const win = shell.newWindow();
    const file = await createDocument(win);
    const { measures, periods } = snapshotOf(win).document;
    await shell.value(win, "applyOperation", {
      message: {
        version: OPERATIONS_VERSION,
        operation: {
          type: "actual.set",
          measureId: measures[0]!.id,
          periodId: periods[0]!.id,
          value: 7,
          note: "checked",
        },
      },
    });
    const shared = path.join(shell.dir, "Shared.scorecard");
    const shareToken = await shell.saveToken(win, shared, "share");
    expect(
      await shell.value(win, "shareCopy", {
        file: shareToken,
        omitActuals: true,
        omitNotes: true,
        omitScenarios: false,
      }),
    ).toEqual({
      fileName: "Shared.scorecard",
    });
    expect(readScorecardFile(shared).document.actuals).toEqual([]);

    const json = path.join(shell.dir, "plan.json");
    await shell.value(win, "exportDocument", { file: await shell.saveToken(win, json, "export-json"), format: "json" });
    const csv = path.join(shell.dir, "plan.csv");
    await shell.value(win, "exportDocument", {
      file: await shell.saveToken(win, csv, "export-csv"),
      format: "csv",
      table: "actuals-list",
    });
    const doc = snapshotOf(win).document;
    expect(fs.readFileSync(json, "utf8")).toBe(toDocumentJson(doc));
    expect(fs.readFileSync(csv, "utf8")).toBe(tableToCsv(exportTable(doc, "actuals-list")));
    expect(fs.readFileSync(csv, "utf8")).toContain("checked");
    expect(file).not.toBe(shared);
  });

  it("exports the map as SVG and PNG, and refuses a picture that is not one without writing anything", async () => {
    const win = shell.newWindow();
    await createDocument(win);
    const svg =
      '<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" font-family="sans-serif"><defs><marker id="«r1»-a"/></defs><g transform="translate(2 3)"><rect width="4" height="4" fill="url(&quot;#«r1»-a&quot;)"/><path marker-end="url(#«r1»-a)" d="M0 0L1 1"/><text>&lt;img src=x onerror=alert(1)&gt; url(http://x) a &gt; b</text><title>x onload="y" href="http://z"</title></g></svg>';
    const svgFile = path.join(shell.dir, "map.svg");
    expect(
      await shell.value(win, "exportImage", {
        file: await shell.saveToken(win, svgFile, "export-svg"),
        format: "svg",
        data: svg,
      }),
    ).toEqual({
      fileName: "map.svg",
    });
    expect(fs.readFileSync(svgFile, "utf8")).toBe(svg);
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(png);
    png.write("IHDR", 12, "latin1");
    png.writeUInt32BE(2560, 16);
    png.writeUInt32BE(1600, 20);
    const pngFile = path.join(shell.dir, "map.png");
    const data = png.toString("base64");
    await shell.value(win, "exportImage", {
      file: await shell.saveToken(win, pngFile, "export-png"),
      format: "png",
      data,
    });
    expect(fs.readFileSync(pngFile)).toEqual(png);

    const hostile: Array<[format: "svg" | "png", data: string, message: RegExp]> = [
      ["svg", "<html><script>alert(1)</script></html>", /not an SVG/],
      ["svg", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', /<script>/],
      ["svg", "<svg><foreignObject><div/></foreignObject></svg>", /<foreignObject>/],
      ["svg", '<svg><rect onload="alert(1)"/></svg>', /event handler/],
      ["svg", '<svg><a href="https://evil.example/"><text>x</text></a></svg>', /<a>/],
      ["svg", '<svg><path href="javascript:alert(1)"/></svg>', /links to something outside/],
      ["svg", '<svg><rect fill="url(https://evil.example/x)"/></svg>', /loads something/],
      ["svg", "<svg><!-- hidden --></svg>", /comment, a declaration/],
      ["svg", '<svg><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]></svg>', /comment, a declaration/],
      ["svg", "<svg><text><![CDATA[<script>alert(1)</script>]]></text></svg>", /comment, a declaration/],
      // A ">" inside a quoted value does not end the tag: the handler after it is still seen.
      ["svg", '<svg xmlns="http://www.w3.org/2000/svg" data-x=">" onload="alert(1)"></svg>', /event handler/],
      ["svg", '<?xml-stylesheet type="text/xsl" href="http://evil.example/x.xsl"?><svg></svg>', /not an SVG/],
      ["svg", '<?xml version="1.0"?><?xml-stylesheet href="http://evil.example/x.css"?><svg></svg>', /not an SVG/],
      ["svg", '<svg><?xml-stylesheet href="http://evil.example/x.css"?></svg>', /comment, a declaration/],
      ["svg", '<svg><rect fill="&#117;rl(http://evil.example/x)"/></svg>', /loads something/],
      ["svg", '<svg><rect fill="url(#a) url(http://evil.example/x)"/></svg>', /loads something/],
      ["svg", '<svg><rect fill="image-set(&quot;http://evil.example/x&quot; 1x)"/></svg>', /loads something/],
      ["svg", '<svg><rect fill="u\\72l(http://evil.example/x)"/></svg>', /escaped value/],
      ["svg", '<svg><rect style="fill: red"/></svg>', /style attribute/],
      ["svg", "<svg><style>rect { fill: red }</style></svg>", /<style>/],
      ["svg", '<svg><use xlink:href="http://evil.example/x#a"/></svg>', /<use>/],
      ["svg", '<svg><path xlink:href="&#104;ttp://evil.example/"/></svg>', /links to something outside/],
      ["svg", "<svg><rect width=4/></svg>", /comment, a declaration/],
      ["png", "not base64!", /base64/],
      ["png", Buffer.from("GIF89a-not-a-png-at-all-really-no").toString("base64"), /not a PNG/],
      [
        "png",
        (() => {
          const big = Buffer.from(png);
          big.writeUInt32BE(100_000, 16);
          return big.toString("base64");
        })(),
        /each side/,
      ],
    ];
    for (const [format, bad, message] of hostile) {
      const target = path.join(shell.dir, `bad.${format}`);
      const result = await shell.call(win, "exportImage", {
        file: await shell.saveToken(win, target, `export-${format}`),
        format,
        data: bad,
      });
      expect(result, bad.slice(0, 60)).toMatchObject({ ok: false, error: { kind: "bad-request" } });
      if (!result.ok) expect(result.error.message).toMatch(message);
      expect(fs.existsSync(target)).toBe(false);
    }
    const wrongKind = await shell.call(win, "exportImage", {
      file: await shell.saveToken(win, pngFile, "export-png"),
      format: "svg",
      data: svg,
    });
    expect(wrongKind).toMatchObject({ ok: false, error: { kind: "bad-token" } });
  });

  it("puts the window in and out of full screen for workshop mode", async () => {
    const win = shell.newWindow();
    expect(await shell.value(win, "setFullScreen", { on: true })).toEqual({ fullScreen: true });
    expect(shell.fullScreen.get(win)).toBe(true);
    expect(await shell.value(win, "setFullScreen", { on: false })).toEqual({ fullScreen: false });
    expect(shell.fullScreen.get(win)).toBe(false);
  });

  it("never writes over a file that a window has open", async () => {
    const a = shell.newWindow();
    const open = await createDocument(a, "Open.scorecard");
    const b = shell.newWindow();
    await createDocument(b, "Other.scorecard");
    const bytes = sha256(open);
    for (const [method, purpose, extra] of [
      ["saveAs", "document", {}],
      ["shareCopy", "share", { omitActuals: false, omitNotes: false, omitScenarios: false }],
    ] as const) {
      const result = await shell.call(b, method, { file: await shell.saveToken(b, open, purpose), ...extra });
      expect(result, method).toMatchObject({ ok: false, error: { kind: "write-failed" } });
      if (!result.ok) expect(result.error.message).toContain("is open in a window");
    }
    const create = await shell.call(b, "createDocument", { template: "blank", file: await shell.saveToken(b, open) });
    expect(create).toMatchObject({ ok: false, error: { kind: "write-failed" } });
    expect(sha256(open)).toBe(bytes);
  });

  it("the recent list hands out tokens, and drops a file that has gone", async () => {
    const win = shell.newWindow();
    const kept = await createDocument(win, "Kept.scorecard");
    await shell.value(win, "closeDocument");
    const other = shell.newWindow();
    const gone = await createDocument(other, "Gone.scorecard");
    await shell.value(other, "closeDocument");
    fs.rmSync(gone);
    const third = shell.newWindow();
    const recent = await shell.value<RecentEntry[]>(third, "listRecent");
    expect(recent.map((r) => r.fileName)).toEqual(["Gone.scorecard", "Kept.scorecard"]);
    expect(recent[1]?.location).toBe(path.dirname(kept));
    const missing = await shell.call(third, "openDocument", { file: recent[0]!.token });
    expect(missing).toMatchObject({ ok: false, error: { kind: "file-refused" } });
    expect(shell.settings.get().recent).toEqual([kept]);
    expect((await shell.value<OpenOutcome>(third, "openDocument", { file: recent[1]!.token })).kind).toBe("here");
  });
});

describe("settings and links", () => {
  it("the theme is stored, applied and read back", async () => {
    const win = shell.newWindow();
    expect(await shell.value(win, "readSettings")).toEqual({ theme: "system" });
    expect(await shell.value(win, "setTheme", { theme: "dark" })).toEqual({ theme: "dark" });
    expect(shell.themes).toEqual(["dark"]);
    expect(JSON.parse(fs.readFileSync(path.join(shell.dir, "settings.json"), "utf8")).theme).toBe("dark");
  });

  it.each([
    "javascript:alert(1)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(1)</script>",
    "\\\\server\\share\\x",
    "//server/share",
    "scorecard:open",
    "http://example.com",
  ])("openExternal refuses %s without asking", async (url) => {
    const win = shell.newWindow();
    expect(await shell.call(win, "openExternal", { url })).toMatchObject({ ok: false, error: { kind: "bad-request" } });
    expect(shell.dialogs.shown).toEqual([]);
    expect(shell.opened).toEqual([]);
  });

  it("openExternal asks first, and opens only when the user says yes", async () => {
    const win = shell.newWindow();
    shell.dialogs.confirm.push(false, true);
    expect(await shell.value(win, "openExternal", { url: "https://example.com/a b".replace(" ", "%20") })).toEqual({
      opened: false,
    });
    expect(shell.opened).toEqual([]);
    expect(await shell.value(win, "openExternal", { url: "mailto:cio@example.com" })).toEqual({ opened: true });
    expect(shell.opened).toEqual(["mailto:cio@example.com"]);
    expect(shell.dialogs.shown.map((d) => d.kind)).toEqual(["confirm", "confirm"]);
  });
});

describe("unexpected errors", () => {
  it("are logged in main and reported without internals", () => {
    const logged: unknown[] = [];
    const error = new Error("ENOENT /home/cio/secret/path.db");
    const result = toFailure(error, (e) => logged.push(e));
    expect(result).toMatchObject({ ok: false, error: { kind: "internal" } });
    if (!result.ok) {
      expect(result.error.message).not.toContain("secret");
      expect(result.error.message).not.toContain("ENOENT");
    }
    expect(logged).toEqual([error]);
  });
});
