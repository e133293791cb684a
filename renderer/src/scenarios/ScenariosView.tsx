/**
 * The Scenarios view: the document's saved scenarios, 2–4 of them chosen and compared side by side
 * with the baseline (base spend) in a table and a grouped bar chart; rename, duplicate, delete
 * (each one undoable edit) and "Open in What-If".
 */
import { useEffect, useMemo, useRef, useState } from "react";
import "./scenarios.css";
import type { Scenario, ScorecardDocument } from "../../../shared/domain/types.ts";
import { quote } from "../../../shared/domain/readable-path.ts";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import { buildComparison, chartData, comparisonColumns, comparisonWarnings, MAX_COMPARED } from "./comparison.ts";
import { ComparisonChart } from "./ComparisonChart.tsx";
import { ComparisonTable } from "./ComparisonTable.tsx";
import { RenameDialog } from "./RenameDialog.tsx";
import { ScenarioList } from "./ScenarioList.tsx";
import {
  type Choice,
  chosenScenarios,
  deleteOp,
  duplicateOp,
  initialChoice,
  toggleChoice,
  updatedChoice,
} from "./scenario-ops.ts";

// The choice outlives the view (switching to What-If and back keeps it), per scorecard.
const remembered = new Map<string, Choice>();
// Scenarios made after this (in this window) are new to the view even before its first visit.
const OPENED_AT = Date.now();

function useChoice(scorecardId: string, scenarios: readonly Scenario[]) {
  const [state, setState] = useState<Choice>(() => remembered.get(scorecardId) ?? initialChoice(scenarios, OPENED_AT));
  const updated = updatedChoice(state, scenarios);
  // Derived from what the document holds now: React renders again at once with it.
  if (updated) setState(updated);
  const current = updated ?? state;
  useEffect(() => {
    remembered.set(scorecardId, current);
  }, [scorecardId, current]);
  const shown = useMemo(() => chosenScenarios(scenarios, current.choice), [scenarios, current.choice]);
  const toggle = (id: string, on: boolean) =>
    setState((s) => ({ ...s, choice: toggleChoice(chosenScenarios(scenarios, s.choice), id, on) }));
  return { shown, toggle };
}

export function ScenariosView() {
  const doc = useDocumentStore((s) => s.doc);
  if (!doc) return null;
  // Another scorecard in the window starts with its own choice.
  return <Scenarios key={doc.scorecard.id} doc={doc} />;
}

function Scenarios({ doc }: { doc: ScorecardDocument }) {
  const store = useStoreApi();
  const scenarios = doc.scenarios;
  const { shown, toggle } = useChoice(doc.scorecard.id, scenarios);
  const [renaming, setRenaming] = useState<Scenario | null>(null);
  // What the last action did; shown while the document is still the one it left (an undo or
  // another edit makes it stale, and its Undo button must not undo something else).
  // `restores`: the scenario its Undo brings back.
  const [said, setSaid] = useState<{
    text: string;
    undo: boolean;
    doc: ScorecardDocument | null;
    restores?: string;
  } | null>(null);
  const view = useRef<HTMLDivElement>(null);
  const viewHeading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  // Where focus goes once the edit is on screen: the element that had it (a row's Delete, the
  // Undo button) is gone by then, and focus must not fall to the page.
  const [focusNext, setFocusNext] = useState<{ row: string | null } | null>(null);
  useEffect(() => {
    if (!focusNext) return;
    setFocusNext(null);
    const rows = view.current?.querySelectorAll<HTMLElement>("tr[data-scenario-id]") ?? [];
    const row = [...rows].find((r) => r.dataset.scenarioId === focusNext.row);
    const target =
      row?.querySelector<HTMLElement>("[data-action=delete]") ?? listHeading.current ?? viewHeading.current;
    target?.focus();
  }, [focusNext]);
  const currency = doc.scorecard.currency;

  const openInWhatIf = (s: Scenario) => {
    const state = store.getState();
    state.setSpends(s.spend);
    state.setView("what-if");
  };
  const duplicate = async (s: Scenario) => {
    // Built when the edit's turn comes: a rename queued before it is in the copy's name.
    const result = await store.getState().edit((d) => {
      const now = d.scenarios.find((x) => x.id === s.id);
      return now ? duplicateOp(d.scenarios, now, crypto.randomUUID(), new Date().toISOString()) : null;
    });
    if (result.ok) setSaid({ text: `Duplicated ${quote(s.name)}.`, undo: false, doc: store.getState().doc });
  };
  const remove = async (s: Scenario) => {
    const result = await store.getState().edit(deleteOp(s.id));
    if (!result.ok) return;
    setSaid({ text: `Deleted ${quote(s.name)}.`, undo: true, doc: store.getState().doc, restores: s.id });
    // The row and its buttons are gone: focus goes to the list, or to the view's heading when the
    // last scenario went and the list with it.
    setFocusNext({ row: null });
  };
  const undoDelete = async (restores: string | undefined) => {
    // The Undo button goes with its message: focus waits on a heading until the row is back.
    (listHeading.current ?? viewHeading.current)?.focus();
    setSaid(null);
    await store.getState().undo();
    setFocusNext({ row: restores ?? null });
  };

  // Built once per document and choice, not per render (a status line or focus change renders too).
  const { columns, comparison, chart } = useMemo(() => {
    const columns = comparisonColumns(doc, shown);
    const comparison = buildComparison(doc, columns);
    return { columns, comparison, chart: chartData(comparison) };
  }, [doc, shown]);
  const warnings = shown.length > 0 ? comparisonWarnings(columns) : [];
  const goWhatIf = () => store.getState().setView("what-if");

  return (
    <div className="scenarios-view" ref={view}>
      <header className="scenarios-intro">
        <h2 ref={viewHeading} tabIndex={-1}>
          Compare scenarios
        </h2>
        <p className="muted">
          Pick up to {MAX_COMPARED} saved scenarios to set beside the baseline, the scorecard at base spend. Scores are
          the what-if engine's settled projection.
        </p>
      </header>

      {scenarios.length < 2 && (
        <div className="scenarios-empty" role="note">
          <p>
            {scenarios.length === 0
              ? "This scorecard has no saved scenarios yet."
              : "This scorecard has one saved scenario: save another to compare them side by side."}{" "}
            In What-If, move the spend sliders and choose “Save as scenario”.
          </p>
          <button type="button" className="primary" onClick={goWhatIf}>
            Go to What-If
          </button>
        </div>
      )}

      {scenarios.length > 0 && (
        <ScenarioList
          scenarios={scenarios}
          chosen={shown}
          doc={doc}
          headingRef={listHeading}
          onToggle={toggle}
          onRename={setRenaming}
          onDuplicate={(s) => void duplicate(s)}
          onDelete={(s) => void remove(s)}
          onOpen={openInWhatIf}
        />
      )}

      <div className="scenarios-said" aria-live="polite">
        {said && said.doc === doc && (
          <p>
            {said.text}{" "}
            {said.undo && (
              <button type="button" className="link-button" onClick={() => void undoDelete(said.restores)}>
                Undo
              </button>
            )}
          </p>
        )}
      </div>

      {shown.length > 0 ? (
        <div className="comparison-area">
          <ComparisonTable comparison={comparison} currency={currency} />
          <ComparisonChart data={chart} />
        </div>
      ) : (
        scenarios.length > 0 && <p className="empty">Tick a scenario above to compare it with the baseline.</p>
      )}

      {warnings.length > 0 && (
        <section className="warnings" aria-label="Notes on these scenarios">
          <h3>Notes on these scenarios</h3>
          <ul>
            {warnings.map((w) => (
              <li key={w.key}>
                {w.scenario !== null && <strong>{quote(w.scenario)}: </strong>}
                {w.text}
              </li>
            ))}
          </ul>
        </section>
      )}

      {renaming && <RenameDialog scenario={renaming} onClose={() => setRenaming(null)} />}
    </div>
  );
}
