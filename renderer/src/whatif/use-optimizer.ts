/**
 * The optimizer as the view runs it: the sliders' spend sent to the worker (about 90 ms at 1,000
 * measures, too long for the UI thread), and its answer kept with the document and spend it was
 * asked on, so that a proposal for an older allocation is never shown as if it were current.
 */
import { useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { useStoreApi } from "../state/context.tsx";
import type { Spend } from "../state/whatif.ts";
import type { WhatIfWorker } from "./whatif-worker.ts";

export type Proposal =
  | { phase: "running"; doc: ScorecardDocument; spend: Spend }
  | { phase: "ready"; doc: ScorecardDocument; spend: Spend; proposed: Record<string, number> }
  | { phase: "refused"; doc: ScorecardDocument; spend: Spend; message: string };

export function useOptimizer(worker: WhatIfWorker | null): {
  proposal: Proposal | null;
  /** Asks for a proposal for the sliders' spend now; false when there is no worker yet. */
  run: () => boolean;
  dismiss: () => void;
} {
  const store = useStoreApi();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const run = () => {
    const { doc, spend } = store.getState();
    if (!worker || !doc) return false;
    setProposal({ phase: "running", doc, spend });
    worker.request(doc, { ...spend }, { kind: "optimize" }, (reply) => {
      if (reply.kind === "optimize") setProposal({ phase: "ready", doc, spend, proposed: reply.spend });
      else if (reply.kind === "refused" || reply.kind === "failed")
        setProposal({ phase: "refused", doc, spend, message: reply.message });
    });
    return true;
  };
  return { proposal, run, dismiss: () => setProposal(null) };
}
