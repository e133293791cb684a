/**
 * The perspectives as horizontal bands: a tinted fill with an accent strip under the arrows, and
 * their names drawn over the arrows (with a halo) so an arrow never hides one. Memoized on the
 * layout: nothing else changes them.
 */
import { memo } from "react";
import { plainText } from "../../../shared/domain/readable-path.ts";
import type { MapLayout } from "./geometry.ts";

export const Bands = memo(function Bands({ layout }: { layout: MapLayout }) {
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
});

export const BandLabels = memo(function BandLabels({ layout }: { layout: MapLayout }) {
  return (
    <g className="map-band-labels">
      {layout.bands.map((b) => (
        <text key={b.id} className="band-label" x={18} y={b.y + layout.metrics.bandHead * 0.64}>
          {plainText(b.name)}
        </text>
      ))}
    </g>
  );
});
