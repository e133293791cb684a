/**
 * Where the strategy map draws things, in map units (one unit is one CSS pixel at 100 % zoom).
 * Perspectives are horizontal bands stacked in order (order 0 on top); each band has a heading
 * strip and rows of objective cards. A card with a saved position sits there (SPEC §1: "x, y
 * within its band": x from the map's left edge, y from its band's top edge, both to the card's
 * top-left corner); the others fill the band's free slots, left to right and row by row, in the
 * order the auto-layout chose. Pure: the component, the routing and the tests share it.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";

export interface Metrics {
  cardW: number;
  cardH: number;
  /** Horizontal gap between cards of a row, and between the map's edge and the first card. */
  gapX: number;
  /** Vertical gap between rows of cards in one band. */
  rowGap: number;
  /** The band's heading strip, above its first row. */
  bandHead: number;
  /** Space under a band's last row. */
  bandFoot: number;
  /** At most this many cards in a row of auto-laid-out cards. */
  maxCols: number;
}

export const METRICS: Metrics = {
  cardW: 184,
  cardH: 70,
  gapX: 48,
  // Tight enough vertically that 40 objectives fit a 1280 × 800 window with legible names.
  rowGap: 18,
  bandHead: 28,
  bandFoot: 12,
  maxCols: 6,
};

/** Projector mode: bigger cards for bigger type, and more air between rows. */
export const LARGE_METRICS: Metrics = {
  ...METRICS,
  cardW: 216,
  cardH: 86,
  gapX: 52,
  rowGap: 22,
  bandHead: 38,
  bandFoot: 16,
};

/** A saved position further out than this is drawn here: a file cannot make the map endless. */
const MAX_X = 6000;
const MAX_ROWS = 12;

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Band extends Rect {
  id: string;
  name: string;
  color: string;
  /** Index from the top (0 = the first perspective in order). */
  index: number;
}

export interface Card extends Rect {
  id: string;
  bandId: string;
  /** Placed by the user (position in the file) rather than by the auto-layout. */
  placed: boolean;
}

export interface MapLayout {
  width: number;
  height: number;
  metrics: Metrics;
  bands: Band[];
  /** By objective id, in the bands' order (top band first, then its cards left to right). */
  cards: Map<string, Card>;
}

type Doc = Pick<ScorecardDocument, "perspectives" | "objectives">;

/** Columns of the auto grid: every band's cards on one row up to `maxCols`, then evenly wrapped. */
export function columnsFor(maxInBand: number, metrics: Metrics = METRICS): number {
  if (maxInBand <= metrics.maxCols) return Math.max(1, maxInBand);
  return Math.ceil(maxInBand / Math.ceil(maxInBand / metrics.maxCols));
}

/** Perspectives in display order (by order, then by their place in the file). */
export function perspectivesInOrder(doc: Doc): Doc["perspectives"] {
  return doc.perspectives
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.order - b.p.order || a.i - b.i)
    .map((x) => x.p);
}

/**
 * Lays the map out. `rank` is the auto-layout's order of cards within their band (lower first);
 * cards it does not know keep the file's order after the ranked ones.
 */
export function layoutMap(doc: Doc, rank: ReadonlyMap<string, number> | null, metrics: Metrics = METRICS): MapLayout {
  const { cardW, cardH, gapX, rowGap, bandHead, bandFoot } = metrics;
  const perspectives = perspectivesInOrder(doc);
  const byBand = new Map<string, Doc["objectives"]>(perspectives.map((p) => [p.id, []]));
  for (const o of doc.objectives) byBand.get(o.perspectiveId)?.push(o);
  const cols = columnsFor(Math.max(0, ...[...byBand.values()].map((list) => list.length)), metrics);
  const gridWidth = gapX + cols * (cardW + gapX);
  const step = cardW + gapX;
  const rowStep = cardH + rowGap;

  const bands: Band[] = [];
  const cards = new Map<string, Card>();
  let width = Math.max(gridWidth, 2 * gapX + cardW * 2);
  let top = 0;
  perspectives.forEach((p, index) => {
    const list = byBand.get(p.id) ?? [];
    const placed = list.filter((o) => o.position !== null);
    // Every card of the band in the auto-layout's order: placed ones keep their slot (left empty),
    // so placing one card does not shift the others.
    const ordered = list
      .map((o, i) => ({ o, key: rank?.get(o.id) ?? Number.MAX_SAFE_INTEGER, i }))
      .sort((a, b) => a.key - b.key || a.i - b.i)
      .map((x) => x.o);

    // Band-relative rectangles first: the band's height depends on what it holds.
    const local: Array<{ id: string; x: number; y: number; placed: boolean }> = [];
    for (const o of placed) {
      const pos = o.position as { x: number; y: number };
      local.push({
        id: o.id,
        x: clamp(pos.x, 0, MAX_X),
        y: clamp(pos.y, bandHead, bandHead + (MAX_ROWS - 1) * rowStep),
        placed: true,
      });
    }
    const taken = local.slice();
    const overlaps = (x: number, y: number) =>
      taken.some((r) => x < r.x + cardW + gapX / 2 && r.x < x + cardW + gapX / 2 && y < r.y + cardH && r.y < y + cardH);
    const n = ordered.length;
    // Slot i: row by row; the last row is centred, so a band with fewer cards than the widest one
    // does not hug the left. Slots past the band's count (after skips) continue on new rows.
    const slot = (i: number) => {
      const row = Math.floor(i / cols);
      const inRow = Math.max(1, Math.min(cols, n - row * cols));
      const c = i % cols;
      const offset = c < inRow ? gapX + ((cols - inRow) * step) / 2 : gapX;
      return { x: offset + c * step, y: bandHead + row * rowStep, row };
    };
    let next = 0;
    for (const o of ordered) {
      const own = next++;
      if (o.position !== null) continue;
      let s = slot(own);
      // A slot a placed card covers is skipped: this card and the ones after it move on one slot.
      while (overlaps(s.x, s.y) && s.row < MAX_ROWS) s = slot(next++);
      const r = { id: o.id, x: s.x, y: s.y, placed: false };
      local.push(r);
      taken.push(r);
    }
    const bottom = Math.max(bandHead + cardH, ...local.map((r) => r.y + cardH));
    const height = bottom + bandFoot;
    for (const r of local) {
      width = Math.max(width, r.x + cardW + gapX);
    }
    bands.push({ id: p.id, name: p.name, color: p.color, index, x: 0, y: top, w: 0, h: height });
    // Cards of a band in reading order: keyboard focus and screen readers meet them as the eye does.
    local.sort((a, b) => a.y - b.y || a.x - b.x);
    for (const r of local) {
      cards.set(r.id, { id: r.id, bandId: p.id, x: r.x, y: top + r.y, w: cardW, h: cardH, placed: r.placed });
    }
    top += height;
  });
  for (const b of bands) b.w = width;
  return { width, height: Math.max(top, 1), metrics, bands, cards };
}

/**
 * Where a card may go when it is dragged to map point (x, y) (its top-left corner): inside its
 * own band and inside the map. Returns the position to save (x from the map's left, y from the
 * band's top).
 */
export function positionWithinBand(layout: MapLayout, cardId: string, x: number, y: number): { x: number; y: number } {
  const card = layout.cards.get(cardId);
  const band = card && layout.bands.find((b) => b.id === card.bandId);
  if (!card || !band) return { x, y };
  const m = layout.metrics;
  return {
    x: Math.round(clamp(x, 0, layout.width - card.w)),
    y: Math.round(clamp(y - band.y, m.bandHead, band.h - m.bandFoot - card.h)),
  };
}

/** The card under map point (x, y), if any. */
export function cardAt(layout: MapLayout, x: number, y: number): Card | null {
  for (const c of layout.cards.values()) {
    if (x >= c.x && x <= c.x + c.w && y >= c.y && y <= c.y + c.h) return c;
  }
  return null;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), Math.max(lo, hi));
}
