/** PDFs read back with poppler's pdfinfo, for unit and e2e tests alike: an outside reader, not ours. */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { tempDir } from "./files.ts";

/** The page count, and the page size in PDF points as pdfinfo prints it (rounded: 595 × 842 for A4). */
export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

/** What pdfinfo reads of a PDF file, or of bytes (written to a temp folder for it to read). */
export function pdfInfo(pdf: string | Uint8Array): PdfInfo {
  if (typeof pdf !== "string") {
    const dir = tempDir("scorecard-pdf-");
    try {
      const file = path.join(dir, "read.pdf");
      fs.writeFileSync(file, pdf);
      return pdfInfo(file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  if (!size || !pages) throw new Error(`pdfinfo said:\n${info}`);
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}
