/**
 * Routes the map's cause → effect arrows around the cards: orthogonal paths through the gaps
 * between cards and bands, found by a shortest-path search (length plus a cost per bend) on the
 * grid of lines that run just outside every card's edges. An arrow leaves its cause from the top
 * (or the bottom, when the effect is lower in the same band) and enters its effect from below (or
 * above); arrows sharing a side get their own port along it. Pure: tested on every template.
 */
import type { Rect } from "./geometry.ts";

export interface Point {
  x: number;
  y: number;
}

export interface RouteLink {
  id: string;
  fromId: string;
  toId: string;
}

/** How far outside a card the grid lines run (less than half of any gap between cards). */
const CLEARANCE = 10;
/** A bend costs as much as this many units of length: fewer, longer straight runs read better. */
const BEND_COST = 60;
/** Ports sit on this grid along a card's side. */
const PORT_STEP = 16;
/** Extra lanes in a gap between cards: one per this many units, so arrows need not share a line. */
const LANE_SPACING = 8;
/** Running along a step another arrow already uses costs this many times its length more. */
const SHARED_COST = 1;
/** Running right along a card's edge costs this much more per unit than a lane in the gap. */
const HUG_COST = 0.5;

type Side = "top" | "bottom";

interface End {
  card: Rect;
  side: Side;
  port: Point;
  stub: Point;
}

/** The route of every link whose two cards are known, by link id: port, bends…, port. */
export function routeLinks(cards: ReadonlyMap<string, Rect>, links: readonly RouteLink[]): Map<string, Point[]> {
  const usable = links.filter((l) => l.fromId !== l.toId && cards.has(l.fromId) && cards.has(l.toId));
  const ends = assignPorts(cards, usable);
  const rects = [...cards.values()];
  const xs = new Set<number>();
  const ys = new Set<number>();
  for (const r of rects) {
    xs.add(r.x - CLEARANCE);
    xs.add(r.x + r.w + CLEARANCE);
    ys.add(r.y - CLEARANCE);
    ys.add(r.y + r.h + CLEARANCE);
  }
  // The lines right along the cards' edges: usable, but the lanes in the middle of a gap read better.
  const hugging = { xs: new Set(xs), ys: new Set(ys) };
  for (const [from, to] of ends.values()) {
    for (const e of [from, to]) {
      xs.add(e.stub.x);
      ys.add(e.stub.y);
    }
  }
  const grid = new Grid(
    withLanes(
      xs,
      rects.map((r) => [r.x, r.x + r.w]),
    ),
    withLanes(
      ys,
      rects.map((r) => [r.y, r.y + r.h]),
    ),
    rects,
    hugging,
  );
  const routes = new Map<string, Point[]>();
  // Short arrows first: they have the fewest ways round, the long ones can take the other lanes.
  const span = (l: RouteLink) => {
    const [from, to] = ends.get(l.id) ?? [];
    return from && to ? Math.abs(from.stub.x - to.stub.x) + Math.abs(from.stub.y - to.stub.y) : 0;
  };
  const ordered = [...usable].sort((a, b) => span(a) - span(b) || a.id.localeCompare(b.id));
  for (const l of ordered) {
    const pair = ends.get(l.id);
    if (!pair) continue;
    const [from, to] = pair;
    const middle = grid.path(from.stub, to.stub);
    const points = middle ? [from.port, ...middle, to.port] : [from.port, from.stub, to.stub, to.port];
    routes.set(l.id, simplify(points));
  }
  return routes;
}

/** Which sides the link uses, and where along them: ports sharing a side are spread evenly. */
function assignPorts(cards: ReadonlyMap<string, Rect>, links: readonly RouteLink[]): Map<string, [End, End]> {
  const sides = new Map<string, Array<{ link: string; end: 0 | 1; other: Rect }>>();
  const chosen = new Map<string, [Side, Side]>();
  for (const l of links) {
    const from = cards.get(l.fromId) as Rect;
    const to = cards.get(l.toId) as Rect;
    const pair: [Side, Side] =
      to.y + to.h <= from.y ? ["top", "bottom"] : to.y >= from.y + from.h ? ["bottom", "top"] : ["top", "top"];
    chosen.set(l.id, pair);
    const add = (cardId: string, side: Side, end: 0 | 1, other: Rect) => {
      const key = `${cardId}|${side}`;
      const list = sides.get(key);
      if (list) list.push({ link: l.id, end, other });
      else sides.set(key, [{ link: l.id, end, other }]);
    };
    add(l.fromId, pair[0], 0, to);
    add(l.toId, pair[1], 1, from);
  }
  const ends = new Map<string, [End, End]>();
  for (const [key, list] of sides) {
    const [cardId, side] = key.split("|") as [string, Side];
    const card = cards.get(cardId) as Rect;
    // Left to right by where the other end is, so arrows leaving one side do not cross each other.
    list.sort((a, b) => a.other.x + a.other.w / 2 - (b.other.x + b.other.w / 2) || a.link.localeCompare(b.link));
    list.forEach((entry, i) => {
      // On a 16-unit step from the card's edge: cards of one column then share their port lines,
      // which keeps the routing grid (and the time to search it) small.
      const offset = Math.round((card.w * (i + 1)) / (list.length + 1) / PORT_STEP) * PORT_STEP;
      const x = card.x + Math.min(Math.max(offset, PORT_STEP), card.w - PORT_STEP);
      const y = side === "top" ? card.y : card.y + card.h;
      const stubY = side === "top" ? y - CLEARANCE : y + CLEARANCE;
      const end: End = { card, side, port: { x, y }, stub: { x, y: stubY } };
      const pair = ends.get(entry.link) ?? ([end, end] as [End, End]);
      pair[entry.end] = end;
      ends.set(entry.link, pair);
    });
  }
  return ends;
}

/**
 * The lines sorted, with extra lanes spread evenly through every gap between cards (not across a
 * card's own span, given as [start, end] along the same axis) that is wide enough for them.
 */
function withLanes(lines: Set<number>, spans: ReadonlyArray<readonly [number, number]>): number[] {
  const sorted = [...lines].sort((a, b) => a - b);
  const out: number[] = [];
  sorted.forEach((v, i) => {
    out.push(v);
    const next = sorted[i + 1];
    if (next === undefined) return;
    const mid = (v + next) / 2;
    if (spans.some(([a, b]) => mid > a && mid < b)) return;
    const lanes = Math.floor((next - v) / LANE_SPACING) - 1;
    for (let k = 1; k <= lanes; k++) out.push(Math.round((v + ((next - v) * k) / (lanes + 1)) * 10) / 10);
  });
  return out;
}

/** Drops points that lie on a straight run between their neighbours. */
function simplify(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.x === p.x && last.y === p.y) continue;
    const before = out[out.length - 2];
    if (last && before && ((before.x === last.x && last.x === p.x) || (before.y === last.y && last.y === p.y))) {
      out[out.length - 1] = p;
    } else out.push(p);
  }
  return out;
}

/** Does the axis-aligned segment a–b pass through the inside of `r` (touching its edge is fine)? */
export function segmentCrosses(a: Point, b: Point, r: Rect): boolean {
  const x0 = Math.min(a.x, b.x);
  const x1 = Math.max(a.x, b.x);
  const y0 = Math.min(a.y, b.y);
  const y1 = Math.max(a.y, b.y);
  return x0 < r.x + r.w && x1 > r.x && y0 < r.y + r.h && y1 > r.y;
}

/** The grid of candidate lines, with the steps between neighbours that no card blocks. */
class Grid {
  private readonly nx: number;
  /** Step from (i, j) to (i + 1, j) is free. */
  private readonly freeRight: Uint8Array;
  /** Step from (i, j) to (i, j + 1) is free. */
  private readonly freeDown: Uint8Array;
  /** Lines that run along a card's edge (by index): running along them costs a little more. */
  private readonly hugX: Uint8Array;
  private readonly hugY: Uint8Array;
  /** How many routed arrows use each step (same indexing as the free arrays). */
  private readonly usedRight: Uint16Array;
  private readonly usedDown: Uint16Array;

  constructor(
    private readonly xs: number[],
    private readonly ys: number[],
    rects: readonly Rect[],
    hugging: { xs: ReadonlySet<number>; ys: ReadonlySet<number> },
  ) {
    this.nx = xs.length;
    this.hugX = Uint8Array.from(xs, (x) => (hugging.xs.has(x) ? 1 : 0));
    this.hugY = Uint8Array.from(ys, (y) => (hugging.ys.has(y) ? 1 : 0));
    const n = xs.length * ys.length;
    this.freeRight = new Uint8Array(n);
    this.freeDown = new Uint8Array(n);
    this.usedRight = new Uint16Array(n);
    this.usedDown = new Uint16Array(n);
    // Cards sorted by top: each grid line only checks the cards it can reach.
    const sorted = [...rects].sort((a, b) => a.y - b.y);
    for (let j = 0; j < ys.length; j++) {
      const y = ys[j] as number;
      const rowCards = sorted.filter((r) => y > r.y && y < r.y + r.h);
      for (let i = 0; i + 1 < xs.length; i++) {
        const a = { x: xs[i] as number, y };
        const b = { x: xs[i + 1] as number, y };
        if (!rowCards.some((r) => segmentCrosses(a, b, r))) this.freeRight[j * this.nx + i] = 1;
      }
    }
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      const colCards = sorted.filter((r) => x > r.x && x < r.x + r.w);
      for (let j = 0; j + 1 < ys.length; j++) {
        const a = { x, y: ys[j] as number };
        const b = { x, y: ys[j + 1] as number };
        if (!colCards.some((r) => segmentCrosses(a, b, r))) this.freeDown[j * this.nx + i] = 1;
      }
    }
  }

  /** Shortest path (length + bends) from a to b along free steps; null when there is none. */
  path(a: Point, b: Point): Point[] | null {
    const { xs, ys, nx } = this;
    const ia = xs.indexOf(a.x);
    const ja = ys.indexOf(a.y);
    const ib = xs.indexOf(b.x);
    const jb = ys.indexOf(b.y);
    if (ia < 0 || ja < 0 || ib < 0 || jb < 0) return null;
    const nodes = xs.length * ys.length;
    // State = node * 2 + axis of the step that reached it (0 horizontal, 1 vertical).
    const dist = new Float64Array(nodes * 2).fill(Number.POSITIVE_INFINITY);
    const prev = new Int32Array(nodes * 2).fill(-1);
    const heap = new MinHeap();
    const start = ja * nx + ia;
    const goal = jb * nx + ib;
    // Ports are on the top or bottom of a card: the path starts and ends with a vertical step.
    // A*: the straight-line (Manhattan) distance to the goal never overestimates the cost.
    const gx = xs[ib] as number;
    const gy = ys[jb] as number;
    const h = (node: number) => {
      const i = node % nx;
      return Math.abs((xs[i] as number) - gx) + Math.abs((ys[(node - i) / nx] as number) - gy);
    };
    dist[start * 2 + 1] = 0;
    heap.push(h(start), start * 2 + 1);
    let reached = -1;
    while (heap.size > 0) {
      const [key, state] = heap.pop();
      const node = state >> 1;
      const d = dist[state] as number;
      if (key > d + h(node) + 1e-9) continue;
      const axis = state & 1;
      if (node === goal) {
        reached = state;
        if (axis === 1) break;
        // A horizontal arrival still needs a bend to enter vertically: keep looking a little.
        const bent = d + BEND_COST;
        if (bent < (dist[goal * 2 + 1] as number)) {
          dist[goal * 2 + 1] = bent;
          prev[goal * 2 + 1] = state;
          heap.push(bent, goal * 2 + 1);
        }
        continue;
      }
      const i = node % nx;
      const j = (node - i) / nx;
      const relax = (to: number, toAxis: number, length: number, used: number) => {
        const hug = toAxis === 0 ? (this.hugY[j] as number) : (this.hugX[i] as number);
        const cost = d + length * (1 + SHARED_COST * used + HUG_COST * hug) + (toAxis === axis ? 0 : BEND_COST);
        const s = to * 2 + toAxis;
        if (cost < (dist[s] as number)) {
          dist[s] = cost;
          prev[s] = state;
          heap.push(cost + h(to), s);
        }
      };
      const { usedRight, usedDown } = this;
      if (i + 1 < nx && this.freeRight[node])
        relax(node + 1, 0, (xs[i + 1] as number) - (xs[i] as number), usedRight[node] as number);
      if (i > 0 && this.freeRight[node - 1])
        relax(node - 1, 0, (xs[i] as number) - (xs[i - 1] as number), usedRight[node - 1] as number);
      if (j + 1 < ys.length && this.freeDown[node])
        relax(node + nx, 1, (ys[j + 1] as number) - (ys[j] as number), usedDown[node] as number);
      if (j > 0 && this.freeDown[node - nx])
        relax(node - nx, 1, (ys[j] as number) - (ys[j - 1] as number), usedDown[node - nx] as number);
    }
    if (reached < 0) return null;
    const out: Point[] = [];
    let after = -1;
    for (let s = reached; s >= 0; s = prev[s] as number) {
      const node = s >> 1;
      // Mark the step as used, so the next arrows prefer another lane.
      if (after >= 0 && after !== node) {
        const lo = Math.min(after, node);
        if (Math.abs(after - node) === 1) this.usedRight[lo] = (this.usedRight[lo] as number) + 1;
        else this.usedDown[lo] = (this.usedDown[lo] as number) + 1;
      }
      after = node;
      const i = node % nx;
      const p = { x: xs[i] as number, y: ys[(node - i) / nx] as number };
      const last = out[out.length - 1];
      if (!last || last.x !== p.x || last.y !== p.y) out.push(p);
    }
    return out.reverse();
  }
}

/** A binary heap of (priority, value) pairs. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(key: number, value: number): void {
    const k = this.keys;
    const v = this.values;
    let i = k.length;
    k.push(key);
    v.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((k[parent] as number) <= key) break;
      k[i] = k[parent] as number;
      v[i] = v[parent] as number;
      i = parent;
    }
    k[i] = key;
    v[i] = value;
  }
  pop(): [number, number] {
    const k = this.keys;
    const v = this.values;
    const top: [number, number] = [k[0] as number, v[0] as number];
    const lastKey = k.pop() as number;
    const lastValue = v.pop() as number;
    const n = k.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && (k[r] as number) < (k[l] as number) ? r : l;
        if ((k[c] as number) >= lastKey) break;
        k[i] = k[c] as number;
        v[i] = v[c] as number;
        i = c;
      }
      k[i] = lastKey;
      v[i] = lastValue;
    }
    return top;
  }
}
