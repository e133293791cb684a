/**
 * The auto-layout's order of the cards (ELK, in its worker), per layout key. ELK answers
 * asynchronously; until it does the map shows the file's order (`rank` null, or the previous
 * order while a new one is computed) and says "pending", so tests and exports can wait for it.
 */
import { useEffect, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { autoRank, layoutKey } from "./elk-layout.ts";

export interface AutoRank {
  rank: Map<string, number> | null;
  /** Cards wait for ELK's order: the map is drawn in the file's (or the previous) order meanwhile. */
  pending: boolean;
}

/** `onError` (stable, e.g. a state setter) is told when ELK fails. */
export function useAutoRank(doc: ScorecardDocument, onError: (message: string) => void): AutoRank {
  const key = layoutKey(doc);
  const [ranked, setRanked] = useState<{ key: string; rank: Map<string, number> } | null>(null);
  const needsAuto = doc.objectives.some((o) => o.position === null);
  useEffect(() => {
    if (!needsAuto) return;
    let live = true;
    autoRank(doc)
      .then((rank) => {
        if (live) setRanked({ key, rank });
      })
      .catch((error: unknown) => {
        // The file's order is a fine layout too; say why the better one is missing.
        if (live) onError(`Automatic layout failed: ${error instanceof Error ? error.message : String(error)}`);
      });
    return () => {
      live = false;
    };
  }, [doc, key, needsAuto, onError]);
  const rank = ranked?.key === key ? ranked.rank : (ranked?.rank ?? null);
  return { rank, pending: needsAuto && ranked?.key !== key };
}
