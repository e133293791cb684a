/**
 * Fits a name on a card: wrapped on word boundaries into at most `maxLines` lines of `maxWidth`,
 * the last line cut with "…" when the name is longer. The measure is injected (a canvas in the
 * page, a fixed width per character in the tests), so this stays pure.
 */
export type Measure = (text: string) => number;

/** The map's type: the same family for drawing, measuring names (canvas) and the exported picture. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function fitLines(text: string, maxWidth: number, maxLines: number, measure: Measure): string[] {
  const words = text.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let line = "";
  let i = 0;
  while (i < words.length && lines.length < maxLines) {
    const word = words[i] as string;
    const candidate = line === "" ? word : `${line} ${word}`;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      i++;
    } else if (line === "") {
      // One word wider than the card: cut it here, the rest goes on the next line.
      const cut = longestFit(word, maxWidth, measure);
      lines.push(word.slice(0, cut));
      words[i] = word.slice(cut);
    } else {
      lines.push(line);
      line = "";
    }
  }
  if (line !== "" && lines.length < maxLines) lines.push(line);
  if (i < words.length || words.length === 0) {
    if (lines.length === 0) return words.length === 0 ? [""] : [ellipsize(words.join(" "), maxWidth, measure)];
    const last = lines.length - 1;
    lines[last] = ellipsize(`${lines[last]} ${words.slice(i).join(" ")}`, maxWidth, measure);
  }
  return lines;
}

/**
 * `text` cut to fit `maxWidth` with a trailing "…" (unchanged when it fits), at a word boundary
 * when one fits: what is shown is then words of the name, as its accessible name says them.
 */
export function ellipsize(text: string, maxWidth: number, measure: Measure): string {
  if (measure(text) <= maxWidth) return text;
  const cut = longestFit(text, maxWidth, measure, "…");
  const space = text.lastIndexOf(" ", cut);
  const end = space > 0 && text[cut] !== " " ? space : cut;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** How many leading characters of `text` (plus `suffix`) fit, at least one. */
function longestFit(text: string, maxWidth: number, measure: Measure, suffix = ""): number {
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(text.slice(0, mid) + suffix) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const canvasCache = new Map<string, Measure>();

/** A measure with the page's fonts, per CSS font string; falls back to an estimate without canvas. */
export function canvasMeasure(font: string, sizePx: number): Measure {
  let m = canvasCache.get(font);
  if (!m) {
    const ctx = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
    if (ctx) {
      ctx.font = font;
      const widths = new Map<string, number>();
      m = (text) => {
        let w = widths.get(text);
        if (w === undefined) {
          w = ctx.measureText(text).width;
          if (widths.size > 5000) widths.clear();
          widths.set(text, w);
        }
        return w;
      };
    } else m = (text) => text.length * sizePx * 0.56;
    canvasCache.set(font, m);
  }
  return m;
}
