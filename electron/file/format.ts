/** Constants of the `.scorecard` format (SPEC §4, docs/file-format.md). */

/** SQLite header field at offset 68: "SCST" in ASCII, so `file(1)` and our checks can tell our files apart. */
export const APPLICATION_ID = 0x53435354;

/** Files above this size are refused before SQLite reads them (SPEC §4 default). */
export const DEFAULT_MAX_FILE_BYTES = 256 * 1024 * 1024;

export const FILE_EXTENSION = ".scorecard";

/** The 16 bytes every SQLite 3 database starts with. */
export const SQLITE_MAGIC = "SQLite format 3\u0000";
