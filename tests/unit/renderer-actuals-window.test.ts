/** The actuals grid's row window: what is rendered, and that spacers keep every line's place. */
import { describe, expect, it } from "vitest";
import { type WindowPart, windowParts } from "../../renderer/src/actuals/row-window.ts";

/** Each line index covered once, in order, by a line or a gap: the scroll height is exact. */
function covered(parts: WindowPart[]): number[] {
  return parts.flatMap((p) => (p.kind === "line" ? [p.index] : Array.from({ length: p.count }, (_, i) => p.from + i)));
}
const lines = (parts: WindowPart[]) => parts.flatMap((p) => (p.kind === "line" ? [p.index] : []));

describe("row window", () => {
  it("renders the lines in view and the overscan, with one gap below", () => {
    const parts = windowParts(250, { top: 0, height: 320 }, 32, 5, 0);
    expect(lines(parts)).toEqual(Array.from({ length: 15 }, (_, i) => i));
    expect(parts.at(-1)).toEqual({ kind: "gap", from: 15, count: 235 });
    expect(covered(parts)).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it("renders a scrolled window between two gaps", () => {
    const parts = windowParts(250, { top: 3200, height: 320 }, 32, 5, undefined);
    expect(lines(parts)).toEqual(Array.from({ length: 20 }, (_, i) => 95 + i));
    expect(parts[0]).toEqual({ kind: "gap", from: 0, count: 95 });
    expect(covered(parts)).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it("keeps the active line rendered wherever it is", () => {
    for (const pinned of [0, 3, 120, 249]) {
      const parts = windowParts(250, { top: 3200, height: 320 }, 32, 5, pinned);
      expect(lines(parts)).toContain(pinned);
      expect(covered(parts)).toEqual(Array.from({ length: 250 }, (_, i) => i));
    }
  });

  it("renders everything when everything fits, and nothing for an empty grid", () => {
    expect(windowParts(10, { top: 0, height: 800 }, 32, 5, 2)).toEqual(
      Array.from({ length: 10 }, (_, index) => ({ kind: "line", index })),
    );
    expect(windowParts(0, { top: 0, height: 800 }, 32, 5, undefined)).toEqual([]);
  });

  it("clamps a viewport scrolled past the end", () => {
    const parts = windowParts(50, { top: 10_000, height: 320 }, 32, 5, undefined);
    expect(covered(parts)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(lines(parts)).toEqual([]);
  });
});
