/**
 * The map's toolbar: zoom out, the zoom level, zoom in, fit; and when the map can be edited,
 * Auto-layout and the exports (a projection is read-only: no edits, nothing to export). A hint
 * from the view, if any, sits between them.
 */
import type { ReactNode } from "react";

export function MapToolbar({
  zoom,
  zoomBy,
  fitToWindow,
  readOnly,
  placedCount,
  autoLayout,
  exportAs,
  hint,
}: {
  /** The viewport's scale (1 = 100 %). */
  zoom: number;
  zoomBy: (factor: number) => void;
  fitToWindow: () => void;
  readOnly: boolean;
  /** Cards with a saved position: Auto-layout has nothing to do without one. */
  placedCount: number;
  autoLayout: () => void;
  exportAs: (format: "svg" | "png") => void;
  hint: ReactNode;
}) {
  return (
    <div className="map-toolbar" role="toolbar" aria-label="Map tools">
      <button type="button" onClick={() => zoomBy(0.8)} aria-label="Zoom out" title="Zoom out (Ctrl+−)">
        −
      </button>
      <output className="map-zoom" aria-label="Zoom" data-testid="map-zoom">
        {Math.round(zoom * 100)}%
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
            onClick={autoLayout}
            disabled={placedCount === 0}
            title="Put every card back to its automatic place"
          >
            Auto-layout
          </button>
          <span className="map-toolbar-gap">{hint}</span>
          <button type="button" onClick={() => exportAs("svg")}>
            Export SVG
          </button>
          <button type="button" onClick={() => exportAs("png")}>
            Export PNG
          </button>
        </>
      )}
    </div>
  );
}
