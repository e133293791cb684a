import { memo } from "react";
import { sparklineLabel, sparklineShape } from "./sparkline.ts";

const WIDTH = 60;
const HEIGHT = 22;

/** A row's score across every period as an inline SVG line; the shown period is marked. */
export const Sparkline = memo(function Sparkline({
  values,
  labels,
  shown,
  status,
}: {
  values: readonly (number | null)[];
  labels: readonly string[];
  shown: number;
  status: string;
}) {
  const { lines, dots, points } = sparklineShape(values, WIDTH, HEIGHT, 3);
  const marker = points[shown];
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      role="img"
      aria-label={sparklineLabel(values, labels)}
    >
      {lines.map((points) => (
        <polyline key={points} className="sparkline-line" points={points} />
      ))}
      {dots.map((p) => (
        <circle key={`${p.x},${p.y}`} className="sparkline-dot" cx={p.x} cy={p.y} r={1.5} />
      ))}
      {marker && <circle className={`sparkline-now status-${status}`} cx={marker.x} cy={marker.y} r={2.5} />}
    </svg>
  );
});
