import { type CSSProperties, Fragment } from "react";
import type { MeasureRow, NodeScore, ScorecardView } from "../../../shared/scoring/view.ts";
import {
  formatBand,
  formatPercent,
  formatTrend,
  formatValue,
  trendDirection,
} from "../../../shared/display/numbers.ts";
import { ScoreCell } from "./ScoreCell.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

/** Perspective → objective → measure, one row each, in the document's order. */
export function ScorecardTable({ view }: { view: ScorecardView }) {
  return (
    <table className="scorecard">
      <caption>Scorecard{view.period ? ` for ${view.period.label}` : ""}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-name">
            Perspective / objective / measure
          </th>
          <th scope="col">Kind</th>
          <th scope="col" className="num value">
            Value
          </th>
          <th scope="col" className="num value">
            Target
          </th>
          <th scope="col" className="col-score">
            Score
          </th>
          <th scope="col">Status</th>
          <th scope="col" className="num col-trend">
            Trend
          </th>
          <th scope="col" className="num">
            Coverage
          </th>
        </tr>
      </thead>
      {view.perspectives.map((perspective) => (
        // The perspective's colour marks its rows (the schema admits only #rrggbb colours).
        <tbody key={perspective.id} style={{ "--perspective-color": perspective.color } as CSSProperties}>
          <NodeRowView level="perspective" node={perspective} />
          {perspective.objectives.map((objective) => (
            <Fragment key={objective.id}>
              <NodeRowView level="objective" node={objective} />
              {objective.measures.map((measure) => (
                <MeasureRowView key={measure.id} measure={measure} />
              ))}
            </Fragment>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function NodeRowView({ level, node }: { level: "perspective" | "objective"; node: NodeScore }) {
  return (
    <tr className={`row-${level}`}>
      <th scope="row" className="col-name">
        {node.name}
      </th>
      <td />
      <td />
      <td />
      <td>
        <ScoreCell score={node.score} status={node.status} />
      </td>
      <td>
        <StatusBadge status={node.status} />
      </td>
      <td className={`num trend-${trendDirection(node.trend)}`}>{formatTrend(node.trend)}</td>
      <td className="num">{formatPercent(node.coverage)}</td>
    </tr>
  );
}

function MeasureRowView({ measure }: { measure: MeasureRow }) {
  return (
    <tr className="row-measure">
      <th scope="row" className="col-name">
        {measure.name}
      </th>
      <td>
        <span className={`kind kind-${measure.kind}`}>{measure.kind === "leading" ? "Leading" : "Lagging"}</span>
      </td>
      <td className="num value">
        {formatValue(measure.value, measure.unit)}
        {measure.stale && (
          <span className="stale" title="No actual for this period: the latest earlier value is shown">
            stale
          </span>
        )}
      </td>
      <td className="num value">
        {measure.band ? formatBand(measure.band, measure.unit) : formatValue(measure.target, measure.unit)}
      </td>
      <td>
        <ScoreCell score={measure.score} status={measure.status} />
      </td>
      <td>
        <StatusBadge status={measure.status} />
      </td>
      <td className={`num trend-${trendDirection(measure.trend)}`}>{formatTrend(measure.trend)}</td>
      <td />
    </tr>
  );
}
