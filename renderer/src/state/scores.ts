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

/**
 * The engine's index of the period shown: the chosen one (by id, so adding or removing a period
 * never switches to another), else the latest; -1 when there are no periods.
 */
export function shownPeriod(scores: Scores, chosen: string | null): number {
  const k = chosen === null ? -1 : scores.model.periods.findIndex((p) => p.id === chosen);
  return k >= 0 ? k : scores.model.periodCount - 1;
}

/** The scorecard tree for the period shown. */
export function viewFor(scores: Scores, chosen: string | null): ScorecardView {
  return viewOf(scores.model, scores.table, shownPeriod(scores, chosen));
}
