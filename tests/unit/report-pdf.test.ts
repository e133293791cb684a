/**
 * The PDF report in main: the printed bytes are checked before they are written (a PDF, whole, with
 * pages) and the exportPdf handler writes them atomically where a save dialog with purpose
 * "export-pdf" pointed, as main's real handler table on real files (the printing is faked here;
 * the e2e suite prints with Chromium). Also the one set of page options both printers use.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chromiumPdfOptions, electronPdfOptions, PAPER_IN } from "../../electron/report/pdf-options.ts";
import { pdfBytes, printFailed } from "../../electron/report/pdf-output.ts";
import { FileWriteFailed } from "../../electron/file/errors.ts";
import { pdfInfo } from "../support/pdf.ts";
import { createShell, type Shell } from "../support/shell-fixture.ts";

/** A minimal but complete PDF with `pages` empty A4 pages: objects, a correct xref table, trailer. */
function tinyPdf(pages: number): Uint8Array {
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
  ];
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

const text = (s: string) => new Uint8Array(Buffer.from(s, "latin1"));

/**
 * A PDF 1.5 whose pages live in a Flate-compressed object stream, with a cross-reference stream
 * (as PDF writers that compress objects make them): no "/Type /Page" is readable in the bytes.
 * `plainRoot`: the page tree's root outside the stream (its /Count readable), else inside too.
 */
function objectStreamPdf(pages: number, plainRoot: boolean, inflatable = true): Uint8Array {
  // Objects 1 catalog, 2 page tree, 3.. pages; then the object stream and the xref stream.
  const pageIds = Array.from({ length: pages }, (_, i) => 3 + i);
  const tree = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages} >>`;
  const packed: Array<[number, string]> = [
    [1, "<< /Type /Catalog /Pages 2 0 R >>"],
    ...(plainRoot ? [] : [[2, tree] as [number, string]]),
    ...pageIds.map((id): [number, string] => [id, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]),
  ];
  let body = "";
  const header: string[] = [];
  for (const [id, dict] of packed) {
    header.push(`${id} ${body.length}`);
    body += `${dict}\n`;
  }
  const first = `${header.join(" ")}\n`;
  const raw = Buffer.from(first + body, "latin1");
  const data = inflatable ? zlib.deflateSync(raw) : Buffer.from(raw.toString("latin1").replace(/Page/g, "Pag#65"));
  const streamId = 3 + pages;
  const xrefId = streamId + 1;
  const parts: Buffer[] = [Buffer.from("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const length = () => parts.reduce((n, b) => n + b.byteLength, 0);
  const offsets = new Map<number, number>();
  if (plainRoot) {
    offsets.set(2, length());
    parts.push(Buffer.from(`2 0 obj\n${tree}\nendobj\n`, "latin1"));
  }
  offsets.set(streamId, length());
  const filter = inflatable ? " /Filter /FlateDecode" : "";
  parts.push(
    Buffer.from(
      `${streamId} 0 obj\n<< /Type /ObjStm /N ${packed.length} /First ${first.length} /Length ${data.byteLength}${filter} >>\nstream\n`,
      "latin1",
    ),
    data,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  );
  const xrefAt = length();
  // Entries of 1 + 4 + 2 bytes: type 1 (offset, generation) or 2 (object stream, index).
  const rows = Buffer.alloc((xrefId + 1) * 7);
  const row = (id: number, type: number, a: number, b: number) => {
    rows.writeUInt8(type, id * 7);
    rows.writeUInt32BE(a, id * 7 + 1);
    rows.writeUInt16BE(b, id * 7 + 5);
  };
  row(0, 0, 0, 65535);
  for (const [index, [id]] of packed.entries()) row(id, 2, streamId, index);
  for (const [id, offset] of offsets) row(id, 1, offset, 0);
  row(xrefId, 1, xrefAt, 0);
  parts.push(
    Buffer.from(
      `${xrefId} 0 obj\n<< /Type /XRef /Size ${xrefId + 1} /W [1 4 2] /Root 1 0 R /Length ${rows.byteLength} >>\nstream\n`,
      "latin1",
    ),
    rows,
    Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, "latin1"),
  );
  return new Uint8Array(Buffer.concat(parts));
}

describe("pdfBytes", () => {
  it("accepts a whole PDF and counts its pages (the page tree's nodes are not pages)", () => {
    for (const pages of [1, 3, 12]) {
      const pdf = tinyPdf(pages);
      expect(pdfBytes(pdf)).toEqual({ bytes: pdf, pages });
    }
    // Trailing line ends after %%EOF are fine; so is a view into a larger buffer.
    const padded = Buffer.concat([Buffer.from("junk"), tinyPdf(2), Buffer.from("\r\n\r\n  ")]);
    expect(pdfBytes(new Uint8Array(padded.buffer, padded.byteOffset + 4, padded.byteLength - 4)).pages).toBe(2);
  });

  it("is a PDF poppler reads as such (the hand-made fixture is honest)", () => {
    expect(pdfInfo(tinyPdf(3)).pages).toBe(3);
  });

  it("counts pages kept in compressed object streams, or reads the page tree's count", () => {
    for (const plainRoot of [true, false]) {
      const pdf = objectStreamPdf(5, plainRoot);
      // Nothing to find in the bytes as they are: the pages are compressed.
      expect(Buffer.from(pdf).toString("latin1")).not.toMatch(/\/Type\s*\/Page\b/);
      expect(pdfInfo(pdf).pages).toBe(5);
      expect(pdfBytes(pdf).pages).toBe(5);
    }
    // A stream this cannot read (here: not compressed, names escaped): the root's /Count stands in.
    expect(pdfBytes(objectStreamPdf(7, true, false)).pages).toBe(7);
  });

  it("reads a large PDF a slice at a time without missing a page object across a slice's edge", () => {
    // A page object across every MiB boundary up to 20 MiB (the slices are a whole number of MiB).
    const MiB = 1024 * 1024;
    const page = "\n/Type /Page /Parent 2 0 R >>\n";
    const parts: string[] = ["%PDF-1.4\n"];
    let length = parts[0]?.length ?? 0;
    for (let k = 1; k <= 20; k++) {
      const at = k * MiB - 5;
      parts.push(`%${" ".repeat(at - length - 2)}\n`, page);
      length = at + page.length;
    }
    parts.push("%%EOF\n");
    const pdf = text(parts.join(""));
    expect(pdf.byteLength).toBeGreaterThan(20 * MiB);
    expect(pdfBytes(pdf).pages).toBe(20);
  });

  it("refuses what is not a whole PDF with pages, saying nothing was written", () => {
    const whole = Buffer.from(tinyPdf(2)).toString("latin1");
    const cases: Array<[Uint8Array, RegExp]> = [
      [new Uint8Array(0), /no data/],
      [text("%PDF-1.4\n%%EOF"), /only 14 bytes/],
      [text(`<!doctype html><html><body>${"Error ".repeat(40)}</body></html>`), /did not give a PDF/],
      [text(` ${whole}`), /did not give a PDF/],
      [text(whole.slice(0, -20)), /cut short/],
      [text(`${whole}trailing garbage after the end`), /cut short/],
      [text(whole.replaceAll("/Type /Page ", "/Type /Xobj ")), /no pages/],
    ];
    for (const [data, message] of cases) {
      expect(() => pdfBytes(data)).toThrow(FileWriteFailed);
      expect(() => pdfBytes(data)).toThrow(message);
      expect(() => pdfBytes(data)).toThrow(/Nothing was written/);
    }
    expect(() => pdfBytes("%PDF-" as unknown as Uint8Array)).toThrow(/no data/);
  });

  it("says the same of a print that failed in main (printFailed), keeping the cause", () => {
    const cause = new Error("Printing failed");
    const error = printFailed(cause.message, cause);
    expect(error).toBeInstanceOf(FileWriteFailed);
    expect(error.message).toBe("The report could not be printed: Printing failed. Nothing was written.");
    expect(error.cause).toBe(cause);
  });
});

describe("the page options", () => {
  it("are the same page for Electron and for Chromium in the tests: paper, margins, footer", () => {
    for (const size of ["A4", "Letter"] as const) {
      const e = electronPdfOptions(size);
      const c = chromiumPdfOptions(size);
      expect(e.pageSize).toEqual(PAPER_IN[size]);
      expect(c.width).toBe(`${PAPER_IN[size].width}in`);
      expect(c.height).toBe(`${PAPER_IN[size].height}in`);
      expect(c.margin).toEqual({
        top: `${e.margins.top}in`,
        bottom: `${e.margins.bottom}in`,
        left: `${e.margins.left}in`,
        right: `${e.margins.right}in`,
      });
      expect(e).toMatchObject({ printBackground: true, displayHeaderFooter: true, preferCSSPageSize: false });
      expect(c.footerTemplate).toBe(e.footerTemplate);
      expect(c.headerTemplate).toBe(e.headerTemplate);
    }
    expect(PAPER_IN.A4.width * 25.4).toBeCloseTo(210, 6);
    const { footerTemplate, headerTemplate } = electronPdfOptions("A4");
    expect(footerTemplate).toMatch(/Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/);
    // Not empty (Chromium would print its default date and title), and nothing but an element.
    expect(headerTemplate).toBe("<span></span>");
  });
});

describe("exportPdf", () => {
  let shell: Shell;
  let win: number;
  let printed: Array<{ windowId: number; pageSize: string }>;
  beforeEach(async () => {
    shell = createShell();
    win = shell.newWindow();
    const plan = shell.writeScorecard("Plan.scorecard", "demo");
    await shell.value(win, "openDocument", { file: await shell.openToken(win, plan) });
    printed = [];
    shell.printToPdf = async (windowId, pageSize) => {
      printed.push({ windowId, pageSize });
      return tinyPdf(4);
    };
  });
  afterEach(() => shell.close());

  it("prints the asking window on the chosen paper and writes the PDF atomically", async () => {
    const file = path.join(shell.dir, "Board report.pdf");
    fs.writeFileSync(file, "an older report");
    const result = await shell.value(win, "exportPdf", {
      file: await shell.saveToken(win, file, "export-pdf", "Report.pdf"),
      pageSize: "Letter",
    });
    expect(result).toEqual({ fileName: "Board report.pdf", pages: 4 });
    expect(printed).toEqual([{ windowId: win, pageSize: "Letter" }]);
    expect(new Uint8Array(fs.readFileSync(file))).toEqual(tinyPdf(4));
    // Replaced by a rename: no temporary file is left beside it.
    expect(fs.readdirSync(shell.dir).filter((f) => f.includes("Board report"))).toEqual(["Board report.pdf"]);
    expect(shell.dialogs.shown.at(-1)).toMatchObject({ kind: "save", detail: ".pdf Report.pdf" });
  });

  it("refuses junk from the printer and leaves the chosen file as it was", async () => {
    const file = path.join(shell.dir, "Report.pdf");
    fs.writeFileSync(file, "an older report");
    shell.printToPdf = async () => text("<html><body>Print failed</body></html>".padEnd(200, " "));
    const result = await shell.call(win, "exportPdf", {
      file: await shell.saveToken(win, file, "export-pdf", "Report.pdf"),
      pageSize: "A4",
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: "write-failed", message: expect.stringMatching(/not give a PDF/) },
    });
    expect(fs.readFileSync(file, "utf8")).toBe("an older report");
    const fresh = path.join(shell.dir, "Fresh.pdf");
    shell.printToPdf = async () => new Uint8Array(0);
    const empty = await shell.call(win, "exportPdf", {
      file: await shell.saveToken(win, fresh, "export-pdf", "Report.pdf"),
      pageSize: "A4",
    });
    expect(empty).toMatchObject({ ok: false, error: { kind: "write-failed" } });
    expect(fs.existsSync(fresh)).toBe(false);
    expect(fs.readdirSync(shell.dir).filter((f) => f.endsWith(".pdf") || f.includes(".tmp"))).toEqual(["Report.pdf"]);
  });

  it("tells a print that failed in main as a failed write, and writes nothing", async () => {
    const file = path.join(shell.dir, "Report.pdf");
    // What main's printToPdf throws when the window closed before it printed.
    shell.printToPdf = async () => {
      throw printFailed("the window is gone");
    };
    const result = await shell.call(win, "exportPdf", {
      file: await shell.saveToken(win, file, "export-pdf", "Report.pdf"),
      pageSize: "A4",
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: "write-failed",
        message: "The report could not be printed: the window is gone. Nothing was written.",
      },
    });
    expect(fs.existsSync(file)).toBe(false);
  });

  it("needs a token from an export-pdf save dialog, of this window, used once", async () => {
    const file = path.join(shell.dir, "Report.pdf");
    const forged = await shell.call(win, "exportPdf", { file: "A".repeat(43), pageSize: "A4" });
    expect(forged).toMatchObject({ ok: false, error: { kind: "bad-token" } });
    // A token for another purpose (a share copy) does not write a PDF.
    const share = await shell.call(win, "exportPdf", {
      file: await shell.saveToken(win, file, "share", "Report.pdf"),
      pageSize: "A4",
    });
    expect(share).toMatchObject({ ok: false, error: { kind: "bad-token" } });
    const token = await shell.saveToken(win, file, "export-pdf", "Report.pdf");
    // Another window with a document of its own cannot use this window's token.
    const other = shell.newWindow();
    const otherFile = shell.writeScorecard("Other.scorecard", "it-value");
    await shell.value(other, "openDocument", { file: await shell.openToken(other, otherFile) });
    expect(await shell.call(other, "exportPdf", { file: token, pageSize: "A4" })).toMatchObject({
      ok: false,
      error: { kind: "bad-token" },
    });
    await shell.value(win, "exportPdf", { file: token, pageSize: "A4" });
    expect(await shell.call(win, "exportPdf", { file: token, pageSize: "A4" })).toMatchObject({
      ok: false,
      error: { kind: "bad-token" },
    });
    for (const payload of [{ file: token }, { file: token, pageSize: "A3" }, { file: token, pageSize: "A4", x: 1 }]) {
      expect(await shell.call(win, "exportPdf", payload)).toMatchObject({ ok: false, error: { kind: "bad-request" } });
    }
    expect(printed).toHaveLength(1);
  });

  it("refuses a window without a document before printing anything", async () => {
    const empty = shell.newWindow();
    const token = await shell.saveToken(empty, path.join(shell.dir, "Nothing.pdf"), "export-pdf", "Nothing.pdf");
    const result = await shell.call(empty, "exportPdf", { file: token, pageSize: "A4" });
    expect(result).toMatchObject({ ok: false, error: { kind: "no-document" } });
    expect(printed).toEqual([]);
    expect(fs.existsSync(path.join(shell.dir, "Nothing.pdf"))).toBe(false);
  });
});
