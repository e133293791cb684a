/**
 * The uncertainty run (SPEC §3): every active impact's effect E is multiplied by 1 + u, u drawn
 * from a symmetric triangular distribution on [−w, +w] whose half-width w is set by the impact's
 * confidence (high 0.1, medium 0.25, low 0.5; model.impactSpread). Each draw projects the spend
 * with those effects; P10 / P50 / P90 over the draws give the band of the settled overall score
 * and of every timeline step. docs/uncertainty.md explains the choices.
 *
 * Reproducible and splittable: draw d's numbers come from prng(drawSeed(seed, d)), so they depend
 * only on (seed, d). Draws can be cut into chunks (sampleMonteCarlo with firstDraw / drawCount),
 * run on any number of workers and merged (mergeMonteCarlo) into exactly the one-run result.
 */
import type { ScorecardDocument } from "../domain/types.ts";
import { fillRandom } from "../random/prng.ts";
import { compileWhatIf, type WhatIfModel } from "./model.ts";
import { createWorkspace, projectTimeline } from "./project.ts";
import { spendOfScenario } from "./spend.ts";
import { finiteOrNull } from "../scoring/view.ts";

export const MAX_DRAWS = 1_000_000;
export const MAX_SEED = 2 ** 32 - 1;
/** What the UI offers by default (SPEC §6 sets the speed target at this size). */
export const DEFAULT_DRAWS = 10_000;

export interface Quantiles {
  p10: number | null;
  p50: number | null;
  p90: number | null;
}

export interface MonteCarloOptions {
  draws: number;
  seed: number;
}

export interface MonteCarloResult {
  seed: number;
  draws: number;
  /** Settled overall score (fractions, 0.62 = 62 %). */
  overall: Quantiles;
  /** Overall − model.baseline.overall. */
  delta: Quantiles;
  /** One per step 0 … model.horizon: the uncertainty band of the timeline. */
  timeline: Quantiles[];
}

/** A run that cannot start: bad draws, seed, chunk or spend. The message says what and why. */
export class MonteCarloRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MonteCarloRefused";
  }
}

/** Draws firstDraw … firstDraw + drawCount − 1 of a run of `draws` (default: all of them). */
export interface MonteCarloChunk extends MonteCarloOptions {
  firstDraw?: number;
  drawCount?: number;
}

/** The raw outcome of a chunk of draws: plain, structured-clone-safe data to merge later. */
export interface MonteCarloSamples {
  seed: number;
  draws: number;
  firstDraw: number;
  drawCount: number;
  /** model.baseline.overall; null when nothing has a score. */
  baseline: number | null;
  /** Settled overall score of each draw, in draw order (NaN = no score). */
  overall: Float64Array;
  /** Per step 0 … horizon, the overall score of each draw at that step, in draw order. */
  timeline: Float64Array[];
}

/**
 * What a worker receives: the document (it compiles the model itself; it must have passed
 * validateDocument), spend by investment id (missing = base spend), and the run. Without firstDraw
 * and drawCount the reply is the summarized result; with either, the samples of that chunk.
 */
export interface MonteCarloRequest {
  document: ScorecardDocument;
  spend: Record<string, number>;
  draws: number;
  seed: number;
  firstDraw?: number;
  drawCount?: number;
}

/** A refusal is a reply rather than a throw: an Error loses its class crossing postMessage. */
export type MonteCarloReply =
  | { kind: "result"; result: MonteCarloResult }
  | { kind: "samples"; samples: MonteCarloSamples }
  | { kind: "refused"; message: string };

/** Runs every draw in this thread. `spend` has one entry per investment slot of the model. */
export function runMonteCarlo(
  model: WhatIfModel,
  spend: ArrayLike<number>,
  options: MonteCarloOptions,
): MonteCarloResult {
  // The buffers are ours alone, so they may be sorted in place.
  return summarize(sampleMonteCarlo(model, spend, { draws: options.draws, seed: options.seed }));
}

/** Runs one chunk of draws (all of them by default) and returns their samples unsummarized. */
export function sampleMonteCarlo(
  model: WhatIfModel,
  spend: ArrayLike<number>,
  chunk: MonteCarloChunk,
): MonteCarloSamples {
  const { draws, seed, firstDraw, drawCount } = checkChunk(chunk);
  checkSpend(model, spend);
  const overall = new Float64Array(drawCount);
  const timeline = Array.from({ length: model.horizon + 1 }, () => new Float64Array(drawCount));
  const ws = createWorkspace(model);
  const scale = new Float64Array(model.impactIds.length);
  const line = new Float64Array(timeline.length);

  for (let j = 0; j < drawCount; j++) {
    drawScales(model, seed, firstDraw + j, scale);
    // The kernel advances one lag step at a time; its last step is the settled score to the bit.
    overall[j] = projectTimeline(model, spend, ws, line, scale);
    for (let t = 0; t < line.length; t++) (timeline[t] as Float64Array)[j] = line[t] as number;
  }
  return { seed, draws, firstDraw, drawCount, baseline: finiteOrNull(model.baseline.overall), overall, timeline };
}

/**
 * Merges the samples of chunks of one run (any order) into its result: identical to runMonteCarlo
 * over all draws, since each draw's value depends only on the model, spend, seed and its index.
 * Refuses chunks of different runs, gaps and overlaps.
 */
export function mergeMonteCarlo(chunks: readonly MonteCarloSamples[]): MonteCarloResult {
  const first = chunks[0];
  if (!first) throw new MonteCarloRefused("There are no chunks to merge.");
  const ordered = [...chunks].sort((a, b) => a.firstDraw - b.firstDraw);
  const steps = first.timeline.length;
  let covered = 0;
  for (const c of ordered) {
    if (c.seed !== first.seed || c.draws !== first.draws || !Object.is(c.baseline, first.baseline)) {
      throw new MonteCarloRefused("These chunks come from different runs (seed, draws or scorecard differ).");
    }
    if (
      c.timeline.length !== steps ||
      c.overall.length !== c.drawCount ||
      c.timeline.some((buf) => buf.length !== c.drawCount)
    ) {
      throw new MonteCarloRefused("These chunks come from different runs (their timelines differ).");
    }
    if (c.firstDraw !== covered) {
      throw new MonteCarloRefused(
        c.firstDraw < covered
          ? `Draws from ${c.firstDraw} are in two chunks.`
          : `Draws ${covered} … ${c.firstDraw - 1} are in no chunk.`,
      );
    }
    covered += c.drawCount;
  }
  if (covered !== first.draws) {
    throw new MonteCarloRefused(`Draws ${covered} … ${first.draws - 1} are in no chunk.`);
  }
  const concat = (pick: (c: MonteCarloSamples) => Float64Array) => {
    const out = new Float64Array(covered);
    let at = 0;
    for (const c of ordered) {
      out.set(pick(c), at);
      at += c.drawCount;
    }
    return out;
  };
  return summarize({
    ...first,
    firstDraw: 0,
    drawCount: covered,
    overall: concat((c) => c.overall),
    timeline: Array.from({ length: steps }, (_, t) => concat((c) => c.timeline[t] as Float64Array)),
  });
}

/** Handles one request: compiles the model, runs the draws, never throws a refusal. */
export function runMonteCarloRequest(request: MonteCarloRequest): MonteCarloReply {
  try {
    // Options first: a bad seed is refused without compiling a large document.
    const chunk = checkChunk(request);
    const model = compileWhatIf(request.document);
    const spend = spendOfRequest(model, request.spend);
    if (request.firstDraw === undefined && request.drawCount === undefined) {
      return { kind: "result", result: runMonteCarlo(model, spend, chunk) };
    }
    return { kind: "samples", samples: sampleMonteCarlo(model, spend, chunk) };
  } catch (e) {
    if (e instanceof MonteCarloRefused) return { kind: "refused", message: e.message };
    throw e;
  }
}

/** Cuts `draws` into `parts` consecutive chunks of near-equal size (none empty), for workers. */
export function splitDraws(draws: number, parts: number): Array<{ firstDraw: number; drawCount: number }> {
  checkDraws(draws);
  if (!Number.isInteger(parts) || parts < 1) {
    throw new MonteCarloRefused(`Draws are split into a whole number of chunks, at least 1, not ${shown(parts)}.`);
  }
  const n = Math.min(draws, parts);
  const out: Array<{ firstDraw: number; drawCount: number }> = [];
  for (let p = 0; p < n; p++) {
    const from = Math.floor((p * draws) / n);
    out.push({ firstDraw: from, drawCount: Math.floor(((p + 1) * draws) / n) - from });
  }
  return out;
}

/**
 * The 32-bit seed of draw d of a run, splitmix-style: the murmur3 finalizer (a bijection on 32
 * bits) of the mixed run seed plus (d + 1) times the golden-ratio constant (+1: no draw of seed 0
 * gets the fixed point 0). For one run, distinct draws get distinct seeds; neighbours get unrelated ones.
 */
export function drawSeed(seed: number, d: number): number {
  return fmix32((fmix32(seed) + Math.imul(d + 1, 0x9e3779b9)) >>> 0);
}

function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * Draw d's effect factors 1 + u into `out`, one per active impact slot in the model's slot order
 * (by lag, then id): the k-th number of prng(drawSeed(seed, d)) goes to slot k. Allocates nothing.
 */
export function drawScales(model: WhatIfModel, seed: number, d: number, out: Float64Array): void {
  fillRandom(drawSeed(seed, d), out);
  const spread = model.impactSpread;
  for (let k = 0; k < out.length; k++) out[k] = 1 + triangular(out[k] as number, spread[k] as number);
}

/**
 * Inverse CDF of the symmetric triangular distribution on [−w, w] with mode 0, at u ∈ [0, 1):
 * F(x) = (x + w)² / 2w² below 0, 1 − (w − x)² / 2w² above.
 */
export function triangular(u: number, w: number): number {
  return u < 0.5 ? w * (Math.sqrt(2 * u) - 1) : w * (1 - Math.sqrt(2 * (1 - u)));
}

/**
 * Quantile q of ascending `sorted` (no NaN), by linear interpolation between order statistics:
 * h = (n − 1)q, Q = x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋ + 1] − x[⌊h⌋]) — Hyndman & Fan type 7, numpy's default.
 */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  if (lo + 1 >= n) return a;
  const b = sorted[lo + 1] as number;
  // Rounding could step past b; capping keeps P10 ≤ P50 ≤ P90.
  return Math.min(a + (h - lo) * (b - a), b);
}

/** P10 / P50 / P90 of `samples`, which it sorts in place; nulls when any draw has no score. */
export function quantilesInPlace(samples: Float64Array): Quantiles {
  samples.sort();
  // A typed-array sort puts NaN last. Nothing scored is all-or-nothing for one model.
  const n = samples.length;
  if (n === 0 || Number.isNaN(samples[n - 1] as number)) return { p10: null, p50: null, p90: null };
  return { p10: quantile(samples, 0.1), p50: quantile(samples, 0.5), p90: quantile(samples, 0.9) };
}

/**
 * Sorts the buffers of `samples` in place. A step equal draw for draw to the one before (the line
 * is flat between lag steps) reuses its quantiles instead of sorting again.
 */
function summarize(samples: MonteCarloSamples): MonteCarloResult {
  const { timeline, overall, baseline } = samples;
  const sameAsBefore = timeline.map((buf, t) => t > 0 && sameValues(buf, timeline[t - 1] as Float64Array));
  const overallIsLast = timeline.length > 0 && sameValues(overall, timeline[timeline.length - 1] as Float64Array);
  const band: Quantiles[] = [];
  for (let t = 0; t < timeline.length; t++) {
    const previous = band[t - 1];
    band.push(sameAsBefore[t] && previous ? { ...previous } : quantilesInPlace(timeline[t] as Float64Array));
  }
  const last = band[band.length - 1];
  const settled = overallIsLast && last ? { ...last } : quantilesInPlace(overall);
  const minus = (x: number | null) => (x === null || baseline === null ? null : x - baseline);
  return {
    seed: samples.seed,
    draws: samples.draws,
    overall: settled,
    delta: { p10: minus(settled.p10), p50: minus(settled.p50), p90: minus(settled.p90) },
    timeline: band,
  };
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let j = 0; j < a.length; j++) if (!Object.is(a[j], b[j])) return false;
  return true;
}

function checkDraws(draws: unknown): number {
  if (typeof draws !== "number" || !Number.isInteger(draws) || draws < 1 || draws > MAX_DRAWS) {
    throw new MonteCarloRefused(`The number of draws must be a whole number from 1 to 1,000,000, not ${shown(draws)}.`);
  }
  return draws;
}

function checkChunk(chunk: MonteCarloChunk): Required<MonteCarloChunk> {
  const draws = checkDraws(chunk.draws);
  const seed: unknown = chunk.seed;
  if (typeof seed !== "number" || !Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new MonteCarloRefused(`The seed must be a whole number from 0 to 4,294,967,295, not ${shown(seed)}.`);
  }
  const firstDraw: unknown = chunk.firstDraw ?? 0;
  if (typeof firstDraw !== "number" || !Number.isInteger(firstDraw) || firstDraw < 0 || firstDraw >= draws) {
    throw new MonteCarloRefused(
      `The first draw must be a whole number from 0 to ${draws - 1}, not ${shown(firstDraw)}.`,
    );
  }
  const drawCount: unknown = chunk.drawCount ?? draws - firstDraw;
  if (typeof drawCount !== "number" || !Number.isInteger(drawCount) || drawCount < 1 || firstDraw + drawCount > draws) {
    throw new MonteCarloRefused(
      `A chunk from draw ${firstDraw} holds 1 to ${draws - firstDraw} draws, not ${shown(drawCount)}.`,
    );
  }
  return { draws, seed, firstDraw, drawCount };
}

function checkSpend(model: WhatIfModel, spend: ArrayLike<number>): void {
  if (spend.length !== model.investmentIds.length) {
    throw new MonteCarloRefused(
      `The spend names ${spend.length} investments; the scorecard has ${model.investmentIds.length}.`,
    );
  }
  for (let n = 0; n < spend.length; n++) {
    const s = spend[n] as number;
    if (!(Number.isFinite(s) && s >= 0)) {
      throw new MonteCarloRefused(
        `The spend on ${model.investmentNames[n] ?? model.investmentIds[n]} must be a number ≥ 0, not ${shown(s)}.`,
      );
    }
  }
}

function spendOfRequest(model: WhatIfModel, spend: Record<string, number>): Float64Array {
  const known = new Set(model.investmentIds);
  for (const id of Object.keys(spend)) {
    if (!known.has(id))
      throw new MonteCarloRefused(`The spend names an investment that is not in the scorecard: ${id}.`);
  }
  return spendOfScenario(model, { spend });
}

function shown(x: unknown): string {
  return typeof x === "number" ? String(x) : typeof x === "string" ? JSON.stringify(x) : typeof x;
}
