/**
 * Which of the grid's lines to render: the ones in view plus a margin, and the active line
 * wherever it is (it holds the grid's one tab stop and the focus). Lines in between are stood in
 * for by spacers of the same height, so the scroll range and the positions stay exact. At 200
 * measures this renders about 30 rows instead of 250, which is what keeps typing within a frame.
 */

export type WindowPart = { kind: "line"; index: number } | { kind: "gap"; from: number; count: number };

export interface Viewport {
  /** scrollTop of the body's scroller, in px. */
  top: number;
  /** Visible height, in px. */
  height: number;
}

export function windowParts(
  total: number,
  viewport: Viewport,
  lineHeight: number,
  overscan: number,
  pinned: number | undefined,
): WindowPart[] {
  const first = Math.max(0, Math.floor(viewport.top / lineHeight) - overscan);
  const end = Math.min(total, Math.ceil((viewport.top + viewport.height) / lineHeight) + overscan);
  const shown: number[] = [];
  if (pinned !== undefined && pinned >= 0 && pinned < first) shown.push(pinned);
  for (let i = first; i < end; i++) shown.push(i);
  if (pinned !== undefined && pinned >= end && pinned < total) shown.push(pinned);

  const parts: WindowPart[] = [];
  let next = 0;
  for (const index of shown) {
    if (index > next) parts.push({ kind: "gap", from: next, count: index - next });
    parts.push({ kind: "line", index });
    next = index + 1;
  }
  if (total > next) parts.push({ kind: "gap", from: next, count: total - next });
  return parts;
}
