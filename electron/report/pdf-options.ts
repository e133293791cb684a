/**
 * The PDF report's page layout, defined once: the app prints with Electron's
 * `webContents.printToPDF(electronPdfOptions(size))` (electron/main.ts), the browser harness with
 * Playwright's `page.pdf(chromiumPdfOptions(size))` (tests/e2e/harness/fixture.ts). Both are
 * Chromium's printing underneath, so the same sizes, margins and footer give the same pages.
 *
 * The header and footer templates are HTML that Chromium renders beside the page: they hold only
 * fixed text and Chromium's page-number fields, never a name from the file (which is untrusted).
 * Plain Node: no Electron import, the option shapes are written out here.
 */
import type { PageSize } from "../../shared/api/contract.ts";

/** Page margins in inches: the bottom one leaves room for the "Page N of M" footer. */
const PDF_MARGINS_IN = { top: 0.6, bottom: 0.75, left: 0.6, right: 0.6 } as const;

/**
 * The paper in inches, portrait, written out rather than named: Chromium's own "A4" is rounded
 * (596 × 843 pt in Playwright's table); ISO A4 is 210 × 297 mm, 595.3 × 841.9 pt.
 */
export const PAPER_IN: Record<PageSize, { width: number; height: number }> = {
  A4: { width: 210 / 25.4, height: 297 / 25.4 },
  Letter: { width: 8.5, height: 11 },
};

/**
 * Chromium fills `pageNumber` and `totalPages`; the template needs its own font size and colour
 * (it does not inherit the page's styles). Fixed text only: this is HTML.
 */
const FOOTER_TEMPLATE =
  "<div style=\"width:100%;margin:0 0.6in;font-family:system-ui,'Liberation Sans','DejaVu Sans',sans-serif;" +
  'font-size:8px;color:#57606a;display:flex;justify-content:space-between;">' +
  '<span>Scorecard Studio</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>' +
  "</div>";
/** An empty element, not "": an empty template would make Chromium print its default (date and title). */
const HEADER_TEMPLATE = "<span></span>";

/** Electron's PrintToPDFOptions (https://www.electronjs.org/docs/latest/api/structures/print-to-pdf-options). */
export interface ElectronPdfOptions {
  /** Inches (Electron's Size form of pageSize). */
  pageSize: { width: number; height: number };
  landscape: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
}

export function electronPdfOptions(pageSize: PageSize): ElectronPdfOptions {
  return {
    pageSize: { ...PAPER_IN[pageSize] },
    landscape: false,
    margins: { ...PDF_MARGINS_IN },
    // Status colours are backgrounds (dots, strips): without this they would print white.
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: HEADER_TEMPLATE,
    footerTemplate: FOOTER_TEMPLATE,
    // The size chosen in the dialog wins over any @page rule.
    preferCSSPageSize: false,
  };
}

/** Playwright's `page.pdf` options (Chromium's Page.printToPDF): the same page, in its names. */
export interface ChromiumPdfOptions {
  width: string;
  height: string;
  landscape: boolean;
  margin: { top: string; bottom: string; left: string; right: string };
  printBackground: boolean;
  displayHeaderFooter: boolean;
  headerTemplate: string;
  footerTemplate: string;
  preferCSSPageSize: boolean;
}

export function chromiumPdfOptions(pageSize: PageSize): ChromiumPdfOptions {
  const e = electronPdfOptions(pageSize);
  const inches = (n: number) => `${n}in`;
  return {
    width: inches(e.pageSize.width),
    height: inches(e.pageSize.height),
    landscape: e.landscape,
    margin: {
      top: inches(e.margins.top),
      bottom: inches(e.margins.bottom),
      left: inches(e.margins.left),
      right: inches(e.margins.right),
    },
    printBackground: e.printBackground,
    displayHeaderFooter: e.displayHeaderFooter,
    headerTemplate: e.headerTemplate,
    footerTemplate: e.footerTemplate,
    preferCSSPageSize: e.preferCSSPageSize,
  };
}
