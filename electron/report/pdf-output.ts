/**
 * Checks what printing the window gave before main writes it where the user chose: a whole PDF
 * (header at the start, end-of-file marker at the end), of a sane size, with pages. A print that
 * failed half-way, an error page or an empty answer is refused, and nothing is written.
 */
import { FileWriteFailed } from "../file/errors.ts";

/** Far above a 10,000-measure report (a few MB per hundred pages); far below what strains main. */
export const MAX_PDF_BYTES = 1024 * 1024 * 1024;
/** The smallest PDF with one page is a few hundred bytes; anything shorter is not one. */
const MIN_PDF_BYTES = 64;
/** How far from the end "%%EOF" may sit (trailing line ends and padding). */
const EOF_WINDOW = 1024;

const HEADER = /^%PDF-\d\.\d/;
const EOF = /%%EOF[\s\0]*$/;
/** A page object: "/Type /Page", not "/Type /Pages" (the page tree's nodes). */
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z0-9#])/g;

function refuse(why: string): never {
  throw new FileWriteFailed(`The report could not be printed: ${why}. Nothing was written.`);
}

export function pdfBytes(data: Uint8Array): { bytes: Uint8Array; pages: number } {
  if (!(data instanceof Uint8Array) || data.byteLength === 0) refuse("printing gave no data");
  if (data.byteLength < MIN_PDF_BYTES) refuse(`printing gave only ${data.byteLength} bytes`);
  if (data.byteLength > MAX_PDF_BYTES) refuse("the printed file is larger than 1 GB");
  // PDF syntax is ASCII; latin1 maps every byte to one character, so offsets stay byte offsets.
  const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString("latin1");
  if (!HEADER.test(text.slice(0, 16))) refuse("printing did not give a PDF");
  if (!EOF.test(text.slice(-EOF_WINDOW))) refuse("the printed PDF is cut short");
  const pages = text.match(PAGE_OBJECT)?.length ?? 0;
  if (pages === 0) refuse("the printed PDF has no pages");
  return { bytes: data, pages };
}
