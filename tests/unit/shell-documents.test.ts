/** Documents from the command line, the app's settings file read as untrusted, and the native dialogs' words. */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { THEMES } from "../../shared/api/contract.ts";
import type { ApiError } from "../../shared/api/errors.ts";
import { documentsInArgv } from "../../electron/documents/launch-args.ts";
import type { Settings } from "../../electron/documents/settings-file.ts";
import { MAX_RECENT, parseSettings, SettingsFile, withRecent } from "../../electron/documents/settings-file.ts";
import { aboutBox, errorBox } from "../../electron/menu/dialog-text.ts";
import { tempDir } from "../support/files.ts";

const DEFAULTS: Settings = { theme: "system", recent: [], window: null };
const cwd = path.resolve("/home/u/docs");

describe("documentsInArgv", () => {
  it("skips the runtime and app entries: 1 when packaged, 2 in development", () => {
    // Leading entries that would be documents if they were arguments.
    expect(documentsInArgv(["/opt/app/first.scorecard", "b.scorecard"], cwd, 1)).toEqual([
      path.join(cwd, "b.scorecard"),
    ]);
    expect(documentsInArgv(["electron", "/app/dev.scorecard", "c.scorecard"], cwd, 2)).toEqual([
      path.join(cwd, "c.scorecard"),
    ]);
    expect(documentsInArgv(["electron", "."], cwd, 2)).toEqual([]);
  });

  it("skips switches, even one whose value looks like a document", () => {
    const argv = [
      "exe",
      "--no-sandbox",
      "--inspect=9229",
      "-psn_0_123",
      "--user-data-dir=/tmp/x.scorecard",
      "p.scorecard",
    ];
    expect(documentsInArgv(argv, cwd, 1)).toEqual([path.join(cwd, "p.scorecard")]);
  });

  it("keeps only .scorecard files, whatever the case of the extension", () => {
    const argv = ["exe", "PLAN.SCORECARD", "plan.json", "plan.scorecard.txt", "scorecard", "notes.Scorecard"];
    expect(documentsInArgv(argv, cwd, 1)).toEqual([
      path.join(cwd, "PLAN.SCORECARD"),
      path.join(cwd, "notes.Scorecard"),
    ]);
  });

  it("resolves relative paths against cwd and keeps absolute ones", () => {
    const abs = path.resolve("/srv/plans/q1.scorecard");
    expect(documentsInArgv(["exe", "../up.scorecard", "sub/down.scorecard", abs], cwd, 1)).toEqual([
      path.resolve(cwd, "../up.scorecard"),
      path.join(cwd, "sub", "down.scorecard"),
      abs,
    ]);
  });

  it("dedupes the same file named several ways", () => {
    const argv = ["exe", "plan.scorecard", "./plan.scorecard", path.join(cwd, "plan.scorecard"), "x/../plan.scorecard"];
    expect(documentsInArgv(argv, cwd, 1)).toEqual([path.join(cwd, "plan.scorecard")]);
  });

  describe.skipIf(process.platform === "win32")("file URLs (POSIX paths)", () => {
    it("accepts local file URLs and percent-decodes them", () => {
      const argv = ["exe", "file:///home/u/plan.scorecard", "file:///home/u/my%20plan.scorecard"];
      expect(documentsInArgv(argv, cwd, 1)).toEqual(["/home/u/plan.scorecard", "/home/u/my plan.scorecard"]);
    });

    it("dedupes a file URL against the same path", () => {
      expect(documentsInArgv(["exe", "/home/u/a.scorecard", "file:///home/u/a.scorecard"], cwd, 1)).toEqual([
        "/home/u/a.scorecard",
      ]);
    });

    it("refuses file URLs naming another host or an encoded slash, without throwing", () => {
      const argv = ["exe", "file://otherhost/x.scorecard", "file:///home/u/a%2Fb.scorecard", "ok.scorecard"];
      expect(documentsInArgv(argv, cwd, 1)).toEqual([path.join(cwd, "ok.scorecard")]);
    });
  });
});

describe("parseSettings", () => {
  const goodWindow = { x: 10, y: 20, width: 1300, height: 850, maximized: true };

  /** The invariant: whatever the text, the settings are usable. */
  function expectValid(settings: Settings) {
    expect(Object.keys(settings).sort()).toEqual(["recent", "theme", "window"]);
    expect(THEMES).toContain(settings.theme);
    expect(Array.isArray(settings.recent)).toBe(true);
    expect(settings.recent.length).toBeLessThanOrEqual(MAX_RECENT);
    for (const file of settings.recent) expect(file).toBeTypeOf("string");
    if (settings.window !== null) {
      expect(Object.keys(settings.window).sort()).toEqual(["height", "maximized", "width", "x", "y"]);
      for (const n of [settings.window.x, settings.window.y, settings.window.width, settings.window.height]) {
        expect(Number.isInteger(n)).toBe(true);
      }
    }
  }

  it("reads good settings as they are", () => {
    const good = { theme: "dark", recent: ["/a.scorecard", "/b.scorecard"], window: goodWindow };
    expect(parseSettings(JSON.stringify(good))).toEqual(good);
  });

  it.each(["", "not json", "{", "null", "[]", '[{"theme":"dark"}]', '"dark"', "42", "true"])(
    "falls back to the defaults for %j",
    (text) => {
      expect(parseSettings(text)).toEqual(DEFAULTS);
    },
  );

  it.each([
    ["an unknown theme", { theme: "purple" }],
    ["a 1 MB theme", { theme: "x".repeat(1_000_000) }],
    ["a theme of the wrong type", { theme: ["dark"] }],
  ])("drops %s and keeps the good fields", (_name, bad) => {
    const settings = parseSettings(JSON.stringify({ recent: ["/a.scorecard"], window: goodWindow, ...bad }));
    expect(settings).toEqual({ theme: "system", recent: ["/a.scorecard"], window: goodWindow });
  });

  it.each([
    ["a number among the files", ["/a.scorecard", 3]],
    ["a 1 MB path", ["/a.scorecard", `/${"a".repeat(1_000_000)}.scorecard`]],
    ["an empty path", [""]],
    ["an object", { 0: "/a.scorecard" }],
    ["a string", "/a.scorecard"],
  ])("drops a recent list with %s and keeps the good fields", (_name, recent) => {
    const settings = parseSettings(JSON.stringify({ theme: "dark", recent, window: goodWindow }));
    expectValid(settings);
    expect(settings.theme).toBe("dark");
    expect(settings.window).toEqual(goodWindow);
    expect(settings.recent.every((f) => f === "/a.scorecard")).toBe(true);
  });

  it.each([
    ["a NaN-ish x", { x: "NaN" }],
    ["a null width", { width: null }],
    ["a fractional height", { height: 800.5 }],
    ["a zero width", { width: 0 }],
    ["a negative height", { height: -800 }],
    ["a huge x", { x: 1e308 }],
    ["a huge width", { width: 1e9 }],
    ["a far negative y", { y: -1e9 }],
    ["a string maximized", { maximized: "yes" }],
    ["no maximized", { maximized: undefined }],
  ])("drops a window with %s and keeps the good fields", (_name, bad) => {
    const settings = parseSettings(
      JSON.stringify({ theme: "light", recent: ["/a.scorecard"], window: { ...goodWindow, ...bad } }),
    );
    expect(settings).toEqual({ theme: "light", recent: ["/a.scorecard"], window: null });
  });

  it("ignores extra keys, at the top and inside the window", () => {
    const text = JSON.stringify({ theme: "dark", extra: 1, recent: [], window: { ...goodWindow, evil: true } });
    const settings = parseSettings(text);
    expect(settings).toEqual({ theme: "dark", recent: [], window: goodWindow });
    expectValid(settings);
  });

  it("is not a way to pollute Object.prototype", () => {
    const texts = [
      '{"__proto__": {"polluted": 1}, "theme": "dark"}',
      '{"constructor": {"prototype": {"polluted": 1}}, "theme": "dark"}',
      `{"theme": "dark", "window": {"x":1,"y":2,"width":3,"height":4,"maximized":false,"__proto__":{"polluted":1}}}`,
      '{"recent": {"__proto__": ["/a.scorecard"]}}',
    ];
    for (const text of texts) {
      const settings = parseSettings(text);
      expectValid(settings);
      expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
      expect((settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
      expect((settings.window as unknown as Record<string, unknown> | null)?.polluted).toBeUndefined();
    }
    expect(parseSettings(texts[0]!).theme).toBe("dark");
    // biome-ignore lint/suspicious/noExplicitAny: checking the prototype every object shares
    expect(({} as any).polluted).toBeUndefined();
  });

  it(`keeps at most ${MAX_RECENT} recent documents, the first ones`, () => {
    const recent = Array.from({ length: 25 }, (_, i) => `/plans/${i}.scorecard`);
    expect(parseSettings(JSON.stringify({ recent })).recent).toEqual(recent.slice(0, MAX_RECENT));
  });

  it("always yields valid settings, from any JSON or any text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => expectValid(parseSettings(text))),
      { numRuns: 300 },
    );
    const fuzzedFields = fc.record({
      theme: fc.oneof(fc.constantFrom(...THEMES), fc.jsonValue()),
      recent: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
      window: fc.oneof(
        fc.record({
          x: fc.double(),
          y: fc.integer(),
          width: fc.integer(),
          height: fc.integer(),
          maximized: fc.boolean(),
        }),
        fc.jsonValue(),
      ),
    });
    fc.assert(
      fc.property(fuzzedFields, (value) => expectValid(parseSettings(JSON.stringify(value)))),
      { numRuns: 300 },
    );
  });
});

describe("withRecent", () => {
  it("puts a new file first", () => {
    expect(withRecent(["/a", "/b"], "/c")).toEqual(["/c", "/a", "/b"]);
  });

  it("moves a file already listed to the front without duplicating it", () => {
    const recent = ["/a", "/b", "/c"];
    expect(withRecent(recent, "/b")).toEqual(["/b", "/a", "/c"]);
    expect(recent).toEqual(["/a", "/b", "/c"]); // not mutated
  });

  it(`keeps at most ${MAX_RECENT}, dropping the oldest`, () => {
    const full = Array.from({ length: MAX_RECENT }, (_, i) => `/${i}`);
    const next = withRecent(full, "/new");
    expect(next).toHaveLength(MAX_RECENT);
    expect(next[0]).toBe("/new");
    expect(next).not.toContain(`/${MAX_RECENT - 1}`);
  });
});

describe("SettingsFile", () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, "settings.json");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("starts from the defaults when there is no file, and does not create one by reading", () => {
    expect(new SettingsFile(file).get()).toEqual(DEFAULTS);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("writes what update sets, and a new SettingsFile reads it back", () => {
    const settings = new SettingsFile(file);
    const window = { x: 5, y: 6, width: 1000, height: 700, maximized: false };
    settings.update({ theme: "dark" });
    const after = settings.update({ recent: ["/a.scorecard"], window });
    const expected = { theme: "dark", recent: ["/a.scorecard"], window };
    expect(after).toEqual(expected);
    expect(settings.get()).toEqual(expected);
    expect(JSON.parse(fs.readFileSync(file, "utf8"))).toEqual(expected);
    expect(new SettingsFile(file).get()).toEqual(expected);
    // Atomic writes leave no temp file behind.
    expect(fs.readdirSync(dir)).toEqual(["settings.json"]);
  });

  it("reads a damaged file as the defaults, and update replaces it with valid JSON", () => {
    fs.writeFileSync(file, '{"theme": "dark", ');
    const settings = new SettingsFile(file);
    expect(settings.get()).toEqual(DEFAULTS);
    settings.update({ theme: "light" });
    expect(new SettingsFile(file).get()).toEqual({ ...DEFAULTS, theme: "light" });
  });

  it("does not parse a file larger than 256 KB", () => {
    const padded = (bytes: number) => `{"theme": "dark"}${" ".repeat(bytes - 17)}`;
    fs.writeFileSync(file, padded(256 * 1024));
    expect(new SettingsFile(file).get().theme).toBe("dark"); // at the limit: read
    fs.writeFileSync(file, padded(256 * 1024 + 1));
    expect(new SettingsFile(file).get()).toEqual(DEFAULTS);
  });

  it("copes with a directory at the settings path", () => {
    fs.mkdirSync(file);
    const settings = new SettingsFile(file);
    expect(settings.get()).toEqual(DEFAULTS);
    expect(() => settings.update({ theme: "dark" })).not.toThrow();
    // Kept for this session, nothing written, nothing left behind.
    expect(settings.get().theme).toBe("dark");
    expect(fs.statSync(file).isDirectory()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(["settings.json"]);
  });
});

describe("dialog text", () => {
  it("lists each problem of a refused file with a bullet and says the file was not changed", () => {
    const error: ApiError = {
      kind: "file-refused",
      message: "This file has invalid rows.",
      problems: ["measure 3 “Tickets”.baseline: must be a finite number", "actual 7: unknown measure"],
    };
    const box = errorBox("plan.scorecard could not be opened", error);
    expect(box).toMatchObject({ type: "error", message: "plan.scorecard could not be opened", buttons: ["OK"] });
    expect(box.detail.startsWith("This file has invalid rows.")).toBe(true);
    expect(box.detail).toContain("The file was not changed.");
    expect(box.detail).toContain("Problems found:");
    const lines = box.detail.split("\n");
    for (const problem of error.problems!) expect(lines).toContain(`• ${problem}`);
    expect(lines.filter((l) => l.startsWith("•"))).toHaveLength(2);
  });

  it("warns about a locked file and says to close it elsewhere", () => {
    const box = errorBox("t", { kind: "locked", message: "The file is open in another program." });
    expect(box.type).toBe("warning");
    expect(box.detail).toContain("Close the file in the other window or program");
  });

  it.each([undefined, []])("has no problems section without problems (%j)", (problems) => {
    const error: ApiError = {
      kind: "file-refused",
      message: "Not a scorecard file.",
      ...(problems ? { problems } : {}),
    };
    const box = errorBox("t", error);
    expect(box.detail).not.toContain("Problems found");
    expect(box.detail).not.toContain("•");
    expect(box.type).toBe("error");
  });

  it("about names the app and every version", () => {
    const box = aboutBox({ app: "1.2.3", electron: "45.5.0", chrome: "140.0.1", node: "22.20.0" });
    expect(box.type).toBe("info");
    expect(box.message).toBe("Scorecard Studio 1.2.3");
    for (const v of ["Electron 45.5.0", "Chromium 140.0.1", "Node 22.20.0"]) expect(box.detail).toContain(v);
  });
});
