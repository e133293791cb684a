/**
 * The strategy map (SPEC §5): perspectives as bands, objectives as cards coloured by status with
 * their score, cause → effect arrows routed around the cards. Drag a card to place it (one edit
 * on drop, undoable), drag from a card's handle to another card to add a link (the shared rules
 * refuse downward links and cycles, with their message), click to select, zoom, pan and fit.
 * With a `projection` it shows each card's projected score and delta, read-only.
 *
 * This module puts the parts together: the layout and routes (per document), the viewport
 * (use-viewport.ts), the gestures (use-map-gestures.ts), the toolbar, the bands, arrows and cards.
 * A new projection (every spend change in the what-if view) changes only the projected facts:
 * layout, routes, bands, arrows and the cards' names are memoized on the document, and only the
 * cards whose projection changed render again (card-facts.ts, MapCard.tsx).
 */
import "./map.css";
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";
import { update } from "../editor/ops.ts";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import { type ProjectedFacts, periodFacts, projectedFacts } from "./card-facts.ts";
import { LARGE_METRICS, layoutMap, METRICS } from "./geometry.ts";
import { BandLabels, Bands } from "./MapBands.tsx";
import { MapCards } from "./MapCard.tsx";
import { ArrowMarkers, MapLinks, RubberBand } from "./MapLinks.tsx";
import { MapToolbar } from "./MapToolbar.tsx";
import { routeLinks } from "./routes.ts";
import { FONT_FAMILY } from "./text-fit.ts";
import { useAutoRank } from "./use-auto-rank.ts";
import { useMapExport } from "./use-map-export.ts";
import { useMapGestures } from "./use-map-gestures.ts";
import { transformOf, useViewport } from "./use-viewport.ts";

export interface StrategyMapProps {
  /**
   * Projection mode (what-if, workshop): each card shows its projected score and its delta from
   * this scenario result; the map is then read-only apart from zoom, pan and fit.
   */
  projection?: ScenarioResult | null;
  /** Larger type and thicker strokes for a projector (workshop mode). */
  large?: boolean;
  /** Shown in the toolbar (the Strategy Map view's hint while nothing is selected). */
  hint?: ReactNode;
}

export function StrategyMap({ projection = null, large = false, hint = null }: StrategyMapProps) {
  const doc = useDocumentStore((s) => s.doc);
  if (!doc) return null;
  return <MapCanvas doc={doc} projection={projection} large={large} hint={hint} />;
}

function MapCanvas({
  doc,
  projection,
  large,
  hint,
}: {
  doc: ScorecardDocument;
  projection: ScenarioResult | null;
  large: boolean;
  hint: ReactNode;
}) {
  const store = useStoreApi();
  const periodId = useDocumentStore((s) => s.periodId);
  const selection = useDocumentStore((s) => s.selection);
  const readOnly = projection !== null;
  const metrics = large ? LARGE_METRICS : METRICS;
  const [message, setMessage] = useState<string | null>(null);

  // ELK's order of the cards; until it answers, the file's order.
  const { rank, pending } = useAutoRank(doc, setMessage);
  const layout = useMemo(() => layoutMap(doc, rank, metrics), [doc, rank, metrics]);
  const routes = useMemo(() => routeLinks(layout.cards, doc.links), [layout, doc.links]);
  const names = useMemo(() => new Map(doc.objectives.map((o) => [o.id, o.name])), [doc.objectives]);
  const facts = useMemo(() => periodFacts(doc, periodId), [doc, periodId]);
  // Each card's projected facts keep their identity while its numbers stay the same.
  const lastProjected = useRef<Map<string, ProjectedFacts> | null>(null);
  const projected = useMemo(
    () => (projection ? projectedFacts(projection, lastProjected.current) : null),
    [projection],
  );
  lastProjected.current = projected;

  const view = useViewport({ w: layout.width, h: layout.height }, readOnly);
  const viewportRef = useRef<SVGGElement>(null);
  const contentRef = useRef<SVGGElement>(null);
  const defsRef = useRef<SVGDefsElement>(null);
  const gestures = useMapGestures({
    doc,
    layout,
    routes,
    readOnly,
    viewport: view.viewport,
    setViewport: view.setViewport,
    fitted: view.fitted,
    svgRef: view.svgRef,
    viewportRef,
    setMessage,
  });

  const selectedId = selection && (selection.kind === "objective" || selection.kind === "link") ? selection.id : null;
  // A selected card's arrows stand out and the others step back: its causes and effects at a glance.
  const focusCard = selection?.kind === "objective" && layout.cards.has(selection.id) ? selection.id : null;
  const exportAs = useMapExport({ doc, layout, contentRef, defsRef, focused: selectedId !== null, setMessage });

  // After Auto-layout the map is fitted again, whatever the zoom was: the whole arrangement
  // changed, so the old view onto it means nothing. Fitted once the new layout is drawn.
  const refit = useRef(false);
  const autoLayout = async () => {
    const placed = doc.objectives.filter((o) => o.position !== null);
    if (placed.length === 0) return;
    refit.current = true;
    const result = await store.getState().edit({
      type: "batch",
      label: "Auto-layout the map",
      operations: placed.map((o) => update("objective", o.id, { position: null })),
    });
    if (!result.ok) refit.current = false;
  };
  const { fitToWindow } = view;
  useLayoutEffect(() => {
    if (!refit.current || layout.cards.size === 0 || [...layout.cards.values()].some((c) => c.placed)) return;
    refit.current = false;
    fitToWindow();
  }, [layout, fitToWindow]);

  return (
    <div className={`strategy-map${large ? " map-large" : ""}${readOnly ? " map-read-only" : ""}`}>
      <MapToolbar
        zoom={view.viewport.k}
        zoomBy={view.zoomBy}
        fitToWindow={view.fitToWindow}
        readOnly={readOnly}
        placedCount={doc.objectives.filter((o) => o.position !== null).length}
        autoLayout={() => void autoLayout()}
        exportAs={(format) => void exportAs(format)}
        hint={hint}
      />
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
      {/* biome-ignore lint/a11y/noStaticElementInteractions: zoom keys for the map; its cards are the focusable parts (the canvas takes the focus only from code, after a delete). */}
      <div className="map-canvas" ref={view.canvasRef} onKeyDown={view.onKeyDown} tabIndex={-1}>
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; its cards are reached inside it. */}
        <svg
          ref={view.svgRef}
          className="map-svg"
          fontFamily={FONT_FAMILY}
          role="group"
          aria-label={readOnly ? "Strategy map (projection)" : "Strategy map"}
          data-layout={pending ? "pending" : "ready"}
          data-map-width={layout.width}
          data-map-height={layout.height}
          onPointerDown={gestures.onPointerDown}
          onPointerMove={gestures.onPointerMove}
          onPointerUp={gestures.onPointerUp}
          onPointerCancel={gestures.onPointerCancel}
        >
          <ArrowMarkers defsRef={defsRef} large={large} idPrefix="" />
          <g ref={viewportRef} transform={transformOf(view.viewport)}>
            <g ref={contentRef} className={`map-content${selectedId ? " focus-mode" : ""}`}>
              <Bands layout={layout} />
              <MapLinks
                links={doc.links}
                layout={layout}
                routes={routes}
                names={names}
                dragged={gestures.dragged}
                selectedId={selectedId}
                focusCard={focusCard}
                stroke={large ? 1.5 : 1}
                idPrefix=""
                onSelect={gestures.onSelect}
              />
              <BandLabels layout={layout} />
              <MapCards
                layout={layout}
                names={names}
                facts={facts}
                projected={projected}
                selectedId={selectedId}
                dragged={gestures.dragged}
                readOnly={readOnly}
                onKey={gestures.onCardKey}
              />
              {gestures.rubber && (
                <RubberBand from={layout.cards.get(gestures.rubber.fromId)} to={gestures.rubber.to} idPrefix="" />
              )}
            </g>
          </g>
        </svg>
      </div>
    </div>
  );
}
