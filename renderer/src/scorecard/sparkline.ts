/**
 * The small score-over-time line of a row, as SVG geometry: periods without a score break the line
 * (a gap, not a drop to zero), and a score between two gaps shows as a dot.
 */
import { formatPercent } from "../../../shared/display/numbers.ts";

export interface Point {
  x: number;
  y: number;
}

export interface SparklineShape {
  /** One `points` attribute per run of consecutive scores (two or more). */
  lines: string[];
  /** Scores with no scored neighbour. */
  dots: Point[];
  /** Where each period's score sits; null where there is none. */
  points: Array<Point | null>;
}

/** Geometry in a width × height box with `pad` around; the scale runs from 0 to 100 % (or the highest score above it). */
export function sparklineShape(
  values: readonly (number | null)[],
  width: number,
  height: number,
  pad = 2,
): SparklineShape {
  const top = Math.max(1, ...values.map((v) => v ?? 0));
  const stepX = values.length > 1 ? (width - 2 * pad) / (values.length - 1) : 0;
  const round = (n: number) => Math.round(n * 100) / 100;
  const points = values.map((v, k): Point | null =>
    v === null
      ? null
      : {
          x: round(values.length > 1 ? pad + k * stepX : width / 2),
          y: round(height - pad - (Math.max(0, v) / top) * (height - 2 * pad)),
        },
  );
  const lines: string[] = [];
  const dots: Point[] = [];
  let run: Point[] = [];
  const endRun = () => {
    if (run.length === 1) dots.push(run[0] as Point);
    else if (run.length > 1) lines.push(run.map((p) => `${p.x},${p.y}`).join(" "));
    run = [];
  };
  for (const point of points) {
    if (point) run.push(point);
    else endRun();
  }
  endRun();
  return { lines, dots, points };
}

/** "Score from 45% (2025-Q1) to 80% (2026-Q4); 2 of 8 periods without a score." */
export function sparklineLabel(values: readonly (number | null)[], labels: readonly string[]): string {
  const scored = values.flatMap((v, k) => (v === null ? [] : [k]));
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (first === undefined || last === undefined) return "No score in any period";
  const at = (k: number) => `${formatPercent(values[k] ?? null)} (${labels[k] ?? "?"})`;
  const range = first === last ? `Score ${at(first)} only` : `Score from ${at(first)} to ${at(last)}`;
  const missing = values.length - scored.length;
  return missing > 0 ? `${range}; ${missing} of ${values.length} periods without a score` : range;
}
