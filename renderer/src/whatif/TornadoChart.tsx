/**
 * The tornado chart (SPEC §3): per investment, how many points the overall moves for +10 % and
 * for −10 % of its base spend, the largest swing on top. The marginal values cost about 1.3 ms at
 * 1,000 measures, and a redraw a few more, so they follow the sliders once they settle
 * (SETTLE_MS) rather than on every step. Screen readers get the numbers as a table.
 */
import type { ChartOptions } from "chart.js";
import { memo, useMemo } from "react";
import { Bar } from "react-chartjs-2";
import { useThemeColors, withAlpha } from "../scorecard/theme-colors.ts";
import { chartLabel } from "../common/chart-labels.ts";
import "../components/chart-setup.ts";
import { ChartFigure } from "../components/ChartFigure.tsx";
import type { TornadoRow } from "./chart-data.ts";
import { formatPoints } from "./format.ts";

const pts = (v: number | null) => formatPoints(v === null ? null : v / 100);

export const TornadoChart = memo(function TornadoChart({ rows }: { rows: readonly TornadoRow[] }) {
  const colors = useThemeColors();
  const data = useMemo(
    () => ({
      labels: rows.map((r) => chartLabel(r.name, 28)),
      datasets: [
        {
          label: "+10 % of base spend",
          data: rows.map((r) => r.up),
          backgroundColor: withAlpha(colors.focus, 0.85),
          borderColor: colors.focus,
          borderWidth: 1,
        },
        {
          label: "−10 % of base spend",
          data: rows.map((r) => r.down),
          backgroundColor: withAlpha(colors.amber, 0.55),
          borderColor: colors.amber,
          borderWidth: 1,
        },
      ],
    }),
    [rows, colors],
  );
  const options = useMemo(
    (): ChartOptions<"bar"> => ({
      indexAxis: "y",
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      color: colors.text,
      scales: {
        // Both bars of an investment on one row (stacked index axis), each from 0 (value axis not stacked).
        y: { stacked: true, ticks: { color: colors.text, autoSkip: false }, grid: { display: false } },
        x: {
          stacked: false,
          ticks: { color: colors.muted, callback: (v) => pts(Number(v)) },
          grid: { color: colors.border },
          title: { display: true, text: "Change of the overall score (points)", color: colors.muted },
        },
      },
      plugins: {
        legend: { position: "bottom", labels: { color: colors.text, boxWidth: 14, font: { size: 12 } } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${pts(ctx.parsed.x)}` } },
      },
    }),
    [colors],
  );
  const title = "Marginal values: change of the overall score for ±10 % of each investment's base spend";
  return (
    <ChartFigure
      className="whatif-chart tornado-chart"
      boxStyle={{ height: `${Math.max(160, 60 + rows.length * 26)}px` }}
      label={title}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Investment</th>
              <th scope="col">+10 % of base</th>
              <th scope="col">−10 % of base</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{pts(r.up)}</td>
                <td>{pts(r.down)}</td>
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <Bar data={data} options={options} role="img" aria-label={title} />
    </ChartFigure>
  );
});
