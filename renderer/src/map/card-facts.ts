/**
 * What a card shows besides its name: its score and status for the period shown, and in
 * projection mode its projected score, delta and status. The two are kept apart so that a new
 * projection (every spend change in the what-if view) leaves the period's facts alone, and the
 * projected facts keep their identity for every card whose numbers did not change: the cards
 * are memoized on them, so only the cards that show a different projection render again. Pure.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { Status } from "../../../shared/scoring/status.ts";
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";
import { scoresOf, viewFor } from "../state/scores.ts";

export interface CardFacts {
  score: number | null;
  status: Status;
}

export interface ProjectedFacts {
  score: number | null;
  delta: number | null;
  status: Status;
}

export const NO_FACTS: CardFacts = { score: null, status: "none" };

/** Scores and statuses per objective, for the period shown. */
export function periodFacts(doc: ScorecardDocument, periodId: string | null): Map<string, CardFacts> {
  const facts = new Map<string, CardFacts>();
  for (const p of viewFor(scoresOf(doc), periodId).perspectives) {
    for (const o of p.objectives) facts.set(o.id, { score: o.score, status: o.status });
  }
  return facts;
}

/**
 * The projection per objective. An objective whose projected score, delta and status equal
 * those in `previous` gets `previous`'s object back, so memoized cards see no change.
 */
export function projectedFacts(
  projection: ScenarioResult,
  previous: ReadonlyMap<string, ProjectedFacts> | null,
): Map<string, ProjectedFacts> {
  const facts = new Map<string, ProjectedFacts>();
  for (const p of projection.perspectives) {
    for (const o of p.objectives) {
      const before = previous?.get(o.id);
      facts.set(
        o.id,
        before && before.score === o.projected && before.delta === o.delta && before.status === o.status
          ? before
          : { score: o.projected, delta: o.delta, status: o.status },
      );
    }
  }
  return facts;
}
