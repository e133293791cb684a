/**
 * The what-if view's top bar: what the sliders' allocation costs (total, change against the base
 * total, score points per million) and the view's actions, Optimize, Reset and Save as scenario.
 * The totals follow every slider step; the actions belong to the view, which owns their state.
 */
import { formatMoney, formatMoneyChange } from "../../../shared/display/numbers.ts";
import { formatMoneyCompact, formatShare, valueForMoney } from "./format.ts";
import { useSliderScenario } from "./slider-spend.ts";

function SpendSummary() {
  const scenario = useSliderScenario();
  if (!scenario) return null;
  const currency = scenario.doc.scorecard.currency;
  const totals = scenario.result.spend;
  return (
    <dl className="spend-summary">
      <div>
        <dt>Total spend</dt>
        <dd className="summary-big" data-testid="total-spend" title={formatMoney(totals.projected, currency)}>
          {formatMoneyCompact(totals.projected, currency)}
        </dd>
      </div>
      <div>
        <dt>Change vs base {formatMoneyCompact(totals.baseline, currency)}</dt>
        <dd className="summary-big" data-testid="total-delta" title={formatMoneyChange(totals.delta, currency)}>
          {formatMoneyCompact(totals.delta, currency, true)}
          {totals.baseline > 0 && totals.delta !== 0 && (
            <span className="muted"> ({formatShare(totals.delta / totals.baseline)})</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Return on the change</dt>
        <dd className="summary-big" data-testid="points-per-million">
          {valueForMoney(scenario.result, currency)}
        </dd>
      </div>
    </dl>
  );
}

export function WhatIfToolbar({
  canOptimize,
  onOptimize,
  onReset,
  onSave,
}: {
  canOptimize: boolean;
  onOptimize: () => void;
  onReset: () => void;
  onSave: () => void;
}) {
  return (
    <div className="whatif-toolbar">
      <SpendSummary />
      <div className="whatif-actions">
        {/* aria-disabled, not disabled: a disabled button loses keyboard focus to the page while it runs. */}
        <button
          type="button"
          className="primary"
          onClick={canOptimize ? onOptimize : undefined}
          aria-disabled={!canOptimize || undefined}
        >
          Optimize
        </button>
        <button type="button" onClick={onReset}>
          Reset
        </button>
        <button type="button" onClick={onSave}>
          Save as scenario…
        </button>
      </div>
    </div>
  );
}
