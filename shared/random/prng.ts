/**
 * Seeded pseudo-random numbers for everything that must be reproducible: the demo scorecard's
 * actuals, synthetic bench data and Monte Carlo runs (same seed, same numbers, every runtime).
 * The generator is mulberry32: a small, fast 32-bit generator of numbers in [0, 1) with good
 * statistical quality. Its state only counts up by a constant; each number is a mix of the state.
 */

const INCREMENT = 0x6d2b79f5;

/** The number for one state: mulberry32's output mix. */
function mix(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A generator: each call returns the next number of the seed's sequence. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + INCREMENT) >>> 0;
    return mix(state);
  };
}

/** Fills `out` with the first out.length numbers of the seed's sequence (what prng(seed) returns), without a closure per call. */
export function fillRandom(seed: number, out: Float64Array): void {
  let state = seed >>> 0;
  for (let k = 0; k < out.length; k++) {
    state = (state + INCREMENT) >>> 0;
    out[k] = mix(state);
  }
}
