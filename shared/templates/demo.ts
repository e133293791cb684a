/**
 * The demo scorecard: the IT Value template filled in for a fictional mid-size company, with eight
 * quarters of actuals, two interim targets and two saved scenarios. Everything is generated
 * deterministically (seeded per measure), so the demo is identical on every machine and every run.
 */
import type { Actual, Measure, PeriodTarget, Scenario, ScorecardDocument } from "../domain/types.ts";
import { instantiateTemplate } from "./instantiate.ts";
import { itValueTemplate } from "./it-value.ts";
import { prng } from "../random/prng.ts";

export interface DemoOptions {
  newId: () => string;
  now: string;
  appVersion: string;
}

const ORGANIZATION = "Northwind Logistics";
const PERIOD_COUNT = 8; // 2025-Q1 … 2026-Q4

/**
 * How a measure's actuals evolve over the eight quarters.
 * - `reach`: share of the way from baseline to target covered by the last quarter (1 = on target,
 *   above 1 = beyond it, below 0.6 = lagging badly); `shape` > 1 means a slow start.
 * - `values`: a fixed series (binary measures that flip, band measures that wander, incidents).
 */
type Path =
  | { reach: number; shape?: number; noise?: number; decimals?: number }
  | { values: readonly number[]; decimals?: number };

const PATHS: Readonly<Record<string, Path>> = {
  // Business Value
  "bv.revenue-enabled": { reach: 0.85, shape: 1.4, decimals: 1 },
  "bv.digital-share": { reach: 0.95 },
  "bv.time-to-market": { reach: 0.7 },
  "bv.cost-per-user": { reach: 1.05 },
  "bv.transform-share": { reach: 0.45, shape: 1.5 },
  "bv.it-spend-revenue": { values: [5.2, 5.0, 4.9, 4.6, 4.4, 4.2, 4.5, 4.3] },
  "bv.security-incidents": { values: [4, 3, 5, 3, 2, 2, 1, 2] },
  "bv.audit-findings": { values: [3, 3, 4, 2, 2, 1, 1, 1] },
  "bv.dr-tested": { values: [40, 55, 80, 100, 100, 100, 100, 100] },
  // Stakeholders
  "st.business-sat": { reach: 0.9, decimals: 2 },
  "st.first-contact": { reach: 1 },
  "st.desk-csat": { reach: 0.8 },
  "st.roadmaps": { reach: 1.1, noise: 0.04 },
  "st.benefits": { reach: 0.65, shape: 1.3 },
  "st.on-time": { reach: 0.4 },
  "st.on-budget": { reach: 0.75 },
  "st.backlog-age": { reach: 0.9 },
  // Operational Excellence
  "ox.availability": { values: [99.12, 99.58, 99.66, 99.71, 99.78, 99.83, 99.86, 99.91], decimals: 2 },
  "ox.mttr": { values: [8.9, 6.1, 5.6, 5.0, 4.2, 3.9, 3.1, 2.8], decimals: 1 },
  "ox.major-incidents": { values: [11, 8, 9, 7, 6, 6, 5, 5] },
  "ox.deploy-freq": { reach: 1.2, shape: 1.3, decimals: 1 },
  "ox.change-fail": { reach: 0.9 },
  "ox.lead-time": { reach: 0.85 },
  "ox.patch": { reach: 0.95 },
  "ox.crit-vulns": { reach: 0.7 },
  "ox.priv-no-mfa": { values: [37, 31, 24, 16, 9, 4, 1, 0] },
  "ox.phishing": { reach: 1 },
  "ox.capacity": { values: [48, 54, 62, 71, 84, 78, 87, 76] },
  "ox.cloud-variance": { values: [14, 11, 6, 3, -2, 9, 4, -7] },
  "ox.automation": { reach: 0.95, shape: 1.2 },
  // Future Readiness
  "fr.engagement": { reach: 0.8 },
  "fr.key-skills": { reach: 0.85 },
  "fr.attrition": { reach: 0.25 },
  "fr.training": { reach: 1, decimals: 1 },
  "fr.cloud-share": { reach: 0.9 },
  "fr.tech-debt": { reach: 0.75, shape: 1.3 },
  "fr.apis": { reach: 1.15 },
  "fr.data-products": { reach: 1, shape: 1.3 },
  "fr.self-service": { reach: 0.9 },
  "fr.pilots": { reach: 0.75, shape: 1.5 },
};

/** Cells left empty on purpose (measure key → period index), so carry-forward and staleness show. */
const MISSING: Readonly<Record<string, readonly number[]>> = {
  "bv.revenue-enabled": [7],
  "st.benefits": [7],
  "fr.engagement": [7],
  "fr.key-skills": [6],
};

const NOTES: Readonly<Record<string, Readonly<Record<number, string>>>> = {
  "ox.availability": {
    0: "Major incident 14 Mar: storage array failure in the primary data centre, order entry down 9 h.",
  },
  "ox.change-fail": { 3: "Peak-season change freeze lifted late; three failed ERP releases in November." },
  "fr.engagement": { 5: "Pulse survey response rate 71 %; warehouse systems reorganisation announced in May." },
};

/** Interim targets for one measure (periods by index); both above the baseline, as the rules require. */
const PERIOD_TARGETS: Readonly<Record<string, Readonly<Record<number, number>>>> = {
  "fr.cloud-share": { 3: 45, 5: 55 },
};

/** Spend multipliers per investment key (others stay at base spend). */
const SCENARIOS: ReadonlyArray<{ name: string; notes: string; factors: Readonly<Record<string, number>> }> = [
  {
    name: "Cloud-first",
    notes:
      "Accelerate the cloud migration: Cloud & Infrastructure +30 %, partly funded by 10 % less on the " +
      "Application Portfolio.",
    factors: { "inv.cloud": 1.3, "inv.apps": 0.9 },
  },
  {
    name: "Security catch-up",
    notes: "Close the vulnerability and privileged-access backlog within a year: Security +50 %.",
    factors: { "inv.security": 1.5 },
  },
];

/** 32-bit FNV-1a hash of a string: the seed of a measure's noise. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function defaultDecimals(m: Measure): number {
  if (m.unit.includes("%")) return 1;
  return Number.isInteger(m.baseline) && Number.isInteger(m.target) ? 0 : 1;
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

function clampTo(value: number, m: Measure): number {
  const r = m.validRange;
  return r ? Math.min(r.max, Math.max(r.min, value)) : value;
}

/** The eight quarterly values of one measure. */
function series(key: string, m: Measure): number[] {
  const path: Path = PATHS[key] ?? { reach: 0.9 };
  const decimals = path.decimals ?? defaultDecimals(m);
  if ("values" in path) return path.values.map((v) => clampTo(roundTo(v, decimals), m));
  const rand = prng(hash(key));
  const span = m.target - m.baseline;
  const noise = path.noise ?? 0.08;
  const shape = path.shape ?? 1;
  const out: number[] = [];
  for (let i = 0; i < PERIOD_COUNT; i++) {
    const progress = ((i + 1) / PERIOD_COUNT) ** shape;
    const wobble = (rand() * 2 - 1) * noise * Math.abs(span);
    out.push(clampTo(roundTo(m.baseline + path.reach * span * progress + wobble, decimals), m));
  }
  return out;
}

export function demoScorecard(opts: DemoOptions): ScorecardDocument {
  const def = {
    ...itValueTemplate,
    scorecard: {
      ...itValueTemplate.scorecard,
      title: `${ORGANIZATION} — IT Value Scorecard`,
      organization: ORGANIZATION,
    },
  };
  const doc = instantiateTemplate(def, {
    newId: opts.newId,
    now: opts.now,
    appVersion: opts.appVersion,
    periods: { firstStart: "2025-01-01", count: PERIOD_COUNT },
  });

  // The template's measures and investments come out in definition order, so keys map by index.
  const measureIdByKey = new Map(def.measures.map((m, i) => [m.key, doc.measures[i]?.id ?? ""]));

  const actuals: Actual[] = [];
  def.measures.forEach((mdef, mi) => {
    const measure = doc.measures[mi];
    if (!measure) return;
    const values = series(mdef.key, measure);
    const missing = MISSING[mdef.key] ?? [];
    doc.periods.forEach((period, pi) => {
      const value = values[pi];
      if (value === undefined || missing.includes(pi)) return;
      actuals.push({ measureId: measure.id, periodId: period.id, value, note: NOTES[mdef.key]?.[pi] ?? "" });
    });
  });

  const periodTargets: PeriodTarget[] = [];
  for (const [key, byPeriod] of Object.entries(PERIOD_TARGETS)) {
    const measureId = measureIdByKey.get(key);
    if (!measureId) continue;
    for (const [index, target] of Object.entries(byPeriod)) {
      const period = doc.periods[Number(index)];
      if (period) periodTargets.push({ measureId, periodId: period.id, target });
    }
  }

  const scenarios: Scenario[] = SCENARIOS.map((s) => {
    const spend: Record<string, number> = {};
    def.investments.forEach((idef, ii) => {
      const inv = doc.investments[ii];
      if (!inv) return;
      const wanted = Math.round(inv.baseSpend * (s.factors[idef.key] ?? 1));
      spend[inv.id] = Math.min(inv.maxSpend, Math.max(inv.minSpend, wanted));
    });
    return { id: opts.newId(), name: s.name, notes: s.notes, spend, createdAt: opts.now };
  });

  return { ...doc, actuals, periodTargets, scenarios };
}
