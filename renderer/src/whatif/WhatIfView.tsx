/**
 * The What-If view (SPEC §3): a CIO moves spend between investments and sees what it does to the
 * scorecard. Sliders on the left; on the right the optimizer's proposal, the projected scores, the
 * map, the tornado and the timeline; above, the totals and the actions. This module only lays the
 * panels out and holds what the actions share (the worker, the proposal, the line that says what
 * an action did); each panel decides how closely it follows the sliders (slider-spend.ts,
 * docs/whatif-view.md "Speed").
 */
import "./whatif.css";
import { useState } from "react";
import { quote } from "../../../shared/domain/readable-path.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import type { Spend } from "../state/whatif.ts";
import { InvestmentSliders } from "./InvestmentSliders.tsx";
import { MapPanel } from "./MapPanel.tsx";
import { ProjectedScores } from "./ProjectedScores.tsx";
import { ProposalPanel } from "./ProposalPanel.tsx";
import { SaveScenarioDialog } from "./SaveScenarioDialog.tsx";
import { NoImpactsNote, ScenarioWarnings } from "./ScenarioWarnings.tsx";
import { SettledAnnouncement } from "./SettledAnnouncement.tsx";
import { TimelinePanel } from "./TimelinePanel.tsx";
import { TornadoPanel } from "./TornadoPanel.tsx";
import { useOptimizer } from "./use-optimizer.ts";
import { useWhatIfWorker } from "./use-whatif-worker.ts";
import { WhatIfEmptyState } from "./WhatIfEmptyState.tsx";
import { WhatIfToolbar } from "./WhatIfToolbar.tsx";

export function WhatIfView() {
  const store = useStoreApi();
  const doc = useDocumentStore((s) => s.doc);
  const spend = useDocumentStore((s) => s.spend);
  const setSpends = useDocumentStore((s) => s.setSpends);
  const worker = useWhatIfWorker();
  const optimizer = useOptimizer(worker);
  const [saving, setSaving] = useState(false);
  // What an action did, with the spend and the document it was said for: once a slider moves, or
  // an undo or another edit replaces the document (the saved scenario is gone), it no longer holds.
  const [said, setSaidFor] = useState<{ text: string; spend: Spend; doc: ScorecardDocument | null } | null>(null);
  const setSaid = (text: string | null) => {
    const { spend, doc } = store.getState();
    setSaidFor(text === null ? null : { text, spend, doc });
  };
  if (!doc) return null;
  if (doc.investments.length === 0) return <WhatIfEmptyState />;

  return (
    <div className="whatif-view">
      <WhatIfToolbar
        canOptimize={worker !== null && optimizer.proposal?.phase !== "running"}
        onOptimize={() => {
          if (optimizer.run()) setSaid(null);
        }}
        onReset={() => {
          setSpends({});
          setSaid("All investments are back at their base spend.");
        }}
        onSave={() => setSaving(true)}
      />
      <p className="whatif-said" role="status">
        {said?.spend === spend && said.doc === doc ? said.text : null}
      </p>
      <SettledAnnouncement />
      <ScenarioWarnings />
      <NoImpactsNote />
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
          {optimizer.proposal && (
            <ProposalPanel
              proposal={optimizer.proposal}
              onApply={(spend) => {
                setSpends(spend);
                optimizer.dismiss();
                setSaid("The proposal is applied to the sliders. Save it as a scenario to keep it.");
              }}
              onDismiss={optimizer.dismiss}
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
