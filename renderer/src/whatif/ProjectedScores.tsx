/**
 * The scenario's scores as the sliders move: the overall (baseline → projected, the change in
 * points, the projected status) and one pair of bars per perspective, baseline against scenario,
 * with every number also written out. Plain HTML bars: they cost nothing to redraw per slider
 * step, scale with the type in workshop mode, and read as text to a screen reader.
 */
import "./whatif.css";
import { useId } from "react";
import { PointsChange } from "../components/PointsChange.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import type { ProjectedScore } from "../../../shared/whatif/scenario.ts";
import { formatScore } from "./format.ts";
import { useSliderScenario } from "./slider-spend.ts";

function Bar({ score, scale, kind }: { score: number | null; scale: number; kind: "baseline" | "scenario" }) {
  const width = score === null ? 0 : Math.max(0, Math.min(1, score / scale)) * 100;
  return (
    <div className={`score-bar score-bar-${kind}`} aria-hidden="true">
      <span style={{ width: `${width}%` }} />
    </div>
  );
}

function PerspectiveBars({ p, scale }: { p: { id: string; name: string } & ProjectedScore; scale: number }) {
  return (
    <li className="perspective-bars" data-perspective-id={p.id}>
      <div className="perspective-head">
        <span className="perspective-name truncate" dir="auto" title={p.name}>
          {p.name}
        </span>
        <span className="perspective-numbers">
          <span className="visually-hidden">baseline </span>
          <span className="muted">{formatScore(p.baseline)}</span>
          <span aria-hidden="true"> → </span>
          <span className="visually-hidden"> projected </span>
          <strong>{formatScore(p.projected)}</strong> <PointsChange delta={p.delta} />
        </span>
      </div>
      <Bar score={p.baseline} scale={scale} kind="baseline" />
      <Bar score={p.projected} scale={scale} kind="scenario" />
    </li>
  );
}

export function ProjectedScores({ large = false }: { large?: boolean }) {
  const titleId = useId();
  const scenario = useSliderScenario();
  if (!scenario) return null;
  const { result } = scenario;
  const { overall } = result;
  // Bars share one scale: 100 %, or more when a capped score goes beyond it.
  const scale = Math.max(1, ...result.perspectives.flatMap((p) => [p.baseline ?? 0, p.projected ?? 0]));
  return (
    <section className={`panel projected-scores${large ? " large" : ""}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="panel-title">
        Projected scores
      </h2>
      <div className="projected-overall">
        <div>
          <span className="muted">Overall</span>
          <p className="projected-line">
            <span className="muted">
              <span className="visually-hidden">baseline </span>
              <span data-testid="baseline-overall">{formatScore(overall.baseline)}</span>
            </span>
            <span aria-hidden="true" className="muted">
              →
            </span>
            <span className="big">
              <span className="visually-hidden">projected </span>
              <span data-testid="projected-overall">{formatScore(overall.projected)}</span>
            </span>
          </p>
        </div>
        <div className="projected-side">
          <PointsChange delta={overall.delta} testId="projected-delta" />
          <StatusBadge status={overall.status} />
        </div>
      </div>
      <ul className="perspective-list" aria-label="Per perspective, baseline and scenario">
        {result.perspectives.map((p) => (
          <PerspectiveBars key={p.id} p={p} scale={scale} />
        ))}
      </ul>
      <p className="bar-legend muted" aria-hidden="true">
        <span className="legend-swatch score-bar-baseline" /> Baseline
        <span className="legend-swatch score-bar-scenario" /> Scenario
      </p>
    </section>
  );
}
