/**
 * The real shell, launched by Playwright's Electron driver: the window's security settings as
 * Electron reports them, the page served from app://, the preload's API and nothing more, the
 * CSP and navigation locks, and a document opened from the command line.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { _electron as electron, type ElectronApplication, expect, type Page, test } from "@playwright/test";
import { findElectronRuntime, missingRuntimeMessage } from "../../build/electron-runtime.mjs";
import { METHODS } from "../../shared/api/methods.ts";
import { newScorecard } from "../../shared/templates/index.ts";
import { writeFileAtomically } from "../../electron/file/copy.ts";

const root = path.resolve(import.meta.dirname, "../..");

let app: ElectronApplication;
let page: Page;
let dir: string;

test.beforeAll(async () => {
  const runtime = findElectronRuntime({
    env: process.env,
    packageDir: path.join(root, "node_modules/electron"),
    exists: fs.existsSync,
    readText: (file) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined),
  });
  if (runtime.kind === "missing") throw new Error(missingRuntimeMessage(runtime.reason));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "scorecard-electron-"));
  const file = path.join(dir, "Plan.scorecard");
  // The Node build of the binding writes the fixture; the app opens it with its Electron build.
  writeFileAtomically(
    file,
    newScorecard("it-value", { newId: () => crypto.randomUUID(), now: new Date().toISOString(), appVersion: "e2e" }),
  );
  app = await electron.launch({
    executablePath: runtime.path,
    args: [root, `--user-data-dir=${path.join(dir, "user-data")}`, file],
    env: { ...process.env, ELECTRON_RUN_AS_NODE: "" },
  });
  page = await app.firstWindow();
  await page.waitForLoadState("domcontentloaded");
});

test.afterAll(async () => {
  await app?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test("context isolation: the page gets a frozen copy of the API, not the preload's objects", async () => {
  const frozen = await page.evaluate(() => Object.isFrozen((window as unknown as { scorecard: object }).scorecard));
  expect(frozen).toBe(true);
});

test("the page comes from app:// and the title names the document", async () => {
  expect(page.url()).toBe("app://scorecard/index.html");
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toBe("Plan — Scorecard Studio");
  // The renderer shows the document through the preload's API.
  await expect(page.locator(".file-name")).toHaveText("Plan.scorecard");
  await expect(page.locator("[data-save-state]")).toHaveText("All changes saved");
});

test("the page sees exactly the API contract and no Node", async () => {
  const seen = await page.evaluate(() => ({
    keys: Object.keys((window as unknown as { scorecard: object }).scorecard).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(seen.keys).toEqual([...METHODS, "onEvent"].sort());
  expect(seen.require).toBe("undefined");
  expect(seen.process).toBe("undefined");
  const doc = await page.evaluate(() =>
    (window as unknown as { scorecard: { getDocument(r: object): Promise<unknown> } }).scorecard.getDocument({}),
  );
  expect(doc).toMatchObject({ ok: true, value: { fileName: "Plan.scorecard" } });
});

test("no network, no new windows, no navigation away", async () => {
  const fetched = await page.evaluate(() =>
    fetch("https://example.com/").then(
      () => "loaded",
      () => "blocked",
    ),
  );
  expect(fetched).toBe("blocked");
  expect(await page.evaluate(() => window.open("https://example.com/") === null)).toBe(true);
  await page.evaluate(() => {
    window.location.href = "https://example.com/";
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe("app://scorecard/index.html");
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});
