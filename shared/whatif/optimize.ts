/**
 * The optimizer (SPEC §3): the allocation of a total spend over the investments, each inside its
 * slider range, that maximizes the settled overall score. docs/optimizer.md explains the choice:
 *   1. starts — the current spend moved onto the total; every allocation a user reaches by moving
 *      one slider to the total; a greedy marginal allocation from the minimums (optimal when the
 *      score is separable and concave in each spend); for up to five investments a lattice over all;
 *   2. from the best few starts, a pattern search of transfers (move δ of spend from one investment
 *      to another), δ halving from a quarter of the widest range to 1/65,536 of it, each transfer
 *      kept only when it scores higher;
 *   3. the best point found. Every probe is feasible and a point only ever improves, so the result
 *      beats or matches every start — in particular every one-slider allocation.
 * Deterministic: the same model, spend and total give the same allocation.
 */
import type { WhatIfModel } from "./model.ts";
import { createWorkspace, project, type Workspace } from "./project.ts";
import { totalOf } from "./spend.ts";

export interface OptimizeOptions {
  /** Total to allocate; default the total of `current`. */
  total?: number;
}

export interface OptimizeResult {
  /** Proposed allocation, one entry per investment slot. */
  spend: Float64Array;
  /** Settled overall score of `spend` (NaN when nothing has a score). */
  overall: number;
  /** Settled overall of `current`, as given. */
  startOverall: number;
  total: number;
  /** project() calls used. */
  evaluations: number;
}

/** The total cannot be allocated within the slider ranges; the message is meant for the user. */
export class OptimizerRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OptimizerRefused";
  }
}

/** An improvement below this is rounding noise, not progress (scores are fractions around 0 … 2). */
const IMPROVEMENT = 1e-12;
/** δ ladder: a quarter of the widest range, halved LEVELS − 1 times (down to 2^−25 of the range). */
const LEVELS = 24;
/** Chunks of the budget the greedy start hands out. */
const GREEDY_CHUNKS = 32;
/** The lattice start: for up to this many investments, at most this many points. */
const LATTICE_MAX_INVESTMENTS = 5;
const LATTICE_POINTS = 40_000;
/** Starts that get a full pattern search. */
const SEARCHED_STARTS = 3;
/**
 * Pattern search tries every pair of investments while that fits this many evaluations per
 * sweep; beyond, the pairs the one-sided probes rank highest (see sweep()).
 */
const ALL_PAIRS_UP_TO = 120;
const RANKED_PAIRS = 12;
/**
 * The budget, in units of work: one evaluation costs about one unit per impact, three per
 * impacted measure (re-scoring), one per objective, link and perspective. The lattice may use
 * LATTICE_WORK, the whole run WORK: about 150 ms at 1,000 measures and 20 investments (SPEC §6:
 * under 200 ms), and tens of thousands of evaluations for a small scorecard. Counted in
 * evaluations, not in time, so the result does not depend on the machine.
 */
const WORK = 1.2e7;
const LATTICE_WORK = 4e6;

export function optimize(
  model: WhatIfModel,
  current: ArrayLike<number>,
  options: OptimizeOptions = {},
): OptimizeResult {
  const N = model.investmentIds.length;
  const total = options.total ?? totalOf(current);
  const minTotal = totalOf(model.min);
  const maxTotal = totalOf(model.max);
  const range = `${plain(minTotal)} … ${plain(maxTotal)}`;
  if (!Number.isFinite(total))
    throw new OptimizerRefused(`the total ${total} is not a finite number; the slider ranges allow ${range}`);
  if (total < 0) throw new OptimizerRefused(`the total ${plain(total)} is negative; the slider ranges allow ${range}`);
  if (total < minTotal - tolerance(total) || total > maxTotal + tolerance(total)) {
    throw new OptimizerRefused(`the total ${plain(total)} is outside what the slider ranges allow: ${range}`);
  }
  const search = new Search(model, total);
  const startOverall = search.value(current);

  const starts = new Starts(SEARCHED_STARTS);
  const nearest = onto(Float64Array.from(current), model, total);
  starts.offer(search.value(nearest), nearest);
  if (N > 1 && model.impactIds.length > 0 && !Number.isNaN(starts.bestValue)) {
    oneSliderStarts(search, current, starts);
    greedyStart(search, starts);
    if (N <= LATTICE_MAX_INVESTMENTS) latticeStarts(search, starts);
    const initial = starts.points.map((p, k) => ({ s: Float64Array.from(p), f: starts.values[k] as number }));
    for (const { s, f } of initial) {
      if (search.exhausted) break;
      starts.offer(search.climb(s, f), s);
    }
  }
  const spend = Float64Array.from(starts.points[0] as Float64Array);
  fitTotal(spend, model, total);
  return { spend, overall: search.value(spend), startOverall, total, evaluations: search.evaluations };
}

/** Evaluations (counted) and the pattern search over transfers. */
class Search {
  evaluations = 0;
  private readonly ws: Workspace;
  private readonly probe: Float64Array;
  private readonly up: Float64Array;
  private readonly down: Float64Array;
  /** The widest slider range: the scale of every step. */
  private readonly span: number;
  /** Investments with an active impact: moving only the others cannot change the score. */
  private readonly moves: Uint8Array;
  /** Evaluations the whole run may use, and the lattice. */
  readonly budget: number;
  readonly latticeBudget: number;

  constructor(
    readonly model: WhatIfModel,
    readonly total: number,
  ) {
    const N = model.investmentIds.length;
    this.ws = createWorkspace(model);
    this.probe = new Float64Array(N);
    this.up = new Float64Array(N);
    this.down = new Float64Array(N);
    let span = 0;
    for (let n = 0; n < N; n++) span = Math.max(span, (model.max[n] as number) - (model.min[n] as number));
    this.span = span;
    const { objectiveCount, perspectiveCount } = model.scoring;
    const cost =
      1 +
      model.impactIds.length +
      3 * model.impactedMeasures.length +
      objectiveCount +
      model.inFrom.length +
      perspectiveCount;
    this.budget = Math.floor(WORK / cost);
    this.latticeBudget = Math.min(LATTICE_POINTS, Math.floor(LATTICE_WORK / cost));
    this.moves = new Uint8Array(N);
    for (let k = 0; k < model.impactInvestment.length; k++) this.moves[model.impactInvestment[k] as number] = 1;
  }

  get exhausted(): boolean {
    return this.evaluations >= this.budget;
  }

  value(spend: ArrayLike<number>): number {
    this.evaluations++;
    return project(this.model, spend, this.ws);
  }

  /** Improves `s` (value `f`) in place by transfers down the δ ladder; returns its new value. */
  climb(s: Float64Array, f: number): number {
    let value = f;
    for (let level = 0; level < LEVELS && !this.exhausted; level++) {
      const delta = this.span / 2 ** (level + 2);
      // Repeat a level while it improves: a run of transfers in one direction is one slope.
      for (let rounds = 0; rounds < 64 && !this.exhausted; rounds++) {
        const improved = this.sweep(s, value, delta);
        if (!(improved > value + IMPROVEMENT)) break;
        value = improved;
      }
    }
    return value;
  }

  /**
   * One pass of transfers of δ between pairs of investments, each kept when it improves. With
   * many investments, only the pairs whose one-sided probes (+δ on one, −δ on the other) add up
   * best are tried: for a separable score those estimates are exact.
   */
  private sweep(s: Float64Array, f: number, delta: number): number {
    const N = s.length;
    let value = f;
    const pairs = N * (N - 1);
    if (pairs <= ALL_PAIRS_UP_TO) {
      for (let i = 0; i < N; i++) {
        for (let j = 0; j < N; j++) if (i !== j) value = this.transfer(s, value, i, j, delta);
      }
      return value;
    }
    const { up, down } = this;
    for (let n = 0; n < N; n++) {
      up[n] = this.oneSided(s, value, n, delta);
      down[n] = this.oneSided(s, value, n, -delta);
    }
    const ranked: Array<[number, number, number]> = [];
    for (let i = 0; i < N; i++) {
      for (let j = 0; j < N; j++) {
        if (i !== j && (this.moves[i] === 1 || this.moves[j] === 1))
          ranked.push([(down[i] as number) + (up[j] as number), i, j]);
      }
    }
    ranked.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    for (let r = 0; r < Math.min(RANKED_PAIRS, ranked.length); r++) {
      const [, i, j] = ranked[r] as [number, number, number];
      value = this.transfer(s, value, i, j, delta);
    }
    return value;
  }

  /** Score change of moving investment n alone by `step` (within its range), −∞ when it cannot move. */
  private oneSided(s: Float64Array, f: number, n: number, step: number): number {
    const { model, probe } = this;
    const to = clip((s[n] as number) + step, model.min[n] as number, model.max[n] as number);
    if (to === s[n] || this.moves[n] !== 1) return to === s[n] ? Number.NEGATIVE_INFINITY : 0;
    probe.set(s);
    probe[n] = to;
    return this.value(probe) - f;
  }

  /** Moves up to δ from i to j when both ranges allow it and the score rises; returns the value. */
  private transfer(s: Float64Array, f: number, i: number, j: number, delta: number): number {
    if (this.moves[i] !== 1 && this.moves[j] !== 1) return f;
    const { model, probe } = this;
    const amount = Math.min(
      delta,
      (s[i] as number) - (model.min[i] as number),
      (model.max[j] as number) - (s[j] as number),
    );
    if (!(amount > 0)) return f;
    probe.set(s);
    probe[i] = (s[i] as number) - amount;
    probe[j] = (s[j] as number) + amount;
    const v = this.value(probe);
    if (!(v > f + IMPROVEMENT)) return f;
    s.set(probe);
    return v;
  }
}

/** The best few distinct starting points, best first (ties keep the earlier one). */
class Starts {
  readonly points: Float64Array[] = [];
  readonly values: number[] = [];
  constructor(private readonly keep: number) {}

  get size(): number {
    return this.points.length;
  }

  get bestValue(): number {
    return this.values[0] ?? Number.NaN;
  }

  offer(value: number, point: Float64Array): void {
    if (Number.isNaN(value)) {
      if (this.points.length === 0) {
        this.points.push(Float64Array.from(point));
        this.values.push(value);
      }
      return;
    }
    const same = this.points.findIndex((p) => p.every((x, n) => x === point[n]));
    if (same >= 0) {
      if (value > (this.values[same] as number)) this.values[same] = value;
      this.sort();
      return;
    }
    let at = this.values.findIndex((v) => Number.isNaN(v) || value > v);
    if (at === -1) at = this.values.length;
    if (at >= this.keep) return;
    this.points.splice(at, 0, Float64Array.from(point));
    this.values.splice(at, 0, value);
    this.points.length = Math.min(this.points.length, this.keep);
    this.values.length = Math.min(this.values.length, this.keep);
  }

  private sort(): void {
    const order = this.values
      .map((_, k) => k)
      .sort((a, b) => (this.values[b] as number) - (this.values[a] as number) || a - b);
    const points = order.map((k) => this.points[k] as Float64Array);
    const values = order.map((k) => this.values[k] as number);
    this.points.splice(0, points.length, ...points);
    this.values.splice(0, values.length, ...values);
  }
}

/** Every allocation a user reaches from `current` by moving one slider until the total is met. */
function oneSliderStarts(search: Search, current: ArrayLike<number>, starts: Starts): void {
  const { model, total } = search;
  const gap = total - totalOf(current);
  for (let n = 0; n < current.length; n++) {
    const s = Float64Array.from(current);
    s[n] = (s[n] as number) + gap;
    if (!within(s, model)) continue;
    starts.offer(search.value(s), s);
  }
}

/**
 * Marginal allocation: everything at its minimum, then the rest of the total handed out in
 * chunks, each to the investment whose chunk raises the score most. For a score that is a sum of
 * concave functions of each spend (saturating curves on measures in their linear range) this is
 * the optimum up to the chunk size.
 */
function greedyStart(search: Search, starts: Starts): void {
  const { model, total } = search;
  const s = Float64Array.from(model.min);
  let left = total - totalOf(s);
  const chunk = left / GREEDY_CHUNKS;
  for (let c = 0; c < GREEDY_CHUNKS && left > 0 && !search.exhausted; c++) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let n = 0; n < s.length; n++) {
      const room = Math.min(chunk, left, (model.max[n] as number) - (s[n] as number));
      if (!(room > 0)) continue;
      s[n] = (s[n] as number) + room;
      const v = search.value(s);
      s[n] = (s[n] as number) - room;
      if (v > bestValue) {
        bestValue = v;
        best = n;
      }
    }
    if (best < 0) break;
    const room = Math.min(chunk, left, (model.max[best] as number) - (s[best] as number));
    s[best] = (s[best] as number) + room;
    left -= room;
  }
  fitTotal(s, model, total);
  starts.offer(search.value(s), s);
}

/**
 * For a few investments, a lattice over the whole feasible set: every investment but the one with
 * the widest range at one of L evenly spaced levels of the range it can reach at this total, that
 * one taking the rest when its range allows. Binary and band measures make the score
 * non-concave; the lattice finds the right region, the pattern search then refines it.
 */
function latticeStarts(search: Search, starts: Starts): void {
  const { model, total } = search;
  const N = model.investmentIds.length;
  const { min, max } = model;
  const minTotal = totalOf(min);
  const maxTotal = totalOf(max);
  const s = new Float64Array(N);
  let rest = 0;
  for (let n = 1; n < N; n++)
    if ((max[n] as number) - (min[n] as number) > (max[rest] as number) - (min[rest] as number)) rest = n;
  // A slider whose range is one point is not a dimension: it stays where it is.
  for (let n = 0; n < N; n++) s[n] = min[n] as number;
  const free = Array.from({ length: N }, (_, n) => n).filter(
    (n) => n !== rest && (max[n] as number) > (min[n] as number),
  );
  if (free.length === 0) return;
  let fixed = 0;
  for (let n = 0; n < N; n++) if (n !== rest && !free.includes(n)) fixed += s[n] as number;
  const reachLo = free.map((n) => Math.max(min[n] as number, total - (maxTotal - (max[n] as number))));
  const reachHi = free.map((n, f) =>
    Math.max(reachLo[f] as number, Math.min(max[n] as number, total - (minTotal - (min[n] as number)))),
  );
  const levels = Math.floor(search.latticeBudget ** (1 / free.length));
  if (levels < 3) return;
  const index = new Int32Array(free.length);
  for (;;) {
    let used = 0;
    free.forEach((n, f) => {
      const lo = reachLo[f] as number;
      s[n] = lo + (((reachHi[f] as number) - lo) * (index[f] as number)) / (levels - 1);
      used += s[n] as number;
    });
    s[rest] = total - used - fixed;
    if (within(s, model)) starts.offer(search.value(s), s);
    let f = 0;
    while (f < free.length && index[f] === levels - 1) index[f++] = 0;
    if (f === free.length) return;
    index[f] = (index[f] as number) + 1;
  }
}

/** `s` moved onto {Σ = total, min ≤ s ≤ max}: clipped, then the gap spread over the room left. */
function onto(s: Float64Array, model: WhatIfModel, total: number): Float64Array {
  for (let n = 0; n < s.length; n++) {
    const x = s[n] as number;
    s[n] = Number.isFinite(x) ? clip(x, model.min[n] as number, model.max[n] as number) : (model.base[n] as number);
  }
  fitTotal(s, model, total);
  return s;
}

/** Spreads total − Σs over the investments in proportion to the room each has, so Σs = total. */
function fitTotal(s: Float64Array, model: WhatIfModel, total: number): void {
  for (let pass = 0; pass < 3; pass++) {
    const gap = total - totalOf(s);
    if (Math.abs(gap) <= tolerance(total) * 1e-3) return;
    let room = 0;
    for (let n = 0; n < s.length; n++)
      room += gap > 0 ? (model.max[n] as number) - (s[n] as number) : (s[n] as number) - (model.min[n] as number);
    if (!(room > 0)) return;
    for (let n = 0; n < s.length; n++) {
      const r = gap > 0 ? (model.max[n] as number) - (s[n] as number) : (s[n] as number) - (model.min[n] as number);
      s[n] = clip((s[n] as number) + (gap * r) / room, model.min[n] as number, model.max[n] as number);
    }
  }
}

function within(s: ArrayLike<number>, model: WhatIfModel): boolean {
  for (let n = 0; n < s.length; n++) {
    const x = s[n] as number;
    if (!(x >= (model.min[n] as number) && x <= (model.max[n] as number))) return false;
  }
  return true;
}

function clip(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}

function tolerance(total: number): number {
  return 1e-9 * Math.max(1, Math.abs(total));
}

function plain(x: number): string {
  return Number.isFinite(x) ? String(Math.round(x * 100) / 100) : String(x);
}
