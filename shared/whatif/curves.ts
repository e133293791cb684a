/**
 * How spend moves a measure (SPEC §3). The relative change of an investment is
 * x = spend / base − 1, and an impact with effect E (the change in the measure's units when spend
 * doubles) moves the measure by
 *   linear:     Δ = E·x
 *   saturating: Δ = 2E·(1 − 2^(−x))   (E at double spend, never more than 2E, −2E at zero spend)
 * Both curves give Δ = 0 at base spend and Δ = E at double spend, so E means the same for both.
 */
import { LIMITS } from "../domain/limits.ts";

/**
 * x for `spend` against `base` (base > 0; a zero base switches the impact off before this point).
 * Capped at 1e15 so a tiny base (1e-300) cannot give x = ∞, and E·x stays finite (|E| ≤ 1e15).
 */
export function relativeChange(spend: number, base: number): number {
  const x = spend / base - 1;
  // biome-ignore lint/complexity/useMathMinMax: comparisons keep the bounds explicit for NaN-free inputs.
  return x < -1 ? -1 : x > LIMITS.maxAbsNumber ? LIMITS.maxAbsNumber : x;
}

/** The factor f(x) with Δ = E·f(x): x itself for a linear curve, 2(1 − 2^(−x)) for a saturating one. */
export function curveFactor(saturating: boolean, x: number): number {
  return saturating ? 2 * (1 - 2 ** -x) : x;
}
