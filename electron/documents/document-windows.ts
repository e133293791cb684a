/**
 * Which window shows which document (SPEC §5): one window per open document; opening a file that
 * is already open brings its window to the front instead of opening it twice (the file is locked
 * by its store anyway). Windows themselves are behind `WindowHost`, so this is plain Node: the
 * Electron adapter implements the host, the tests a fake.
 */
import fs from "node:fs";
import path from "node:path";
import type { DocumentSnapshot, MainEvent, OpenOutcome } from "../../shared/api/contract.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { writeFileAtomically, writeDataAtomically } from "../file/copy.ts";
import { FileWriteFailed } from "../file/errors.ts";
import { ScorecardStore, type StoreOptions } from "../file/store.ts";
import type { ExportFormat } from "../interchange/export-data.ts";
import type { Interchange } from "../interchange/interchange.ts";
import type { ImportFile } from "../../shared/interchange/table.ts";

export const APP_NAME = "Scorecard Studio";

export interface WindowHost {
  /** Opens a new, empty window, reports it through DocumentWindows.added, and returns its id; the page asks for its document once loaded. */
  create(): number;
  focus(windowId: number): void;
  close(windowId: number): void;
  setTitle(windowId: number, title: string): void;
  send(windowId: number, event: MainEvent): void;
  /** Tells the OS (recent-documents lists, the macOS proxy icon) that a file is in use. */
  noteDocument(windowId: number, file: string): void;
}

/** Opens and creates stores with the app's options (version stamp, native binding). */
export interface Stores {
  open(file: string): ScorecardStore;
  /** Writes `doc` to `file` (atomically, replacing what is there) and opens it. */
  create(file: string, doc: ScorecardDocument): ScorecardStore;
}

/** Stores on real files with these options (the app's version stamp, its native binding). */
export function fileStores(opts: StoreOptions): Stores {
  return {
    open: (file) => ScorecardStore.open(file, opts),
    create(file, doc) {
      writeFileAtomically(file, doc, { nativeBinding: opts.nativeBinding });
      return ScorecardStore.open(file, opts);
    },
  };
}

export class NoDocument extends Error {
  constructor() {
    super("This window has no open document.");
    this.name = "NoDocument";
  }
}

/** The window title for a document file: its name without the extension, then the app's. */
export function titleFor(file: string | null): string {
  return file === null ? APP_NAME : `${path.basename(file, path.extname(file))} — ${APP_NAME}`;
}

/** One spelling per file, so that a symlink or `./` cannot open the same file twice. */
export function canonicalPath(file: string, platform: NodeJS.Platform = process.platform): string {
  const resolved = path.resolve(file);
  let real: string;
  try {
    real = fs.realpathSync.native(resolved);
  } catch {
    // Not there yet (a save target): its folder's real path and its name.
    try {
      real = path.join(fs.realpathSync.native(path.dirname(resolved)), path.basename(resolved));
    } catch {
      real = resolved;
    }
  }
  // Windows and macOS file systems ignore case by default.
  return platform === "win32" || platform === "darwin" ? real.toLowerCase() : real;
}

export class DocumentWindows {
  private readonly stores = new Map<number, ScorecardStore>();
  /** Windows that are open, with or without a document (the start screen has none). */
  private readonly windows = new Set<number>();

  constructor(
    private readonly host: WindowHost,
    private readonly factory: Stores,
    private readonly onOpened: (file: string) => void,
    /** Where imports are read and exports built: a worker thread in the app. */
    private readonly interchange: Interchange,
  ) {}

  /** A window the host created (for a document or the start screen). */
  added(windowId: number): void {
    this.windows.add(windowId);
    this.host.setTitle(windowId, titleFor(null));
  }

  /** The window is gone: its document is closed (every edit is on disk already). */
  removed(windowId: number): void {
    this.windows.delete(windowId);
    this.stores.get(windowId)?.close();
    this.stores.delete(windowId);
  }

  has(windowId: number): boolean {
    return this.windows.has(windowId);
  }

  storeOf(windowId: number): ScorecardStore {
    const store = this.stores.get(windowId);
    if (!store) throw new NoDocument();
    return store;
  }

  hasDocument(windowId: number): boolean {
    return this.stores.has(windowId);
  }

  snapshot(windowId: number): DocumentSnapshot | null {
    const store = this.stores.get(windowId);
    if (!store) return null;
    return {
      fileName: path.basename(store.file),
      document: store.document(),
      warnings: [...store.warnings],
      history: { undo: store.undoLabel, redo: store.redoLabel },
    };
  }

  /** The window that has `file` open, if any. */
  windowOf(file: string): number | null {
    const wanted = canonicalPath(file);
    for (const [id, store] of this.stores) if (canonicalPath(store.file) === wanted) return id;
    return null;
  }

  /**
   * Opens `file` for the user. `from` is the window that asked (null: the OS, a menu with no window
   * focused). Throws FileRefused (the file is not opened, no window appears).
   */
  open(file: string, from: number | null): OpenOutcome {
    const existing = this.windowOf(file);
    if (existing !== null) {
      this.host.focus(existing);
      return { kind: "focused" };
    }
    return this.place(this.factory.open(file), from);
  }

  /** A new document written to `file` and opened. A file open in some window is never replaced. */
  create(file: string, doc: ScorecardDocument, from: number | null): OpenOutcome {
    this.refuseOpenTarget(file);
    return this.place(this.factory.create(file, doc), from);
  }

  /** Save As: the window goes on editing the new copy; the old file stays as it was. */
  saveAs(windowId: number, target: string): DocumentSnapshot {
    const store = this.storeOf(windowId);
    this.refuseOpenTarget(target);
    store.writeCopy(target);
    const copy = this.factory.open(target);
    store.close();
    this.attach(windowId, copy);
    return this.snapshot(windowId) as DocumentSnapshot;
  }

  /** Share…: a compact copy, optionally without actuals, notes or scenarios; the window keeps its file. */
  share(windowId: number, target: string, opts: { actuals: boolean; notes: boolean; scenarios: boolean }): void {
    const store = this.storeOf(windowId);
    this.refuseOpenTarget(target);
    store.writeCopy(target, opts);
  }

  /**
   * Export: the document's JSON form (which `new --from` reads back), the XLSX workbook, or one of
   * its tables as CSV (docs/exports.md).
   */
  async exportTo(windowId: number, target: string, format: ExportFormat): Promise<void> {
    const doc = this.storeOf(windowId).document();
    this.refuseOpenTarget(target); // before the work of building a workbook, not only after it
    this.writeExport(target, await this.interchange.exportData(doc, format));
  }

  /** Import Actuals: the chosen file's sheets, for the window's document (docs/import.md). */
  readImport(windowId: number, file: string): Promise<ImportFile> {
    this.storeOf(windowId);
    return this.interchange.readImportFile(file);
  }

  /** Writes an export atomically, never over a file a window is editing. */
  writeExport(target: string, data: string | Uint8Array): void {
    this.refuseOpenTarget(target);
    writeDataAtomically(target, data);
  }

  /** Share copy and exports must not replace a file that a window is editing. */
  private refuseOpenTarget(target: string): void {
    if (this.windowOf(target) !== null) {
      throw new FileWriteFailed(
        `${path.basename(target)} is open in a window; close it there first or choose another name`,
      );
    }
  }

  private place(store: ScorecardStore, from: number | null): OpenOutcome {
    if (from !== null && this.windows.has(from) && !this.stores.has(from)) {
      this.attach(from, store);
      return { kind: "here", snapshot: this.snapshot(from) as DocumentSnapshot };
    }
    // The window asking shows a document already: a new one. From the OS: the first empty window, if any.
    const empty = from === null ? [...this.windows].find((id) => !this.stores.has(id)) : undefined;
    const target = empty ?? this.host.create();
    this.attach(target, store);
    if (empty !== undefined) this.host.send(empty, { type: "document-replaced" });
    return { kind: "new-window" };
  }

  private attach(windowId: number, store: ScorecardStore): void {
    this.stores.set(windowId, store);
    this.host.setTitle(windowId, titleFor(store.file));
    this.host.noteDocument(windowId, store.file);
    this.onOpened(store.file);
  }
}
