/**
 * One spend slider per investment (SPEC §3), in the file's order. Each is a native range input,
 * so it is a slider to assistive technology, with the keys taken over to step on the what-if
 * grid (slider-steps.ts): arrows 1 % of base, Page Up/Down 10 %, Home/End the range ends. The
 * base spend is marked on the track. Moving a slider only changes the window's draft
 * (store.setSpend), never the file. Rows are memoized: a move re-renders the one row it moved.
 */
import "./whatif.css";
import { memo, type KeyboardEvent, useId } from "react";
import type { Investment } from "../../../shared/domain/types.ts";
import { useDocumentStore } from "../state/context.tsx";
import { formatMoneyCompact, formatShare, spendValueText } from "./format.ts";
import { type SpendRange, snapSpend, spendAfterKey, trackFraction } from "./slider-steps.ts";

interface RowProps {
  investment: Investment;
  spend: number;
  currency: string;
  setSpend: (id: string, spend: number) => void;
}

const SpendSlider = memo(function SpendSlider({ investment, spend, currency, setSpend }: RowProps) {
  const id = useId();
  const range: SpendRange = { base: investment.baseSpend, min: investment.minSpend, max: investment.maxSpend };
  const money = (v: number) => formatMoneyCompact(v, currency);
  const delta = spend - range.base;
  const direction = delta > 0 ? "up" : delta < 0 ? "down" : "flat";
  const fixed = range.max <= range.min;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const next = spendAfterKey(event.key, spend, range);
    if (next === null) return;
    // The browser's own steps would follow the input's step attribute, not the 1 % grid.
    event.preventDefault();
    if (next !== spend) setSpend(investment.id, next);
  };

  return (
    <li className="spend-row" data-investment-id={investment.id}>
      <div className="spend-head">
        <label htmlFor={id} className="spend-name truncate" dir="auto" title={investment.name}>
          {investment.name}
        </label>
        <span className="spend-value" data-testid="spend-value">
          {money(spend)}
        </span>
      </div>
      <div className="spend-track">
        <input
          id={id}
          type="range"
          min={range.min}
          max={range.max}
          step="any"
          value={spend}
          disabled={fixed}
          aria-valuetext={spendValueText(spend, range.base, currency)}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            const next = snapSpend(Number(e.target.value), range);
            if (next !== spend) setSpend(investment.id, next);
          }}
        />
        {/* The base spend's place on the track; the thumb is 18 px wide, so its centre runs 9 px in. */}
        <span
          className="base-mark"
          aria-hidden="true"
          style={{ left: `calc(9px + (100% - 18px) * ${trackFraction(range.base, range)})` }}
        />
      </div>
      <div className="spend-foot">
        <span className="muted">{money(range.min)}</span>
        <span className={`spend-delta delta-${direction}`}>
          {delta === 0 ? (
            <>at base {money(range.base)}</>
          ) : (
            <>
              {formatMoneyCompact(delta, currency, true)}
              {range.base > 0 && ` (${formatShare(delta / range.base)})`} vs base {money(range.base)}
            </>
          )}
        </span>
        <span className="muted">{money(range.max)}</span>
      </div>
    </li>
  );
});

/** The sliders, reading the investments and the draft from the store; `large` for workshop mode. */
export function InvestmentSliders({ large = false }: { large?: boolean }) {
  const investments = useDocumentStore((s) => s.doc?.investments);
  const currency = useDocumentStore((s) => s.doc?.scorecard.currency ?? "USD");
  const spend = useDocumentStore((s) => s.spend);
  const setSpend = useDocumentStore((s) => s.setSpend);
  if (!investments || investments.length === 0) return null;
  return (
    <ul className={`spend-sliders${large ? " large" : ""}`} aria-label="Spend per investment">
      {investments.map((inv) => (
        <SpendSlider
          key={inv.id}
          investment={inv}
          spend={spend[inv.id] ?? inv.baseSpend}
          currency={currency}
          setSpend={setSpend}
        />
      ))}
    </ul>
  );
}
