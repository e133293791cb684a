/** Reading and writing the CLI's own files (JSON documents, CSV, exports); scorecard files go through electron/file. */
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_MAX_FILE_BYTES } from "../file/format.ts";
import { refusal } from "./output.ts";

/** A UTF-8 text file from the user, refused (exit 1) when missing, too large or not text. */
export function readTextFile(file: string): string {
  const name = path.basename(file);
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat) throw refusal(`${name}: no such file`);
  if (!stat.isFile()) throw refusal(`${name}: is not a file`);
  // The same limit as for scorecard files: a JSON document is no smaller than its file.
  if (stat.size > DEFAULT_MAX_FILE_BYTES) {
    throw refusal(`${name}: the file is larger than the ${DEFAULT_MAX_FILE_BYTES / 2 ** 20} MB limit`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw refusal(`${name}: cannot be read (${messageOf(e)})`);
  }
  // Spreadsheets save "Unicode text" as UTF-16 and plain "CSV" in a legacy code page: say how to fix it.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw refusal(`${name}: the text is UTF-16; save it as UTF-8 (in a spreadsheet: "CSV UTF-8")`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw refusal(`${name}: not UTF-8 text (in a spreadsheet, save as "CSV UTF-8")`);
  }
}

/** Exists in any form (a dangling link counts: writing there would replace it). */
export function exists(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
