/**
 * What Delete does to a range: clears every recorded actual in it, as one undo step. Worked out
 * from the document when the edit's turn comes, not from what was drawn, so an edit just before
 * is seen.
 */
import type { Operation } from "../../../shared/operations/operation.ts";

export function clearRange(
  actuals: readonly { measureId: string; periodId: string }[],
  measureIds: readonly string[],
  periodIds: readonly string[],
): Operation | null {
  const measures = new Set(measureIds);
  const periods = new Set(periodIds);
  const operations: Operation[] = actuals
    .filter((a) => measures.has(a.measureId) && periods.has(a.periodId))
    .map((a) => ({ type: "actual.clear", measureId: a.measureId, periodId: a.periodId }));
  if (operations.length === 0) return null;
  // One cell clears as a plain edit; a range as a batch, however many of its cells held a value.
  const single = measures.size === 1 && periods.size === 1;
  return single ? (operations[0] as Operation) : { type: "batch", label: "Clear actuals", operations };
}
