/** The CLI run in-process (runCli) in a fresh folder per test, for the CLI's test files. */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, expect } from "vitest";
import { runCli } from "../../electron/cli/main.ts";
import { toDocumentJson } from "../../shared/document-json.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { tempDir } from "./files.ts";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Registers the folder's creation and removal around each test of the calling file. */
export function cliInTempFolder(prefix: string) {
  let dir = "";
  beforeEach(() => {
    dir = tempDir(prefix);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const at = (name: string) => path.join(dir, name);

  async function cli(...argv: string[]): Promise<CliResult> {
    let stdout = "";
    let stderr = "";
    const code = await runCli(argv, {
      stdout: { write: (t: string) => (stdout += t) },
      stderr: { write: (t: string) => (stderr += t) },
      cwd: dir,
    });
    return { code, stdout, stderr };
  }

  /** Writes `doc` as DOC.json and makes `name` from it with `new --from`. */
  async function fileFrom(doc: ScorecardDocument, name = "demo.scorecard"): Promise<string> {
    fs.writeFileSync(at(`${name}.json`), toDocumentJson(doc));
    expect(await cli("new", "--from", `${name}.json`, name)).toMatchObject({ code: 0, stderr: "" });
    return at(name);
  }

  return { cli, at, fileFrom, folder: () => dir };
}

/** Exit 1 (or `code`) with exactly one `scorecard: ` line on stderr: how every CLI failure reads. */
export function expectOneLineFailure(r: CliResult, code = 1): void {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(/^scorecard: [^\n]+\n$/);
}
