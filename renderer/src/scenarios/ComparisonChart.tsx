/**
 * The comparison as a grouped bar chart (chart.js): one group for the overall and one per
 * perspective, one bar per column (baseline first). Colours come from the theme; the table beside
 * it holds the same numbers for assistive technology, so the canvas is one labelled image.
 * The view rebuilds the comparison on every render; the chart redraws only when its numbers,
 * names or the theme change.
 */
import type { ChartDataset, ChartOptions } from "chart.js";
import { memo, useMemo } from "react";
import { Bar } from "react-chartjs-2";
import { axisLabel, chartLabel } from "../common/chart-labels.ts";
import "../components/chart-setup.ts";
import { ChartFigure } from "../components/ChartFigure.tsx";
import { type ThemeColors, useThemeColors } from "../scorecard/theme-colors.ts";
import type { ChartData } from "./comparison.ts";

function colourOf(k: number, colors: ThemeColors): string {
  const series = [colors.muted, colors["series-1"], colors["series-2"], colors["series-3"], colors["series-4"]];
  return series[k] ?? colors.text;
}

function ComparisonChartImpl({ data }: { data: ChartData }) {
  const colors = useThemeColors();
  const chart = useMemo(() => {
    const datasets: Array<ChartDataset<"bar", Array<number | null>>> = data.series.map((s, k) => ({
      label: chartLabel(s.label, 30),
      data: s.values,
      backgroundColor: colourOf(k, colors),
      borderColor: colourOf(k, colors),
      borderWidth: 0,
      maxBarThickness: 36,
      categoryPercentage: 0.78,
      barPercentage: 0.92,
    }));
    return { labels: data.groups.map((g) => axisLabel(g)), datasets };
  }, [data, colors]);
  const options = useMemo(
    (): ChartOptions<"bar"> => ({
      responsive: true,
      maintainAspectRatio: false,
      // Drawn at once: the chart follows the choice of scenarios without a lag.
      animation: false,
      color: colors.text,
      scales: {
        x: { ticks: { color: colors.muted, maxRotation: 0, autoSkip: false }, grid: { display: false } },
        y: {
          beginAtZero: true,
          suggestedMax: 100,
          ticks: { color: colors.muted, callback: (v) => `${v}%` },
          grid: { color: colors.border },
          title: { display: true, text: "Score", color: colors.muted },
        },
      },
      plugins: {
        legend: {
          position: "bottom",
          labels: { color: colors.text, boxWidth: 14, boxHeight: 14, font: { size: 12 } },
        },
        tooltip: {
          callbacks: {
            title: (items) => chartLabel(data.groups[items[0]?.dataIndex ?? 0] ?? "", 60),
            label: (ctx) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? "no score" : `${ctx.parsed.y}%`}`,
          },
        },
      },
    }),
    [data.groups, colors],
  );
  const names = data.series.map((s) => chartLabel(s.label, 60)).join(", ");
  const label = `Bar chart of the overall and perspective scores for ${names}. The table holds the same numbers.`;
  return (
    <ChartFigure
      className="comparison-chart"
      boxClassName="comparison-chart-box"
      caption="Scores side by side"
      label={label}
    >
      <Bar data={chart} options={options} role="img" aria-label={label} />
    </ChartFigure>
  );
}

export const ComparisonChart = memo(ComparisonChartImpl);
