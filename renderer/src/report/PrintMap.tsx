/**
 * The strategy map for the report: the map's own bands, arrows and cards (StrategyMap's parts),
 * drawn once as a static SVG scaled to the page, with the period's scores. Saved positions as
 * saved; the others in the auto-layout's order from ELK's worker, like the map view: `onReady`
 * is called once that order is in (or failed: the file's order is printed then).
 */
import "../map/map.css";
import { useEffect, useMemo, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { periodFacts } from "../map/card-facts.ts";
import { layoutMap, METRICS } from "../map/geometry.ts";
import { BandLabels, Bands } from "../map/MapBands.tsx";
import { MapCards } from "../map/MapCard.tsx";
import { ArrowMarkers, MapLinks } from "../map/MapLinks.tsx";
import { routeLinks } from "../map/routes.ts";
import { FONT_FAMILY } from "../map/text-fit.ts";
import { useAutoRank } from "../map/use-auto-rank.ts";

const nothing = () => {};

export function PrintMap({
  doc,
  periodId,
  scale,
  onReady,
}: {
  doc: ScorecardDocument;
  periodId: string | null;
  scale: number;
  onReady: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const { rank, pending } = useAutoRank(doc, setMessage);
  const layout = useMemo(() => layoutMap(doc, rank, METRICS), [doc, rank]);
  const routes = useMemo(() => routeLinks(layout.cards, doc.links), [layout, doc.links]);
  const names = useMemo(() => new Map(doc.objectives.map((o) => [o.id, o.name])), [doc.objectives]);
  const facts = useMemo(() => periodFacts(doc, periodId), [doc, periodId]);
  useEffect(() => {
    if (!pending) onReady();
  }, [pending, onReady]);
  const width = Math.ceil(layout.width);
  const height = Math.ceil(layout.height);
  return (
    <figure className="report-map">
      <svg
        className="report-map-svg"
        viewBox={`0 0 ${width} ${height}`}
        width={Math.round(width * scale)}
        height={Math.round(height * scale)}
        fontFamily={FONT_FAMILY}
        role="img"
        aria-label="Strategy map"
        data-layout={pending ? "pending" : "ready"}
      >
        <ArrowMarkers defsRef={null} large={false} idPrefix="report-" />
        <g className="map-content">
          <Bands layout={layout} />
          <MapLinks
            links={doc.links}
            layout={layout}
            routes={routes}
            names={names}
            dragged={null}
            selectedId={null}
            focusCard={null}
            stroke={1}
            idPrefix="report-"
            onSelect={nothing}
          />
          <BandLabels layout={layout} />
          <MapCards
            layout={layout}
            names={names}
            facts={facts}
            projected={null}
            selectedId={null}
            dragged={null}
            readOnly={true}
            onKey={nothing}
          />
        </g>
      </svg>
      {message && <figcaption className="report-note">{message}</figcaption>}
    </figure>
  );
}
