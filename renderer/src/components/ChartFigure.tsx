/**
 * A chart as the scorecard's detail panel and the what-if and comparison views show one: a canvas
 * drawn as one labelled image in a box of its own, and (when the numbers are not in a table on
 * screen already) the same numbers as a table that only assistive technology gets, captioned with
 * the chart's label.
 */
import type { CSSProperties, ReactNode } from "react";

export function ChartFigure({
  className,
  boxClassName = "chart-box",
  boxStyle,
  caption,
  label,
  table,
  children,
}: {
  className: string;
  boxClassName?: string;
  boxStyle?: CSSProperties;
  /** A visible caption above the chart. */
  caption?: ReactNode;
  /** What the chart shows: the canvas's accessible name and the hidden table's caption. */
  label: string;
  /** The hidden table's head and body (<thead>, <tbody>); none when a table on screen holds them. */
  table?: ReactNode;
  /** The chart, drawn with `role="img"` and `aria-label={label}`. */
  children: ReactNode;
}) {
  return (
    <figure className={className}>
      {caption && <figcaption>{caption}</figcaption>}
      <div className={boxClassName} style={boxStyle}>
        {children}
      </div>
      {table && (
        // In a wrapper: a table is as wide as its content whatever its own width, and would widen the page.
        <div className="visually-hidden">
          <table>
            <caption>{label}</caption>
            {table}
          </table>
        </div>
      )}
    </figure>
  );
}
