/**
 * Names from the file drawn on a canvas (a chart's axis, legend and tooltip, in the what-if and
 * comparison views): on one line and free of direction tricks (shared plainText), and short
 * enough for the room they get, cut between characters, never inside a surrogate pair.
 */
import { plainText } from "../../../shared/domain/readable-path.ts";

/** Names from the file on a canvas: no direction tricks, short enough for an axis or a legend. */
export function chartLabel(name: string, max = 22): string {
  const flat = plainText(name);
  const chars = Array.from(flat);
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : flat;
}

/**
 * An axis label in up to `lines` lines of about `width` characters, broken between words, so that
 * the names of neighbouring groups do not run into each other; what does not fit ends in "…".
 */
export function axisLabel(name: string, width = 14, lines = 2): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of plainText(name).split(" ")) {
    if (line === "" || Array.from(`${line} ${word}`).length <= width) line = line === "" ? word : `${line} ${word}`;
    else {
      out.push(line);
      line = word;
    }
  }
  if (line !== "") out.push(line);
  const kept = out.slice(0, lines).map((l) => chartLabel(l, width));
  if (out.length > lines && kept.length > 0) {
    const last = kept[lines - 1] as string;
    kept[lines - 1] = last.endsWith("…")
      ? last
      : `${Array.from(last)
          .slice(0, width - 1)
          .join("")}…`;
  }
  return kept;
}
