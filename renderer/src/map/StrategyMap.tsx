/**
 * The strategy map (SPEC §5): perspectives as bands, objectives as cards coloured by status with
 * their score, cause → effect arrows routed around the cards. Drag a card to place it (one edit
 * on drop, undoable), drag from a card's handle to another card to add a link (the shared rules
 * refuse downward links and cycles, with their message), click to select, zoom, pan and fit.
 * With a `projection` it shows each card's projected score and delta, read-only.
 */
import "./map.css";
import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { formatPercent, formatTrend, trendDirection } from "../../../shared/display/numbers.ts";
import { plainText } from "../../../shared/domain/readable-path.ts";
import { STATUS_TEXT, type Status } from "../../../shared/scoring/status.ts";
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";
import { StatusIcon } from "../components/StatusBadge.tsx";
import { create, update } from "../editor/ops.ts";
import { newLink } from "../editor/defaults.ts";
import { useApi, useDocumentStore, useStoreApi } from "../state/context.tsx";
import { scoresOf, viewFor } from "../state/scores.ts";
import { autoRank, layoutKey } from "./elk-layout.ts";
import { pngOf, standaloneSvg } from "./export-image.ts";
import {
  type Card,
  cardAt,
  LARGE_METRICS,
  layoutMap,
  type MapLayout,
  METRICS,
  type Metrics,
  positionWithinBand,
} from "./geometry.ts";
import { type Point, routeLinks } from "./routes.ts";
import { canvasMeasure, fitLines } from "./text-fit.ts";
import { clampZoom, fitViewport, type Viewport, zoomAt } from "./viewport.ts";

export interface StrategyMapProps {
  /**
   * Projection mode (what-if, workshop): each card shows its projected score and its delta from
   * this scenario result; the map is then read-only apart from zoom, pan and fit.
   */
  projection?: ScenarioResult | null;
  /** Larger type and thicker strokes for a projector (workshop mode). */
  large?: boolean;
}

/** What a card shows besides its name. */
interface CardFacts {
  score: number | null;
  status: Status;
  projected?: { score: number | null; delta: number | null; status: Status };
}

/**
 * A pointer gesture in progress. While it lasts, the frames are drawn by writing the few
 * attributes that move straight into the SVG (once per animation frame): re-rendering a map of
 * 100 cards on every pointermove would not fit in a frame. React state takes over on release.
 */
type Gesture =
  | { kind: "card"; id: string; pointer: Point; origin: Point; at: Point; moved: boolean }
  | { kind: "link"; fromId: string; target: string | null }
  | { kind: "pan"; client: Point; start: Viewport; view: Viewport; moved: boolean };

const KEY_STEP = 10;
/** The map's type: the same family for drawing and for measuring names (canvas). */
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const DRAG_THRESHOLD = 4;

export function StrategyMap({ projection = null, large = false }: StrategyMapProps) {
  const doc = useDocumentStore((s) => s.doc);
  if (!doc) return null;
  return <MapCanvas doc={doc} projection={projection} large={large} />;
}

function MapCanvas({
  doc,
  projection,
  large,
}: {
  doc: ScorecardDocument;
  projection: ScenarioResult | null;
  large: boolean;
}) {
  const store = useStoreApi();
  const api = useApi();
  const periodId = useDocumentStore((s) => s.periodId);
  const selection = useDocumentStore((s) => s.selection);
  const readOnly = projection !== null;
  const metrics = large ? LARGE_METRICS : METRICS;

  // ELK's order of the cards, per layout key; until it answers, the file's order.
  const key = layoutKey(doc);
  const [ranked, setRanked] = useState<{ key: string; rank: Map<string, number> } | null>(null);
  const needsAuto = doc.objectives.some((o) => o.position === null);
  useEffect(() => {
    if (!needsAuto) return;
    let live = true;
    autoRank(doc)
      .then((rank) => {
        if (live) setRanked({ key, rank });
      })
      .catch((error: unknown) => {
        // The file's order is a fine layout too; say why the better one is missing.
        if (live) setMessage(`Automatic layout failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => {
      live = false;
    };
  }, [doc, key, needsAuto]);
  const rank = ranked?.key === key ? ranked.rank : (ranked?.rank ?? null);

  const layout = useMemo(() => layoutMap(doc, rank, metrics), [doc, rank, metrics]);
  const routes = useMemo(() => routeLinks(layout.cards, doc.links), [layout, doc.links]);
  const facts = useMemo(() => factsOf(doc, periodId, projection), [doc, periodId, projection]);
  const names = useMemo(() => new Map(doc.objectives.map((o) => [o.id, o.name])), [doc.objectives]);

  const canvasRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const contentRef = useRef<SVGGElement>(null);
  const defsRef = useRef<SVGDefsElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [viewport, setViewport] = useState<Viewport>({ k: 1, x: 0, y: 0 });
  // Until the user zooms or pans, the map keeps fitting the window as it resizes.
  const fitted = useRef(true);
  const [message, setMessage] = useState<string | null>(null);

  // Drag state: the gesture in a ref, what is drawn in state (set at most once per frame).
  const gesture = useRef<Gesture | null>(null);
  const [dragged, setDragged] = useState<{ id: string; x: number; y: number } | null>(null);
  const [rubber, setRubber] = useState<{ fromId: string; to: Point } | null>(null);
  const viewportRef = useRef<SVGGElement>(null);
  const frame = useRef(0);
  const latest = useRef<(() => void) | null>(null);
  // At most one drawing per animation frame: the first move of a frame is drawn at once (Chromium
  // delivers pointer moves aligned to frames, so it is painted in the next one), any more moves
  // in the same frame are folded into one drawing just before the frame is painted.
  const schedule = (update: () => void) => {
    if (frame.current) {
      latest.current = update;
      return;
    }
    update();
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const pending = latest.current;
      latest.current = null;
      pending?.();
    });
  };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  // A dropped card stays where it was dropped until the file's answer replaces the document.
  // biome-ignore lint/correctness/useExhaustiveDependencies: cleared on every new document.
  useEffect(() => setDragged(null), [doc]);

  useLayoutEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    observer.observe(el);
    setSize({ w: el.clientWidth, h: el.clientHeight });
    return () => observer.disconnect();
  }, []);
  const extent = useRef({ w: layout.width, h: layout.height });
  extent.current = { w: layout.width, h: layout.height };
  const fitToWindow = useCallback(() => {
    if (!size) return;
    fitted.current = true;
    setViewport(fitViewport(extent.current.w, extent.current.h, size.w, size.h));
  }, [size]);
  // Fitted on first show and, until the user zooms or pans, when the window resizes; not when
  // the map changes under the user's hands (a dropped card must stay where it was dropped).
  useLayoutEffect(() => {
    if (fitted.current) fitToWindow();
  }, [fitToWindow]);

  const zoomBy = useCallback(
    (factor: number, at?: Point) => {
      if (!size) return;
      fitted.current = false;
      setViewport((v) => zoomAt(v, clampZoom(v.k * factor), at ?? { x: size.w / 2, y: size.h / 2 }));
    },
    [size],
  );

  // Wheel: pan; Ctrl/Cmd+wheel (and pinch): zoom at the pointer. Not passive, so the page stays put.
  // Embedded read-only (the what-if view) the plain wheel scrolls the page as everywhere else.
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (readOnly && !(e.ctrlKey || e.metaKey)) return;
      e.preventDefault();
      const box = el.getBoundingClientRect();
      if (e.ctrlKey || e.metaKey) {
        zoomBy(Math.exp(-e.deltaY * 0.002), { x: e.clientX - box.left, y: e.clientY - box.top });
      } else {
        fitted.current = false;
        setViewport((v) => ({ ...v, x: v.x - e.deltaX, y: v.y - e.deltaY }));
      }
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
  }, [zoomBy, readOnly]);

  const toMap = (clientX: number, clientY: number): Point => {
    const box = svgRef.current?.getBoundingClientRect();
    return {
      x: (clientX - (box?.left ?? 0) - viewport.x) / viewport.k,
      y: (clientY - (box?.top ?? 0) - viewport.y) / viewport.k,
    };
  };

  const select = (kind: "objective" | "link", id: string) => store.getState().select({ kind, id });

  const place = async (card: Card, x: number, y: number) => {
    const position = positionWithinBand(layout, card.id, x, y);
    const before = doc.objectives.find((o) => o.id === card.id)?.position;
    if (before && before.x === position.x && before.y === position.y) {
      setDragged(null);
      return;
    }
    const result = await store.getState().edit(update("objective", card.id, { position }));
    if (!result.ok) setDragged(null);
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

  /** Where a card dragged to (x, y) is drawn: inside its band, as a map point. */
  const dropPoint = (id: string, x: number, y: number): Point => {
    const card = layout.cards.get(id);
    const band = card && layout.bands.find((b) => b.id === card.bandId);
    const position = positionWithinBand(layout, id, x, y);
    return { x: position.x, y: (band?.y ?? 0) + position.y };
  };

  const elementOf = (attribute: string, id: string) =>
    svgRef.current?.querySelector(`[${attribute}="${CSS.escape(id)}"]`) ?? null;

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
      const d = roundedPath(
        straight(from.id === id ? { ...from, ...at } : from, to.id === id ? { ...to, ...at } : to),
        8,
      );
      for (const path of elementOf("data-link-id", l.id)?.querySelectorAll("path") ?? []) path.setAttribute("d", d);
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

  const onPointerUp = (e: React.PointerEvent<SVGSVGElement>) => {
    const g = gesture.current;
    gesture.current = null;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    latest.current = null;
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
    void place(card, card.x + (delta[0] as number) * step, card.y + (delta[1] as number) * step);
  };

  /** Escape during a gesture: everything goes back to where it was, nothing is saved. */
  const cancelGesture = () => {
    const g = gesture.current;
    if (!g) return false;
    gesture.current = null;
    cancelAnimationFrame(frame.current);
    frame.current = 0;
    latest.current = null;
    if (g.kind === "card" && g.moved) {
      const el = elementOf("data-card-id", g.id);
      el?.setAttribute("transform", `translate(${g.origin.x} ${g.origin.y})`);
      el?.classList.remove("dragging");
      for (const l of doc.links) {
        const route = routes.get(l.id);
        if ((l.fromId !== g.id && l.toId !== g.id) || !route) continue;
        const d = roundedPath(route, 8);
        for (const path of elementOf("data-link-id", l.id)?.querySelectorAll("path") ?? []) path.setAttribute("d", d);
      }
    } else if (g.kind === "link") {
      if (g.target) elementOf("data-card-id", g.target)?.classList.remove("link-target");
      setRubber(null);
    } else if (g.kind === "pan") {
      viewportRef.current?.setAttribute("transform", transformOf(viewport));
    }
    return true;
  };

  // Stable handlers for the memoized cards and links: they call the latest closures.
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

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.key === "=" || e.key === "+") zoomBy(1.25);
    else if (e.key === "-") zoomBy(0.8);
    else if (e.key === "0") fitToWindow();
    else return;
    e.preventDefault();
  };

  const autoLayout = async () => {
    const placed = doc.objectives.filter((o) => o.position !== null);
    if (placed.length === 0) return;
    await store.getState().edit({
      type: "batch",
      label: "Auto-layout the map",
      operations: placed.map((o) => update("objective", o.id, { position: null })),
    });
    fitted.current = true;
  };

  const exportAs = async (format: "svg" | "png") => {
    const content = contentRef.current;
    if (!content) return;
    // The picture is the whole map: the selection and its highlight are left out.
    content.classList.remove("focus-mode");
    const svg = standaloneSvg(content, defsRef.current, layout.width, layout.height);
    if (selectedId) content.classList.add("focus-mode");
    const base =
      plainText(doc.scorecard.title)
        .replace(/[\\/:*?"<>|]/g, "")
        .slice(0, 80) || "Strategy map";
    const chosen = await api.chooseFileToSave({
      purpose: format === "svg" ? "export-svg" : "export-png",
      suggestedName: `${base} - strategy map.${format}`,
    });
    if (!chosen.ok) return store.getState().report("Could not export the map", chosen.error);
    if (!chosen.value) return;
    let data = svg;
    if (format === "png") {
      try {
        data = await pngOf(svg, layout.width, layout.height, 2);
      } catch (error) {
        setMessage(`The PNG could not be drawn: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
    }
    const written = await api.exportImage({ file: chosen.value.token, format, data });
    if (!written.ok) store.getState().report("Could not export the map", written.error);
    else setMessage(null);
  };

  const selectedId = selection && (selection.kind === "objective" || selection.kind === "link") ? selection.id : null;
  // A selected card's arrows stand out and the others step back: its causes and effects at a glance.
  const focusCard = selection?.kind === "objective" && layout.cards.has(selection.id) ? selection.id : null;
  const placedCount = doc.objectives.filter((o) => o.position !== null).length;
  const draggedCard = dragged ? layout.cards.get(dragged.id) : undefined;
  const cardRect = (c: Card): Card =>
    dragged && draggedCard && c.id === dragged.id ? { ...c, x: dragged.x, y: dragged.y } : c;
  const stroke = large ? 1.5 : 1;

  return (
    <div className={`strategy-map${large ? " map-large" : ""}${readOnly ? " map-read-only" : ""}`}>
      <div className="map-toolbar" role="toolbar" aria-label="Map tools">
        <button type="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out" title="Zoom out (Ctrl+−)">
          −
        </button>
        <output className="map-zoom" aria-label="Zoom" data-testid="map-zoom">
          {Math.round(viewport.k * 100)}%
        </output>
        <button type="button" onClick={() => zoomBy(1.25)} aria-label="Zoom in" title="Zoom in (Ctrl+=)">
          +
        </button>
        <button type="button" onClick={fitToWindow} title="Fit the map to the window (Ctrl+0)">
          Fit
        </button>
        {!readOnly && (
          <>
            <button
              type="button"
              onClick={() => void autoLayout()}
              disabled={placedCount === 0}
              title="Put every card back to its automatic place"
            >
              Auto-layout
            </button>
            <span className="map-toolbar-gap" />
            <button type="button" onClick={() => void exportAs("svg")}>
              Export SVG
            </button>
            <button type="button" onClick={() => void exportAs("png")}>
              Export PNG
            </button>
          </>
        )}
      </div>
      {message && (
        <div className="map-message" role="alert">
          <span>{message}</span>
          <button type="button" onClick={() => setMessage(null)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
      {doc.objectives.length === 0 && (
        <p className="map-empty">
          {doc.perspectives.length === 0
            ? "This scorecard has no perspectives yet. Add perspectives and objectives in the Framework view; they appear here as bands and cards."
            : "No objectives yet. Add objectives in the Framework view; they appear here as cards in their perspective's band."}
        </p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: zoom keys for the map; its cards are the focusable parts. */}
      <div className="map-canvas" ref={canvasRef} onKeyDown={onKeyDown}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; its cards are reached inside it. */}
        <svg
          ref={svgRef}
          className="map-svg"
          fontFamily={FONT_FAMILY}
          role="group"
          aria-label={readOnly ? "Strategy map (projection)" : "Strategy map"}
          data-layout={needsAuto && ranked?.key !== key ? "pending" : "ready"}
          data-map-width={layout.width}
          data-map-height={layout.height}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <defs ref={defsRef}>
            <marker
              id="map-arrow"
              className="map-arrowhead"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth={large ? 14 : 11}
              markerHeight={large ? 14 : 11}
              markerUnits="userSpaceOnUse"
              orient="auto"
            >
              <path d="M0 0L10 5L0 10z" />
            </marker>
            <marker
              id="map-arrow-selected"
              className="map-arrowhead selected"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth={large ? 16 : 13}
              markerHeight={large ? 16 : 13}
              markerUnits="userSpaceOnUse"
              orient="auto"
            >
              <path d="M0 0L10 5L0 10z" />
            </marker>
          </defs>
          <g ref={viewportRef} transform={transformOf(viewport)}>
            <g ref={contentRef} className={`map-content${selectedId ? " focus-mode" : ""}`}>
              <Bands layout={layout} />
              <g className="map-links">
                {doc.links.map((l) => {
                  const moving = dragged && (l.fromId === dragged.id || l.toId === dragged.id);
                  const from = layout.cards.get(l.fromId);
                  const to = layout.cards.get(l.toId);
                  const points = moving && from && to ? straight(cardRect(from), cardRect(to)) : routes.get(l.id);
                  if (!points) return null;
                  return (
                    <LinkPath
                      key={l.id}
                      id={l.id}
                      points={points}
                      strength={l.strength}
                      stroke={stroke}
                      selected={selectedId === l.id}
                      related={focusCard !== null && (l.fromId === focusCard || l.toId === focusCard)}
                      label={`Link from ${plainText(names.get(l.fromId) ?? "")} to ${plainText(names.get(l.toId) ?? "")}, strength ${l.strength}`}
                      onSelect={onSelect}
                    />
                  );
                })}
              </g>
              <BandLabels layout={layout} />
              <g className="map-cards">
                {[...layout.cards.values()].map((c) => (
                  <CardView
                    key={c.id}
                    card={cardRect(c)}
                    name={names.get(c.id) ?? ""}
                    facts={facts.get(c.id) ?? { score: null, status: "none" }}
                    selected={selectedId === c.id}
                    dragging={dragged?.id === c.id}
                    readOnly={readOnly}
                    metrics={metrics}
                    onKey={onCardKey}
                  />
                ))}
              </g>
              {rubber && <RubberBand from={layout.cards.get(rubber.fromId)} to={rubber.to} />}
            </g>
          </g>
        </svg>
      </div>
    </div>
  );
}

const transformOf = (v: Viewport) => `translate(${v.x} ${v.y}) scale(${v.k})`;

/** Scores and statuses per objective, for the period shown (or the projection). */
function factsOf(
  doc: ScorecardDocument,
  periodId: string | null,
  projection: ScenarioResult | null,
): Map<string, CardFacts> {
  const facts = new Map<string, CardFacts>();
  for (const p of viewFor(scoresOf(doc), periodId).perspectives) {
    for (const o of p.objectives) facts.set(o.id, { score: o.score, status: o.status });
  }
  if (projection) {
    for (const p of projection.perspectives) {
      for (const o of p.objectives) {
        const now = facts.get(o.id) ?? { score: o.baseline, status: "none" };
        facts.set(o.id, { ...now, projected: { score: o.projected, delta: o.delta, status: o.status } });
      }
    }
  }
  return facts;
}

/** A link drawn straight between two cards while one of them is being dragged. */
function straight(from: Card, to: Card): Point[] {
  const up = to.y + to.h <= from.y;
  return [
    { x: from.x + from.w / 2, y: up ? from.y : from.y + from.h / 2 },
    { x: to.x + to.w / 2, y: up ? to.y + to.h : to.y + to.h / 2 },
  ];
}

function Bands({ layout }: { layout: MapLayout }) {
  return (
    <g className="map-bands">
      {layout.bands.map((b) => (
        <g key={b.id} className="map-band" data-band-id={b.id}>
          <rect className="band-fill" x={0} y={b.y} width={b.w} height={b.h} fill={b.color} />
          <rect className="band-accent" x={0} y={b.y} width={6} height={b.h} fill={b.color} />
          {b.index > 0 && <line className="band-rule" x1={0} x2={b.w} y1={b.y} y2={b.y} />}
        </g>
      ))}
    </g>
  );
}

/** Band names, drawn over the arrows (with a halo) so an arrow never hides one. */
function BandLabels({ layout }: { layout: MapLayout }) {
  return (
    <g className="map-band-labels">
      {layout.bands.map((b) => (
        <text key={b.id} className="band-label" x={18} y={b.y + layout.metrics.bandHead * 0.64}>
          {plainText(b.name)}
        </text>
      ))}
    </g>
  );
}

const LinkPath = memo(function LinkPath({
  id,
  points,
  strength,
  stroke,
  selected,
  related,
  label,
  onSelect,
}: {
  id: string;
  points: Point[];
  strength: number;
  stroke: number;
  selected: boolean;
  related: boolean;
  label: string;
  onSelect: (kind: "link", id: string) => void;
}) {
  const d = roundedPath(points, 8);
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG arrow cannot be a <button>.
    <g
      className={`map-link${selected ? " selected" : ""}${related ? " related" : ""}`}
      data-link-id={id}
      role="button"
      aria-label={label}
      aria-pressed={selected}
      tabIndex={-1}
      onClick={() => onSelect("link", id)}
    >
      <title>{label}</title>
      <path className="link-hit" d={d} data-export-skip="" />
      <path className="link-line" d={d} strokeWidth={(1 + strength * 2.5) * stroke} markerEnd="url(#map-arrow)" />
    </g>
  );
});

/** An orthogonal path with its corners rounded by up to `r`. */
export function roundedPath(points: readonly Point[], r: number): string {
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

const CardView = memo(function CardView({
  card,
  name,
  facts,
  selected,
  dragging,
  readOnly,
  metrics,
  onKey,
}: {
  card: Card;
  name: string;
  facts: CardFacts;
  selected: boolean;
  dragging: boolean;
  readOnly: boolean;
  metrics: Metrics;
  onKey: (e: React.KeyboardEvent, id: string) => void;
}) {
  const large = metrics === LARGE_METRICS;
  const nameSize = large ? 17 : 14;
  const pad = large ? 14 : 12;
  const text = plainText(name);
  const lines = fitLines(text, card.w - pad * 2, 2, canvasMeasure(`600 ${nameSize}px ${FONT_FAMILY}`, nameSize));
  const shown = facts.projected ?? facts;
  const status = shown.status;
  const scoreY = card.h - (large ? 14 : 12);
  const lineH = nameSize + 3;
  const projected = facts.projected;
  const direction = projected ? trendDirection(projected.delta) : "flat";
  const arrow = direction === "up" ? "▲" : direction === "down" ? "▼" : "■";
  // The accessible name holds the visible text in its order (WCAG 2.5.3); a name cut on the card
  // is said as shown, and in full as the card's description (its <title>).
  const word = STATUS_TEXT[status].label.toLowerCase();
  const shownName = lines.join(" ");
  const cut = shownName !== text;
  const titleId = useId();
  const label = projected
    ? `Objective ${shownName}, ${formatPercent(projected.score)} ${formatTrend(projected.delta)} projected, ${word}`
    : facts.score === null
      ? `Objective ${shownName}, ${word}`
      : `Objective ${shownName}, ${formatPercent(facts.score)}, ${word}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG card cannot be a <button>.
    <g
      className={`map-card status-${status}${selected ? " selected" : ""}${dragging ? " dragging" : ""}`}
      data-card-id={card.id}
      transform={`translate(${card.x} ${card.y})`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-describedby={cut ? titleId : undefined}
      aria-pressed={selected}
      onKeyDown={(e) => onKey(e, card.id)}
    >
      <title id={titleId}>{text}</title>
      <rect className="card-body" width={card.w} height={card.h} rx={8} />
      <rect className="card-strip" width={5} height={card.h - 16} x={0} y={8} rx={2} />
      {lines.map((line, i) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one name, by position.
          key={i}
          className="card-name"
          x={pad}
          y={pad + nameSize * 0.8 + i * lineH}
          fontSize={nameSize}
        >
          {/* The space keeps the lines apart as words when the text is read together. */}
          {`${line} `}
        </text>
      ))}
      <g transform={`translate(${pad} ${scoreY - (large ? 15 : 12)}) scale(${large ? 1 : 0.875})`}>
        <StatusIcon status={status} />
      </g>
      {projected ? (
        <text className="card-score" x={pad + (large ? 22 : 20)} y={scoreY} fontSize={large ? 15 : 12.5}>
          <tspan className="score-value">{formatPercent(projected.score)} </tspan>
          <tspan className={`card-delta delta-${direction}`}>
            <tspan>{arrow} </tspan>
            {formatTrend(projected.delta)}
          </tspan>
        </text>
      ) : (
        <text className="card-score" x={pad + (large ? 22 : 20)} y={scoreY} fontSize={large ? 15 : 12.5}>
          {facts.score !== null && <tspan className="score-value">{formatPercent(facts.score)} </tspan>}
          <tspan>{STATUS_TEXT[status].label}</tspan>
        </text>
      )}
      {!readOnly && (
        <g className="map-handle" data-handle-for={card.id} data-export-skip="">
          <circle cx={card.w / 2} cy={0} r={12} className="handle-hit" />
          <circle cx={card.w / 2} cy={0} r={5.5} className="handle-dot" />
        </g>
      )}
    </g>
  );
});

function RubberBand({ from, to }: { from: Card | undefined; to: Point }) {
  if (!from) return null;
  return (
    <line
      className="map-rubber"
      x1={from.x + from.w / 2}
      y1={from.y}
      x2={to.x}
      y2={to.y}
      markerEnd="url(#map-arrow)"
      data-export-skip=""
    />
  );
}
