/**
 * The scoring formula (SPEC §2): achievement p of one measure in one period, 1.0 = target met.
 * One function serves the hot loop (engine.ts), the what-if engine and the explanations, so
 * they can never disagree.
 */

/** Numeric codes for the hot loop (typed arrays hold numbers, not strings). */
export const METHOD = { linear: 0, band: 1, binary: 2 } as const;
export type MethodCode = (typeof METHOD)[keyof typeof METHOD];

/**
 * p for value `a` against target `t` (baseline `b`; band [lo, hi] with tolerance `tol`), clamped
 * to [0, cap]. Inputs are validated finite numbers; the clamp also maps NaN and ±Infinity (which
 * a division of two huge or tiny numbers can produce) into range, so the result is always finite.
 */
export function achievement(
  method: number,
  lowerIsBetter: boolean,
  a: number,
  b: number,
  t: number,
  lo: number,
  hi: number,
  tol: number,
  cap: number,
): number {
  let p: number;
  if (method === METHOD.linear) {
    // Same formula for both directions: for lower-is-better, t < b flips both signs.
    p = (a - b) / (t - b);
  } else if (method === METHOD.band) {
    if (a < lo) p = tol > 0 ? 1 - (lo - a) / tol : 0;
    else if (a > hi) p = tol > 0 ? 1 - (a - hi) / tol : 0;
    else p = 1;
  } else {
    p = (lowerIsBetter ? a <= t : a >= t) ? 1 : 0;
  }
  return clamp(p, cap);
}

/** Clamp into [0, cap]; NaN goes to 0. Written with comparisons so NaN fails both tests. */
export function clamp(p: number, cap: number): number {
  // biome-ignore lint/complexity/useMathMinMax: Math.min/max would pass NaN through.
  return p > 0 ? (p < cap ? p : cap) : 0;
}
