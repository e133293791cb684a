import type { ScorecardView } from "../../../shared/scoring/view.ts";
import { formatPercent, formatTrend, trendDirection } from "../format.ts";
import { StatusBadge } from "./StatusBadge.tsx";

/** The headline numbers: overall score, and the leading (drivers) and lagging (outcomes) indexes. */
export function Summary({ view }: { view: ScorecardView }) {
  const { overall } = view;
  return (
    <section className="summary" aria-label="Summary">
      <div className="card card-overall">
        <h2>Overall score</h2>
        <p className="big" data-testid="overall-score">
          {formatPercent(overall.score)}
        </p>
        <StatusBadge status={overall.status} />
        <dl className="facts">
          <div>
            <dt>Coverage</dt>
            <dd>{formatPercent(overall.coverage)}</dd>
          </div>
          <div>
            <dt>Since previous period</dt>
            <dd className={`trend-${trendDirection(overall.trend)}`}>{formatTrend(overall.trend)}</dd>
          </div>
        </dl>
      </div>
      <div className="card">
        <h2>Leading index</h2>
        <p className="big" data-testid="leading-index">
          {formatPercent(view.leadingIndex)}
        </p>
        <p className="hint">Drivers: how the measures that move results ahead of time are doing.</p>
      </div>
      <div className="card">
        <h2>Lagging index</h2>
        <p className="big" data-testid="lagging-index">
          {formatPercent(view.laggingIndex)}
        </p>
        <p className="hint">Outcomes: how the results the drivers should produce are doing.</p>
      </div>
    </section>
  );
}
