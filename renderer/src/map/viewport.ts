/**
 * Zoom and pan of the map: screen point = map point × k + (x, y). Pure, shared by the buttons,
 * the wheel, the keys and "Fit".
 */
export interface Viewport {
  k: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 4;
/** Fitting never blows a small map up beyond this: cards would look like posters. */
const MAX_FIT_ZOOM = 1.6;
const FIT_MARGIN = 12;

export function clampZoom(k: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));
}

/** The whole map centred in a `w` × `h` window. */
export function fitViewport(mapW: number, mapH: number, w: number, h: number): Viewport {
  const k = clampZoom(
    Math.min(MAX_FIT_ZOOM, (w - 2 * FIT_MARGIN) / Math.max(mapW, 1), (h - 2 * FIT_MARGIN) / Math.max(mapH, 1)),
  );
  return { k, x: (w - mapW * k) / 2, y: Math.max(FIT_MARGIN, (h - mapH * k) / 2) };
}

/** Zoom to `k`, keeping the map point under screen point `at` where it is. */
export function zoomAt(v: Viewport, k: number, at: { x: number; y: number }): Viewport {
  const mx = (at.x - v.x) / v.k;
  const my = (at.y - v.y) / v.k;
  return { k, x: at.x - mx * k, y: at.y - my * k };
}
