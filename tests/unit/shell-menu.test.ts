/** The application menu as data: items, roles, accelerators and the actions they call, per platform. */
import { describe, expect, it } from "vitest";
import { CSV_TABLES } from "../../shared/api/contract.ts";
import { APP_NAME } from "../../electron/documents/document-windows.ts";
import type { MenuActions, MenuItem, MenuState, Role } from "../../electron/menu/template.ts";
import { buildMenuTemplate } from "../../electron/menu/template.ts";

type Call = [name: string, ...args: unknown[]];

/** Actions that record every call with its arguments. */
function fakeActions() {
  const calls: Call[] = [];
  const record =
    (name: string) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
    };
  const actions: MenuActions = {
    command: record("command"),
    open: record("open"),
    openRecent: record("openRecent"),
    clearRecent: record("clearRecent"),
    saveAs: record("saveAs"),
    exportAs: record("exportAs"),
    toggleDarkMode: record("toggleDarkMode"),
    showAbout: record("showAbout"),
    showDocumentation: record("showDocumentation"),
  };
  return { actions, calls };
}

const RECENT = [
  { file: "/home/u/a.scorecard", label: "a.scorecard" },
  { file: "/home/u/b.scorecard", label: "b.scorecard" },
];

function menu(overrides: Partial<MenuState> = {}) {
  const { actions, calls } = fakeActions();
  const state: MenuState = {
    platform: "linux",
    recent: RECENT,
    hasDocument: true,
    dark: false,
    developerTools: false,
    ...overrides,
  };
  return { template: buildMenuTemplate(state, actions), calls };
}

function* walk(items: readonly MenuItem[]): Generator<MenuItem> {
  for (const item of items) {
    yield item;
    if (item.submenu) yield* walk(item.submenu);
  }
}

/** The one item labelled `label` anywhere in the template; fails if there is none or several. */
function find(template: readonly MenuItem[], label: string): MenuItem {
  const hits = [...walk(template)].filter((item) => item.label === label);
  if (hits.length !== 1) throw new Error(`expected one item labelled ${label}, found ${hits.length}`);
  return hits[0]!;
}

const withRole = (template: readonly MenuItem[], role: Role) => [...walk(template)].filter((i) => i.role === role);

/** Clicks `item` and returns the action calls it made. */
function click(item: MenuItem, calls: Call[]): Call[] {
  const before = calls.length;
  expect(item.click).toBeTypeOf("function");
  item.click!();
  return calls.slice(before);
}

describe("top level", () => {
  it.each(["linux", "win32"] as const)("is &File, &Edit, &View, &Help on %s", (platform) => {
    expect(menu({ platform }).template.map((m) => m.label)).toEqual(["&File", "&Edit", "&View", "&Help"]);
  });

  it("on macOS starts with the app menu and adds the Window menu, without mnemonics", () => {
    const { template } = menu({ platform: "darwin" });
    expect(template.map((m) => m.label ?? m.role)).toEqual([APP_NAME, "File", "Edit", "View", "windowMenu", "Help"]);
    expect(template[4]).toEqual({ role: "windowMenu" });
    const appRoles = template[0]!.submenu!.filter((i) => i.type !== "separator").map((i) => i.role);
    expect(appRoles).toEqual(["about", "services", "hide", "hideOthers", "unhide", "quit"]);
    for (const item of walk(template)) expect(item.label ?? "").not.toContain("&");
  });
});

describe("File", () => {
  it("New from Template… and Open…", () => {
    const { template, calls } = menu();
    const create = find(template, "New from Template…");
    expect(create.accelerator).toBe("CmdOrCtrl+N");
    expect(click(create, calls)).toEqual([["command", "new-from-template"]]);
    const open = find(template, "Open…");
    expect(open.accelerator).toBe("CmdOrCtrl+O");
    expect(click(open, calls)).toEqual([["open"]]);
  });

  it("Open Recent lists each recent document and opens its file", () => {
    const { template, calls } = menu();
    const items = find(template, "Open Recent").submenu!;
    expect(items.map((i) => i.label ?? i.type)).toEqual(["a.scorecard", "b.scorecard", "separator", "Clear Menu"]);
    expect(click(items[1]!, calls)).toEqual([["openRecent", "/home/u/b.scorecard"]]);
    const clear = find(template, "Clear Menu");
    expect(clear.enabled).toBe(true);
    expect(click(clear, calls)).toEqual([["clearRecent"]]);
  });

  it("Open Recent without recent documents says so, and Clear Menu is disabled", () => {
    const { template } = menu({ recent: [] });
    const items = find(template, "Open Recent").submenu!;
    expect(items[0]).toMatchObject({ label: "No Recent Documents", enabled: false });
    expect(items[0]!.click).toBeUndefined();
    expect(find(template, "Clear Menu").enabled).toBe(false);
  });

  it("Save As…, Share… and Export act on the document", () => {
    const { template, calls } = menu();
    const saveAs = find(template, "Save As…");
    expect(saveAs).toMatchObject({ accelerator: "CmdOrCtrl+Shift+S", enabled: true });
    expect(click(saveAs, calls)).toEqual([["saveAs"]]);
    const share = find(template, "Share…");
    expect(share.enabled).toBe(true);
    expect(click(share, calls)).toEqual([["command", "share"]]);
    const exports = find(template, "Export").submenu!;
    expect(exports.map((i) => i.label ?? i.type)).toEqual([
      "Document as JSON…",
      "Workbook (Excel)…",
      "CSV",
      "separator",
      "PDF Report…",
    ]);
    expect(click(find(template, "Document as JSON…"), calls)).toEqual([["exportAs", "json"]]);
    expect(click(find(template, "Workbook (Excel)…"), calls)).toEqual([["exportAs", "xlsx"]]);
    expect(find(template, "PDF Report…")).toMatchObject({ accelerator: "CmdOrCtrl+P", enabled: true });
    expect(click(find(template, "PDF Report…"), calls)).toEqual([["command", "export-pdf"]]);
  });

  it("Export ▸ CSV has one item per table, each exporting that table", () => {
    const { template, calls } = menu();
    const items = find(template, "CSV").submenu!;
    expect(items.map((i) => i.label)).toEqual([
      "Scorecard Scores…",
      "Measures…",
      "Actuals (measures × periods)…",
      "Actuals (one row per value)…",
      "Investments…",
      "Impacts…",
      "Scenarios…",
    ]);
    expect(items.flatMap((i) => click(i, calls))).toEqual(CSV_TABLES.map((table) => ["exportAs", { csv: table }]));
  });

  it("disables Save As…, Share… and Export without a document", () => {
    const { template } = menu({ hasDocument: false });
    for (const label of ["Save As…", "Share…", "Export"]) expect(find(template, label).enabled, label).toBe(false);
    for (const item of [...walk(find(template, "Export").submenu!)].filter((i) => i.type !== "separator")) {
      expect(item.enabled, item.label).toBe(false);
    }
    // Opening and creating stay available.
    expect(find(template, "Open…").enabled ?? true).toBe(true);
    expect(find(template, "New from Template…").enabled ?? true).toBe(true);
  });

  it("Close is the close role on CmdOrCtrl+W", () => {
    expect(find(menu().template, "Close")).toMatchObject({ role: "close", accelerator: "CmdOrCtrl+W" });
  });

  it.each(["linux", "win32"] as const)("ends with Quit on %s", (platform) => {
    const file = menu({ platform }).template[0]!.submenu!;
    expect(file.at(-1)).toMatchObject({ role: "quit", label: "Quit" });
  });

  it("has no Quit on macOS (the app menu has it), and one quit role on every platform", () => {
    const file = menu({ platform: "darwin" }).template[1]!.submenu!;
    expect(file.some((i) => i.role === "quit")).toBe(false);
    for (const platform of ["linux", "win32", "darwin"] as const) {
      expect(withRole(menu({ platform }).template, "quit"), platform).toHaveLength(1);
    }
  });
});

describe("Edit", () => {
  it("Undo and the clipboard roles", () => {
    const { template, calls } = menu();
    const undo = find(template, "Undo");
    expect(undo.accelerator).toBe("CmdOrCtrl+Z");
    expect(click(undo, calls)).toEqual([["command", "undo"]]);
    const roles = find(template, "&Edit").submenu!.map((i) => i.role);
    for (const role of ["cut", "copy", "paste", "selectAll"] as const) expect(roles).toContain(role);
  });

  it.each([
    ["win32", "Ctrl+Y"],
    ["linux", "CmdOrCtrl+Shift+Z"],
    ["darwin", "CmdOrCtrl+Shift+Z"],
  ] as const)("Redo on %s is %s", (platform, accelerator) => {
    const { template, calls } = menu({ platform });
    const redo = find(template, "Redo");
    expect(redo.accelerator).toBe(accelerator);
    expect(click(redo, calls)).toEqual([["command", "redo"]]);
  });
});

describe("View", () => {
  const VIEWS = [
    ["Scorecard", "CmdOrCtrl+1", "view-scorecard"],
    ["Strategy Map", "CmdOrCtrl+2", "view-strategy-map"],
    ["What-If", "CmdOrCtrl+3", "view-what-if"],
    ["Scenarios", "CmdOrCtrl+4", "view-scenarios"],
    ["Workshop Mode", "F5", "toggle-workshop"],
  ] as const;

  it.each(VIEWS)("%s on %s sends %s, only with a document", (label, accelerator, command) => {
    const { template, calls } = menu();
    const item = find(template, label);
    expect(item).toMatchObject({ accelerator, enabled: true });
    expect(click(item, calls)).toEqual([["command", command]]);
    expect(find(menu({ hasDocument: false }).template, label).enabled).toBe(false);
  });

  it("has the zoom and full-screen roles", () => {
    const roles = find(menu().template, "&View").submenu!.map((i) => i.role);
    for (const role of ["resetZoom", "zoomIn", "zoomOut", "togglefullscreen"] as const) expect(roles).toContain(role);
  });

  it.each([true, false])("Dark Mode is a checkbox checked=%s that toggles the theme", (dark) => {
    const { template, calls } = menu({ dark });
    const item = find(template, "Dark Mode");
    expect(item).toMatchObject({ type: "checkbox", checked: dark });
    expect(click(item, calls)).toEqual([["toggleDarkMode"]]);
  });

  it("offers the developer tools only to development builds", () => {
    for (const platform of ["linux", "win32", "darwin"] as const) {
      expect(withRole(menu({ platform, developerTools: true }).template, "toggleDevTools")).toHaveLength(1);
      expect(withRole(menu({ platform, developerTools: false }).template, "toggleDevTools")).toHaveLength(0);
    }
  });
});

describe("Help", () => {
  it("Documentation and About on Windows and Linux", () => {
    const { template, calls } = menu({ platform: "win32" });
    expect(click(find(template, "Documentation"), calls)).toEqual([["showDocumentation"]]);
    expect(click(find(template, `About ${APP_NAME}`), calls)).toEqual([["showAbout"]]);
  });

  it("on macOS About is the app menu's about role, not a Help item", () => {
    const { template, calls } = menu({ platform: "darwin" });
    const about = find(template, `About ${APP_NAME}`);
    expect(about.role).toBe("about");
    expect(template.at(-1)!.submenu!.map((i) => i.label)).toEqual(["Documentation"]);
    expect(click(find(template, "Documentation"), calls)).toEqual([["showDocumentation"]]);
  });
});

describe("accelerators", () => {
  // Electron's own accelerators for roles without an explicit one (lib/browser/api/menu-item-roles.ts).
  const roleDefault = (role: Role, platform: NodeJS.Platform): string | undefined => {
    const mac = platform === "darwin";
    const defaults: Partial<Record<Role, string | undefined>> = {
      close: "CommandOrControl+W",
      cut: "CommandOrControl+X",
      copy: "CommandOrControl+C",
      paste: "CommandOrControl+V",
      selectAll: "CommandOrControl+A",
      resetZoom: "CommandOrControl+0",
      zoomIn: "CommandOrControl+Plus",
      zoomOut: "CommandOrControl+-",
      hide: "Command+H",
      hideOthers: "Command+Alt+H",
      quit: platform === "win32" ? undefined : "CommandOrControl+Q",
      togglefullscreen: mac ? "Control+Command+F" : "F11",
      toggleDevTools: mac ? "Alt+Command+I" : "Ctrl+Shift+I",
    };
    return defaults[role];
  };

  /** One spelling per key combination: CmdOrCtrl resolved for the platform, modifiers sorted. */
  const canonical = (accelerator: string, platform: NodeJS.Platform) => {
    const parts = accelerator.split("+").map((part) => {
      const p = part.toLowerCase();
      if (p === "cmdorctrl" || p === "commandorcontrol") return platform === "darwin" ? "cmd" : "ctrl";
      if (p === "command") return "cmd";
      if (p === "control") return "ctrl";
      if (p === "option") return "alt";
      return p;
    });
    const key = parts.pop()!;
    return [...parts.sort(), key].join("+");
  };

  it.each(["linux", "win32", "darwin"] as const)("are never used twice on %s", (platform) => {
    for (const developerTools of [true, false]) {
      const { template } = menu({ platform, developerTools });
      const seen = new Map<string, string>();
      for (const item of walk(template)) {
        const accelerator = item.accelerator ?? (item.role && roleDefault(item.role, platform));
        if (!accelerator) continue;
        const key = canonical(accelerator, platform);
        const name = item.label ?? item.role ?? "?";
        expect(seen.get(key), `${accelerator} on ${name}`).toBeUndefined();
        seen.set(key, name);
      }
      // The walk did see the menu's own shortcuts.
      expect(seen.size).toBeGreaterThan(10);
    }
  });
});
