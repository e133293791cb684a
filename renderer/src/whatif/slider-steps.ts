/**
 * What a spend slider does with keys and pointer drags. Every spend it produces lies on one grid,
 * base + k × 1 % of base (or a range end), so repeated steps never drift: ArrowRight ten times is
 * exactly PageUp once. An investment with base 0 steps by 1 % of its slider range instead.
 */

export interface SpendRange {
  base: number;
  min: number;
  max: number;
}

/** Arrows move by this share of the base; Page Up / Page Down by ten of them. */
const FINE_STEP = 0.01;
const COARSE_STEPS = 10;

/** One arrow step in currency: 1 % of the base spend, else of the range; 0 when the range is a point. */
export function stepOf(range: SpendRange): number {
  const unit = range.base > 0 ? range.base : range.max - range.min;
  return unit * FINE_STEP;
}

function clampSpend(value: number, range: SpendRange): number {
  return Math.min(range.max, Math.max(range.min, value));
}

/** The grid point `steps` away from the grid point nearest `value`, kept inside the range. */
function moved(value: number, range: SpendRange, steps: number): number {
  const step = stepOf(range);
  if (!(step > 0)) return clampSpend(value, range);
  const k = Math.round((value - range.base) / step) + steps;
  return clampSpend(range.base + k * step, range);
}

/**
 * The spend after a key press on the slider, or null for a key the slider leaves alone.
 * Right/Up +1 %, Left/Down −1 %, Page Up/Down ±10 % (all of base), Home/End the range ends.
 */
export function spendAfterKey(key: string, value: number, range: SpendRange): number | null {
  switch (key) {
    case "ArrowRight":
    case "ArrowUp":
      return moved(value, range, 1);
    case "ArrowLeft":
    case "ArrowDown":
      return moved(value, range, -1);
    case "PageUp":
      return moved(value, range, COARSE_STEPS);
    case "PageDown":
      return moved(value, range, -COARSE_STEPS);
    case "Home":
      return range.min;
    case "End":
      return range.max;
    default:
      return null;
  }
}

/** A dragged value put on the grid; within half a step of an end it is that end. */
export function snapSpend(value: number, range: SpendRange): number {
  const step = stepOf(range);
  if (!(step > 0)) return clampSpend(value, range);
  if (value >= range.max - step / 2) return range.max;
  if (value <= range.min + step / 2) return range.min;
  return moved(value, range, 0);
}

/** Where `value` sits along the track, 0 … 1 (0 for a range that is a point). */
export function trackFraction(value: number, range: SpendRange): number {
  const span = range.max - range.min;
  return span > 0 ? (clampSpend(value, range) - range.min) / span : 0;
}
