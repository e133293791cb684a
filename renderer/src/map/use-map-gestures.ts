/**
 * What the pointer and the keys do on the map: drag a card (one edit on drop), drag from a card's
 * handle to another card (a new link, checked by the shared rules first), drag the background
 * (pan), click (select), arrow keys on a card (move it), Escape or a cancelled pointer (undo the
 * gesture in progress).
 *
 * While a gesture lasts, its frames are drawn by writing the few attributes that move straight
 * into the SVG, at most once per animation frame: re-rendering a map of 100 cards on every
 * pointermove would not fit in a frame. React state (`dragged`, `rubber`, the viewport) takes
 * over on release.
 */
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { Link, ScorecardDocument } from "../../../shared/domain/types.ts";
import { newLink } from "../editor/defaults.ts";
import { create, update } from "../editor/ops.ts";
import { useStoreApi } from "../state/context.tsx";
import { type Card, cardAt, type MapLayout, positionWithinBand } from "./geometry.ts";
import { type Dragged, roundedPath, straight } from "./link-paths.ts";
import type { Point } from "./routes.ts";
import { transformOf } from "./use-viewport.ts";
import type { Viewport } from "./viewport.ts";

type Gesture =
  | { kind: "card"; id: string; pointer: Point; origin: Point; at: Point; moved: boolean }
  | { kind: "link"; fromId: string; target: string | null }
  | { kind: "pan"; client: Point; start: Viewport; view: Viewport; moved: boolean };

/** Arrow keys move a focused card this far (Shift: four times). */
const KEY_STEP = 10;
/** A press moving less than this (screen pixels) is a click, not a drag. */
const DRAG_THRESHOLD = 4;

export interface GestureInput {
  doc: ScorecardDocument;
  layout: MapLayout;
  routes: ReadonlyMap<string, Point[]>;
  readOnly: boolean;
  viewport: Viewport;
  setViewport: (v: Viewport) => void;
  /** Cleared when the user pans: the map then stops following the window's size. */
  fitted: RefObject<boolean>;
  svgRef: RefObject<SVGSVGElement | null>;
  /** The group carrying the viewport's transform, written straight during a pan. */
  viewportRef: RefObject<SVGGElement | null>;
  setMessage: (message: string | null) => void;
}

export interface MapGestures {
  /** A card dropped and not yet moved there by the file's answer. */
  dragged: Dragged | null;
  /** The link being dragged: from a card to a map point. */
  rubber: { fromId: string; to: Point } | null;
  onPointerDown: (e: React.PointerEvent<SVGSVGElement>) => void;
  onPointerMove: (e: React.PointerEvent<SVGSVGElement>) => void;
  onPointerUp: (e: React.PointerEvent<SVGSVGElement>) => void;
  /** The pointer was taken away (touch turned into a scroll, window switch): as Escape, nothing is saved. */
  onPointerCancel: () => void;
  /** Stable (for the memoized cards and links): they call the latest closures. */
  onCardKey: (e: React.KeyboardEvent, id: string) => void;
  onSelect: (kind: "link", id: string) => void;
}

export function useMapGestures(input: GestureInput): MapGestures {
  const { doc, layout, routes, readOnly, viewport, setViewport, fitted, svgRef, viewportRef, setMessage } = input;
  const store = useStoreApi();
  // The gesture in a ref, what is drawn in state (set on release).
  const gesture = useRef<Gesture | null>(null);
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [rubber, setRubber] = useState<{ fromId: string; to: Point } | null>(null);
  const frame = useRef(0);
  const latest = useRef<(() => void) | null>(null);
  // At most one drawing per animation frame: the first move of a frame is drawn at once (Chromium
  // delivers pointer moves aligned to frames, so it is painted in the next one), any more moves
  // in the same frame are folded into one drawing just before the frame is painted.
  const schedule = (draw: () => void) => {
    if (frame.current) {
      latest.current = draw;
      return;
    }
    draw();
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const pending = latest.current;
      latest.current = null;
      pending?.();
    });
  };
  const stopDrawing = () => {
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    latest.current = null;
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  // A dropped card stays where it was dropped until the file's answer replaces the document.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared on every new document.
  useEffect(() => setDragged(null), [doc]);

  const toMap = (clientX: number, clientY: number): Point => {
    const box = svgRef.current?.getBoundingClientRect();
    return {
      x: (clientX - (box?.left ?? 0) - viewport.x) / viewport.k,
      y: (clientY - (box?.top ?? 0) - viewport.y) / viewport.k,
    };
  };

  const elementOf = (attribute: string, id: string) =>
    svgRef.current?.querySelector(`[${attribute}="${CSS.escape(id)}"]`) ?? null;

  const select = (kind: "objective" | "link", id: string) => store.getState().select({ kind, id });

  /**
   * Puts card `id` and its arrows back where React drew them (at `at`, routed): after Escape, or
   * after a drop the file does not take (no change, refused), when React sees nothing to redraw.
   */
  const restoreCard = (id: string, at: Point) => {
    const el = elementOf("data-card-id", id);
    el?.setAttribute("transform", `translate(${at.x} ${at.y})`);
    el?.classList.remove("dragging");
    for (const l of doc.links) {
      const route = routes.get(l.id);
      if ((l.fromId === id || l.toId === id) && route) drawLink(l, route);
    }
  };

  // Arrow keys step from the last position asked for while edits are on their way: the rendered
  // layout only moves when main answers, so with key repeat every press would ask for one place.
  const requested = useRef<{ id: string; at: Point } | null>(null);
  const pending = useRef(0);

  /** Saves card `card` at map point (x, y) (clamped to its band); false when nothing is saved. */
  const place = async (card: Card, x: number, y: number): Promise<boolean> => {
    const position = positionWithinBand(layout, card.id, x, y);
    // The store's document, not the rendered one: an earlier move may have been answered already.
    const before = store.getState().doc?.objectives.find((o) => o.id === card.id)?.position;
    if (before && before.x === position.x && before.y === position.y) {
      restoreCard(card.id, card);
      setDragged(null);
      return false;
    }
    pending.current++;
    const result = await store
      .getState()
      .edit(update("objective", card.id, { position }))
      .finally(() => {
        pending.current--;
      });
    if (!result.ok) {
      restoreCard(card.id, card);
      setDragged(null);
    }
    return result.ok;
  };

  const addLink = async (fromId: string, toId: string) => {
    if (fromId === toId) return;
    const id = crypto.randomUUID();
    const op = create("link", newLink(fromId, toId, 0.5, "", id));
    const problem = store.getState().check(op)[0];
    if (problem) {
      setMessage(`Link not added: ${problem.message}.`);
      return;
    }
    const result = await store.getState().edit(op);
    if (result.ok) {
      setMessage(null);
      select("link", id);
    } else setMessage(`Link not added: ${result.message}`);
  };

  /** Where a card dragged to (x, y) is drawn: inside its band, as a map point. */
  const dropPoint = (id: string, x: number, y: number): Point => {
    const card = layout.cards.get(id);
    const band = card && layout.bands.find((b) => b.id === card.bandId);
    const position = positionWithinBand(layout, id, x, y);
    return { x: position.x, y: (band?.y ?? 0) + position.y };
  };

  /** Writes the `d` of link `l`'s paths (its line and its hit area). */
  const drawLink = (l: Link, points: readonly Point[]) => {
    const d = roundedPath(points);
    for (const path of elementOf("data-link-id", l.id)?.querySelectorAll("path") ?? []) path.setAttribute("d", d);
  };

  /** One frame of a card drag: the card where the pointer is, its arrows drawn straight to it. */
  const drawCard = (id: string, at: Point) => {
    const el = elementOf("data-card-id", id);
    el?.setAttribute("transform", `translate(${at.x} ${at.y})`);
    el?.classList.add("dragging");
    for (const l of doc.links) {
      if (l.fromId !== id && l.toId !== id) continue;
      const from = layout.cards.get(l.fromId);
      const to = layout.cards.get(l.toId);
      if (!from || !to) continue;
      drawLink(l, straight(from.id === id ? { ...from, ...at } : from, to.id === id ? { ...to, ...at } : to));
    }
  };

  /** One frame of a link drag: the rubber band to the pointer, the card under it outlined. */
  const drawRubber = (g: Extract<Gesture, { kind: "link" }>, p: Point) => {
    const line = svgRef.current?.querySelector(".map-rubber");
    line?.setAttribute("x2", String(p.x));
    line?.setAttribute("y2", String(p.y));
    const over = cardAt(layout, p.x, p.y)?.id ?? null;
    const target = over === g.fromId ? null : over;
    if (target === g.target) return;
    if (g.target) elementOf("data-card-id", g.target)?.classList.remove("link-target");
    if (target) elementOf("data-card-id", target)?.classList.add("link-target");
    g.target = target;
  };

  const onPointerDown = (e: React.PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const target = e.target as Element;
    const handle = target.closest("[data-handle-for]");
    const cardEl = target.closest("[data-card-id]");
    const p = toMap(e.clientX, e.clientY);
    if (handle && !readOnly) {
      const fromId = handle.getAttribute("data-handle-for") as string;
      gesture.current = { kind: "link", fromId, target: null };
      setRubber({ fromId, to: p });
    } else if (cardEl) {
      const id = cardEl.getAttribute("data-card-id") as string;
      const card = layout.cards.get(id);
      if (!card) return;
      const origin = { x: card.x, y: card.y };
      gesture.current = { kind: "card", id, pointer: p, origin, at: origin, moved: false };
    } else if (!target.closest("[data-link-id]")) {
      const start = viewport;
      gesture.current = { kind: "pan", client: { x: e.clientX, y: e.clientY }, start, view: start, moved: false };
    } else return;
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: React.PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    if (!g) return;
    if (g.kind === "pan") {
      const dx = e.clientX - g.client.x;
      const dy = e.clientY - g.client.y;
      if (!g.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      g.moved = true;
      fitted.current = false;
      g.view = { ...g.start, x: g.start.x + dx, y: g.start.y + dy };
      schedule(() => viewportRef.current?.setAttribute("transform", transformOf(g.view)));
      return;
    }
    const p = toMap(e.clientX, e.clientY);
    if (g.kind === "link") {
      schedule(() => drawRubber(g, p));
      return;
    }
    if (readOnly) return;
    const dx = p.x - g.pointer.x;
    const dy = p.y - g.pointer.y;
    if (!g.moved && Math.hypot(dx, dy) * viewport.k < DRAG_THRESHOLD) return;
    g.moved = true;
    g.at = dropPoint(g.id, g.origin.x + dx, g.origin.y + dy);
    schedule(() => drawCard(g.id, g.at));
  };

  const onPointerUp = (e: React.PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    gesture.current = null;
    stopDrawing();
    if (!g) return;
    if (g.kind === "pan") {
      if (g.moved) setViewport(g.view);
      else if (store.getState().selection !== null) store.getState().select(null);
      return;
    }
    const p = toMap(e.clientX, e.clientY);
    if (g.kind === "link") {
      if (g.target) elementOf("data-card-id", g.target)?.classList.remove("link-target");
      setRubber(null);
      const to = cardAt(layout, p.x, p.y);
      if (to && to.id !== g.fromId) void addLink(g.fromId, to.id);
      return;
    }
    const card = layout.cards.get(g.id);
    if (!g.moved || !card || readOnly) {
      select("objective", g.id);
      return;
    }
    const x = g.origin.x + p.x - g.pointer.x;
    const y = g.origin.y + p.y - g.pointer.y;
    const at = dropPoint(g.id, x, y);
    // Drawn at the drop point now; React's render below then agrees with what is on screen.
    drawCard(g.id, at);
    setDragged({ id: g.id, ...at });
    select("objective", g.id);
    void place(card, x, y);
  };

  const cardKey = (e: React.KeyboardEvent, id: string) => {
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      select("objective", id);
      return;
    }
    const delta = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[e.key];
    const card = layout.cards.get(id);
    if (!delta || !card || readOnly || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    const step = e.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    const last = requested.current;
    const from = last && last.id === id && pending.current > 0 ? last.at : { x: card.x, y: card.y };
    const at = dropPoint(id, from.x + (delta[0] as number) * step, from.y + (delta[1] as number) * step);
    if (at.x === from.x && at.y === from.y) return;
    requested.current = { id, at };
    void place(card, at.x, at.y).then((saved) => {
      if (!saved && requested.current?.at === at) requested.current = null;
    });
  };

  /** Escape during a gesture: everything goes back to where it was, nothing is saved. */
  const cancelGesture = () => {
    const g = gesture.current;
    if (!g) return false;
    gesture.current = null;
    stopDrawing();
    if (g.kind === "card" && g.moved) restoreCard(g.id, g.origin);
    else if (g.kind === "link") {
      if (g.target) elementOf("data-card-id", g.target)?.classList.remove("link-target");
      setRubber(null);
    } else if (g.kind === "pan") {
      viewportRef.current?.setAttribute("transform", transformOf(viewport));
    }
    return true;
  };

  // Stable handlers for the memoized cards and links, and one Escape listener: they call the
  // latest closures.
  const handlers = useRef({ cardKey, select, cancelGesture });
  handlers.current = { cardKey, select, cancelGesture };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && handlers.current.cancelGesture()) e.preventDefault();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
  const onCardKey = useCallback((e: React.KeyboardEvent, id: string) => handlers.current.cardKey(e, id), []);
  const onSelect = useCallback((kind: "link", id: string) => handlers.current.select(kind, id), []);

  // A cancelled pointer never dropped anything: the gesture is undone as by Escape.
  const onPointerCancel = () => void cancelGesture();

  return { dragged, rubber, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onCardKey, onSelect };
}
