import { formatPercent } from "../../../shared/display/numbers.ts";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { type Scores, viewFor } from "../state/scores.ts";

/** The overall score of the period shown, in every view: an edit anywhere shows its effect here. */
export function OverallChip({ scores, periodId }: { scores: Scores; periodId: string | null }) {
  const { overall } = viewFor(scores, periodId);
  return (
    <output className="overall-chip" aria-label="Overall score" data-testid="header-overall">
      <span className="muted">Overall</span>
      <span className="overall-value">{formatPercent(overall.score)}</span>
      <StatusBadge status={overall.status} />
    </output>
  );
}
