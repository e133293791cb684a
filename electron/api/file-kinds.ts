/** What each kind of file choice is for: its token grant, extension and dialog filter. */
import path from "node:path";
import type { OPEN_PURPOSES, SavePurpose } from "../../shared/api/contract.ts";
import type { Dialogs } from "./handlers.ts";
import type { Grant } from "./path-tokens.ts";

export interface SaveKind {
  grant: Grant;
  extension: string;
  filterName: string;
}

export const SAVE_KINDS: Record<SavePurpose, SaveKind> = {
  document: { grant: "save-document", extension: ".scorecard", filterName: "Scorecard" },
  share: { grant: "save-share", extension: ".scorecard", filterName: "Scorecard" },
  "export-json": { grant: "save-export-json", extension: ".json", filterName: "Scorecard JSON" },
  "export-csv": { grant: "save-export-csv", extension: ".csv", filterName: "CSV" },
  "export-xlsx": { grant: "save-export-xlsx", extension: ".xlsx", filterName: "Excel workbook" },
  "export-pdf": { grant: "save-export-pdf", extension: ".pdf", filterName: "PDF report" },
  "export-svg": { grant: "save-export-svg", extension: ".svg", filterName: "SVG image" },
  "export-png": { grant: "save-export-png", extension: ".png", filterName: "PNG image" },
};

export type OpenPurpose = (typeof OPEN_PURPOSES)[number];

export interface OpenKind {
  grant: Grant;
  filterName: string;
  extensions: readonly string[];
}

export const OPEN_KINDS: Record<OpenPurpose, OpenKind> = {
  document: { grant: "open-document", filterName: "Scorecard", extensions: ["scorecard"] },
  import: { grant: "open-import", filterName: "Actuals (CSV or Excel)", extensions: ["csv", "xlsx"] },
};

/** Some platforms' save dialogs do not add the filter's extension; a scorecard saved as "plan" would not open by double click. */
function withExtension(file: string, extension: string): string {
  return path.extname(file).toLowerCase() === extension ? file : `${file}${extension}`;
}

/**
 * Where the user chose to save for `purpose` (`name` suggested with the kind's extension), with the
 * extension added when the dialog left it out; null when they cancelled.
 */
export async function chooseSaveTarget(
  dialogs: Pick<Dialogs, "chooseSave">,
  windowId: number,
  purpose: SavePurpose,
  name: string,
): Promise<string | null> {
  const kind = SAVE_KINDS[purpose];
  const chosen = await dialogs.chooseSave(windowId, kind, withExtension(name, kind.extension));
  return chosen === null ? null : withExtension(chosen, kind.extension);
}
