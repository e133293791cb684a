/**
 * Checks what printing the window gave before main writes it where the user chose: a whole PDF
 * (header at the start, end-of-file marker at the end), of a sane size, with pages. A print that
 * failed half-way, an error page or an empty answer is refused, and nothing is written.
 *
 * The bytes are read as text a slice at a time: one string of a whole large PDF would hit V8's
 * string length limit (about 512 MB of Latin-1) before the size limit does.
 */
import zlib from "node:zlib";
import { FileWriteFailed } from "../file/errors.ts";

/** Far above a 10,000-measure report (a few MB per hundred pages); far below what strains main. */
const MAX_PDF_BYTES = 256 * 1024 * 1024;
/** The smallest PDF with one page is a few hundred bytes; anything shorter is not one. */
const MIN_PDF_BYTES = 64;
/** How far from the end "%%EOF" may sit (trailing line ends and padding). */
const EOF_WINDOW = 1024;
/** The slice of the file read as text at a time, and how far slices overlap (longer than any match). */
const SLICE = 16 * 1024 * 1024;
const OVERLAP = 256;
/** An object stream holds objects, not pictures: larger once inflated is not one Chromium wrote. */
const MAX_OBJECT_STREAM = 64 * 1024 * 1024;

const HEADER = /^%PDF-\d\.\d/;
const EOF = /%%EOF[\s\0]*$/;
/** A page object: "/Type /Page", not "/Type /Pages" (the page tree's nodes). */
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z0-9#])/g;
/** A page tree node's count of the pages under it, whichever key comes first. */
const TREE_COUNT = [
  /\/Type\s*\/Pages(?![A-Za-z0-9#])[^<>]*?\/Count\s+(\d+)/g,
  /\/Count\s+(\d+)[^<>]*?\/Type\s*\/Pages(?![A-Za-z0-9#])/g,
];

/**
 * A print that gave no PDF, for main's printToPdf (the window gone, Chromium failing) and for the
 * checks here alike: the report dialog tells it as a failed write.
 */
export function printFailed(why: string, cause?: unknown): FileWriteFailed {
  return new FileWriteFailed(`The report could not be printed: ${why}. Nothing was written.`, { cause });
}

function refuse(why: string): never {
  throw printFailed(why);
}

export function pdfBytes(data: Uint8Array): { bytes: Uint8Array; pages: number } {
  if (!(data instanceof Uint8Array) || data.byteLength === 0) refuse("printing gave no data");
  if (data.byteLength < MIN_PDF_BYTES) refuse(`printing gave only ${data.byteLength} bytes`);
  if (data.byteLength > MAX_PDF_BYTES) refuse("the printed file is larger than 256 MB");
  const buffer = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  // PDF syntax is ASCII; latin1 maps every byte to one character.
  if (!HEADER.test(buffer.toString("latin1", 0, 16))) refuse("printing did not give a PDF");
  if (!EOF.test(buffer.toString("latin1", Math.max(0, buffer.byteLength - EOF_WINDOW)))) {
    refuse("the printed PDF is cut short");
  }
  const pages = pageCount(buffer);
  if (pages === 0) refuse("the printed PDF has no pages");
  return { bytes: data, pages };
}

/**
 * The page objects, in the file's text and in its compressed object streams (PDF 1.5); should
 * they be out of reach (a stream this cannot inflate), the page tree's root count: the largest
 * /Count of a /Pages node, since every other node counts a part of the root's pages.
 */
function pageCount(buffer: Buffer): number {
  let pages = 0;
  let rootCount = 0;
  const read = (text: string, before: number) => {
    for (const m of text.matchAll(PAGE_OBJECT)) if (m.index < before) pages++;
    for (const pattern of TREE_COUNT)
      for (const m of text.matchAll(pattern)) rootCount = Math.max(rootCount, Number(m[1]));
  };
  // Each slice reads on into the next, so that a match across the boundary is seen whole; it is
  // counted in the slice where it starts.
  for (let start = 0; start < buffer.byteLength; start += SLICE) {
    read(buffer.toString("latin1", start, start + SLICE + OVERLAP), SLICE);
  }
  let streams = 0;
  for (const text of objectStreams(buffer)) {
    streams++;
    read(text, Number.POSITIVE_INFINITY);
  }
  // Without object streams every page object is in plain sight: a count with none is not trusted.
  return pages > 0 || streams === 0 ? pages : rootCount;
}

/**
 * The text of each object stream ("/Type /ObjStm"): inflated when Flate-compressed, "" when it
 * cannot be read (another filter, damaged, too large).
 */
function* objectStreams(buffer: Buffer): Generator<string> {
  for (let at = buffer.indexOf("/ObjStm"); at >= 0; at = buffer.indexOf("/ObjStm", at + 1)) {
    const keyword = buffer.indexOf("stream", at);
    if (keyword < 0) return;
    let begin = keyword + "stream".length;
    if (buffer[begin] === 0x0d) begin++;
    if (buffer[begin] === 0x0a) begin++;
    const end = buffer.indexOf("endstream", begin);
    if (end < 0) return;
    let inflated = "";
    try {
      inflated = zlib
        .inflateSync(buffer.subarray(begin, end), { maxOutputLength: MAX_OBJECT_STREAM })
        .toString("latin1");
    } catch {
      // Not Flate, damaged or too large: the root count stands in.
    }
    yield inflated;
    at = end;
  }
}
