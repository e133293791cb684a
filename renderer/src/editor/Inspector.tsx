import type { PaneProps } from "./editor-actions.ts";
import { ObjectiveInspector, PerspectiveInspector } from "./EntityInspectors.tsx";
import { MeasureInspector } from "./MeasureInspector.tsx";
import { keyAfterRemoval, keySelection, outlineRows, PERIODS_KEY, SCORECARD_KEY } from "./outline-tree.ts";
import { PeriodInspector, PeriodsEditor } from "./PeriodsEditor.tsx";
import type { MovableKind } from "./reorder.ts";
import { ScorecardSettings } from "./ScorecardSettings.tsx";

export function Inspector({ doc, selectedKey, actions }: PaneProps) {
  if (selectedKey === SCORECARD_KEY) return <ScorecardSettings scorecard={doc.scorecard} />;
  if (selectedKey === PERIODS_KEY) return <PeriodsEditor doc={doc} actions={actions} />;
  const selection = selectedKey ? keySelection(selectedKey) : null;
  if (!selection || selection.kind === "scorecard") return <NothingSelected />;
  const { kind, id } = selection;
  // The selection and the focus move to the outline row of a neighbour (the button that was
  // pressed is gone with the item).
  const onDeleted = () => {
    const next = keyAfterRemoval(outlineRows(doc, new Set()), selectedKey as string);
    void actions.remove(kind as MovableKind | "period", id, next);
  };
  // Keyed by id: switching items drops any draft typed into the previous one.
  switch (kind) {
    case "perspective": {
      const p = doc.perspectives.find((x) => x.id === id);
      return p ? (
        <PerspectiveInspector key={id} perspective={p} actions={actions} onDeleted={onDeleted} />
      ) : (
        <NothingSelected />
      );
    }
    case "objective": {
      const o = doc.objectives.find((x) => x.id === id);
      return o ? (
        <ObjectiveInspector key={id} doc={doc} objective={o} actions={actions} onDeleted={onDeleted} />
      ) : (
        <NothingSelected />
      );
    }
    case "measure": {
      const m = doc.measures.find((x) => x.id === id);
      return m ? (
        <MeasureInspector key={id} doc={doc} measure={m} actions={actions} onDeleted={onDeleted} />
      ) : (
        <NothingSelected />
      );
    }
    case "period": {
      const p = doc.periods.find((x) => x.id === id);
      return p ? <PeriodInspector key={id} period={p} actions={actions} onDeleted={onDeleted} /> : <NothingSelected />;
    }
  }
}

function NothingSelected() {
  return (
    <div className="inspector-empty">
      <p>Select an item in the outline to edit it.</p>
      <p className="muted">
        Arrow keys move through the outline, F2 renames, Delete deletes (Undo brings it back), Alt+↑ and Alt+↓ reorder.
      </p>
    </div>
  );
}
