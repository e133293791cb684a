/**
 * The domain model of SPEC §1 as runtime schemas. The TypeScript types are inferred from these
 * schemas, so the checks and the types cannot drift apart. Rules that need more than one field of
 * one entity live here as refinements; rules across entities live in rules.ts.
 */
import { z } from "zod";
import { ISO_4217_CODES } from "./currencies.ts";
import { LIMITS } from "./limits.ts";

export const Id = z.uuid({ error: "must be a UUID" });

/** A finite number with |x| ≤ 1e15 (SPEC §1). */
export const Num = z
  .number({ error: "must be a finite number" })
  .min(-LIMITS.maxAbsNumber, { error: `must be ≥ -${LIMITS.maxAbsNumber}` })
  .max(LIMITS.maxAbsNumber, { error: `must be ≤ ${LIMITS.maxAbsNumber}` });

export const Weight = Num.min(0, { error: "must be ≥ 0" });
export const Fraction = Num.min(0, { error: "must be ≥ 0" }).max(1, {
  error: "must be ≤ 1",
});

export const Name = z
  .string({ error: "must be text" })
  .trim()
  .min(LIMITS.nameMin, { error: "must not be empty" })
  .max(LIMITS.nameMax, {
    error: `must be at most ${LIMITS.nameMax} characters`,
  });

export const Text = z.string({ error: "must be text" }).max(LIMITS.textMax, {
  error: `must be at most ${LIMITS.textMax} characters`,
});

/** Short free-text fields (owner, unit, data source): same bound as a name, may be empty. */
export const ShortText = z
  .string({ error: "must be text" })
  .trim()
  .max(LIMITS.nameMax, {
    error: `must be at most ${LIMITS.nameMax} characters`,
  });

export const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a colour like #1f6feb" });
export const Timestamp = z.iso.datetime({
  offset: true,
  error: "must be an ISO 8601 date-time",
});
export const IsoDate = z.iso.date({ error: "must be a date like 2026-01-01" });

export const Thresholds = z
  .strictObject({
    green: Num.min(0, { error: "must be ≥ 0" }).max(LIMITS.capMax, {
      error: `must be ≤ ${LIMITS.capMax}`,
    }),
    amber: Num.min(0, { error: "must be ≥ 0" }).max(LIMITS.capMax, {
      error: `must be ≤ ${LIMITS.capMax}`,
    }),
  })
  .refine((t) => t.amber <= t.green, {
    error: "amber threshold must not exceed green",
    path: ["amber"],
  });

export const MissingPolicy = z.enum(["carry-forward", "exclude", "zero"]);
export const PeriodKind = z.enum(["month", "quarter", "year"]);
export const MeasureKind = z.enum(["leading", "lagging"]);
export const Direction = z.enum(["higher", "lower", "band"]);
export const Method = z.enum(["linear", "band", "binary"]);
export const InvestmentCategory = z.enum(["run", "grow", "transform"]);
export const Curve = z.enum(["linear", "saturating"]);
export const Confidence = z.enum(["low", "medium", "high"]);

export const ScoringSettings = z.strictObject({
  thresholds: Thresholds,
  cap: Num.min(LIMITS.capMin, { error: `must be ≥ ${LIMITS.capMin}` }).max(LIMITS.capMax, {
    error: `must be ≤ ${LIMITS.capMax}`,
  }),
  missingPolicy: MissingPolicy,
});

export const Scorecard = z.strictObject({
  id: Id,
  title: Name,
  organization: ShortText,
  currency: z.string().refine((c) => ISO_4217_CODES.has(c), {
    error: "must be an ISO 4217 currency code",
  }),
  periodKind: PeriodKind,
  scoring: ScoringSettings,
  createdAt: Timestamp,
  modifiedAt: Timestamp,
  appVersion: ShortText,
});

export const Perspective = z.strictObject({
  id: Id,
  name: Name,
  description: Text,
  order: z.int({ error: "must be a whole number" }).min(0, { error: "must be ≥ 0" }),
  weight: Weight,
  color: Colour,
});

export const Position = z.strictObject({ x: Num, y: Num });

export const Objective = z.strictObject({
  id: Id,
  perspectiveId: Id,
  name: Name,
  description: Text,
  owner: ShortText,
  weight: Weight,
  position: Position.nullable(),
});

export const Link = z.strictObject({
  id: Id,
  fromId: Id,
  toId: Id,
  strength: Fraction,
  note: Text,
});

export const Band = z
  .strictObject({
    low: Num,
    high: Num,
    tolerance: Num.min(0, { error: "must be ≥ 0" }),
  })
  .refine((b) => b.low <= b.high, {
    error: "band low must not exceed band high",
    path: ["low"],
  });

export const ValidRange = z.strictObject({ min: Num, max: Num }).refine((r) => r.min < r.max, {
  error: "range min must be below range max",
  path: ["min"],
});

export const Measure = z
  .strictObject({
    id: Id,
    objectiveId: Id,
    name: Name,
    description: Text,
    unit: ShortText,
    kind: MeasureKind,
    direction: Direction,
    method: Method,
    baseline: Num,
    target: Num,
    band: Band.nullable(),
    validRange: ValidRange.nullable(),
    weight: Weight,
    frequency: PeriodKind,
    owner: ShortText,
    dataSource: ShortText,
    thresholds: Thresholds.nullable(),
  })
  .superRefine((m, ctx) => {
    const problem = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    if ((m.method === "band") !== (m.direction === "band")) {
      problem("method", "band scoring goes with direction band, and only with it");
    }
    if (m.method === "band" && m.band === null) problem("band", "a band measure needs band low, high and tolerance");
    if (m.method !== "band" && m.band !== null) problem("band", "only band measures have a band");
    if (m.method === "linear") {
      if (m.direction === "higher" && !(m.target > m.baseline)) {
        problem("target", "must be above the baseline for a linear higher-is-better measure");
      }
      if (m.direction === "lower" && !(m.target < m.baseline)) {
        problem("target", "must be below the baseline for a linear lower-is-better measure");
      }
    }
    const r = m.validRange;
    if (r && r.min < r.max) {
      for (const field of ["baseline", "target"] as const) {
        if (m[field] < r.min || m[field] > r.max) problem(field, `must lie in the valid range [${r.min}, ${r.max}]`);
      }
    }
  });

export const Period = z.strictObject({
  id: Id,
  label: Name,
  start: IsoDate,
});

export const PeriodTarget = z.strictObject({
  measureId: Id,
  periodId: Id,
  target: Num,
});

export const Actual = z.strictObject({
  measureId: Id,
  periodId: Id,
  value: Num,
  note: Text,
});

export const Investment = z
  .strictObject({
    id: Id,
    name: Name,
    description: Text,
    category: InvestmentCategory,
    baseSpend: Num.min(0, { error: "must be ≥ 0" }),
    minSpend: Num.min(0, { error: "must be ≥ 0" }),
    maxSpend: Num.min(0, { error: "must be ≥ 0" }),
  })
  .superRefine((inv, ctx) => {
    if (!(inv.minSpend <= inv.baseSpend && inv.baseSpend <= inv.maxSpend)) {
      ctx.addIssue({
        code: "custom",
        path: ["baseSpend"],
        message: "must lie within [min spend, max spend]",
      });
    }
  });

export const Impact = z.strictObject({
  id: Id,
  investmentId: Id,
  measureId: Id,
  effect: Num,
  curve: Curve,
  lag: z
    .int({ error: "must be a whole number" })
    .min(0, { error: "must be ≥ 0" })
    .max(LIMITS.maxLag, {
      error: `must be ≤ ${LIMITS.maxLag}`,
    }),
  confidence: Confidence,
});

export const Scenario = z.strictObject({
  id: Id,
  name: Name,
  notes: Text,
  spend: z.record(Id, Num.min(0, { error: "must be ≥ 0" })),
  createdAt: Timestamp,
});

/** Each collection of the document with its element schema, in the order problems are listed. */
export const COLLECTIONS = {
  perspectives: Perspective,
  objectives: Objective,
  links: Link,
  measures: Measure,
  periods: Period,
  periodTargets: PeriodTarget,
  actuals: Actual,
  investments: Investment,
  impacts: Impact,
  scenarios: Scenario,
} as const;

export type CollectionName = keyof typeof COLLECTIONS;

/** The collections whose rows have their own id (the others are measure × period cells). */
export const ENTITY_COLLECTIONS = [
  "perspectives",
  "objectives",
  "links",
  "measures",
  "periods",
  "investments",
  "impacts",
  "scenarios",
] as const satisfies readonly CollectionName[];
