/**
 * Text files from users (CSV, document JSON) as bytes → text. Spreadsheets save "Unicode text" as
 * UTF-16 and plain "CSV" in a legacy code page; both are refused with the way to fix it rather
 * than read as garbled names. One decoder for the CLI's files and main's import reader.
 */

/** Starts with a UTF-16 byte order mark (either byte order). */
export function isUtf16(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The text, or why the bytes are not UTF-8 text. A UTF-8 byte order mark is dropped. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { refused: string } {
  if (isUtf16(bytes)) {
    return { refused: 'the text is UTF-16; save it as UTF-8 (in a spreadsheet: "CSV UTF-8")' };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { refused: 'not UTF-8 text (in a spreadsheet, save as "CSV UTF-8")' };
  }
}
