/**
 * The optimizer's proposal beside the current allocation (SPEC §3): per investment current,
 * proposed and change, and the overall current → proposed, with Apply and Dismiss. Shown only
 * while the sliders stay where the proposal was asked for (useOptimizer drops it once they move),
 * so the proposal's own document and spend are the sliders'.
 */
import { formatMoney, formatMoneyChange } from "../../../shared/display/numbers.ts";
import { PointsChange } from "../components/PointsChange.tsx";
import { scenarioOf } from "../state/whatif.ts";
import { formatMoneyCompact, formatScore } from "./format.ts";
import type { Proposal } from "./use-optimizer.ts";

export function ProposalPanel({
  proposal,
  onApply,
  onDismiss,
}: {
  proposal: Proposal;
  onApply: (spend: Record<string, number>) => void;
  onDismiss: () => void;
}) {
  if (proposal.phase === "running")
    return (
      <section className="panel proposal" aria-label="Optimizer">
        <p role="status" className="computing">
          Looking for a better allocation of the same total…
        </p>
      </section>
    );
  if (proposal.phase === "refused")
    return (
      <section className="panel proposal" aria-label="Optimizer">
        <p role="alert">The optimizer cannot propose an allocation: {proposal.message}.</p>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </section>
    );
  const { doc, spend } = proposal;
  const currency = doc.scorecard.currency;
  const now = scenarioOf(doc, spend);
  const next = scenarioOf(doc, proposal.proposed);
  const gain =
    now.overall.projected !== null && next.overall.projected !== null
      ? next.overall.projected - now.overall.projected
      : null;
  return (
    <section className="panel proposal" aria-labelledby="proposal-title" data-testid="proposal">
      <div className="proposal-head">
        <div>
          <h2 id="proposal-title" className="panel-title">
            Proposed allocation
          </h2>
          <p className="muted">
            The same total, {formatMoney(next.spend.projected, currency)}, with every investment inside its range.
          </p>
        </div>
        <p className="proposal-overall">
          <span className="muted">Overall</span> current{" "}
          <strong data-testid="proposal-current">{formatScore(now.overall.projected)}</strong>
          <span aria-hidden="true"> → </span>
          proposed <strong data-testid="proposal-overall">{formatScore(next.overall.projected)}</strong>{" "}
          <PointsChange delta={gain} />
        </p>
        <div className="proposal-actions">
          <button type="button" className="primary" onClick={() => onApply(proposal.proposed)}>
            Apply proposal
          </button>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      </div>
      <div className="table-scroll">
        <table className="proposal-table">
          <thead>
            <tr>
              <th scope="col">Investment</th>
              <th scope="col">Current</th>
              <th scope="col">Proposed</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {doc.investments.map((inv) => {
              const from = spend[inv.id] ?? inv.baseSpend;
              const to = proposal.proposed[inv.id] ?? inv.baseSpend;
              return (
                <tr key={inv.id} data-investment-id={inv.id}>
                  <th scope="row">
                    <span className="truncate" dir="auto" title={inv.name}>
                      {inv.name}
                    </span>
                  </th>
                  <td title={formatMoney(from, currency)}>{formatMoneyCompact(from, currency)}</td>
                  <td title={formatMoney(to, currency)}>{formatMoneyCompact(to, currency)}</td>
                  <td title={formatMoneyChange(to - from, currency)}>
                    {Math.abs(to - from) < 0.5 ? "—" : formatMoneyCompact(to - from, currency, true)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
