/**
 * The Monte Carlo uncertainty run (SPEC §3 "Uncertainty"; shared/whatif/monte-carlo.ts): seeded
 * and reproducible, chunkable across workers with exactly the one-run result, the triangular
 * sampler, type-7 quantiles, an analytic case, refusals, and a real worker thread.
 */
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prng } from "../../shared/random/prng.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import {
  drawScales,
  drawSeed,
  type MonteCarloReply,
  MonteCarloRefused,
  type MonteCarloRequest,
  type MonteCarloSamples,
  mergeMonteCarlo,
  quantile,
  quantilesInPlace,
  runMonteCarlo,
  runMonteCarloRequest,
  sampleMonteCarlo,
  splitDraws,
  triangular,
} from "../../shared/whatif/monte-carlo.ts";
import { createWorkspace, project } from "../../shared/whatif/project.ts";
import { baseSpend, spendRecord } from "../../shared/whatif/spend.ts";
import { builder } from "../support/docs.ts";
import { whatIfDoc } from "../support/whatif-docs.ts";

const doc = whatIfDoc(7, { investments: 6, measures: 40, impactsPerInvestment: 3, maxLag: 4 });
const model = compileWhatIf(doc);
/** Off base spend, both ways, so every impact moves its measure. */
const spend = Float64Array.from(model.base, (b, n) => b * (n % 2 === 0 ? 1.8 : 0.4));
const SEED = 0xdeadbeef;

describe("reproducibility", () => {
  it("the model has what the tests need: several lags, impacts of every confidence, a score", () => {
    expect(model.lagSteps.length).toBeGreaterThan(1);
    expect(new Set(model.impactSpread)).toEqual(new Set([0.1, 0.25, 0.5]));
    expect(Number.isFinite(model.baseline.overall)).toBe(true);
  });

  it("the same seed gives the same result and the same samples", () => {
    const a = runMonteCarlo(model, spend, { draws: 500, seed: SEED });
    const b = runMonteCarlo(compileWhatIf(doc), Array.from(spend), { draws: 500, seed: SEED });
    expect(b).toEqual(a);
    expect(sampleMonteCarlo(model, spend, { draws: 500, seed: SEED })).toEqual(
      sampleMonteCarlo(model, spend, { draws: 500, seed: SEED }),
    );
  });

  it("different seeds give different samples and bands (fails if the seed were ignored)", () => {
    const one = sampleMonteCarlo(model, spend, { draws: 500, seed: 1 });
    const two = sampleMonteCarlo(model, spend, { draws: 500, seed: 2 });
    expect(one.overall).not.toEqual(two.overall);
    let differing = 0;
    for (let j = 0; j < 500; j++) if (one.overall[j] !== two.overall[j]) differing++;
    expect(differing).toBeGreaterThan(490);
    expect(runMonteCarlo(model, spend, { draws: 500, seed: 1 }).overall).not.toEqual(
      runMonteCarlo(model, spend, { draws: 500, seed: 2 }).overall,
    );
  });

  it("different draws of one run differ (fails if the draw index were ignored)", () => {
    const { overall } = sampleMonteCarlo(model, spend, { draws: 200, seed: SEED });
    expect(new Set(overall).size).toBe(200);
    const r = runMonteCarlo(model, spend, { draws: 200, seed: SEED });
    expect(r.overall.p10 as number).toBeLessThan(r.overall.p90 as number);
  });

  it("draw seeds are pinned: changing them changes every saved run", () => {
    expect([drawSeed(0, 0), drawSeed(42, 7), drawSeed(2 ** 32 - 1, 999_999)]).toEqual([
      2462723854, 1293982209, 3540772957,
    ]);
    const seeds = new Set(Array.from({ length: 10_000 }, (_, d) => drawSeed(SEED, d)));
    expect(seeds.size).toBe(10_000);
  });

  it("3 uneven chunks, merged in any order, equal one run exactly", () => {
    const draws = 1234;
    const whole = runMonteCarlo(model, spend, { draws, seed: SEED });
    const chunks = [
      { firstDraw: 1000, drawCount: 234 },
      { firstDraw: 0, drawCount: 137 },
      { firstDraw: 137, drawCount: 863 },
    ].map((c) => sampleMonteCarlo(model, spend, { draws, seed: SEED, ...c }));
    expect(mergeMonteCarlo(chunks)).toEqual(whole);
    // Merging does not disturb the chunks: merging again gives the same.
    expect(mergeMonteCarlo([...chunks].reverse())).toEqual(whole);
    // The samples themselves line up draw for draw.
    const all = sampleMonteCarlo(model, spend, { draws, seed: SEED });
    const second = chunks[2] as MonteCarloSamples;
    expect(second.overall).toEqual(all.overall.slice(137, 1000));
    expect(second.timeline[3]).toEqual((all.timeline[3] as Float64Array).slice(137, 1000));
  });

  it("splitDraws covers every draw once, near-evenly", () => {
    expect(splitDraws(10, 3)).toEqual([
      { firstDraw: 0, drawCount: 3 },
      { firstDraw: 3, drawCount: 3 },
      { firstDraw: 6, drawCount: 4 },
    ]);
    expect(splitDraws(2, 5)).toEqual([
      { firstDraw: 0, drawCount: 1 },
      { firstDraw: 1, drawCount: 1 },
    ]);
    const draws = 999;
    const chunks = splitDraws(draws, 4).map((c) => sampleMonteCarlo(model, spend, { draws, seed: 5, ...c }));
    expect(mergeMonteCarlo(chunks)).toEqual(runMonteCarlo(model, spend, { draws, seed: 5 }));
  });
});

describe("what each draw computes", () => {
  it("every draw's scales lie in 1 ± the impact's spread", () => {
    const scale = new Float64Array(model.impactIds.length);
    for (let d = 0; d < 200; d++) {
      drawScales(model, SEED, d, scale);
      for (let k = 0; k < scale.length; k++) {
        const w = model.impactSpread[k] as number;
        expect(Math.abs((scale[k] as number) - 1)).toBeLessThanOrEqual(w);
      }
    }
  });

  it("each draw's timeline and settled score are the kernel's projection with that draw's effects", () => {
    const samples = sampleMonteCarlo(model, spend, { draws: 40, seed: SEED, firstDraw: 3, drawCount: 30 });
    const ws = createWorkspace(model);
    const scale = new Float64Array(model.impactIds.length);
    for (let j = 0; j < 30; j++) {
      drawScales(model, SEED, 3 + j, scale);
      // Every step projected on its own, without the lag-by-lag shortcut.
      for (let t = 0; t <= model.horizon; t++) {
        expect((samples.timeline[t] as Float64Array)[j]).toBe(project(model, spend, ws, t, scale));
      }
      expect(samples.overall[j]).toBe(project(model, spend, ws, Number.POSITIVE_INFINITY, scale));
    }
  });

  it("the band is ordered, the settled band is the last step's, delta = overall − baseline", () => {
    const r = runMonteCarlo(model, spend, { draws: 2000, seed: SEED });
    expect(r.timeline).toHaveLength(model.horizon + 1);
    for (const q of [r.overall, r.delta, ...r.timeline]) {
      expect(q.p10 as number).toBeLessThanOrEqual(q.p50 as number);
      expect(q.p50 as number).toBeLessThanOrEqual(q.p90 as number);
    }
    expect(r.timeline.at(-1)).toEqual(r.overall);
    expect(r.delta.p50).toBe((r.overall.p50 as number) - model.baseline.overall);
    expect(r.seed).toBe(SEED);
    expect(r.draws).toBe(2000);
  });

  it("at base spend every draw is the baseline (x = 0 ⇒ Δ = 0 whatever E is)", () => {
    const base = baseSpend(model);
    const samples = sampleMonteCarlo(model, base, { draws: 300, seed: SEED });
    for (const buf of [samples.overall, ...samples.timeline]) {
      for (const v of buf) expect(v).toBe(model.baseline.overall);
    }
    const r = runMonteCarlo(model, base, { draws: 300, seed: SEED });
    const flat = { p10: model.baseline.overall, p50: model.baseline.overall, p90: model.baseline.overall };
    expect(r.overall).toEqual(flat);
    expect(r.delta).toEqual({ p10: 0, p50: 0, p90: 0 });
    for (const q of r.timeline) expect(q).toEqual(flat);
  });

  it("nothing scored gives nulls everywhere", () => {
    const b = builder();
    b.perspective("Empty");
    b.investment("Lonely", 100);
    const empty = compileWhatIf(b.doc);
    const r = runMonteCarlo(empty, [150], { draws: 10, seed: 1 });
    const none = { p10: null, p50: null, p90: null };
    expect(r.overall).toEqual(none);
    expect(r.delta).toEqual(none);
    for (const q of r.timeline) expect(q).toEqual(none);
  });
});

describe("the triangular sampler", () => {
  const w = 0.25;
  const cdf = (x: number) => (x <= 0 ? (x + w) ** 2 / (2 * w * w) : 1 - (w - x) ** 2 / (2 * w * w));
  const n = 100_000;
  const rand = prng(2024);
  const xs = Float64Array.from({ length: n }, () => triangular(rand(), w));

  it("is the inverse of the analytic CDF", () => {
    expect(triangular(0, w)).toBe(-w);
    expect(triangular(0.5, w)).toBe(0);
    expect(triangular(1 - 2 ** -53, w)).toBeLessThan(w);
    for (const u of [0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99]) {
      expect(cdf(triangular(u, w))).toBeCloseTo(u, 12);
      if (u <= 0.5) expect(triangular(u, w)).toBeCloseTo(-w + w * Math.sqrt(2 * u), 12);
    }
  });

  it("stays within ±w, is symmetric, and its empirical CDF matches the analytic one", () => {
    let mean = 0;
    let widest = 0;
    for (const x of xs) {
      widest = Math.max(widest, Math.abs(x));
      mean += x / n;
    }
    expect(widest).toBeLessThanOrEqual(w);
    expect(widest).toBeGreaterThan(0.99 * w);
    expect(Math.abs(mean)).toBeLessThan(0.002);
    const below = (x: number) => {
      let count = 0;
      for (const v of xs) if (v <= x) count++;
      return count / n;
    };
    // The standard error of an empirical CDF at n = 100k is at most 0.0016.
    for (const x of [-0.2, -0.1, -0.03, 0, 0.03, 0.1, 0.2]) {
      expect(Math.abs(below(x) - cdf(x))).toBeLessThan(0.006);
      // Two estimates: up to twice the error.
      expect(Math.abs(below(-x) - (1 - below(x)))).toBeLessThan(0.01);
    }
  });
});

describe("quantiles (type 7, numpy's default)", () => {
  it("interpolates between order statistics", () => {
    const xs = [1, 2, 3, 4];
    expect(quantile(xs, 0.1)).toBeCloseTo(1.3, 12);
    expect(quantile(xs, 0.5)).toBe(2.5);
    expect(quantile(xs, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantilesInPlace(Float64Array.of(3, 1, 2))).toEqual({ p10: 1.2, p50: 2, p90: 2.8 });
    expect(quantilesInPlace(Float64Array.of(1, Number.NaN))).toEqual({ p10: null, p50: null, p90: null });
  });
});

describe("a hand-computed case", () => {
  // One linear measure 0 → 100, not yet measured (current = baseline 0), one linear impact of
  // E = 40 at low confidence (w = 0.5) with lag 2, spend doubled (x = 1): value = 40(1 + u), no
  // clamping, so overall = achievement = 0.4 + 0.4u with u triangular on [−0.5, 0.5].
  const b = builder();
  const o = b.objective(b.perspective("Value"), "Deliver");
  const m = b.measure(o, { baseline: 0, target: 100 });
  b.impact(b.investment("Platform", 100), m, 40, { confidence: "low", lag: 2 });
  const hand = compileWhatIf(b.doc);
  const inverse = (q: number) => (q <= 0.5 ? -0.5 + 0.5 * Math.sqrt(2 * q) : 0.5 - 0.5 * Math.sqrt(2 * (1 - q)));

  it("P10 / P50 / P90 match the analytic triangular quantiles", () => {
    expect(hand.baseline.overall).toBe(0);
    const r = runMonteCarlo(hand, [200], { draws: 50_000, seed: 11 });
    // Standard error of P10 at 50k draws: √(0.1·0.9/50k) / density 2.24 ≈ 0.0006.
    expect(Math.abs((r.overall.p10 as number) - 0.4 * (1 + inverse(0.1)))).toBeLessThan(0.003);
    expect(Math.abs((r.overall.p50 as number) - 0.4)).toBeLessThan(0.003);
    expect(Math.abs((r.overall.p90 as number) - 0.4 * (1 + inverse(0.9)))).toBeLessThan(0.003);
    expect(r.delta).toEqual(r.overall);
    // Before the lag the line is the baseline for every draw; from it on, the settled band.
    expect(r.timeline[0]).toEqual({ p10: 0, p50: 0, p90: 0 });
    expect(r.timeline[1]).toEqual({ p10: 0, p50: 0, p90: 0 });
    for (const q of r.timeline.slice(2)) expect(q).toEqual(r.overall);
  });
});

describe("refusals", () => {
  const refused = (f: () => unknown) => expect(f).toThrow(MonteCarloRefused);

  it("refuses draws outside 1 … 1,000,000 or not whole", () => {
    for (const draws of [0, -1, 1.5, 1_000_001, Number.NaN, Number.POSITIVE_INFINITY, "10" as unknown as number]) {
      refused(() => runMonteCarlo(model, spend, { draws, seed: 1 }));
    }
    expect(() => runMonteCarlo(model, spend, { draws: 0, seed: 1 })).toThrow(/1 to 1,000,000, not 0/);
  });

  it("refuses seeds outside 0 … 2^32 − 1 or not whole; accepts both ends", () => {
    for (const seed of [-1, 2 ** 32, 0.5, Number.NaN, undefined as unknown as number]) {
      refused(() => runMonteCarlo(model, spend, { draws: 1, seed }));
    }
    expect(runMonteCarlo(model, spend, { draws: 1, seed: 0 }).seed).toBe(0);
    expect(runMonteCarlo(model, spend, { draws: 1, seed: 2 ** 32 - 1 }).seed).toBe(2 ** 32 - 1);
    const last = sampleMonteCarlo(model, spend, { draws: 1_000_000, seed: 3, firstDraw: 999_999, drawCount: 1 });
    expect(last.overall).toHaveLength(1);
  });

  it("refuses bad chunks, bad spend and bad merges", () => {
    const run = { draws: 10, seed: 1 };
    refused(() => sampleMonteCarlo(model, spend, { ...run, firstDraw: 10 }));
    refused(() => sampleMonteCarlo(model, spend, { ...run, firstDraw: -1 }));
    refused(() => sampleMonteCarlo(model, spend, { ...run, drawCount: 0 }));
    refused(() => sampleMonteCarlo(model, spend, { ...run, firstDraw: 5, drawCount: 6 }));
    refused(() => runMonteCarlo(model, spend.slice(1), run));
    refused(() =>
      runMonteCarlo(
        model,
        Float64Array.from(spend, (s, n) => (n === 0 ? -1 : s)),
        run,
      ),
    );
    refused(() =>
      runMonteCarlo(
        model,
        Float64Array.from(spend, (s, n) => (n === 0 ? Number.NaN : s)),
        run,
      ),
    );
    refused(() => splitDraws(10, 0));

    const chunk = (firstDraw: number, drawCount: number, seed = 1) =>
      sampleMonteCarlo(model, spend, { draws: 10, seed, firstDraw, drawCount });
    refused(() => mergeMonteCarlo([]));
    expect(() => mergeMonteCarlo([chunk(0, 4), chunk(5, 5)])).toThrow(/Draws 4 … 4 are in no chunk/);
    expect(() => mergeMonteCarlo([chunk(0, 6), chunk(5, 5)])).toThrow(/in two chunks/);
    expect(() => mergeMonteCarlo([chunk(0, 6)])).toThrow(/Draws 6 … 9 are in no chunk/);
    expect(() => mergeMonteCarlo([chunk(0, 5), chunk(5, 5, 2)])).toThrow(/different runs/);
  });

  it("a request replies with its refusal instead of throwing", () => {
    const ask = (r: Partial<MonteCarloRequest>) =>
      runMonteCarloRequest({ document: doc, spend: {}, draws: 10, seed: 1, ...r });
    expect(ask({ seed: -1 })).toEqual({ kind: "refused", message: expect.stringMatching(/seed/) });
    expect(ask({ spend: { "not-an-investment": 5 } })).toMatchObject({ kind: "refused" });
    expect(ask({ drawCount: 11 })).toMatchObject({ kind: "refused" });
  });
});

describe("requests (compiled inside, as a worker runs them)", () => {
  const request: MonteCarloRequest = { document: doc, spend: spendRecord(model, spend), draws: 1500, seed: SEED };

  it("without a chunk: the summarized result; missing investments are at base spend", () => {
    expect(runMonteCarloRequest(request)).toEqual({
      kind: "result",
      result: runMonteCarlo(model, spend, { draws: 1500, seed: SEED }),
    });
    expect(runMonteCarloRequest({ ...request, spend: {} })).toEqual({
      kind: "result",
      result: runMonteCarlo(model, baseSpend(model), { draws: 1500, seed: SEED }),
    });
  });

  it("with a chunk: its samples", () => {
    expect(runMonteCarloRequest({ ...request, firstDraw: 100, drawCount: 50 })).toEqual({
      kind: "samples",
      samples: sampleMonteCarlo(model, spend, { draws: 1500, seed: SEED, firstDraw: 100, drawCount: 50 }),
    });
  });
});

describe("in a worker thread", () => {
  const workers: Worker[] = [];
  const script = new URL("../support/monte-carlo-worker.ts", import.meta.url).href;
  const tsxApi = import.meta.resolve("tsx/esm/api");
  // Node 20 ignores loaders given in a worker's execArgv (nodejs/node#47747: `--import tsx` there
  // fails with "Unknown file extension .ts"), so the worker starts as one line of JavaScript that
  // loads the script through tsx's documented tsImport API.
  const start = () => {
    const boot = `import(${JSON.stringify(tsxApi)}).then((tsx) => tsx.tsImport(${JSON.stringify(script)}, ${JSON.stringify(script)}));`;
    const worker = new Worker(boot, { eval: true });
    workers.push(worker);
    return worker;
  };
  const ask = (worker: Worker, request: MonteCarloRequest) =>
    new Promise<MonteCarloReply>((resolve, reject) => {
      const fail = (e: unknown) => reject(e instanceof Error ? e : new Error(`worker exited with code ${e}`));
      worker.once("error", fail);
      worker.once("exit", fail);
      worker.once("message", (reply: MonteCarloReply) => {
        worker.off("error", fail);
        worker.off("exit", fail);
        resolve(reply);
      });
      worker.postMessage(request);
    });

  let pool: Worker[] = [];
  beforeAll(() => {
    pool = [start(), start()];
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  });

  const request = (r: Partial<MonteCarloRequest> = {}): MonteCarloRequest => ({
    document: doc,
    spend: spendRecord(model, spend),
    draws: 3000,
    seed: SEED,
    ...r,
  });

  it("returns exactly the in-thread result", async () => {
    const reply = await ask(pool[0] as Worker, request());
    expect(reply).toEqual({ kind: "result", result: runMonteCarlo(model, spend, { draws: 3000, seed: SEED }) });
  });

  it("chunks run on two workers merge into exactly the in-thread result", async () => {
    const [a, b] = pool as [Worker, Worker];
    const plan = [
      { worker: a, firstDraw: 0, drawCount: 1700 },
      { worker: b, firstDraw: 1700, drawCount: 1300 },
    ];
    const replies = await Promise.all(
      plan.map((p) => ask(p.worker, request({ firstDraw: p.firstDraw, drawCount: p.drawCount }))),
    );
    const samples = replies.map((r) => {
      if (r.kind !== "samples") throw new Error(`expected samples, got ${r.kind}`);
      return r.samples;
    });
    expect(mergeMonteCarlo(samples)).toEqual(runMonteCarlo(model, spend, { draws: 3000, seed: SEED }));
  });

  it("replies with a refusal for a bad request", async () => {
    const reply = await ask(pool[1] as Worker, request({ seed: 2 ** 32 }));
    expect(reply).toEqual({ kind: "refused", message: expect.stringMatching(/seed/) });
  });
});
