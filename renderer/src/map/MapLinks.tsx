/**
 * The cause → effect arrows: their arrowheads (the `defs` the exported picture keeps), the layer
 * of arrows (thickness by strength, the selection and the selected card's arrows in focus) and
 * the rubber band of a link being dragged. The layer is memoized on the document's links and
 * their routes, so a new projection or a zoom does not touch it.
 */
import { memo, type Ref } from "react";
import type { Link } from "../../../shared/domain/types.ts";
import { plainText } from "../../../shared/domain/readable-path.ts";
import type { Card, MapLayout } from "./geometry.ts";
import { type Dragged, roundedPath, shownAt, straight } from "./link-paths.ts";
import type { Point } from "./routes.ts";

/** The arrowheads, plain and selected: their ids, classes and sizes (normal, large on a projector). */
const ARROWHEADS = [
  { id: "map-arrow", className: "map-arrowhead", size: 11, large: 14 },
  { id: "map-arrow-selected", className: "map-arrowhead selected", size: 13, large: 16 },
] as const;

/**
 * Ids are page-wide: each drawing of the map names its arrowheads with its own `idPrefix` (the
 * map view "", the PDF report's print "report-"), so two maps on one page never share them.
 */
export function ArrowMarkers({
  defsRef,
  large,
  idPrefix,
}: {
  defsRef: Ref<SVGDefsElement>;
  large: boolean;
  idPrefix: string;
}) {
  return (
    <defs ref={defsRef}>
      {ARROWHEADS.map((a) => (
        <marker
          key={a.id}
          id={`${idPrefix}${a.id}`}
          className={a.className}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth={large ? a.large : a.size}
          markerHeight={large ? a.large : a.size}
          markerUnits="userSpaceOnUse"
          orient="auto"
        >
          <path d="M0 0L10 5L0 10z" />
        </marker>
      ))}
    </defs>
  );
}

/** Every link, along its route (or straight to a dropped card until it is routed again). */
export const MapLinks = memo(function MapLinks({
  links,
  layout,
  routes,
  names,
  dragged,
  selectedId,
  focusCard,
  stroke,
  idPrefix,
  onSelect,
}: {
  links: readonly Link[];
  layout: MapLayout;
  routes: ReadonlyMap<string, Point[]>;
  names: ReadonlyMap<string, string>;
  dragged: Dragged | null;
  selectedId: string | null;
  /** The selected card: its arrows stand out. */
  focusCard: string | null;
  stroke: number;
  /** The ArrowMarkers' `idPrefix` of this drawing. */
  idPrefix: string;
  onSelect: (kind: "link", id: string) => void;
}) {
  return (
    <g className="map-links">
      {links.map((l) => {
        const moving = dragged && (l.fromId === dragged.id || l.toId === dragged.id);
        const from = layout.cards.get(l.fromId);
        const to = layout.cards.get(l.toId);
        const points = moving && from && to ? straight(shownAt(from, dragged), shownAt(to, dragged)) : routes.get(l.id);
        if (!points) return null;
        return (
          <LinkPath
            key={l.id}
            id={l.id}
            points={points}
            strength={l.strength}
            stroke={stroke}
            idPrefix={idPrefix}
            selected={selectedId === l.id}
            related={focusCard !== null && (l.fromId === focusCard || l.toId === focusCard)}
            label={`Link from ${plainText(names.get(l.fromId) ?? "")} to ${plainText(names.get(l.toId) ?? "")}, strength ${l.strength}`}
            onSelect={onSelect}
          />
        );
      })}
    </g>
  );
});

const LinkPath = memo(function LinkPath({
  id,
  points,
  strength,
  stroke,
  idPrefix,
  selected,
  related,
  label,
  onSelect,
}: {
  id: string;
  points: Point[];
  strength: number;
  stroke: number;
  idPrefix: string;
  selected: boolean;
  related: boolean;
  label: string;
  onSelect: (kind: "link", id: string) => void;
}) {
  const d = roundedPath(points);
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
      {/* The selected arrow and the selected card's arrows end in the focus colour's head: set as a
          style, which the exported picture leaves out with the rest of the selection's highlight. */}
      <path
        className="link-line"
        d={d}
        strokeWidth={(1 + strength * 2.5) * stroke}
        markerEnd={`url(#${idPrefix}map-arrow)`}
        style={selected || related ? { markerEnd: `url(#${idPrefix}map-arrow-selected)` } : undefined}
      />
    </g>
  );
});

/** The link being dragged: from the top of its card to the pointer (moved straight in the SVG). */
export function RubberBand({ from, to, idPrefix }: { from: Card | undefined; to: Point; idPrefix: string }) {
  if (!from) return null;
  return (
    <line
      className="map-rubber"
      x1={from.x + from.w / 2}
      y1={from.y}
      x2={to.x}
      y2={to.y}
      markerEnd={`url(#${idPrefix}map-arrow)`}
      data-export-skip=""
    />
  );
}
