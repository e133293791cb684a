/**
 * "Why is this 62 %?" (SPEC §2): every number of a score table explained as its formula with the
 * real values substituted, plus notes on what shaped it (cap, carry-forward, period target,
 * excluded items, coverage). Built on demand, never in the scoring loop.
 */
import type { ScoreTable } from "./engine.ts";
import type { ScoringModel } from "./model.ts";
import { finiteOrNull } from "./view.ts";
import { plainText, quote } from "../domain/readable-path.ts";

export interface Explanation {
  /** The result as a fraction, or null when there is no score. */
  result: number | null;
  formula: string;
  /** The formula with the real values, ending in "= result". */
  substituted: string;
  notes: string[];
}

/** Terms listed in a roll-up before the rest is summarized, so a 500-measure objective stays readable. */
const MAX_TERMS = 12;

export function explainMeasure(model: ScoringModel, table: ScoreTable, i: number, k: number): Explanation {
  const m = model.doc.measures[i];
  const P = model.periodCount;
  const cell = i * P + k;
  if (!m || k < 0 || k >= P) return noScore("Σ", ["No such measure or period."]);
  const notes: string[] = [];
  const a = finiteOrNull(model.value[cell]);
  const t = model.target[cell] as number;
  const p = finiteOrNull(table.measure[cell]);
  const source = model.valueSource[cell] as number;
  if (model.stale[cell] === 1) {
    notes.push(
      `No actual in ${labelOf(model, k)}: the value ${num(a)} is carried forward from ${labelOf(model, source)} (stale).`,
    );
  }
  if (model.hasPeriodTarget[cell] === 1)
    notes.push(`This period has its own target ${num(t)} (replaces ${num(m.target)}).`);

  if (a === null) {
    if (model.policy === "zero") {
      return {
        result: 0,
        formula: "p = 0",
        substituted: "p = 0",
        notes: [...notes, "No actual: the missing-data policy scores it as 0."],
      };
    }
    const why =
      model.policy === "exclude"
        ? "No actual in this period: the missing-data policy leaves it out of the roll-up."
        : "No actual in this or any earlier period: nothing to carry forward.";
    return noScore(formulaOf(m.method, m.direction), [...notes, why]);
  }

  let substituted: string;
  let raw: number;
  if (m.method === "linear") {
    raw = (a - m.baseline) / (t - m.baseline);
    substituted = `p = (${num(a)} − ${num(m.baseline)}) / (${num(t)} − ${num(m.baseline)}) = ${num(raw)}`;
  } else if (m.method === "band") {
    const { low, high, tolerance } = m.band ?? { low: 0, high: 0, tolerance: 0 };
    if (a < low) {
      raw = tolerance > 0 ? 1 - (low - a) / tolerance : 0;
      substituted =
        tolerance > 0
          ? `p = 1 − (${num(low)} − ${num(a)}) / ${num(tolerance)} = ${num(raw)}`
          : "p = 0 (below the band, no tolerance)";
    } else if (a > high) {
      raw = tolerance > 0 ? 1 - (a - high) / tolerance : 0;
      substituted =
        tolerance > 0
          ? `p = 1 − (${num(a)} − ${num(high)}) / ${num(tolerance)} = ${num(raw)}`
          : "p = 0 (above the band, no tolerance)";
    } else {
      raw = 1;
      substituted = `p = 1 (${num(a)} lies within [${num(low)}, ${num(high)}])`;
    }
  } else {
    const met = m.direction === "lower" ? a <= t : a >= t;
    raw = met ? 1 : 0;
    substituted = `p = ${raw} (${num(a)} ${met ? (m.direction === "lower" ? "≤" : "≥") : m.direction === "lower" ? ">" : "<"} ${num(t)})`;
  }
  if (raw > model.cap) notes.push(`Capped at ${pct(model.cap)} (over-achievement cap).`);
  if (raw < 0) notes.push(`Raised to 0 %: the value is on the wrong side of the baseline.`);
  return { result: p, formula: formulaOf(m.method, m.direction), substituted: `${substituted} → ${pct(p)}`, notes };
}

export function explainObjective(model: ScoringModel, table: ScoreTable, o: number, k: number): Explanation {
  const children = model.measuresByObjective[o] ?? [];
  const names = children.map((i) => model.doc.measures[i]?.name ?? "");
  return explainRollUp(
    children,
    names,
    (i) => model.weight[i] as number,
    (i) => finiteOrNull(table.measure[i * model.periodCount + k]),
    finiteOrNull(table.objective[o * model.periodCount + k]),
    finiteOrNull(table.objectiveCoverage[o * model.periodCount + k]) ?? 0,
    "measures",
  );
}

export function explainPerspective(model: ScoringModel, table: ScoreTable, q: number, k: number): Explanation {
  const children = model.objectivesByPerspective[q] ?? [];
  return explainRollUp(
    children,
    children.map((o) => model.doc.objectives[o]?.name ?? ""),
    (o) => model.objectiveWeight[o] as number,
    (o) => finiteOrNull(table.objective[o * model.periodCount + k]),
    finiteOrNull(table.perspective[q * model.periodCount + k]),
    finiteOrNull(table.perspectiveCoverage[q * model.periodCount + k]) ?? 0,
    "objectives",
  );
}

export function explainOverall(model: ScoringModel, table: ScoreTable, k: number): Explanation {
  const children = model.perspectiveOrder.map((_, q) => q);
  return explainRollUp(
    children,
    model.perspectiveOrder.map((d) => model.doc.perspectives[d]?.name ?? ""),
    (q) => model.perspectiveWeight[q] as number,
    (q) => finiteOrNull(table.perspective[q * model.periodCount + k]),
    finiteOrNull(table.overall[k]),
    finiteOrNull(table.overallCoverage[k]) ?? 0,
    "perspectives",
  );
}

/** The leading or lagging index: measures of that kind weighted by their absolute weight. */
export function explainIndex(
  model: ScoringModel,
  table: ScoreTable,
  kind: "leading" | "lagging",
  k: number,
): Explanation {
  const P = model.periodCount;
  const wanted = kind === "leading" ? 1 : 0;
  const children = Array.from({ length: model.measureCount }, (_, i) => i).filter((i) => model.leading[i] === wanted);
  let withData = 0;
  let total = 0;
  for (const i of children) {
    total += model.absoluteWeight[i] as number;
    if (!Number.isNaN(model.value[i * P + k] as number)) withData += model.absoluteWeight[i] as number;
  }
  const explanation = explainRollUp(
    children,
    children.map((i) => model.doc.measures[i]?.name ?? ""),
    (i) => model.absoluteWeight[i] as number,
    (i) => finiteOrNull(table.measure[i * P + k]),
    finiteOrNull((kind === "leading" ? table.leading : table.lagging)[k]),
    total > 0 ? withData / total : 0,
    `${kind} measures`,
  );
  return {
    ...explanation,
    formula: `Σ wᵢ·pᵢ / Σ wᵢ over ${kind} measures with a score, wᵢ = absolute weight (the product of the weight shares of measure, objective and perspective)`,
  };
}

/** The trend of one series (a row of a score table): this period's score minus the previous one's. */
export function explainTrend(model: ScoringModel, series: Float64Array, row: number, k: number): Explanation {
  const P = model.periodCount;
  const now = k >= 0 && k < P ? finiteOrNull(series[row * P + k]) : null;
  const before = k >= 1 && k <= P ? finiteOrNull(series[row * P + k - 1]) : null;
  const formula = "trend = score in this period − score in the previous period";
  const label = (kk: number) => labelOf(model, kk);
  if (now === null || before === null) {
    return noScore(formula, [k < 1 ? "There is no previous period." : "One of the two periods has no score."]);
  }
  const points = Math.round((now - before) * 1000) / 10;
  return {
    result: now - before,
    formula,
    substituted: `${pct(now)} (${label(k)}) − ${pct(before)} (${label(k - 1)}) = ${points > 0 ? "+" : ""}${points} pts`,
    notes: [],
  };
}

function explainRollUp(
  children: readonly number[],
  names: readonly string[],
  weightOf: (c: number) => number,
  scoreOf: (c: number) => number | null,
  result: number | null,
  coverage: number,
  what: string,
): Explanation {
  const formula = "Σ wᵢ·pᵢ / Σ wᵢ over items with a score";
  const notes: string[] = [];
  const scored: Array<{ w: number; p: number }> = [];
  const left: string[] = [];
  children.forEach((c, n) => {
    const p = scoreOf(c);
    // Names come from the file: quoted as every message quotes them (one line, no direction controls).
    if (p === null) left.push(quote(names[n] ?? ""));
    else scored.push({ w: weightOf(c), p });
  });
  if (left.length > 0)
    notes.push(`Left out (no score): ${left.slice(0, MAX_TERMS).join(", ")}${more(left.length, ",")}.`);
  notes.push(`Coverage ${pct(coverage)}: the share of the weight of its ${what} that has data.`);
  if (scored.length === 0 || result === null) return noScore(formula, [`No ${what} with a score.`, ...notes]);
  const shown = scored.slice(0, MAX_TERMS);
  const numerator = shown.map(({ w, p }) => `${num(w)} × ${num(p)}`).join(" + ") + more(scored.length);
  const denominator = shown.map(({ w }) => num(w)).join(" + ") + more(scored.length);
  return { result, formula, substituted: `(${numerator}) / (${denominator}) = ${num(result)} → ${pct(result)}`, notes };
}

function formulaOf(method: string, direction: string): string {
  if (method === "linear") {
    return `p = (actual − baseline) / (target − baseline), ${direction === "lower" ? "lower" : "higher"} is better, clamped to [0, cap]`;
  }
  if (method === "band") {
    return "p = 1 inside [low, high], falling linearly to 0 at low − tolerance and high + tolerance";
  }
  return direction === "lower" ? "p = 1 if actual ≤ target, else 0" : "p = 1 if actual ≥ target, else 0";
}

function noScore(formula: string, notes: string[]): Explanation {
  return { result: null, formula, substituted: "no score", notes };
}

function more(count: number, separator = " +"): string {
  return count > MAX_TERMS ? `${separator} … (${count - MAX_TERMS} more)` : "";
}

/** Plain, locale-free numbers: up to 4 decimals, no trailing zeros. */
export function num(x: number | null): string {
  if (x === null) return "—";
  return String(Math.round(x * 10_000) / 10_000);
}

/** A fraction as a percentage with one decimal: 0.625 → "62.5 %". */
export function pct(x: number | null): string {
  return x === null ? "—" : `${Math.round(x * 1000) / 10} %`;
}

/** A period's label from the file, safe in a sentence: no control or direction characters. */
function labelOf(model: ScoringModel, k: number): string {
  const label = model.periods[k]?.label;
  return label === undefined ? "?" : plainText(label);
}
