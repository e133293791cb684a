/**
 * The API's method names and IPC channels, apart from the schemas in contract.ts so that the
 * preload bundle stays small: it forwards calls and validates nothing (main does).
 */
export const METHODS = [
  "getDocument",
  "listRecent",
  "chooseFileToOpen",
  "chooseFileToSave",
  "openDocument",
  "createDocument",
  "applyOperation",
  "undo",
  "redo",
  "saveAs",
  "shareCopy",
  "exportDocument",
  "exportPdf",
  "readImportFile",
  "exportImage",
  "closeDocument",
  "readSettings",
  "setTheme",
  "openExternal",
  "setFullScreen",
] as const;

export type Method = (typeof METHODS)[number];

/** The IPC channel of a method, and the one channel main sends events on. */
export const channelOf = (method: Method): string => `scorecard:${method}`;
export const EVENT_CHANNEL = "scorecard:event";
