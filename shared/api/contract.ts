/**
 * The one API between the renderer and the main process (SPEC §5). The preload exposes exactly
 * this (shared/api/client.ts builds it), main answers it with one handler per method
 * (electron/api/handlers.ts), and every request payload is checked against the schema below in
 * main before anything runs: the renderer is treated as untrusted as any file.
 *
 * The renderer never names a path. Dialogs and the recent list hand it opaque, single-use tokens
 * bound to its window; it passes a token back to say "that file".
 */
import { z } from "zod";
import type { Problem, ScorecardDocument } from "../domain/types.ts";
import type { Step } from "../operations/state.ts";
import { MAX_NEW_PERIODS } from "../templates/instantiate.ts";
import { DEMO_KEY, TEMPLATES } from "../templates/index.ts";
import type { ImportFile } from "../interchange/table.ts";
import type { ApiResult } from "./errors.ts";
import type { Method } from "./methods.ts";

export { channelOf, EVENT_CHANNEL, METHODS, type Method } from "./methods.ts";

/** A path token as main issues it: 32 random bytes, base64url. */
export const Token = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "must be a file token issued by a dialog");

/** A template's key, or the demo scorecard's. */
const TemplateKey = z.enum([DEMO_KEY, ...TEMPLATES.map((t) => t.key)]);
const IsoDate = z.iso.date();
/** File names main suggests in a save dialog: a name, not a path. */
const SuggestedName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^/\\:*?"<>|]+$/, "must be a file name without folders or reserved characters");
const Nothing = z.strictObject({});

export const OPEN_PURPOSES = ["document", "import"] as const;
export const SAVE_PURPOSES = [
  "document",
  "share",
  "export-json",
  "export-csv",
  "export-xlsx",
  "export-pdf",
  "export-svg",
  "export-png",
] as const;
export type SavePurpose = (typeof SAVE_PURPOSES)[number];
/** The tables of the XLSX workbook, each also exportable as CSV (shared/interchange/workbook-tables.ts). */
export const CSV_TABLES = [
  "scorecard",
  "measures",
  "actuals",
  "actuals-list",
  "investments",
  "impacts",
  "scenarios",
] as const;
export type CsvTable = (typeof CSV_TABLES)[number];
export const PAGE_SIZES = ["A4", "Letter"] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
/** Picture exports: SVG as its text, PNG as base64. */
export const IMAGE_FORMATS = ["svg", "png"] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];
/** 48 MB of SVG text or base64: far above a 100-objective map at 2×, far below what strains main. */
export const MAX_IMAGE_CHARS = 48 * 1024 * 1024;
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

/** Request schemas, one per method. Strict objects: an unknown key is a malformed request. */
export const REQUESTS = {
  getDocument: Nothing,
  listRecent: Nothing,
  chooseFileToOpen: z.strictObject({ purpose: z.enum(OPEN_PURPOSES) }),
  chooseFileToSave: z.strictObject({ purpose: z.enum(SAVE_PURPOSES), suggestedName: SuggestedName }),
  openDocument: z.strictObject({ file: Token }),
  createDocument: z.strictObject({
    template: TemplateKey,
    file: Token,
    periods: z.strictObject({ firstStart: IsoDate, count: z.int().min(0).max(MAX_NEW_PERIODS) }).optional(),
  }),
  // The operation's own shape is checked by parseOperationMessage, which names the broken field.
  applyOperation: z.strictObject({ message: z.unknown() }),
  undo: Nothing,
  redo: Nothing,
  saveAs: z.strictObject({ file: Token }),
  shareCopy: z.strictObject({
    file: Token,
    omitActuals: z.boolean(),
    omitNotes: z.boolean(),
    omitScenarios: z.boolean(),
  }),
  exportDocument: z.discriminatedUnion("format", [
    z.strictObject({ file: Token, format: z.literal("json") }),
    z.strictObject({ file: Token, format: z.literal("xlsx") }),
    z.strictObject({ file: Token, format: z.literal("csv"), table: z.enum(CSV_TABLES) }),
  ]),
  // The page lays out the report (print view); main prints that page to PDF and writes it.
  exportPdf: z.strictObject({ file: Token, pageSize: z.enum(PAGE_SIZES) }),
  // A CSV or XLSX file chosen with purpose "import", read and checked in main, returned as plain cells.
  readImportFile: z.strictObject({ file: Token }),
  // The picture is drawn by the page (the strategy map); main checks it is one before writing it.
  exportImage: z.strictObject({
    file: Token,
    format: z.enum(IMAGE_FORMATS),
    data: z.string().max(MAX_IMAGE_CHARS, "is larger than an exported image may be"),
  }),
  closeDocument: Nothing,
  readSettings: Nothing,
  setTheme: z.strictObject({ theme: z.enum(THEMES) }),
  openExternal: z.strictObject({ url: z.string().max(4096) }),
  setFullScreen: z.strictObject({ on: z.boolean() }),
} as const satisfies { [M in Method]: z.ZodType };

export type Request<M extends Method> = z.infer<(typeof REQUESTS)[M]>;

/** The document a window shows. */
export interface DocumentSnapshot {
  /** The file's name, without its folder. */
  fileName: string;
  document: ScorecardDocument;
  /** Findings that did not stop the file from opening. */
  warnings: Problem[];
  history: History;
}

/** What undo and redo would do next, as menu labels ("Edit measure"), or null. */
export interface History {
  undo: string | null;
  redo: string | null;
}

/** One committed edit, undo or redo: the steps main applied, so the renderer can replay them. */
export interface Change {
  label: string;
  steps: Step[];
  history: History;
}

export interface FileChoice {
  token: string;
  fileName: string;
}

export interface RecentEntry extends FileChoice {
  /** The folder, for display only. */
  location: string;
}

/**
 * Where an opened document went: into this window, into a new window (this one already shows a
 * document), or nowhere new because another window has it open and was brought to the front.
 */
export type OpenOutcome = { kind: "here"; snapshot: DocumentSnapshot } | { kind: "new-window" } | { kind: "focused" };

export interface Settings {
  theme: Theme;
}

export interface Responses {
  getDocument: DocumentSnapshot | null;
  listRecent: RecentEntry[];
  /** null: the user cancelled. */
  chooseFileToOpen: FileChoice | null;
  chooseFileToSave: FileChoice | null;
  openDocument: OpenOutcome;
  createDocument: OpenOutcome;
  applyOperation: Change;
  /** null: nothing to undo. */
  undo: Change | null;
  redo: Change | null;
  /** The window now edits the new file. */
  saveAs: DocumentSnapshot;
  /** The copy is written and shown in the file manager. */
  shareCopy: { fileName: string };
  exportDocument: { fileName: string };
  exportPdf: { fileName: string; pages: number };
  readImportFile: ImportFile;
  exportImage: { fileName: string };
  closeDocument: null;
  readSettings: Settings;
  setTheme: Settings;
  /** false: the user declined in the confirmation dialog. */
  openExternal: { opened: boolean };
  /** Workshop mode: the window fills the screen (true) or goes back (false). */
  setFullScreen: { fullScreen: boolean };
}

/** The API as the renderer sees it: one async method per request, never throwing. */
export type ScorecardApi = {
  [M in Method]: (request: Request<M>) => Promise<ApiResult<Responses[M]>>;
} & {
  /** Listens to main's events (menu commands, a document replaced from the menu). Returns the unsubscribe. */
  onEvent(listener: (event: MainEvent) => void): () => void;
};

/** Menu commands the renderer carries out (main handles Open…, Save As… and Export itself). */
export const COMMANDS = [
  "new-from-template",
  "share",
  "export-pdf",
  "import-actuals",
  "undo",
  "redo",
  "view-scorecard",
  "view-strategy-map",
  "view-what-if",
  "view-scenarios",
  "toggle-workshop",
] as const;
export type Command = (typeof COMMANDS)[number];

export type MainEvent =
  | { type: "command"; command: Command }
  /** Main opened or saved a document into this window: fetch it again with getDocument. */
  | { type: "document-replaced" }
  | { type: "settings"; settings: Settings };
