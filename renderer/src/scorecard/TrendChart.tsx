/**
 * The selected item across all periods on a chart.js line chart: a measure's actuals against its
 * target (or band), or a score against the status thresholds. Colours come from the theme, so the
 * chart is legible in light and dark. Screen readers get a label and the numbers as a table.
 */
import type { ChartDataset, ChartOptions } from "chart.js";
import { Line } from "react-chartjs-2";
import { formatValue } from "../../../shared/display/numbers.ts";
import "../components/chart-setup.ts";
import { ChartFigure } from "../components/ChartFigure.tsx";
import type { ChartLine } from "./subject.ts";
import { type ThemeColors, useThemeColors, withAlpha } from "./theme-colors.ts";

type Dataset = ChartDataset<"line", Array<number | null>>;

/** How each line is drawn: the data solid and strong, targets dashed, thresholds thin. */
function datasetOf(line: ChartLine, colors: ThemeColors): Dataset {
  const base: Dataset = { label: line.label, data: line.values, spanGaps: false, pointRadius: 0, borderWidth: 1.5 };
  switch (line.key) {
    case "actual":
    case "score":
      return {
        ...base,
        borderColor: colors.focus,
        backgroundColor: colors.focus,
        borderWidth: 2.5,
        pointRadius: 3,
        pointHoverRadius: 5,
      };
    case "target":
      return {
        ...base,
        borderColor: colors.muted,
        backgroundColor: colors.muted,
        borderDash: [6, 4],
        stepped: "middle",
      };
    case "low":
      return { ...base, borderColor: colors.green, backgroundColor: colors.green, borderDash: [6, 4] };
    case "high":
      // Filled down to the low line: the band where the measure scores 100 %.
      return {
        ...base,
        borderColor: colors.green,
        backgroundColor: withAlpha(colors.green, 0.14),
        borderDash: [6, 4],
        fill: "-1",
      };
    case "green":
      return { ...base, borderColor: colors.green, backgroundColor: colors.green, borderDash: [2, 3], borderWidth: 1 };
    case "amber":
      return { ...base, borderColor: colors.amber, backgroundColor: colors.amber, borderDash: [2, 3], borderWidth: 1 };
  }
}

interface Props {
  periods: ReadonlyArray<{ id: string; label: string }>;
  lines: readonly ChartLine[];
  unit: string;
  /** The chart's accessible name. */
  title: string;
}

export function TrendChart({ periods, lines, unit, title }: Props) {
  const colors = useThemeColors();
  const show = (v: number | null) => (unit === "%" && v !== null ? `${v}%` : formatValue(v, unit));
  const options: ChartOptions<"line"> = {
    responsive: true,
    maintainAspectRatio: false,
    // Drawn at once: the chart follows the period and selection without a lag.
    animation: false,
    interaction: { mode: "index", intersect: false },
    color: colors.text,
    scales: {
      x: { ticks: { color: colors.muted, maxRotation: 0, autoSkipPadding: 8 }, grid: { color: colors.border } },
      y: {
        ticks: { color: colors.muted, callback: (v) => show(typeof v === "number" ? v : Number(v)) },
        grid: { color: colors.border },
        ...(unit === "%" ? { suggestedMin: 0, suggestedMax: 100 } : {}),
      },
    },
    plugins: {
      legend: {
        position: "bottom",
        labels: { color: colors.text, boxWidth: 14, boxHeight: 2, font: { size: 12 } },
      },
      tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label}: ${show(ctx.parsed.y)}` } },
    },
  };
  return (
    <ChartFigure
      className="trend-chart"
      label={title}
      table={
        <>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {lines.map((line) => (
                <th key={line.key} scope="col">
                  {line.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((period, k) => (
              <tr key={period.id}>
                <th scope="row">{period.label}</th>
                {lines.map((line) => (
                  <td key={line.key}>{show(line.values[k] ?? null)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </>
      }
    >
      <Line
        data={{ labels: periods.map((p) => p.label), datasets: lines.map((line) => datasetOf(line, colors)) }}
        options={options}
        role="img"
        aria-label={title}
      />
    </ChartFigure>
  );
}
