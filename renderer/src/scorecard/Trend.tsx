import { trendText } from "./trend.ts";

/** The change since the previous period: arrow and points in colour; read out as "up 4 points". */
export function Trend({ delta }: { delta: number | null }) {
  const trend = trendText(delta);
  return (
    <span className={`trend trend-${trend.direction}`} title={trend.label}>
      <span aria-hidden="true">
        {trend.arrow && <span className="trend-arrow">{trend.arrow}</span>}
        {trend.text}
      </span>
      <span className="visually-hidden">{trend.label}</span>
    </span>
  );
}
