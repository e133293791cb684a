/**
 * The scorecard view (SPEC §2, §5): the headline numbers, the tree of scores for the period chosen
 * in the header, and the detail panel of the selected row.
 */
import { useCallback, useMemo } from "react";
import { viewOf } from "../../../shared/scoring/view.ts";
import { useDocumentStore } from "../state/context.tsx";
import { scoresOf, shownPeriod } from "../state/scores.ts";
import { DetailPanel } from "./DetailPanel.tsx";
import { ScorecardTree } from "./ScorecardTree.tsx";
import { Summary } from "./Summary.tsx";
import { subjectOf } from "./subject.ts";
import { type TreeRow, treeRows } from "./tree-rows.ts";
import "./scorecard.css";

export function ScorecardView() {
  const doc = useDocumentStore((s) => s.doc);
  const periodId = useDocumentStore((s) => s.periodId);
  const selection = useDocumentStore((s) => s.selection);
  const select = useDocumentStore((s) => s.select);
  const scores = doc ? scoresOf(doc) : null;
  const period = scores ? shownPeriod(scores, periodId) : -1;
  const view = useMemo(() => (scores ? viewOf(scores.model, scores.table, period) : null), [scores, period]);
  const rows = useMemo(() => (scores && view ? treeRows(view, scores.model) : []), [scores, view]);
  const onSelect = useCallback((row: TreeRow) => select({ kind: row.kind, id: row.id }), [select]);
  const showOverall = useCallback(() => select(null), [select]);

  if (!scores || !view) return null;
  const subject = subjectOf(scores.model, selection);
  return (
    <div className="scorecard-view">
      <Summary view={view} />
      {view.warnings.length > 0 && (
        <section className="warnings" aria-label="Warnings">
          <h2>Warnings</h2>
          <ul>
            {/* A repeated warning says nothing new: each is listed once. */}
            {[...new Set(view.warnings)].map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
      <div className="scorecard-body">
        <div className="tree-box">
          {rows.length > 0 ? (
            <ScorecardTree
              rows={rows}
              model={scores.model}
              table={scores.table}
              period={period}
              selectedId={subject.kind === "overall" ? null : subject.id}
              onSelect={onSelect}
            />
          ) : (
            <p className="empty">This scorecard has no perspectives yet. Add them in the Framework view.</p>
          )}
        </div>
        <DetailPanel scores={scores} subject={subject} period={period} onShowOverall={showOverall} />
      </div>
    </div>
  );
}
