/**
 * The optimizer as the view runs it: the sliders' spend sent to the worker (about 90 ms at 1,000
 * measures, too long for the UI thread), and its answer kept with the document and spend it was
 * asked on. A proposal (or a run still going) for another document or spend than the sliders' is
 * dropped, so it is never shown as current and never keeps Optimize disabled.
 */
import { useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import type { Spend } from "../state/whatif.ts";
import type { WhatIfWorker } from "./whatif-worker.ts";

export type Proposal =
  | { phase: "running"; id: number; doc: ScorecardDocument; spend: Spend }
  | { phase: "ready"; id: number; doc: ScorecardDocument; spend: Spend; proposed: Record<string, number> }
  | { phase: "refused"; id: number; doc: ScorecardDocument; spend: Spend; message: string };

/** The proposal if it belongs to the document and spend the sliders have now, else null. */
function currentProposal(proposal: Proposal | null, doc: ScorecardDocument | null, spend: Spend) {
  return proposal && proposal.doc === doc && proposal.spend === spend ? proposal : null;
}

export function useOptimizer(worker: WhatIfWorker | null): {
  /** The proposal for the sliders' document and spend, or null. */
  proposal: Proposal | null;
  /** Asks for a proposal for the sliders' spend now; false when there is no worker yet. */
  run: () => boolean;
  dismiss: () => void;
} {
  const store = useStoreApi();
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const run = () => {
    const { doc, spend } = store.getState();
    if (!worker || !doc) return false;
    const id = worker.request(doc, { ...spend }, { kind: "optimize" }, (reply) => {
      // Only the newest run's answer counts: an older one answering late must not replace it.
      const answer = (next: Proposal) => setProposal((p) => (p?.id === id ? next : p));
      if (reply.kind === "optimize") answer({ phase: "ready", id, doc, spend, proposed: reply.spend });
      else if (reply.kind === "refused" || reply.kind === "failed")
        answer({ phase: "refused", id, doc, spend, message: reply.message });
    });
    setProposal({ phase: "running", id, doc, spend });
    return true;
  };
  return { proposal: currentProposal(proposal, doc, spend), run, dismiss: () => setProposal(null) };
}
