/**
 * How an arrow's points become what is drawn: the rounded SVG path of a route, and the straight
 * line drawn while one of its cards is being dragged (routes are found again on drop). Pure.
 */
import type { Card } from "./geometry.ts";
import type { Point } from "./routes.ts";

/** Corner radius of an arrow's bends, in map units. */
const CORNER = 8;

/** An orthogonal path with its corners rounded by up to `r`. */
export function roundedPath(points: readonly Point[], r: number = CORNER): string {
  const first = points[0];
  if (!first) return "";
  let d = `M${first.x} ${first.y}`;
  for (let i = 1; i < points.length; i++) {
    const p = points[i] as Point;
    const next = points[i + 1];
    const prev = points[i - 1] as Point;
    if (!next) {
      d += `L${p.x} ${p.y}`;
      break;
    }
    const inLen = Math.hypot(p.x - prev.x, p.y - prev.y);
    const outLen = Math.hypot(next.x - p.x, next.y - p.y);
    const k = Math.min(r, inLen / 2, outLen / 2);
    const ax = p.x - ((p.x - prev.x) / (inLen || 1)) * k;
    const ay = p.y - ((p.y - prev.y) / (inLen || 1)) * k;
    const bx = p.x + ((next.x - p.x) / (outLen || 1)) * k;
    const by = p.y + ((next.y - p.y) / (outLen || 1)) * k;
    d += `L${round(ax)} ${round(ay)}Q${p.x} ${p.y} ${round(bx)} ${round(by)}`;
  }
  return d;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** A link drawn straight between two cards while one of them is being dragged. */
export function straight(from: Card, to: Card): Point[] {
  const up = to.y + to.h <= from.y;
  return [
    { x: from.x + from.w / 2, y: up ? from.y : from.y + from.h / 2 },
    { x: to.x + to.w / 2, y: up ? to.y + to.h : to.y + to.h / 2 },
  ];
}

/** A card dropped (or being dragged) somewhere, before the file's answer moves it there. */
export interface Dragged {
  id: string;
  x: number;
  y: number;
}

/** `card` where it is drawn: at the drag's point when it is the dragged one. */
export function shownAt(card: Card, dragged: Dragged | null): Card {
  return dragged && card.id === dragged.id ? { ...card, x: dragged.x, y: dragged.y } : card;
}
