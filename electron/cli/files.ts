/** Reading and writing the CLI's own files (JSON documents, CSV, exports); scorecard files go through electron/file. */
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_MAX_FILE_BYTES } from "../file/format.ts";
import { decodeUtf8 } from "../interchange/text-file.ts";
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
  const decoded = decodeUtf8(bytes);
  if ("refused" in decoded) throw refusal(`${name}: ${decoded.refused}`);
  return decoded.text;
}

/** Exists in any form (a dangling link counts: writing there would replace it). */
export function exists(file: string): boolean {
  return fs.lstatSync(file, { throwIfNoEntry: false }) !== undefined;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
