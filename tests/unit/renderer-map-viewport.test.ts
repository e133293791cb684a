/** Zoom, pan and fit arithmetic of the strategy map. */
import { describe, expect, it } from "vitest";
import { clampZoom, fitViewport, MAX_ZOOM, MIN_ZOOM, zoomAt } from "../../renderer/src/map/viewport.ts";

describe("map viewport", () => {
  it("fits the whole map, centred, within the window", () => {
    const v = fitViewport(1000, 800, 900, 600);
    // Height binds: (600 − 2 × 12) / 800.
    expect(v.k).toBeCloseTo(576 / 800);
    expect(v.x + 1000 * v.k).toBeLessThanOrEqual(900);
    expect(v.x).toBeCloseTo((900 - 1000 * v.k) / 2);
    expect(v.y).toBeGreaterThanOrEqual(12);
    expect(v.y + 800 * v.k).toBeLessThanOrEqual(600 - 12 + 1e-9);
  });

  it("does not blow a small map up beyond 160 %, nor shrink a huge one below the minimum", () => {
    expect(fitViewport(100, 100, 2000, 2000).k).toBe(1.6);
    expect(fitViewport(1e6, 1e6, 800, 600).k).toBe(MIN_ZOOM);
    expect(clampZoom(100)).toBe(MAX_ZOOM);
  });

  it("zooming keeps the map point under the pointer where it is", () => {
    const v = { k: 0.8, x: 40, y: -20 };
    const at = { x: 300, y: 200 };
    const before = { x: (at.x - v.x) / v.k, y: (at.y - v.y) / v.k };
    const z = zoomAt(v, 1.6, at);
    expect(z.k).toBe(1.6);
    expect(before.x * z.k + z.x).toBeCloseTo(at.x);
    expect(before.y * z.k + z.y).toBeCloseTo(at.y);
  });
});
