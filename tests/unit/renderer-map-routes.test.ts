/**
 * The strategy map's geometry and arrow routing: bands in order and stacked, cards inside their
 * band and apart, saved positions honoured and clamped to the band, and every arrow's path
 * orthogonal, from its cause's edge to its effect's edge, never through a card, on every
 * template and on large synthetic maps.
 */
import { describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { DEMO_KEY, newScorecard, TEMPLATES } from "../../shared/templates/index.ts";
import {
  cardAt,
  columnsFor,
  LARGE_METRICS,
  layoutMap,
  type MapLayout,
  METRICS,
  positionWithinBand,
  type Rect,
} from "../../renderer/src/map/geometry.ts";
import { type Point, routeLinks, segmentCrosses } from "../../renderer/src/map/routes.ts";
import { mapDoc } from "../support/map-docs.ts";
import { idSequence } from "../support/docs.ts";

const template = (key: string) =>
  newScorecard(key, { newId: idSequence(), now: "2026-03-01T00:00:00.000Z", appVersion: "test" });

const maps: Array<[string, ScorecardDocument]> = [
  ...TEMPLATES.map((t) => [t.key, template(t.key)] as [string, ScorecardDocument]),
  ["demo", template(DEMO_KEY)],
  ["40 objectives", mapDoc(40)],
  ["100 objectives", mapDoc(100, 3)],
];

function checkLayout(doc: ScorecardDocument, layout: MapLayout) {
  // Bands in perspective order, stacked without gaps or overlaps.
  const order = [...doc.perspectives].sort((a, b) => a.order - b.order).map((p) => p.id);
  expect(layout.bands.map((b) => b.id)).toEqual(order);
  let y = 0;
  for (const b of layout.bands) {
    expect(b.y).toBe(y);
    expect(b.w).toBe(layout.width);
    y += b.h;
  }
  expect(layout.height).toBe(Math.max(y, 1));
  // Every objective has a card inside its own band and inside the map; no two cards overlap.
  expect(layout.cards.size).toBe(doc.objectives.length);
  const cards = [...layout.cards.values()];
  for (const o of doc.objectives) {
    const c = layout.cards.get(o.id);
    const band = layout.bands.find((b) => b.id === o.perspectiveId);
    if (!c || !band) throw new Error(`no card or band for ${o.name}`);
    expect(c.y).toBeGreaterThanOrEqual(band.y + layout.metrics.bandHead);
    expect(c.y + c.h).toBeLessThanOrEqual(band.y + band.h);
    expect(c.x).toBeGreaterThanOrEqual(0);
    expect(c.x + c.w).toBeLessThanOrEqual(layout.width);
  }
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) expect(overlap(cards[i] as Rect, cards[j] as Rect)).toBe(false);
  }
}

function checkRoutes(doc: ScorecardDocument, layout: MapLayout, routes: Map<string, Point[]>) {
  const cards = [...layout.cards.values()];
  expect(routes.size).toBe(doc.links.length);
  for (const l of doc.links) {
    const points = routes.get(l.id);
    const from = layout.cards.get(l.fromId) as Rect;
    const to = layout.cards.get(l.toId) as Rect;
    if (!points) throw new Error(`no route for link ${l.id}`);
    expect(points.length).toBeGreaterThanOrEqual(2);
    // Starts on the cause's top or bottom edge, ends on the effect's.
    expect(onHorizontalEdge(points[0] as Point, from)).toBe(true);
    expect(onHorizontalEdge(points.at(-1) as Point, to)).toBe(true);
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i] as Point;
      const b = points[i + 1] as Point;
      // Orthogonal: every segment horizontal or vertical.
      expect(a.x === b.x || a.y === b.y, `segment ${i} of ${l.id} is diagonal`).toBe(true);
      for (const c of cards) {
        expect(segmentCrosses(a, b, c), `link ${l.id} segment ${i} passes through card ${c.id}`).toBe(false);
      }
    }
  }
}

describe("strategy map layout and routing", () => {
  for (const [name, doc] of maps) {
    it(`${name}: bands in order, cards in their band, arrows around the cards`, () => {
      const layout = layoutMap(doc, null);
      checkLayout(doc, layout);
      checkRoutes(doc, layout, routeLinks(layout.cards, doc.links));
    });
  }

  it("honours saved positions, clamped into the band, and routes around them", () => {
    const doc = mapDoc(40);
    const first = doc.perspectives[1]?.id;
    const inBand = doc.objectives.filter((o) => o.perspectiveId === first);
    // One card dragged far right, one with a y below its band's heading, one absurdly far away.
    const [a, b, c] = inBand as [
      ScorecardDocument["objectives"][number],
      ScorecardDocument["objectives"][number],
      ScorecardDocument["objectives"][number],
    ];
    a.position = { x: 1400, y: 40 };
    b.position = { x: 30, y: 0 };
    c.position = { x: 1e12, y: -1e12 };
    const layout = layoutMap(doc, null);
    const band = layout.bands.find((x) => x.id === first) as MapLayout["bands"][number];
    expect(layout.cards.get(a.id)).toMatchObject({ x: 1400, y: band.y + 40, placed: true });
    // y within the band: never over the band's heading.
    expect(layout.cards.get(b.id)).toMatchObject({ x: 30, y: band.y + METRICS.bandHead });
    expect(layout.width).toBeGreaterThanOrEqual(1400 + METRICS.cardW);
    checkLayout(doc, layout);
    checkRoutes(doc, layout, routeLinks(layout.cards, doc.links));
  });

  it("placing a card leaves the others where they were", () => {
    const doc = mapDoc(16);
    const before = layoutMap(doc, null);
    const moved = doc.objectives[5] as ScorecardDocument["objectives"][number];
    const band = before.bands.find((b) => b.id === moved.perspectiveId) as MapLayout["bands"][number];
    // Far right of the band, clear of every slot.
    moved.position = { x: before.width + 200, y: METRICS.bandHead };
    const after = layoutMap(doc, null);
    for (const o of doc.objectives) {
      if (o.id === moved.id) continue;
      expect(after.cards.get(o.id), o.name).toMatchObject({
        x: before.cards.get(o.id)?.x,
        y: before.cards.get(o.id)?.y,
      });
    }
    expect(after.cards.get(moved.id)).toMatchObject({ x: before.width + 200, y: band.y + METRICS.bandHead });
  });

  it("a dragged card stays inside its own band and the map", () => {
    const doc = mapDoc(12);
    const layout = layoutMap(doc, null);
    const card = [...layout.cards.values()][5] as MapLayout["cards"] extends Map<string, infer C> ? C : never;
    const band = layout.bands.find((b) => b.id === card.bandId) as MapLayout["bands"][number];
    // Far above the map: clamped to the band's first row; far below: to its last.
    expect(positionWithinBand(layout, card.id, -500, -5000)).toEqual({ x: 0, y: METRICS.bandHead });
    const low = positionWithinBand(layout, card.id, 1e6, 1e6);
    expect(low).toEqual({ x: layout.width - card.w, y: band.h - METRICS.bandFoot - card.h });
    // Inside: kept (rounded), as band-relative y.
    expect(positionWithinBand(layout, card.id, 100.4, band.y + METRICS.bandHead)).toEqual({
      x: 100,
      y: METRICS.bandHead,
    });
  });

  it("orders auto-laid-out cards by the given rank, and finds the card under a point", () => {
    const doc = mapDoc(8);
    const band = doc.perspectives[0]?.id;
    const ids = doc.objectives.filter((o) => o.perspectiveId === band).map((o) => o.id);
    const reversed = new Map(ids.map((id, i) => [id, ids.length - i]));
    const layout = layoutMap(doc, reversed);
    const xs = ids.map((id) => layout.cards.get(id)?.x ?? Number.NaN);
    expect([...xs].sort((p, q) => q - p)).toEqual(xs);
    const c = layout.cards.get(ids[0] as string) as Rect;
    expect(cardAt(layout, c.x + 5, c.y + 5)?.id).toBe(ids[0]);
    expect(cardAt(layout, c.x - 5, c.y - 5)).toBeNull();
  });

  it("wraps wide bands into even rows and keeps large metrics apart", () => {
    expect(columnsFor(3)).toBe(3);
    expect(columnsFor(6)).toBe(6);
    expect(columnsFor(10)).toBe(5);
    expect(columnsFor(25)).toBe(5);
    const layout = layoutMap(mapDoc(40), null, LARGE_METRICS);
    expect([...layout.cards.values()][0]?.w).toBe(LARGE_METRICS.cardW);
    checkLayout(mapDoc(40), layout);
  });
});

function overlap(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function onHorizontalEdge(p: Point, r: Rect): boolean {
  return (p.y === r.y || p.y === r.y + r.h) && p.x > r.x && p.x < r.x + r.w;
}
