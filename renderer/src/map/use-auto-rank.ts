/**
 * The auto-layout's order of the cards (ELK, in its worker), per layout key. ELK answers
 * asynchronously; until it does the map shows the file's order (`rank` null, or the previous
 * order while a new one is computed) and says "pending", so tests and exports can wait for it.
 * A failure is recorded for its key like an answer: the map is no longer pending, it keeps the
 * file's order and its message says why; a later change of the layout key asks again.
 */
import { useEffect, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { autoRank, layoutKey } from "./elk-layout.ts";

export interface AutoRank {
  rank: Map<string, number> | null;
  /** Cards wait for ELK's order: the map is drawn in the file's (or the previous) order meanwhile. */
  pending: boolean;
}

/** ELK's answer for one layout key: its order, or null when it failed. */
export interface Ranked {
  key: string;
  rank: Map<string, number> | null;
}

/** What the map draws for layout key `key` given the last answer (`needsAuto`: some card has no position). */
export function autoRankOf(ranked: Ranked | null, key: string, needsAuto: boolean): AutoRank {
  const rank = ranked?.key === key ? ranked.rank : (ranked?.rank ?? null);
  return { rank, pending: needsAuto && ranked?.key !== key };
}

/**
 * Asks `layout` for `doc`'s order under `key`; `settle` gets the answer, or a null order on a
 * failure, which `onError` explains. Returns a cancel: a cancelled request settles nothing.
 */
export function askRank(
  doc: ScorecardDocument,
  key: string,
  layout: (doc: ScorecardDocument) => Promise<Map<string, number>>,
  settle: (ranked: Ranked) => void,
  onError: (message: string) => void,
): () => void {
  let live = true;
  layout(doc)
    .then((rank) => {
      if (live) settle({ key, rank });
    })
    .catch((error: unknown) => {
      if (!live) return;
      // The file's order is a fine layout too; say why the better one is missing.
      settle({ key, rank: null });
      onError(`Automatic layout failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  return () => {
    live = false;
  };
}

/** `onError` (stable, e.g. a state setter) is told when ELK fails. */
export function useAutoRank(doc: ScorecardDocument, onError: (message: string) => void): AutoRank {
  const key = layoutKey(doc);
  const [ranked, setRanked] = useState<Ranked | null>(null);
  const needsAuto = doc.objectives.some((o) => o.position === null);
  // Answered (or failed) for this key already: a change that keeps the key asks nothing.
  const answered = ranked?.key === key;
  useEffect(() => {
    if (!needsAuto || answered) return;
    return askRank(doc, key, autoRank, setRanked, onError);
  }, [doc, key, needsAuto, answered, onError]);
  return autoRankOf(ranked, key, needsAuto);
}
