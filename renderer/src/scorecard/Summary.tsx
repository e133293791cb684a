import type { ScorecardView } from "../../../shared/scoring/view.ts";
import { formatPercent } from "../../../shared/display/numbers.ts";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { Trend } from "./Trend.tsx";

/** The headline numbers: overall score, and the leading (drivers) and lagging (outcomes) indexes. */
export function Summary({ view }: { view: ScorecardView }) {
  const { overall } = view;
  return (
    <section className="summary" aria-label="Summary">
      <div className="card card-overall">
        <h2>Overall score{view.period ? ` · ${view.period.label}` : ""}</h2>
        <div className="overall-line">
          <p className="big" data-testid="overall-score">
            {formatPercent(overall.score)}
          </p>
          <StatusBadge status={overall.status} />
        </div>
        <dl className="facts">
          <div>
            <dt>Coverage</dt>
            <dd data-testid="overall-coverage">{formatPercent(overall.coverage)}</dd>
          </div>
          <div>
            <dt>Since previous period</dt>
            <dd data-testid="overall-trend">
              <Trend delta={overall.trend} />
            </dd>
          </div>
        </dl>
      </div>
      <IndexCard
        title="Leading index"
        testId="leading-index"
        value={view.leadingIndex}
        hint="Drivers: how the measures that move results ahead of time are doing."
      />
      <IndexCard
        title="Lagging index"
        testId="lagging-index"
        value={view.laggingIndex}
        hint="Outcomes: how the results the drivers should produce are doing."
      />
    </section>
  );
}

function IndexCard({
  title,
  testId,
  value,
  hint,
}: {
  title: string;
  testId: string;
  value: number | null;
  hint: string;
}) {
  return (
    <div className="card">
      <h2>{title}</h2>
      <p className="big" data-testid={testId}>
        {formatPercent(value)}
      </p>
      <p className="hint">{hint}</p>
    </div>
  );
}
