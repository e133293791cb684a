import { useMemo, useState } from "react";
import type { Scorecard, ScorecardDocument } from "../../shared/domain/types.ts";
import { scoreAll } from "../../shared/scoring/engine.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { viewOf } from "../../shared/scoring/view.ts";
import { PeriodSelect } from "./components/PeriodSelect.tsx";
import { ScorecardTable } from "./components/ScorecardTable.tsx";
import { Summary } from "./components/Summary.tsx";

const PERIOD_KINDS: Record<Scorecard["periodKind"], string> = {
  month: "Monthly",
  quarter: "Quarterly",
  year: "Yearly",
};

/** "Contoso · Quarterly periods · Amounts in USD"; the organization only when the title lacks it. */
function subtitle(scorecard: Scorecard): string {
  return [
    scorecard.title.includes(scorecard.organization) ? "" : scorecard.organization,
    `${PERIOD_KINDS[scorecard.periodKind]} periods`,
    `Amounts in ${scorecard.currency}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

/** The start view: one scorecard, scored for the chosen period (the latest by default). */
export function App({ doc }: { doc: ScorecardDocument }) {
  // null = the latest period; the view lists the periods in the engine's (start-date) order.
  const [periodIndex, setPeriodIndex] = useState<number | null>(null);
  // The document is compiled and scored once; choosing a period only reads the scores.
  const scores = useMemo(() => {
    const model = compileModel(doc);
    return { model, table: scoreAll(model) };
  }, [doc]);
  const view = useMemo(
    () => viewOf(scores.model, scores.table, periodIndex ?? scores.model.periodCount - 1),
    [scores, periodIndex],
  );
  const { scorecard } = doc;

  return (
    <div className="app">
      <header className="app-header">
        <div>
          <h1>{scorecard.title}</h1>
          <p className="subtitle">{subtitle(scorecard)}</p>
        </div>
        <PeriodSelect periods={view.periods} value={view.periodIndex} onChange={setPeriodIndex} />
      </header>
      <main>
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
        {view.perspectives.length > 0 ? (
          <ScorecardTable view={view} />
        ) : (
          <p className="empty">This scorecard has no perspectives yet.</p>
        )}
      </main>
    </div>
  );
}
