/**
 * The comparison as a table, one column per scenario after the baseline: overall and perspective
 * scores with their change against the baseline and status in words, then spend per investment
 * and in total with its change. This table is also the chart's accessible form.
 */
import { useId } from "react";
import { formatMoney, formatMoneyChange } from "../../../shared/display/numbers.ts";
import { PointsChange } from "../components/PointsChange.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { formatScore, valueForMoney } from "../whatif/format.ts";
import type { Comparison, MoneyCell, ScoreCell } from "./comparison.ts";

/** The chart colour of column k (the baseline is 0): the header's swatch ties table and chart. */
function seriesClass(k: number): string {
  return k === 0 ? "series-baseline" : `series-${k}`;
}

/**
 * A projected score and its change, with one decimal and the arrow the What-If view shows them
 * with (PointsChange), so a scenario opened there shows the same numbers.
 */
function ScoreValue({ cell, baseline }: { cell: ScoreCell; baseline: boolean }) {
  return (
    <div className="score-cell">
      <span className="cmp-score" data-testid="score">
        {formatScore(cell.score)}
      </span>
      {!baseline && <PointsChange delta={cell.delta} testId="delta" />}
      <StatusBadge status={cell.status} />
    </div>
  );
}

function MoneyValue({ cell, currency }: { cell: MoneyCell; currency: string }) {
  return (
    <div className="money-cell">
      <span className="money" data-testid="money">
        {formatMoney(cell.value, currency)}
      </span>
      {cell.delta !== null && (
        <span className="money-change" data-testid="money-delta">
          {formatMoneyChange(cell.delta, currency)}
        </span>
      )}
    </div>
  );
}

export function ComparisonTable({ comparison, currency }: { comparison: Comparison; currency: string }) {
  const id = useId();
  const { columns } = comparison;
  const span = columns.length + 1;
  return (
    <section className="comparison" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Side by side</h3>
      <div className="table-frame">
        <table className="comparison-table" data-testid="comparison">
          <caption className="visually-hidden">
            Scores and spend of the chosen scenarios against the baseline; changes are against the baseline.
          </caption>
          <colgroup>
            <col className="col-label" />
            {columns.map((c) => (
              <col key={c.key} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <td />
              {columns.map((c, k) => (
                <th key={c.key} scope="col" data-column={c.key} className={c.best ? "best" : undefined}>
                  <span className="column-head">
                    <span className={`series-swatch ${seriesClass(k)}`} aria-hidden="true" />
                    <span className="truncate column-name" title={c.name}>
                      {c.name}
                    </span>
                  </span>
                  {c.kind === "baseline" && <span className="column-sub muted">Base spend</span>}
                  {c.best && (
                    <span className="best-badge">
                      <span aria-hidden="true">★</span> Best overall
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr className="group-head">
              <th scope="colgroup" colSpan={span}>
                Scores
              </th>
            </tr>
            {comparison.scores.map((row) => (
              <tr key={row.key} data-row={row.key} className={row.key === "overall" ? "overall-row" : undefined}>
                <th scope="row">
                  <span className="truncate" title={row.label}>
                    {row.label}
                  </span>
                </th>
                {row.cells.map((cell, k) => (
                  <td key={columns[k]?.key} data-column={columns[k]?.key}>
                    <ScoreValue cell={cell} baseline={k === 0} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tbody>
            <tr className="group-head">
              <th scope="colgroup" colSpan={span}>
                Spend per investment
              </th>
            </tr>
            {[...comparison.spend, comparison.total].map((row) => (
              <tr key={row.key} data-row={row.key} className={row.key === "total" ? "total-row" : undefined}>
                <th scope="row">
                  <span className="truncate" title={row.label}>
                    {row.label}
                  </span>
                </th>
                {row.cells.map((cell, k) => (
                  <td key={columns[k]?.key} data-column={columns[k]?.key}>
                    <MoneyValue cell={cell} currency={currency} />
                  </td>
                ))}
              </tr>
            ))}
            <tr data-row="points-per-million">
              <th scope="row">
                <span className="truncate" title="Change of the overall score per 1 million spent more, or saved">
                  Value for money
                </span>
              </th>
              {columns.map((c, k) => (
                <td key={c.key} data-column={c.key}>
                  {k === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <span data-testid="points-per-million">{valueForMoney(c.result, currency)}</span>
                  )}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}
