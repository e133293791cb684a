/** Turns a template definition into a document with fresh ids (keys are resolved to UUIDs). */
import { DEFAULT_SCORING } from "../domain/limits.ts";
import { periodSequence } from "../domain/periods.ts";
import type { ScorecardDocument } from "../domain/types.ts";
import type { TemplateDefinition } from "./definition.ts";

export interface InstantiateOptions {
  /** Source of new UUIDs: crypto.randomUUID in the app, a seeded generator in tests. */
  newId: () => string;
  /** ISO timestamp written as created/modified. */
  now: string;
  appVersion: string;
  /** Periods to create: `count` periods of the template's kind from `firstStart` (YYYY-MM-DD). */
  periods?: { firstStart: string; count: number };
}

/** Periods a new scorecard starts with unless told: one year of its kind. */
export const PERIODS_PER_YEAR = { month: 12, quarter: 4, year: 1 } as const;
/** The most periods a new scorecard may be created with (20 years of months). */
export const MAX_NEW_PERIODS = 240;

/** The default `periods` option: one year of the template's period kind from 1 January of `now`'s year. */
export function defaultPeriods(def: TemplateDefinition, now: string): { firstStart: string; count: number } {
  return { firstStart: `${now.slice(0, 4)}-01-01`, count: PERIODS_PER_YEAR[def.scorecard.periodKind] };
}

export function instantiateTemplate(def: TemplateDefinition, opts: InstantiateOptions): ScorecardDocument {
  const ids = new Map<string, string>();
  const idOf = (key: string): string => {
    let id = ids.get(key);
    if (id === undefined) {
      id = opts.newId();
      ids.set(key, id);
    }
    return id;
  };
  const ref = (kind: string, key: string, known: ReadonlySet<string>): string => {
    if (!known.has(key)) throw new Error(`template ${def.key}: unknown ${kind} "${key}"`);
    return idOf(key);
  };
  const allKeys = [...def.perspectives, ...def.objectives, ...def.measures, ...def.investments].map((e) => e.key);
  const duplicate = allKeys.find((key, i) => allKeys.indexOf(key) !== i);
  if (duplicate !== undefined) throw new Error(`template ${def.key}: key "${duplicate}" is used twice`);
  const perspectiveKeys = new Set(def.perspectives.map((p) => p.key));
  const objectiveKeys = new Set(def.objectives.map((o) => o.key));
  const measureKeys = new Set(def.measures.map((m) => m.key));
  const investmentKeys = new Set(def.investments.map((i) => i.key));

  return {
    scorecard: {
      id: opts.newId(),
      ...def.scorecard,
      scoring: {
        ...DEFAULT_SCORING,
        thresholds: { ...DEFAULT_SCORING.thresholds },
      },
      createdAt: opts.now,
      modifiedAt: opts.now,
      appVersion: opts.appVersion,
    },
    perspectives: def.perspectives.map((p, order) => ({
      id: idOf(p.key),
      name: p.name,
      description: p.description,
      order,
      weight: p.weight,
      color: p.color,
    })),
    objectives: def.objectives.map((o) => ({
      id: idOf(o.key),
      perspectiveId: ref("perspective", o.perspective, perspectiveKeys),
      name: o.name,
      description: o.description,
      owner: o.owner,
      weight: o.weight,
      position: null,
    })),
    links: def.links.map((l) => ({
      id: opts.newId(),
      fromId: ref("objective", l.from, objectiveKeys),
      toId: ref("objective", l.to, objectiveKeys),
      strength: l.strength,
      note: l.note ?? "",
    })),
    measures: def.measures.map((m) => ({
      id: idOf(m.key),
      objectiveId: ref("objective", m.objective, objectiveKeys),
      name: m.name,
      description: m.description ?? "",
      unit: m.unit,
      kind: m.kind,
      direction: m.direction,
      method: m.method,
      baseline: m.baseline,
      target: m.target,
      // Copies, so that editing a document never edits the built-in template.
      band: m.band ? { ...m.band } : null,
      validRange: m.validRange ? { ...m.validRange } : null,
      weight: m.weight,
      frequency: m.frequency,
      owner: m.owner,
      dataSource: m.dataSource,
      thresholds: m.thresholds ? { ...m.thresholds } : null,
    })),
    periods: opts.periods
      ? periodSequence(def.scorecard.periodKind, opts.periods.firstStart, opts.periods.count).map((slot) => ({
          id: opts.newId(),
          ...slot,
        }))
      : [],
    periodTargets: [],
    actuals: [],
    investments: def.investments.map((i) => ({
      id: idOf(i.key),
      name: i.name,
      description: i.description ?? "",
      category: i.category,
      baseSpend: i.baseSpend,
      minSpend: i.minSpend ?? 0,
      maxSpend: i.maxSpend ?? 3 * i.baseSpend,
    })),
    impacts: def.impacts.map((imp) => ({
      id: opts.newId(),
      investmentId: ref("investment", imp.investment, investmentKeys),
      measureId: ref("measure", imp.measure, measureKeys),
      effect: imp.effect,
      curve: imp.curve,
      lag: imp.lag,
      confidence: imp.confidence,
    })),
    scenarios: [],
  };
}
