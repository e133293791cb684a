/**
 * Scores of a document, computed once per committed change and shared by every view: the engine
 * (shared/scoring) scores all periods at once, so switching period only reads the table.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { scoreAll, type ScoreTable } from "../../../shared/scoring/engine.ts";
import { compileModel, type ScoringModel } from "../../../shared/scoring/model.ts";
import { type ScorecardView, viewOf } from "../../../shared/scoring/view.ts";

export interface Scores {
  model: ScoringModel;
  table: ScoreTable;
}

const cache = new WeakMap<ScorecardDocument, Scores>();

export function scoresOf(doc: ScorecardDocument): Scores {
  let scores = cache.get(doc);
  if (!scores) {
    const model = compileModel(doc);
    scores = { model, table: scoreAll(model) };
    cache.set(doc, scores);
  }
  return scores;
}

/** The index of the period shown: the chosen one, else the latest; -1 when there are no periods. */
export function shownPeriod(scores: Scores, chosen: number | null): number {
  const count = scores.model.periodCount;
  return chosen !== null && chosen < count ? chosen : count - 1;
}

/** The scorecard tree for the period shown. */
export function viewFor(scores: Scores, chosen: number | null): ScorecardView {
  return viewOf(scores.model, scores.table, shownPeriod(scores, chosen));
}
