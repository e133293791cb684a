/** Domain types (SPEC §1), inferred from the runtime schemas in schema.ts. */
import type { z } from "zod";
import type * as S from "./schema.ts";

export type Scorecard = z.infer<typeof S.Scorecard>;
export type ScoringSettings = z.infer<typeof S.ScoringSettings>;
export type Thresholds = z.infer<typeof S.Thresholds>;
export type MissingPolicy = z.infer<typeof S.MissingPolicy>;
export type PeriodKind = z.infer<typeof S.PeriodKind>;
export type Perspective = z.infer<typeof S.Perspective>;
export type Objective = z.infer<typeof S.Objective>;
export type Link = z.infer<typeof S.Link>;
export type Measure = z.infer<typeof S.Measure>;
export type MeasureKind = z.infer<typeof S.MeasureKind>;
export type Direction = z.infer<typeof S.Direction>;
export type Method = z.infer<typeof S.Method>;
export type Period = z.infer<typeof S.Period>;
export type PeriodTarget = z.infer<typeof S.PeriodTarget>;
export type Actual = z.infer<typeof S.Actual>;
export type Investment = z.infer<typeof S.Investment>;
export type InvestmentCategory = z.infer<typeof S.InvestmentCategory>;
export type Impact = z.infer<typeof S.Impact>;
export type Curve = z.infer<typeof S.Curve>;
export type Confidence = z.infer<typeof S.Confidence>;
export type Scenario = z.infer<typeof S.Scenario>;

/** One scorecard: everything a `.scorecard` file holds. Array order is display order. */
export interface ScorecardDocument {
  scorecard: Scorecard;
  perspectives: Perspective[];
  objectives: Objective[];
  links: Link[];
  measures: Measure[];
  periods: Period[];
  periodTargets: PeriodTarget[];
  actuals: Actual[];
  investments: Investment[];
  impacts: Impact[];
  scenarios: Scenario[];
}

/** A validation finding, addressed by a path such as `measures[12].target`. */
export interface Problem {
  path: string;
  message: string;
  severity: "error" | "warning";
}
