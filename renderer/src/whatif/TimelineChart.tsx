/**
 * The projection timeline (SPEC §3): the overall score per future period at base spend and in
 * the scenario, the P10–P90 band of the Monte Carlo run when it is ready, and a dashed line at
 * each step where an impact's lag comes into effect. The scenario is drawn as steps: between lag
 * steps nothing changes, and a sloped line would suggest a gradual effect the model does not have.
 */
import type { ChartDataset, ChartOptions, Plugin } from "chart.js";
import { memo, useMemo } from "react";
import { Line } from "react-chartjs-2";
import "../components/chart-setup.ts";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { type ThemeColors, useThemeColors, withAlpha } from "../scorecard/theme-colors.ts";
import type { TimelineSeries } from "./chart-data.ts";
import { formatScore } from "./format.ts";

type Dataset = ChartDataset<"line", Array<number | null>>;
const score = (v: number | null) => formatScore(v === null ? null : v / 100);

interface LagMarkerOptions {
  steps: ReadonlyArray<{ step: number }>;
  color: string;
}

/** Dashed vertical lines at the lag steps, labelled "lag L", drawn under the data. */
const lagMarkers: Plugin<"line", LagMarkerOptions> = {
  id: "lagMarkers",
  beforeDatasetsDraw(chart, _args, options) {
    const { ctx, chartArea, scales } = chart;
    const x = scales.x;
    if (!x) return;
    ctx.save();
    ctx.strokeStyle = options.color;
    ctx.fillStyle = options.color;
    ctx.setLineDash([4, 4]);
    ctx.lineWidth = 1;
    ctx.font = "11px system-ui, sans-serif";
    ctx.textAlign = "center";
    for (const { step } of options.steps) {
      const at = x.getPixelForValue(step);
      ctx.beginPath();
      ctx.moveTo(at, chartArea.top + 14);
      ctx.lineTo(at, chartArea.bottom);
      ctx.stroke();
      ctx.fillText(`lag ${step}`, at, chartArea.top + 10);
    }
    ctx.restore();
  },
};

function datasetsOf(series: TimelineSeries, colors: ThemeColors): Dataset[] {
  const sets: Dataset[] = [
    {
      label: "Scenario",
      data: series.projected,
      borderColor: colors.focus,
      backgroundColor: colors.focus,
      borderWidth: 2.5,
      pointRadius: 3,
      stepped: "before",
    },
    {
      label: "Baseline",
      data: series.baseline,
      borderColor: colors.muted,
      backgroundColor: colors.muted,
      borderDash: [6, 4],
      borderWidth: 1.5,
      pointRadius: 0,
    },
  ];
  if (series.band) {
    sets.push(
      {
        label: "P10",
        data: series.band.p10,
        borderColor: withAlpha(colors.focus, 0.35),
        backgroundColor: "transparent",
        borderWidth: 1,
        pointRadius: 0,
        stepped: "before",
      },
      {
        // Filled down to the P10 line: the band where 80 % of the draws fall.
        label: "P10–P90 band",
        data: series.band.p90,
        borderColor: withAlpha(colors.focus, 0.35),
        backgroundColor: withAlpha(colors.focus, 0.16),
        borderWidth: 1,
        pointRadius: 0,
        stepped: "before",
        fill: "-1",
      },
    );
  }
  return sets;
}

export const TimelineChart = memo(function TimelineChart({ series }: { series: TimelineSeries }) {
  const colors = useThemeColors();
  const data = useMemo(() => ({ labels: series.labels, datasets: datasetsOf(series, colors) }), [series, colors]);
  const options = useMemo(
    (): ChartOptions<"line"> & { plugins: { lagMarkers: LagMarkerOptions } } => ({
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: the line follows the sliders without an animation lag.
      animation: false,
      interaction: { mode: "index", intersect: false },
      color: colors.text,
      layout: { padding: { top: 4 } },
      scales: {
        x: { ticks: { color: colors.muted, maxRotation: 0, autoSkipPadding: 8 }, grid: { color: colors.border } },
        y: {
          ticks: { color: colors.muted, callback: (v) => score(Number(v)) },
          grid: { color: colors.border },
          grace: "5%",
        },
      },
      plugins: {
        lagMarkers: { steps: series.lagSteps, color: colors.muted },
        legend: {
          position: "bottom",
          labels: {
            color: colors.text,
            boxWidth: 14,
            boxHeight: 8,
            font: { size: 12 },
            // The P10 edge is part of the band's legend entry.
            filter: (item) => item.text !== "P10",
          },
        },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${score(ctx.parsed.y)}` } },
      },
    }),
    [colors, series.lagSteps],
  );
  const title = "Projection timeline: overall score per period, baseline and scenario";
  return (
    <ChartFigure
      className="whatif-chart timeline-chart"
      label={title}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Baseline</th>
              <th scope="col">Scenario</th>
              {series.band && (
                <>
                  <th scope="col">P10</th>
                  <th scope="col">P90</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {series.labels.map((label, t) => (
              <tr key={label}>
                <th scope="row">
                  {label}
                  {series.lagSteps.some((l) => l.step === t) && ` (lag ${t} takes effect)`}
                </th>
                <td>{score(series.baseline[t] ?? null)}</td>
                <td>{score(series.projected[t] ?? null)}</td>
                {series.band && (
                  <>
                    <td>{score(series.band.p10[t] ?? null)}</td>
                    <td>{score(series.band.p90[t] ?? null)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <Line data={data} options={options} plugins={[lagMarkers]} role="img" aria-label={title} />
    </ChartFigure>
  );
});
