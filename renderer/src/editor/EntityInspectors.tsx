/** Inspectors for a perspective and an objective: every field of SPEC §1, and their add/delete. */
import type { Objective, Perspective, ScorecardDocument } from "../../../shared/domain/types.ts";
import { useStoreApi } from "../state/context.tsx";
import type { EditorActions } from "./editor-actions.ts";
import { ColourField, NumberField, SelectField, TextField } from "./fields.tsx";
import { LinksEditor } from "./LinksEditor.tsx";
import { update } from "./ops.ts";

/** The heading of an inspector, with the entity's delete button. */
export function InspectorHeading({
  kind,
  name,
  onDelete,
  children,
}: {
  kind: string;
  name: string;
  onDelete?: () => void;
  children?: React.ReactNode;
}) {
  return (
    <div className="inspector-heading">
      <div className="inspector-title">
        <p className="inspector-kind">{kind}</p>
        <h2 className="truncate" title={name}>
          {name}
        </h2>
      </div>
      <div className="inspector-actions">
        {children}
        {onDelete && (
          <button type="button" className="danger" onClick={onDelete}>
            Delete {kind.toLowerCase()}
          </button>
        )}
      </div>
    </div>
  );
}

export function PerspectiveInspector({
  perspective: p,
  actions,
  onDeleted,
}: {
  perspective: Perspective;
  actions: EditorActions;
  onDeleted: () => void;
}) {
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Perspective">
      <InspectorHeading kind="Perspective" name={p.name} onDelete={onDeleted}>
        <button type="button" onClick={() => void actions.addObjective(p.id)}>
          Add objective
        </button>
      </InspectorHeading>
      <TextField
        label="Name"
        field="name"
        value={p.name}
        autoFocus={actions.created === p.id}
        toOp={(name) => update("perspective", p.id, { name })}
      />
      <TextField
        label="Description"
        field="description"
        multiline
        value={p.description}
        toOp={(description) => update("perspective", p.id, { description })}
      />
      <div className="field-row">
        <NumberField
          label="Weight"
          field="weight"
          value={p.weight}
          hint="Share of the overall score, relative to the other perspectives"
          toOp={(weight) => update("perspective", p.id, { weight })}
        />
        <ColourField
          label="Colour"
          field="color"
          value={p.color}
          toOp={(color) => update("perspective", p.id, { color })}
        />
      </div>
    </form>
  );
}

export function ObjectiveInspector({
  doc,
  objective: o,
  actions,
  onDeleted,
}: {
  doc: ScorecardDocument;
  objective: Objective;
  actions: EditorActions;
  onDeleted: () => void;
}) {
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Objective">
      <InspectorHeading kind="Objective" name={o.name} onDelete={onDeleted}>
        <button type="button" onClick={() => void actions.addMeasure(o.id)}>
          Add measure
        </button>
      </InspectorHeading>
      <SelectField
        label="Perspective"
        field="perspectiveId"
        value={o.perspectiveId}
        options={doc.perspectives.map((p) => ({ value: p.id, label: p.name }))}
        toOp={(perspectiveId) => update("objective", o.id, { perspectiveId })}
      />
      <TextField
        label="Name"
        field="name"
        value={o.name}
        autoFocus={actions.created === o.id}
        toOp={(name) => update("objective", o.id, { name })}
      />
      <TextField
        label="Description"
        field="description"
        multiline
        value={o.description}
        toOp={(description) => update("objective", o.id, { description })}
      />
      <div className="field-row">
        <TextField label="Owner" field="owner" value={o.owner} toOp={(owner) => update("objective", o.id, { owner })} />
        <NumberField
          label="Weight"
          field="weight"
          value={o.weight}
          hint="Within its perspective"
          toOp={(weight) => update("objective", o.id, { weight })}
        />
      </div>
      <MapPosition objective={o} />
      <LinksEditor doc={doc} objective={o} />
    </form>
  );
}

function MapPosition({ objective: o }: { objective: Objective }) {
  const store = useStoreApi();
  return (
    <div className="map-position">
      <span className="field-label-static">Map position</span>
      <span className="muted">
        {o.position ? `x ${Math.round(o.position.x)}, y ${Math.round(o.position.y)}` : "Automatic layout"}
      </span>
      {o.position && (
        <button type="button" onClick={() => void store.getState().edit(update("objective", o.id, { position: null }))}>
          Reset to automatic
        </button>
      )}
    </div>
  );
}
