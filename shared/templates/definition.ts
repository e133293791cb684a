/**
 * Templates are data: entities refer to each other by readable keys ("bv.revenue"), and
 * instantiate.ts turns a definition into a document with fresh UUIDs. Keys never reach a file.
 */
import type {
  Confidence,
  Curve,
  Direction,
  InvestmentCategory,
  MeasureKind,
  Method,
  PeriodKind,
} from "../domain/types.ts";

export interface TemplateDefinition {
  key: string;
  name: string;
  /** One or two sentences for the start screen's template preview. */
  summary: string;
  scorecard: {
    title: string;
    organization: string;
    currency: string;
    periodKind: PeriodKind;
  };
  /** Listed top (order 0, Business Value) to bottom. */
  perspectives: Array<{
    key: string;
    name: string;
    description: string;
    weight: number;
    color: string;
  }>;
  objectives: Array<{
    key: string;
    perspective: string;
    name: string;
    description: string;
    owner: string;
    weight: number;
  }>;
  links: Array<{ from: string; to: string; strength: number; note?: string }>;
  measures: Array<{
    key: string;
    objective: string;
    name: string;
    description?: string;
    unit: string;
    kind: MeasureKind;
    direction: Direction;
    method: Method;
    baseline: number;
    target: number;
    band?: { low: number; high: number; tolerance: number };
    validRange?: { min: number; max: number };
    weight: number;
    frequency: PeriodKind;
    owner: string;
    dataSource: string;
    thresholds?: { green: number; amber: number };
  }>;
  investments: Array<{
    key: string;
    name: string;
    description?: string;
    category: InvestmentCategory;
    baseSpend: number;
    minSpend?: number;
    maxSpend?: number;
  }>;
  impacts: Array<{
    investment: string;
    measure: string;
    effect: number;
    curve: Curve;
    lag: number;
    confidence: Confidence;
  }>;
}
