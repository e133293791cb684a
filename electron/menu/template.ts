/**
 * The application menu as data (SPEC §5): File, Edit, View, Help (and the app menu and Window
 * menu on macOS), with the platform's standard roles and accelerators. Plain data so the tests can
 * read every item; the adapter hands it to Electron's Menu.buildFromTemplate as it is.
 */
import type { Command, CsvTable } from "../../shared/api/contract.ts";
import { APP_NAME } from "../documents/document-windows.ts";
import type { ExportFormat } from "../interchange/export-data.ts";

/** The Electron roles this menu uses (a subset of MenuItemConstructorOptions["role"]). */
export type Role =
  | "about"
  | "services"
  | "hide"
  | "hideOthers"
  | "unhide"
  | "quit"
  | "close"
  | "cut"
  | "copy"
  | "paste"
  | "selectAll"
  | "resetZoom"
  | "zoomIn"
  | "zoomOut"
  | "togglefullscreen"
  | "toggleDevTools"
  | "windowMenu"
  | "help";

export interface MenuItem {
  label?: string;
  role?: Role;
  type?: "separator" | "checkbox";
  accelerator?: string;
  enabled?: boolean;
  checked?: boolean;
  submenu?: MenuItem[];
  click?: () => void;
}

export interface MenuActions {
  command(command: Command): void;
  open(): void;
  openRecent(file: string): void;
  clearRecent(): void;
  saveAs(): void;
  exportAs(format: ExportFormat): void;
  toggleDarkMode(): void;
  showAbout(): void;
  showDocumentation(): void;
}

export interface MenuState {
  platform: NodeJS.Platform;
  /** Recent documents, most recent first: the path (for the action) and the label to show. */
  recent: readonly { file: string; label: string }[];
  /** The focused window shows a document (Save As, Share, Export need one). */
  hasDocument: boolean;
  dark: boolean;
  /** Development builds get the developer tools; packaged ones do not. */
  developerTools: boolean;
}

const separator: MenuItem = { type: "separator" };

/** File ▸ Export ▸ CSV: one item per table of the workbook (docs/exports.md), in the sheets' order. */
const CSV_MENU: ReadonlyArray<readonly [table: CsvTable, label: string]> = [
  ["scorecard", "Scorecard Scores…"],
  ["measures", "Measures…"],
  ["actuals", "Actuals (measures × periods)…"],
  ["actuals-list", "Actuals (one row per value)…"],
  ["investments", "Investments…"],
  ["impacts", "Impacts…"],
  ["scenarios", "Scenarios…"],
];

export function buildMenuTemplate(state: MenuState, actions: MenuActions): MenuItem[] {
  const mac = state.platform === "darwin";
  const doc = state.hasDocument;
  const command = (label: string, cmd: Command, accelerator?: string, enabled = true): MenuItem => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    enabled,
    click: () => actions.command(cmd),
  });

  // Windows and Linux underline a mnemonic letter (Alt+F); macOS would show the "&".
  const top = (name: string) => (mac ? name : `&${name}`);

  const appMenu: MenuItem = {
    label: APP_NAME,
    submenu: [
      { role: "about", label: `About ${APP_NAME}` },
      separator,
      { role: "services" },
      separator,
      { role: "hide" },
      { role: "hideOthers" },
      { role: "unhide" },
      separator,
      { role: "quit" },
    ],
  };

  const recent: MenuItem[] = state.recent.map(({ file, label }) => ({ label, click: () => actions.openRecent(file) }));
  const file: MenuItem = {
    label: top("File"),
    submenu: [
      command("New from Template…", "new-from-template", "CmdOrCtrl+N"),
      { label: "Open…", accelerator: "CmdOrCtrl+O", click: actions.open },
      {
        label: "Open Recent",
        submenu: [
          ...(recent.length > 0 ? recent : [{ label: "No Recent Documents", enabled: false }]),
          separator,
          { label: "Clear Menu", enabled: recent.length > 0, click: actions.clearRecent },
        ],
      },
      separator,
      { label: "Save As…", accelerator: "CmdOrCtrl+Shift+S", enabled: doc, click: actions.saveAs },
      command("Share…", "share", undefined, doc),
      command("Import Actuals…", "import-actuals", "CmdOrCtrl+I", doc),
      {
        label: "Export",
        enabled: doc,
        submenu: [
          { label: "Document as JSON…", enabled: doc, click: () => actions.exportAs("json") },
          { label: "Workbook (Excel)…", enabled: doc, click: () => actions.exportAs("xlsx") },
          {
            label: "CSV",
            enabled: doc,
            submenu: CSV_MENU.map(([table, label]) => ({
              label,
              enabled: doc,
              click: () => actions.exportAs({ csv: table }),
            })),
          },
          separator,
          command("PDF Report…", "export-pdf", "CmdOrCtrl+P", doc),
        ],
      },
      separator,
      { role: "close", label: "Close", accelerator: "CmdOrCtrl+W" },
      ...(mac ? [] : [separator, { role: "quit", label: "Quit", accelerator: "Ctrl+Q" } satisfies MenuItem]),
    ],
  };

  // Undo/redo go to the page: it undoes text in a field being typed in, else the document edit.
  const edit: MenuItem = {
    label: top("Edit"),
    submenu: [
      command("Undo", "undo", "CmdOrCtrl+Z"),
      command("Redo", "redo", state.platform === "win32" ? "Ctrl+Y" : "CmdOrCtrl+Shift+Z"),
      separator,
      { role: "cut" },
      { role: "copy" },
      { role: "paste" },
      separator,
      { role: "selectAll" },
    ],
  };

  const view: MenuItem = {
    label: top("View"),
    submenu: [
      command("Scorecard", "view-scorecard", "CmdOrCtrl+1", doc),
      command("Strategy Map", "view-strategy-map", "CmdOrCtrl+2", doc),
      command("What-If", "view-what-if", "CmdOrCtrl+3", doc),
      command("Scenarios", "view-scenarios", "CmdOrCtrl+4", doc),
      separator,
      command("Workshop Mode", "toggle-workshop", "F5", doc),
      separator,
      { role: "resetZoom" },
      { role: "zoomIn" },
      { role: "zoomOut" },
      separator,
      {
        label: "Dark Mode",
        type: "checkbox",
        checked: state.dark,
        accelerator: "CmdOrCtrl+Shift+D",
        click: actions.toggleDarkMode,
      },
      { role: "togglefullscreen" },
      ...(state.developerTools ? [separator, { role: "toggleDevTools" } satisfies MenuItem] : []),
    ],
  };

  const help: MenuItem = {
    role: "help",
    label: top("Help"),
    submenu: [
      { label: "Documentation", click: actions.showDocumentation },
      ...(mac ? [] : [separator, { label: `About ${APP_NAME}`, click: actions.showAbout } satisfies MenuItem]),
    ],
  };

  return mac ? [appMenu, file, edit, view, { role: "windowMenu" }, help] : [file, edit, view, help];
}
