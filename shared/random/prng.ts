/**
 * Seeded pseudo-random numbers for everything that must be reproducible: the demo scorecard's
 * actuals, synthetic bench data and Monte Carlo runs (same seed, same numbers, every runtime).
 */

/** mulberry32: a small, fast 32-bit generator of numbers in [0, 1) with good statistical quality. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
