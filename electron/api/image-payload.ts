/**
 * Checks a picture the page drew (the strategy map) before main writes it where the user chose.
 * The page is as untrusted as any file: an "SVG" must be a plain drawing (known elements, no
 * scripts, no event handlers, no links out) and a "PNG" must be a PNG of a sane size, so that an
 * export can never plant active content in the user's folders.
 */
import type { ImageFormat } from "../../shared/api/contract.ts";
import { BadRequest } from "./errors.ts";

/** What a strategy map is drawn with; anything else in an exported SVG is refused. */
const SVG_ELEMENTS = new Set([
  "svg",
  "g",
  "defs",
  "marker",
  "title",
  "desc",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "path",
  "text",
  "tspan",
  "clippath",
  "lineargradient",
  "stop",
]);
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Larger than a 2× export of any map a screen shows; smaller than what would exhaust memory. */
export const MAX_PNG_SIDE = 16_384;

/** The one processing instruction allowed, and only first: `<?xml version="1.0" encoding="UTF-8"?>`. */
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.\d\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;
/** A start, end or empty-element tag with quoted attributes, and nothing else (sticky: read at a "<"). */
const TAG = /<\/?([A-Za-z][\w:.-]*)((?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*\/?>/y;
const ATTRIBUTE = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/g;
/** CSS functions that load something; only `url(#id)`, a reference inside the file, is allowed. */
const LOADING_FUNCTION = /(?<![\w-])(url|image|image-set|-webkit-image-set|cross-fade|element)\s*\(/gi;
const LOCAL_URL = /^url\(\s*(["']?)#[^"'()\s]+\1\s*\)/i;

export function imageBytes(format: ImageFormat, data: string): Uint8Array {
  return format === "svg" ? checkedSvg(data) : checkedPng(data);
}

/**
 * Reads the SVG tag by tag, the way an XML parser would: every "<" must open a plain element tag
 * (text from the file is escaped as &lt;), so comments, DOCTYPEs (and their entities), CDATA and
 * processing instructions are refused. Attribute values are checked as the viewer will read them,
 * after their character references are decoded.
 */
function checkedSvg(text: string): Uint8Array {
  let body = text.replace(/^\uFEFF/, "").trimStart();
  const declaration = XML_DECLARATION.exec(body);
  if (declaration) body = body.slice(declaration[0].length).trimStart();
  if (!/^<svg[\s/>]/.test(body) || !/<\/svg>\s*$/.test(body)) {
    throw new BadRequest("The exported picture is not an SVG document.");
  }
  for (let at = body.indexOf("<"); at !== -1; at = body.indexOf("<", TAG.lastIndex)) {
    TAG.lastIndex = at;
    const tag = TAG.exec(body);
    if (!tag) {
      throw new BadRequest("The exported SVG holds a comment, a declaration or markup that is not a plain element.");
    }
    const [, name = "", attributes = ""] = tag;
    if (!SVG_ELEMENTS.has(name.toLowerCase())) {
      throw new BadRequest(`The exported SVG holds a <${name.slice(0, 40)}> element, which a map never draws.`);
    }
    for (const [, attribute = "", double, single] of attributes.matchAll(ATTRIBUTE)) {
      checkAttribute(attribute.toLowerCase(), decodeReferences(double ?? single ?? ""));
    }
  }
  return new TextEncoder().encode(text);
}

function checkAttribute(name: string, value: string): void {
  if (name.startsWith("on")) throw new BadRequest("The exported SVG holds an event handler.");
  if (name === "style")
    throw new BadRequest("The exported SVG holds a style attribute; a map writes plain attributes.");
  if (/(^|:)href$/.test(name) && !value.trim().startsWith("#")) {
    throw new BadRequest("The exported SVG links to something outside it.");
  }
  // A backslash is a CSS escape (u\72l( is url(): no attribute of a map needs one.
  if (value.includes("\\")) throw new BadRequest("The exported SVG holds an escaped value it may not.");
  for (const call of value.matchAll(LOADING_FUNCTION)) {
    if (!LOCAL_URL.test(value.slice(call.index))) {
      throw new BadRequest("The exported SVG loads something from outside it.");
    }
  }
}

const NAMED_REFERENCES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** An attribute value as an XML parser hands it on: character and the five predefined references decoded. */
function decodeReferences(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return NAMED_REFERENCES[ref] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? Number.parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\uFFFD";
  });
}

function checkedPng(base64: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw new BadRequest("The exported picture is not base64-encoded PNG data.");
  }
  const bytes = Buffer.from(base64, "base64");
  const isPng = PNG_SIGNATURE.every((b, i) => bytes[i] === b) && bytes.toString("latin1", 12, 16) === "IHDR";
  if (bytes.length < 33 || !isPng) throw new BadRequest("The exported picture is not a PNG image.");
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new BadRequest(`The exported PNG is ${width}×${height} pixels; each side must be 1 to ${MAX_PNG_SIDE}.`);
  }
  return bytes;
}
