/**
 * The map's window onto the drawing: its size (followed with a ResizeObserver), fit to window,
 * zoom by the buttons and keys, and the wheel (pan; Ctrl/Cmd + wheel zooms at the pointer). The
 * arithmetic is viewport.ts's; this holds the state and the listeners.
 */
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { Point } from "./routes.ts";
import { clampZoom, fitViewport, type Viewport, zoomAt } from "./viewport.ts";

export interface MapViewport {
  /** The element whose size is the window (the canvas around the SVG). */
  canvasRef: RefObject<HTMLDivElement | null>;
  /** The SVG: wheel events are taken on it. */
  svgRef: RefObject<SVGSVGElement | null>;
  viewport: Viewport;
  setViewport: (v: Viewport) => void;
  /** Until the user zooms or pans, the map keeps fitting the window as it resizes. */
  fitted: RefObject<boolean>;
  fitToWindow: () => void;
  zoomBy: (factor: number, at?: Point) => void;
  /** Ctrl/Cmd + = / − / 0 while the map has focus. */
  onKeyDown: (e: React.KeyboardEvent) => void;
}

/**
 * `extent` is the map's size in map units; `readOnly` maps (embedded in a scrolling view) leave
 * the plain wheel to the page.
 */
export function useViewport(extent: { w: number; h: number }, readOnly: boolean): MapViewport {
  const canvasRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const [viewport, setViewport] = useState<Viewport>({ k: 1, x: 0, y: 0 });
  const fitted = useRef(true);

  useLayoutEffect(() => {
    const el = canvasRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setSize({ w: el.clientWidth, h: el.clientHeight }));
    observer.observe(el);
    setSize({ w: el.clientWidth, h: el.clientHeight });
    return () => observer.disconnect();
  }, []);
  const latestExtent = useRef(extent);
  latestExtent.current = extent;
  const fitToWindow = useCallback(() => {
    if (!size) return;
    fitted.current = true;
    setViewport(fitViewport(latestExtent.current.w, latestExtent.current.h, size.w, size.h));
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

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    if (e.key === "=" || e.key === "+") zoomBy(1.25);
    else if (e.key === "-") zoomBy(0.8);
    else if (e.key === "0") fitToWindow();
    else return;
    e.preventDefault();
  };

  return { canvasRef, svgRef, viewport, setViewport, fitted, fitToWindow, zoomBy, onKeyDown };
}

/** The SVG transform of a viewport. */
export const transformOf = (v: Viewport) => `translate(${v.x} ${v.y}) scale(${v.k})`;
