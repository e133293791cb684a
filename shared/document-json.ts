/**
 * The JSON form of a whole document (SPEC §5, docs/document-json.md): what `scorecard export
 * --format json` writes and `scorecard new --from` reads. An envelope names the format and its
 * version, so a newer form is refused by name instead of being misread. Reading is reading
 * untrusted input: the document inside goes through the same validation as a file's rows.
 */
import { error } from "./domain/problems.ts";
import { problemNamer } from "./domain/readable-path.ts";
import type { ScorecardDocument } from "./domain/types.ts";
import { type ValidationResult, validateDocument } from "./domain/validate.ts";

export const DOCUMENT_JSON_FORMAT = "scorecard-studio/document";
export const DOCUMENT_JSON_VERSION = 1;

/** 2-space indent and a trailing newline; key order is the document's, so the output is stable. */
export function toDocumentJson(doc: ScorecardDocument): string {
  const envelope = { format: DOCUMENT_JSON_FORMAT, version: DOCUMENT_JSON_VERSION, document: doc };
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** The validated document, or null with every problem (paths relative to the document). */
export function parseDocumentJson(text: string): ValidationResult {
  let raw: unknown;
  try {
    // Editors on Windows like to start UTF-8 files with a byte order mark; JSON.parse does not.
    raw = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (e) {
    return refused(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!isRecord(raw) || raw.format === undefined) {
    return refused(`not a Scorecard Studio document (no "format": "${DOCUMENT_JSON_FORMAT}")`);
  }
  if (raw.format !== DOCUMENT_JSON_FORMAT) {
    return refused(`not a Scorecard Studio document (format ${JSON.stringify(raw.format)})`);
  }
  const { version, document, ...extra } = raw;
  if (version !== DOCUMENT_JSON_VERSION) {
    const newer = typeof version === "number" && Number.isInteger(version) && version > DOCUMENT_JSON_VERSION;
    return refused(
      newer
        ? `written by a newer Scorecard Studio (document JSON version ${version}; this version reads version ${DOCUMENT_JSON_VERSION}). Update the app to read it`
        : `unsupported document JSON version ${JSON.stringify(version)} (this version reads version ${DOCUMENT_JSON_VERSION})`,
    );
  }
  const unknown = Object.keys(extra).filter((k) => k !== "format");
  const result = validateDocument(document);
  const problems = [...unknown.map((k) => error(k, "is not part of the document JSON form")), ...result.problems];
  const named = problemNamer(isRecord(document) ? document : {});
  return { document: unknown.length > 0 ? null : result.document, problems: problems.map(named) };
}

function refused(message: string): ValidationResult {
  return { document: null, problems: [error("", message)] };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
