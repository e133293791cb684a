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
  "style",
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

export function imageBytes(format: ImageFormat, data: string): Uint8Array {
  return format === "svg" ? checkedSvg(data) : checkedPng(data);
}

function checkedSvg(text: string): Uint8Array {
  const body = text.replace(/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?/, "");
  if (!/^<svg[\s>]/.test(body) || !/<\/svg>\s*$/.test(body)) {
    throw new BadRequest("The exported picture is not an SVG document.");
  }
  // Text from the file is escaped (&lt;), so every "<" left here opens markup; names in text
  // may say anything, so only tags and style sheets are checked.
  for (const [, special = "", name = "", attributes = ""] of body.matchAll(
    /<\s*\/?([!?]?)([A-Za-z][\w:.-]*)?([^>]*)>/g,
  )) {
    if (special !== "" || name === "")
      throw new BadRequest("The exported SVG holds a declaration or comment it may not.");
    if (!SVG_ELEMENTS.has(name.toLowerCase())) {
      throw new BadRequest(`The exported SVG holds a <${name.slice(0, 40)}> element, which a map never draws.`);
    }
    if (/(^|\s)on[a-z]+\s*=/i.test(attributes)) throw new BadRequest("The exported SVG holds an event handler.");
    for (const link of attributes.matchAll(/href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/gi)) {
      if (!(link[1] ?? link[2] ?? link[3] ?? "").trim().startsWith("#")) {
        throw new BadRequest("The exported SVG links to something outside it.");
      }
    }
    if (loadsFromOutside(attributes)) throw new BadRequest("The exported SVG loads something from outside it.");
  }
  for (const [, css = ""] of body.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (loadsFromOutside(css)) throw new BadRequest("The exported SVG loads something from outside it.");
  }
  return new TextEncoder().encode(text);
}

const loadsFromOutside = (css: string): boolean => /@import|url\(\s*(?!["']?\s*#)/i.test(css);

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
