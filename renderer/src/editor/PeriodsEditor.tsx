/** The periods: label and start date of each, the next one added after the latest, delete. */
import type { Period, ScorecardDocument } from "../../../shared/domain/types.ts";
import type { EditorActions } from "./editor-actions.ts";
import { InspectorHeading } from "./EntityInspectors.tsx";
import { useFocusAfterRemoval } from "./focus-after-removal.ts";
import { TextField } from "./fields.tsx";
import { update } from "./ops.ts";

function PeriodFields({ period: p, autoFocus }: { period: Period; autoFocus?: boolean }) {
  return (
    <div className="field-row">
      <TextField
        label="Label"
        field="label"
        value={p.label}
        autoFocus={autoFocus}
        toOp={(label) => update("period", p.id, { label })}
      />
      <TextField
        label="Start date"
        field="start"
        type="date"
        value={p.start}
        toOp={(start) => update("period", p.id, { start })}
      />
    </div>
  );
}

export function PeriodsEditor({ doc, actions }: { doc: ScorecardDocument; actions: EditorActions }) {
  const focus = useFocusAfterRemoval<HTMLFormElement>();
  const remove = async (id: string) => {
    const ids = doc.periods.map((p) => p.id);
    if (await actions.remove("period", id)) focus.removed(ids, id);
  };
  return (
    <form ref={focus.scope} className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Periods">
      <InspectorHeading kind="Periods" name={`${doc.periods.length} periods`}>
        <button type="button" data-focus-fallback="" onClick={() => void actions.addPeriod()}>
          Add period
        </button>
      </InspectorHeading>
      <ol className="period-list">
        {doc.periods.map((p) => (
          <li key={p.id} aria-label={p.label} data-item-id={p.id}>
            <PeriodFields period={p} />
            <button
              type="button"
              className="danger align-end"
              aria-label={`Delete period ${p.label}`}
              data-remove=""
              onClick={() => void remove(p.id)}
            >
              Delete
            </button>
          </li>
        ))}
      </ol>
    </form>
  );
}

export function PeriodInspector({
  period,
  actions,
  onDeleted,
}: {
  period: Period;
  actions: EditorActions;
  onDeleted: () => void;
}) {
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Period">
      <InspectorHeading kind="Period" name={period.label} onDelete={onDeleted}>
        <button type="button" onClick={() => void actions.addPeriod()}>
          Add period
        </button>
      </InspectorHeading>
      <PeriodFields period={period} autoFocus={actions.created === period.id} />
      <p className="section-hint">
        Actuals and period targets of this period are deleted with it (undo restores them).
      </p>
    </form>
  );
}
