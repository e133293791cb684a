/**
 * The Monte Carlo band for the sliders' spend, from the worker (0.55 s at 1,000 measures: never on
 * the UI thread). Asked once the sliders settle; a newer request forgets the older one, so an
 * answer for a spend the sliders have left is never shown. At base spend there is no band to ask
 * for: every draw equals the baseline.
 */
import { useEffect, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { DEFAULT_DRAWS, type MonteCarloResult } from "../../../shared/whatif/monte-carlo.ts";
import { isAtBase, type Spend } from "../state/whatif.ts";
import { SETTLE_MS } from "./slider-spend.ts";
import type { WhatIfWorker } from "./whatif-worker.ts";
import { SUPERSEDED } from "./worker-protocol.ts";

/** The engine's default draws, and a fixed seed so the band is reproducible. */
export const UNCERTAINTY_DRAWS = DEFAULT_DRAWS;
const SEED = 1;

type Run =
  | { phase: "idle" }
  | { phase: "computing"; doc: ScorecardDocument; spend: Spend; done: number }
  | { phase: "done"; doc: ScorecardDocument; spend: Spend; result: MonteCarloResult }
  | { phase: "failed"; doc: ScorecardDocument; spend: Spend; message: string };

/** The run for the spend asked about, "waiting" until it starts, or "at-base" when there is none. */
export type Uncertainty = Exclude<Run, { phase: "idle" }> | "waiting" | "at-base";

export function useUncertainty(worker: WhatIfWorker | null, doc: ScorecardDocument, spend: Spend): Uncertainty {
  const [state, setState] = useState<Run>({ phase: "idle" });
  const base = isAtBase(doc, spend);
  useEffect(() => {
    if (!worker || base) return;
    let id = -1;
    const timer = setTimeout(() => {
      setState({ phase: "computing", doc, spend, done: 0 });
      const job = { kind: "monte-carlo", draws: UNCERTAINTY_DRAWS, seed: SEED } as const;
      id = worker.request(doc, { ...spend }, job, (reply) => {
        if (reply.kind === "progress")
          setState((s) =>
            s.phase === "computing" && s.doc === doc && s.spend === spend ? { ...s, done: reply.done } : s,
          );
        else if (reply.kind === "monte-carlo") setState({ phase: "done", doc, spend, result: reply.result });
        // A run a newer one stopped is forgotten before that one is asked; should its answer
        // still arrive, it says nothing about this spend.
        else if (reply.kind === "refused" && reply.message === SUPERSEDED) return;
        else if (reply.kind === "refused" || reply.kind === "failed")
          setState({ phase: "failed", doc, spend, message: reply.message });
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      if (id >= 0) worker.forget(id);
    };
  }, [worker, doc, spend, base]);
  if (base) return "at-base";
  if (state.phase === "idle" || state.doc !== doc || state.spend !== spend) return "waiting";
  return state;
}
