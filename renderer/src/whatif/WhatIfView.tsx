/**
 * The What-If view (SPEC §3): a CIO moves spend between investments and sees what it does to the
 * scorecard. Sliders on the left; on the right the projected scores, the strategy map in
 * projection mode, the tornado chart of marginal values and the projection timeline with its
 * Monte Carlo band; above, total spend, Optimize, Reset and Save as scenario.
 *
 * Speed (SPEC §6, under 16 ms from slider input to paint at 1,000 measures): a step evaluates the
 * scenario once (state/whatif.ts, ~0.07 ms) and re-renders the moved slider, the totals and the
 * score bars. The timeline follows through useDeferredValue, so React renders it after the
 * urgent update and can interrupt it; the map (tens of milliseconds of painting at 100 cards) and
 * the marginal values wait until the sliders rest (SETTLE_MS); the Monte Carlo run and the
 * optimizer run in a worker.
 */
import "./whatif.css";
import { useDeferredValue, useEffect, useMemo, useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { formatMoney } from "../../../shared/display/numbers.ts";
import { plainText, quote } from "../../../shared/domain/readable-path.ts";
import { marginalValues } from "../../../shared/whatif/marginal.ts";
import { DEFAULT_DRAWS, type MonteCarloResult } from "../../../shared/whatif/monte-carlo.ts";
import { StrategyMap } from "../map/StrategyMap.tsx";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import { evaluateSpend, scenarioOf, spendVector, whatIfOf } from "../state/whatif.ts";
import { timelineSeries, tornadoRows } from "./chart-data.ts";
import { formatMoneyCompact, formatPoints, formatPointsPerMillion, formatScore, formatShare } from "./format.ts";
import { InvestmentSliders } from "./InvestmentSliders.tsx";
import { PointsChange, ProjectedScores } from "./ProjectedScores.tsx";
import { SaveScenarioDialog } from "./SaveScenarioDialog.tsx";
import { TimelineChart } from "./TimelineChart.tsx";
import { useSettled } from "../common/use-settled.ts";
import { TornadoChart } from "./TornadoChart.tsx";
import { WhatIfWorker } from "./whatif-worker.ts";

/** How long the sliders must rest before the map, the marginal values and the Monte Carlo run follow. */
export const SETTLE_MS = 200;
/** The uncertainty run: the engine's default draws, and a fixed seed so the band is reproducible. */
const DRAWS = DEFAULT_DRAWS;
const SEED = 1;

type Spend = Readonly<Record<string, number>>;

function useWorker(): WhatIfWorker | null {
  const [worker, setWorker] = useState<WhatIfWorker | null>(null);
  useEffect(() => {
    const w = new WhatIfWorker();
    setWorker(w);
    return () => w.terminate();
  }, []);
  return worker;
}

const atBase = (doc: ScorecardDocument, spend: Spend) =>
  doc.investments.every((inv) => (spend[inv.id] ?? inv.baseSpend) === inv.baseSpend);

// ————— Totals —————

function SpendSummary() {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  if (!doc) return null;
  const currency = doc.scorecard.currency;
  const { spend: totals, pointsPerMillion } = scenarioOf(doc, spend);
  return (
    <dl className="spend-summary">
      <div>
        <dt>Total spend</dt>
        <dd className="summary-big" data-testid="total-spend" title={formatMoney(totals.projected, currency)}>
          {formatMoneyCompact(totals.projected, currency)}
        </dd>
      </div>
      <div>
        <dt>Change vs base {formatMoneyCompact(totals.baseline, currency)}</dt>
        <dd className="summary-big" data-testid="total-delta" title={formatMoney(totals.delta, currency)}>
          {formatMoneyCompact(totals.delta, currency, true)}
          {totals.baseline > 0 && totals.delta !== 0 && (
            <span className="muted"> ({formatShare(totals.delta / totals.baseline)})</span>
          )}
        </dd>
      </div>
      <div>
        <dt>Return on the change</dt>
        <dd className="summary-big" data-testid="points-per-million">
          {formatPointsPerMillion(pointsPerMillion, currency)}
        </dd>
      </div>
    </dl>
  );
}

function Warnings() {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  if (!doc) return null;
  const { warnings } = scenarioOf(doc, spend);
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" aria-label="What-if warnings">
      <h2>Check these</h2>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{plainText(w)}</li>
        ))}
      </ul>
    </section>
  );
}

/** Says the projected overall to a screen reader once the sliders rest (the slider says the spend). */
function SettledAnnouncement() {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useSettled(
    useDocumentStore((s) => s.spend),
    SETTLE_MS * 2,
  );
  if (!doc) return null;
  const { overall } = scenarioOf(doc, spend);
  return (
    <p className="visually-hidden" aria-live="polite">
      {atBase(doc, spend)
        ? ""
        : `Projected overall ${formatScore(overall.projected)}, ${formatPoints(overall.delta)} against base spend.`}
    </p>
  );
}

// ————— Optimizer —————

type Proposal =
  | { phase: "running"; doc: ScorecardDocument; spend: Spend }
  | { phase: "ready"; doc: ScorecardDocument; spend: Spend; proposed: Record<string, number> }
  | { phase: "refused"; doc: ScorecardDocument; spend: Spend; message: string };

function ProposalPanel({
  proposal,
  onApply,
  onDismiss,
}: {
  proposal: Proposal;
  onApply: (spend: Record<string, number>) => void;
  onDismiss: () => void;
}) {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  // A proposal is for the spend it was asked on: once the sliders move it no longer applies.
  if (!doc || proposal.doc !== doc || proposal.spend !== spend) return null;
  if (proposal.phase === "running")
    return (
      <section className="panel proposal" aria-label="Optimizer">
        <p role="status" className="computing">
          Looking for a better allocation of the same total…
        </p>
      </section>
    );
  if (proposal.phase === "refused")
    return (
      <section className="panel proposal" aria-label="Optimizer">
        <p role="alert">The optimizer cannot propose an allocation: {proposal.message}.</p>
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </section>
    );
  const currency = doc.scorecard.currency;
  const now = scenarioOf(doc, spend);
  const next = evaluateSpend(doc, proposal.proposed);
  const gain =
    now.overall.projected !== null && next.overall.projected !== null
      ? next.overall.projected - now.overall.projected
      : null;
  return (
    <section className="panel proposal" aria-labelledby="proposal-title" data-testid="proposal">
      <div className="proposal-head">
        <div>
          <h2 id="proposal-title" className="panel-title">
            Proposed allocation
          </h2>
          <p className="muted">
            The same total, {formatMoney(next.spend.projected, currency)}, with every investment inside its range.
          </p>
        </div>
        <p className="proposal-overall">
          <span className="muted">Overall</span> current{" "}
          <strong data-testid="proposal-current">{formatScore(now.overall.projected)}</strong>
          <span aria-hidden="true"> → </span>
          proposed <strong data-testid="proposal-overall">{formatScore(next.overall.projected)}</strong>{" "}
          <PointsChange delta={gain} />
        </p>
        <div className="proposal-actions">
          <button type="button" className="primary" onClick={() => onApply(proposal.proposed)}>
            Apply proposal
          </button>
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      </div>
      <div className="table-scroll">
        <table className="proposal-table">
          <thead>
            <tr>
              <th scope="col">Investment</th>
              <th scope="col">Current</th>
              <th scope="col">Proposed</th>
              <th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            {doc.investments.map((inv) => {
              const from = spend[inv.id] ?? inv.baseSpend;
              const to = proposal.proposed[inv.id] ?? inv.baseSpend;
              return (
                <tr key={inv.id} data-investment-id={inv.id}>
                  <th scope="row">
                    <span className="truncate" dir="auto" title={inv.name}>
                      {inv.name}
                    </span>
                  </th>
                  <td title={formatMoney(from, currency)}>{formatMoneyCompact(from, currency)}</td>
                  <td title={formatMoney(to, currency)}>{formatMoneyCompact(to, currency)}</td>
                  <td title={formatMoney(to - from, currency)}>
                    {Math.abs(to - from) < 0.5 ? "—" : formatMoneyCompact(to - from, currency, true)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ————— Map and charts —————

function MapPanel() {
  const doc = useDocumentStore((s) => s.doc);
  // Redrawing a map of 100 cards and their links costs the browser tens of milliseconds, several
  // frames: the map follows once the sliders rest, so a slider step itself stays within a frame.
  const shown = useSettled(
    useDocumentStore((s) => s.spend),
    SETTLE_MS,
  );
  const result = useMemo(() => (doc ? scenarioOf(doc, shown) : null), [doc, shown]);
  return (
    <section className="panel map-panel" aria-labelledby="whatif-map-title">
      <h2 id="whatif-map-title" className="panel-title">
        Strategy map, projected
      </h2>
      <div className="map-box">
        <StrategyMap projection={result} />
      </div>
    </section>
  );
}

function TornadoPanel() {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useSettled(
    useDocumentStore((s) => s.spend),
    SETTLE_MS,
  );
  const rows = useMemo(() => {
    if (!doc) return [];
    const { model, workspace } = whatIfOf(doc);
    return tornadoRows(marginalValues(model, spendVector(model, spend), workspace));
  }, [doc, spend]);
  return (
    <section className="panel" aria-labelledby="tornado-title">
      <h2 id="tornado-title" className="panel-title">
        Marginal value of each investment
      </h2>
      <p className="hint">Change of the overall score if one investment gets 10 % of its base more or less.</p>
      <TornadoChart rows={rows} />
    </section>
  );
}

type Uncertainty =
  | { phase: "idle" }
  | { phase: "computing"; doc: ScorecardDocument; spend: Spend; done: number }
  | { phase: "done"; doc: ScorecardDocument; spend: Spend; result: MonteCarloResult }
  | { phase: "failed"; doc: ScorecardDocument; spend: Spend; message: string };

/** The Monte Carlo band for the sliders' spend: asked once they settle; older answers dropped. */
function useUncertainty(
  worker: WhatIfWorker | null,
  doc: ScorecardDocument,
  spend: Spend,
): Uncertainty | "waiting" | "at-base" {
  const [state, setState] = useState<Uncertainty>({ phase: "idle" });
  const base = atBase(doc, spend);
  useEffect(() => {
    if (!worker || base) return;
    let id = -1;
    const timer = setTimeout(() => {
      setState({ phase: "computing", doc, spend, done: 0 });
      id = worker.request(doc, { ...spend }, { kind: "monte-carlo", draws: DRAWS, seed: SEED }, (reply) => {
        if (reply.kind === "progress")
          setState((s) =>
            s.phase === "computing" && s.doc === doc && s.spend === spend ? { ...s, done: reply.done } : s,
          );
        else if (reply.kind === "monte-carlo") setState({ phase: "done", doc, spend, result: reply.result });
        else if (reply.kind === "refused" || reply.kind === "failed")
          setState({ phase: "failed", doc, spend, message: reply.message });
      });
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      if (id >= 0) worker.forget(id);
    };
  }, [worker, doc, spend, base]);
  if (base) return "at-base";
  if (state.phase === "idle" || state.doc !== doc || state.spend !== spend) return "waiting";
  return state;
}

function UncertaintyStatus({ uncertainty }: { uncertainty: ReturnType<typeof useUncertainty> }) {
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
  if (uncertainty.phase !== "done") return null;
  const { overall } = uncertainty.result;
  return (
    <p className="hint" data-testid="uncertainty-status" data-ready="">
      Settled overall, 80 % of {DRAWS.toLocaleString("en-US")} draws: {formatScore(overall.p10)} to{" "}
      {formatScore(overall.p90)} (P10–P90, median {formatScore(overall.p50)}).
    </p>
  );
}

function TimelinePanel({ worker }: { worker: WhatIfWorker | null }) {
  const doc = useDocumentStore((s) => s.doc) as ScorecardDocument;
  const spend = useDocumentStore((s) => s.spend);
  const shown = useDeferredValue(spend);
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

// ————— The view —————

function EmptyState() {
  const openDialog = useDocumentStore((s) => s.openDialog);
  return (
    <section className="panel whatif-empty" aria-labelledby="whatif-empty-title">
      <h2 id="whatif-empty-title">This scorecard has no investments yet</h2>
      <p>
        The what-if view moves spend between IT investments and shows what it does to the scores. It needs investments
        (base spend and a slider range) and their impacts: which measure each one moves, by how much when its spend
        doubles, and after how many periods.
      </p>
      <ul>
        <li>
          Start from a template that has them: the IT Value Scorecard comes with seven investments linked to its
          measures.
        </li>
        <li>
          Or add them to a document JSON file (<code>investments</code> and <code>impacts</code>, see the file format)
          and create the scorecard from it with <code>scorecard new --from DOC.json FILE</code>.
        </li>
      </ul>
      <button type="button" onClick={() => openDialog("new-from-template")}>
        New from template…
      </button>
    </section>
  );
}

export function WhatIfView() {
  const store = useStoreApi();
  const doc = useDocumentStore((s) => s.doc);
  const setSpends = useDocumentStore((s) => s.setSpends);
  const worker = useWorker();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [saving, setSaving] = useState(false);
  const [said, setSaid] = useState<string | null>(null);
  if (!doc) return null;
  if (doc.investments.length === 0) return <EmptyState />;
  const noImpacts = whatIfOf(doc).model.impactIds.length === 0;

  const runOptimizer = () => {
    if (!worker) return;
    const { spend } = store.getState();
    setSaid(null);
    setProposal({ phase: "running", doc, spend });
    worker.request(doc, { ...spend }, { kind: "optimize" }, (reply) => {
      if (reply.kind === "optimize") setProposal({ phase: "ready", doc, spend, proposed: reply.spend });
      else if (reply.kind === "refused" || reply.kind === "failed")
        setProposal({ phase: "refused", doc, spend, message: reply.message });
    });
  };

  return (
    <div className="whatif-view">
      <div className="whatif-toolbar">
        <SpendSummary />
        <div className="whatif-actions">
          <button
            type="button"
            className="primary"
            onClick={runOptimizer}
            disabled={!worker || proposal?.phase === "running"}
          >
            Optimize
          </button>
          <button
            type="button"
            onClick={() => {
              setSpends({});
              setSaid("All investments are back at their base spend.");
            }}
          >
            Reset
          </button>
          <button type="button" onClick={() => setSaving(true)}>
            Save as scenario…
          </button>
        </div>
      </div>
      <p className="whatif-said" role="status">
        {said}
      </p>
      <SettledAnnouncement />
      <Warnings />
      {noImpacts && (
        <p className="warnings">
          No investment has an impact on a measure yet, so moving a slider changes no score. Impacts say which measure
          an investment moves, by how much and after how long.
        </p>
      )}
      <div className="whatif-grid">
        <section className="panel whatif-sliders" aria-labelledby="sliders-title">
          <h2 id="sliders-title" className="panel-title">
            Investments
          </h2>
          <p className="hint">
            Arrow keys move 1 % of base spend, Page Up/Down 10 %, Home/End to the range ends. ▲ marks the base.
          </p>
          <InvestmentSliders />
        </section>
        <div className="whatif-main">
          {proposal && (
            <ProposalPanel
              proposal={proposal}
              onApply={(spend) => {
                setSpends(spend);
                setProposal(null);
                setSaid("The proposal is applied to the sliders. Save it as a scenario to keep it.");
              }}
              onDismiss={() => setProposal(null)}
            />
          )}
          <ProjectedScores />
          <MapPanel />
          <TornadoPanel />
          <TimelinePanel worker={worker} />
        </div>
      </div>
      {saving && (
        <SaveScenarioDialog
          onClose={() => setSaving(false)}
          onSaved={(name) => {
            setSaving(false);
            setSaid(`Saved scenario ${quote(name)} to the file. Undo removes it.`);
          }}
        />
      )}
    </div>
  );
}
