/**
 * The JSON form of a whole document (SPEC §5, docs/document-json.md): what `scorecard export
 * --format json` writes and `scorecard new --from` reads. An envelope names the format and its
 * version, so a newer form is refused by name instead of being misread. Reading is reading
 * untrusted input: the document inside goes through the same validation as a file's rows.
 */
import { error } from "./domain/problems.ts";
import { problemNamer } from "./domain/readable-path.ts";
import { type CollectionName, COLLECTIONS } from "./domain/schema.ts";
import type { ScorecardDocument } from "./domain/types.ts";
import { type ValidationResult, validateDocument } from "./domain/validate.ts";

export const DOCUMENT_JSON_FORMAT = "scorecard-studio/document";
export const DOCUMENT_JSON_VERSION = 1;

/**
 * 2-space indent and a trailing newline. The collections come in schema order whatever order the
 * object has them in, so the same document always gives the same bytes.
 */
export function toDocumentJson(doc: ScorecardDocument): string {
  const ordered: Record<string, unknown> = { scorecard: doc.scorecard };
  for (const name of Object.keys(COLLECTIONS) as CollectionName[]) ordered[name] = doc[name];
  return jsonText({ format: DOCUMENT_JSON_FORMAT, version: DOCUMENT_JSON_VERSION, document: ordered });
}

/**
 * JSON for files and terminals: 2-space indent, trailing newline. JSON.stringify escapes C0
 * controls itself; C1 controls and bidirectional overrides (which could make a terminal or an
 * editor show something else than the data) are escaped too. The value parses back unchanged.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `${text}\n`;
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
    return refused(`not a Scorecard Studio document (format ${shown(raw.format)})`);
  }
  const { version, document: inner, ...extra } = raw;
  if (version !== DOCUMENT_JSON_VERSION) {
    const newer = typeof version === "number" && Number.isInteger(version) && version > DOCUMENT_JSON_VERSION;
    return refused(
      newer
        ? `written by a newer Scorecard Studio (document JSON version ${version}; this version reads version ${DOCUMENT_JSON_VERSION}). Update the app to read it`
        : `unsupported document JSON version ${shown(version)} (this version reads version ${DOCUMENT_JSON_VERSION})`,
    );
  }
  const foreign = Object.keys(extra).filter((k) => k !== "format");
  const result = validateDocument(inner);
  const named = problemNamer(isRecord(inner) ? inner : {});
  const problems = [
    ...foreign.map((k) => error("", `${shown(k)} is not part of the document JSON form`)),
    ...result.problems.map(named),
  ];
  return { document: foreign.length > 0 ? null : result.document, problems };
}

function refused(message: string): ValidationResult {
  return { document: null, problems: [error("", message)] };
}

/** A value from the input as it reads in JSON, cut short: messages stay one readable line. */
function shown(x: unknown): string {
  const text = JSON.stringify(x) ?? String(x);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x);
}
