/**
 * The projection timeline (overall per future period, baseline and scenario, the lags marked) with
 * the Monte Carlo band and a line that says where its run stands. The line follows once the sliders
 * rest, as the map and the tornado do: redrawn on every step it added a canvas raster to each
 * step's frame (slider key → painted went from about 19 to 16 ms at 1,000 measures).
 */
import { useMemo } from "react";
import { useSettledSpend } from "./slider-spend.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { useDocumentStore } from "../state/context.tsx";
import { scenarioOf, whatIfOf } from "../state/whatif.ts";
import { timelineSeries } from "./chart-data.ts";
import { formatScore } from "./format.ts";
import { TimelineChart } from "./TimelineChart.tsx";
import { UNCERTAINTY_DRAWS as DRAWS, type Uncertainty, useUncertainty } from "./use-uncertainty.ts";
import type { WhatIfWorker } from "./whatif-worker.ts";

function UncertaintyStatus({ uncertainty }: { uncertainty: Uncertainty }) {
  if (uncertainty === "at-base")
    return (
      <p className="hint">
        At base spend there is no uncertainty band: it shows how sure the effect of a change in spend is.
      </p>
    );
  if (uncertainty === "waiting" || uncertainty.phase === "computing") {
    const done = uncertainty === "waiting" ? 0 : uncertainty.done;
    return (
      <p className="hint computing" data-testid="uncertainty-status">
        <span className="spinner" aria-hidden="true" /> Computing the uncertainty band ({DRAWS.toLocaleString("en-US")}{" "}
        draws)…
        <span aria-hidden="true"> {Math.round((done / DRAWS) * 100)}%</span>
      </p>
    );
  }
  if (uncertainty.phase === "failed")
    return (
      <p className="hint" role="alert">
        The uncertainty band could not be computed: {uncertainty.message}
      </p>
    );
  const { overall } = uncertainty.result;
  return (
    <p className="hint" data-testid="uncertainty-status" data-ready="">
      Settled overall, 80 % of {DRAWS.toLocaleString("en-US")} draws: {formatScore(overall.p10)} to{" "}
      {formatScore(overall.p90)} (P10–P90, median {formatScore(overall.p50)}).
    </p>
  );
}

export function TimelinePanel({ worker }: { worker: WhatIfWorker | null }) {
  const doc = useDocumentStore((s) => s.doc) as ScorecardDocument;
  const spend = useDocumentStore((s) => s.spend);
  const shown = useSettledSpend();
  const uncertainty = useUncertainty(worker, doc, spend);
  const band = typeof uncertainty === "object" && uncertainty.phase === "done" ? uncertainty.result.timeline : null;
  const series = useMemo(() => {
    const { model } = whatIfOf(doc);
    return timelineSeries(scenarioOf(doc, shown).timeline, model.lagSteps, band);
  }, [doc, shown, band]);
  return (
    <section className="panel" aria-labelledby="timeline-title">
      <h2 id="timeline-title" className="panel-title">
        Projection timeline
      </h2>
      <p className="hint">
        Overall score per period. Dashed lines mark where an investment's lag takes effect; the shaded band holds 80 %
        of the Monte Carlo draws.
      </p>
      <TimelineChart series={series} />
      <div aria-live="polite">
        <UncertaintyStatus uncertainty={uncertainty} />
      </div>
    </section>
  );
}
