/** Plain-text tables for people: columns padded to their widest cell, two spaces apart. */

export type Align = "left" | "right";

/** One line per row; `align` per column (default left). Trailing spaces are trimmed. */
export function formatTable(rows: ReadonlyArray<readonly string[]>, align: readonly Align[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    for (const [i, cell] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, width(cell));
  }
  return rows.map((row) =>
    row
      .map((cell, i) => {
        const pad = " ".repeat((widths[i] ?? 0) - width(cell));
        return align[i] === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd(),
  );
}

/** Cuts text to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** Width in code points (good enough for names in a terminal; no East Asian wide forms). */
function width(text: string): number {
  return [...text].length;
}
