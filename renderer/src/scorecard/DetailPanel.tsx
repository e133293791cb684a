/**
 * The selected item (or, with nothing selected, the whole scorecard): its score and status in the
 * period shown, its trend chart across all periods, and why its score is what it is.
 */
import { formatPercent } from "../../../shared/display/numbers.ts";
import type { Explanation } from "../../../shared/scoring/explain.ts";
import { statusOf } from "../../../shared/scoring/status.ts";
import { StatusBadge } from "../components/StatusBadge.tsx";
import type { Scores } from "../state/scores.ts";
import { chartLines, explanationOf, type Subject, scoreSeries, subjectName, trendExplanationOf } from "./subject.ts";
import { Trend } from "./Trend.tsx";
import { TrendChart } from "./TrendChart.tsx";

const KIND_LABEL: Record<Subject["kind"], string> = {
  overall: "Scorecard",
  perspective: "Perspective",
  objective: "Objective",
  measure: "Measure",
};

interface Props {
  scores: Scores;
  subject: Subject;
  /** The period shown. */
  period: number;
  onShowOverall: () => void;
}

export function DetailPanel({ scores, subject, period, onShowOverall }: Props) {
  const { model, table } = scores;
  const name = subjectName(model, subject);
  const series = scoreSeries(model, table, subject);
  const score = series[period] ?? null;
  const previous = period > 0 ? (series[period - 1] ?? null) : null;
  const measure = subject.kind === "measure" ? model.doc.measures[subject.index] : undefined;
  const status = statusOf(score, measure?.thresholds ?? model.thresholds);
  const { unit, lines } = chartLines(model, table, subject);
  const periodLabel = model.periods[period]?.label;
  const chartTitle =
    subject.kind === "measure"
      ? `${name}: actual against ${measure?.band ? "the target band" : "target"} in every period`
      : `${name}: score in every period against the status thresholds`;

  return (
    <aside className="detail-panel" aria-label="Details" data-testid="detail-panel">
      <header className="detail-head">
        <p className="detail-kind">
          {KIND_LABEL[subject.kind]}
          {periodLabel ? ` · ${periodLabel}` : ""}
        </p>
        {subject.kind !== "overall" && (
          <button type="button" className="ghost show-overall" onClick={onShowOverall}>
            Show overall
          </button>
        )}
      </header>
      <h2 className="detail-name" dir="auto" title={name}>
        {name}
      </h2>
      <div className="detail-score">
        <span className="detail-big" data-testid="detail-score">
          {formatPercent(score)}
        </span>
        <StatusBadge status={status} />
        <Trend delta={score !== null && previous !== null ? score - previous : null} />
      </div>
      {model.periodCount > 0 ? (
        <TrendChart periods={model.periods} lines={lines} unit={unit} title={chartTitle} />
      ) : (
        <p className="empty">No periods yet: add periods to see scores over time.</p>
      )}
      <ExplanationView
        title={`Why is this ${formatPercent(score)}?`}
        explanation={explanationOf(model, table, subject, period)}
        testId="explanation"
      />
      <ExplanationView
        title="Change since the previous period"
        explanation={trendExplanationOf(model, table, subject, period)}
        testId="trend-explanation"
      />
    </aside>
  );
}

/** "69.2 %" never wraps between the number and its sign. */
function unbroken(text: string): string {
  return text.replace(/ %/g, "\u00a0%");
}

function ExplanationView({ title, explanation, testId }: { title: string; explanation: Explanation; testId: string }) {
  return (
    <section className="explanation" data-testid={testId}>
      <h3>{title}</h3>
      <p className="formula">{explanation.formula}</p>
      <p className="substituted" data-testid={`${testId}-substituted`}>
        {unbroken(explanation.substituted)}
      </p>
      {explanation.notes.length > 0 && (
        <ul className="notes">
          {explanation.notes.map((note) => (
            <li key={note}>{unbroken(note)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
