/**
 * The architecture's seams (shared/ pure, renderer/ without Node) are enforced by the lint step
 * (biome.json). This runs the real linter with the project's configuration on probe files in a
 * scratch copy of the layout, so a weakened rule fails here rather than going unnoticed.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const biome = path.join(root, "node_modules/@biomejs/biome/bin/biome");
const scratch = mkdtempSync(path.join(tmpdir(), "seams-"));
copyFileSync(path.join(root, "biome.json"), path.join(scratch, "biome.json"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Lint `source` as if it lived at `file`; returns the diagnostics text ("" when clean). */
function lint(file: string, source: string): string {
  const full = path.join(scratch, file);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, source);
  try {
    execFileSync(process.execPath, [biome, "lint", "--vcs-enabled=false", "--max-diagnostics=50", file], {
      cwd: scratch,
      stdio: "pipe",
    });
    return "";
  } catch (error) {
    const { stdout, stderr } = error as { stdout: Buffer; stderr: Buffer };
    return `${stdout}${stderr}`;
  }
}

describe("lint enforces the seams", () => {
  it("refuses Node, Electron, SQLite, React and DOM globals in shared/", () => {
    const out = lint(
      "shared/probe.ts",
      [
        'import { readFileSync } from "node:fs";',
        'import path from "path";',
        'import { app } from "electron";',
        'import Database from "better-sqlite3";',
        'import React from "react";',
        "export const x = [readFileSync, path, app, Database, React, document, window, process];",
      ].join("\n"),
    );
    for (const expected of [
      "shared/ is pure TypeScript: no Node built-ins.",
      "Node built-ins are not allowed here: shared/",
      "Electron belongs in electron/ adapters",
      "the SQLite store lives in electron/",
      "React belongs in renderer/",
      "shared/ must not touch the DOM.",
      "shared/ must not touch Node.",
    ]) {
      expect(out).toContain(expected);
    }
  });

  it("refuses Node, Electron and SQLite in the renderer", () => {
    const out = lint(
      "renderer/src/probe.ts",
      [
        'import os from "node:os";',
        'import { ipcRenderer } from "electron";',
        'import Database from "better-sqlite3";',
        "export const x = [os, ipcRenderer, Database, process];",
      ].join("\n"),
    );
    expect(out).toContain("The renderer never imports Node modules.");
    expect(out).toContain("The renderer talks to main only through the typed API contract");
    expect(out).toContain("The renderer never touches the file: main owns it.");
    expect(out).toContain("The renderer has no Node");
  });

  it("lets the thin adapters use Node and Electron", () => {
    for (const file of ["electron/adapters/probe.ts", "electron/main.ts", "electron/preload.ts"]) {
      expect(
        lint(file, 'import { app } from "electron";\nimport fs from "node:fs";\nexport const x = [app, fs];\n'),
      ).toBe("");
    }
  });

  it("keeps the rest of electron/ free of Electron, so it runs in plain Node", () => {
    const out = lint("electron/api/probe.ts", 'import { ipcMain } from "electron";\nexport const x = [ipcMain];\n');
    expect(out).toContain("Only the thin adapters");
    expect(lint("electron/api/ok.ts", 'import fs from "node:fs";\nexport const x = [fs];\n')).toBe("");
  });
});
