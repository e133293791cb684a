/** Bounds from SPEC §1 and §2, in one place so that validation, UI and file store agree. */
export const LIMITS = {
  nameMin: 1,
  nameMax: 200,
  textMax: 10_000,
  /** |x| ≤ 1e15 keeps every sum of products far from overflow and exact to ~1 unit. */
  maxAbsNumber: 1e15,
  capMin: 1,
  capMax: 2,
  /** An impact felt more than ten years of months later is a typo, not a plan. */
  maxLag: 120,
} as const;

export const DEFAULT_SCORING = {
  thresholds: { green: 0.9, amber: 0.6 },
  cap: 1,
  missingPolicy: "carry-forward",
} as const;
