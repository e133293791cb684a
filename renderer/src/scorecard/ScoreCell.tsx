import type { Status } from "../../../shared/scoring/view.ts";
import { formatPercent } from "../../../shared/display/numbers.ts";

/** A score as text with a bar beneath it; the bar is decoration, the text carries the value. */
export function ScoreCell({ score, status }: { score: number | null; status: Status }) {
  // Scores can exceed 100% when the scorecard allows over-achievement; the bar stops at full.
  const width = score === null ? 0 : Math.min(Math.max(score, 0), 1) * 100;
  return (
    <span className="score">
      <span className="score-text">{formatPercent(score)}</span>
      <span className="score-bar" aria-hidden="true">
        <span className={`score-fill status-${status}`} style={{ width: `${width}%` }} />
      </span>
    </span>
  );
}
