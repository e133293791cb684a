/**
 * The browser test harness: the built renderer in Debian's Chromium, with `window.scorecard`
 * bridged to main's real handler table running here, in the test process, on real `.scorecard`
 * files in a temp folder (tests/support/shell-fixture.ts). Only Electron itself is left out: the
 * page, the API client, the handlers, the store and the files are the ones the app uses.
 *
 * Every test also fails if the page logs an error (a CSP violation, an exception, a failed load).
 */
import fs, { mkdirSync } from "node:fs";
import path from "node:path";
import { buildSync } from "esbuild";
import { test as base, expect, type Page } from "@playwright/test";
import { channelOf, EVENT_CHANNEL, METHODS } from "../../../shared/api/methods.ts";
import { failure } from "../../../shared/api/errors.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { ScorecardStore } from "../../../electron/file/store.ts";
import { chromiumPdfOptions } from "../../../electron/report/pdf-options.ts";
import { createShell, type Shell } from "../../support/shell-fixture.ts";

const bridgeScript = (() => {
  const out = buildSync({
    entryPoints: [path.join(import.meta.dirname, "page-bridge.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    write: false,
    logLevel: "warning",
  });
  return out.outputFiles[0]?.text ?? "";
})();

export const screenshotDir = path.resolve(import.meta.dirname, "../../../test-results/screenshots");

export interface AppWindow {
  page: Page;
  shell: Shell;
  /** The window id main knows this page by. */
  windowId: number;
  /** Opens the app; with a file, as if the app had been started with it (argv, a double click). */
  launch(file?: string): Promise<void>;
  /**
   * The document as the bytes on disk hold it (default: this window's file). The app holds the
   * file locked, so a byte copy is opened: what is read is what was committed, not main's memory.
   */
  fileDocument(file?: string): ScorecardDocument;
  /** The path of the file this window edits. */
  file(): string;
  /** Saves a screenshot of the page into test-results/screenshots. */
  screenshot(name: string): Promise<void>;
}

export const test = base.extend<{ consoleErrors: string[]; shell: Shell; app: AppWindow }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],

  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
  shell: async ({}, use) => {
    const shell = createShell();
    await use(shell);
    shell.close();
  },

  app: async ({ page, shell }, use) => {
    const windowId = shell.newWindow();
    await page.exposeBinding("__scorecardInvoke", async (_source, channel: unknown, payload: unknown) => {
      const method = METHODS.find((m) => channelOf(m) === channel);
      if (!method) return failure("forbidden", "Unknown channel.");
      return shell.table[method](windowId, payload);
    });
    // Main's events for this window reach the page as they would through webContents.send.
    const send = shell.host.send;
    shell.host.send = (id, event) => {
      send(id, event);
      if (id === windowId)
        void page
          .evaluate(([channel, payload]) => window.__scorecardEmit?.(channel, payload), [EVENT_CHANNEL, event] as const)
          .catch(() => {});
    };
    // Printing this window to PDF (the report) is Chromium's, as in Electron, with the app's page options.
    shell.printToPdf = async (id, pageSize) => {
      if (id !== windowId) throw new Error(`window ${id} has no page in this test`);
      return page.pdf(chromiumPdfOptions(pageSize));
    };
    await page.addInitScript({ content: bridgeScript });
    await use({
      page,
      shell,
      windowId,
      async launch(file) {
        if (file) shell.documents.open(file, windowId);
        await page.goto("/");
        await expect(page.locator("[data-ready]")).toBeAttached();
      },
      file: () => shell.documents.storeOf(windowId).file,
      fileDocument(file) {
        const copy = path.join(shell.dir, `read-${Date.now()}-${Math.random().toString(36).slice(2)}.scorecard`);
        fs.copyFileSync(file ?? shell.documents.storeOf(windowId).file, copy);
        const store = ScorecardStore.open(copy, { appVersion: "harness" });
        try {
          return store.document();
        } finally {
          store.close();
          fs.rmSync(copy, { force: true });
        }
      },
      async screenshot(name) {
        mkdirSync(screenshotDir, { recursive: true });
        await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
      },
    });
  },
});

declare global {
  interface Window {
    __scorecardEmit?: (channel: string, payload: unknown) => void;
  }
}

export { expect };
