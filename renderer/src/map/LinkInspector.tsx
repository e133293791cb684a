/**
 * The inspector of a link selected on the map: its two ends, strength and note, and delete. The
 * fields are the framework editor's (validated with the shared rules while typing).
 */
import type { Link, ScorecardDocument } from "../../../shared/domain/types.ts";
import { InspectorHeading } from "../editor/EntityInspectors.tsx";
import { NumberField, TextField } from "../editor/fields.tsx";
import { update } from "../editor/ops.ts";
import { useStoreApi } from "../state/context.tsx";

export function LinkInspector({
  doc,
  link,
  onDeleted,
}: {
  doc: ScorecardDocument;
  link: Link;
  /** Told the cause's id once the link is deleted and the cause selected (to move the focus there). */
  onDeleted: (causeId: string) => void;
}) {
  const store = useStoreApi();
  const name = (id: string) => doc.objectives.find((o) => o.id === id)?.name ?? "(unknown objective)";
  const remove = async () => {
    const result = await store.getState().edit({ type: "delete", entity: "link", id: link.id });
    if (!result.ok) return;
    store.getState().select({ kind: "objective", id: link.fromId });
    onDeleted(link.fromId);
  };
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Link">
      <InspectorHeading kind="Link" name={`${name(link.fromId)} → ${name(link.toId)}`} onDelete={() => void remove()} />
      <dl className="link-ends">
        <dt>Cause</dt>
        <dd className="truncate" title={name(link.fromId)}>
          {name(link.fromId)}
        </dd>
        <dt>Effect</dt>
        <dd className="truncate" title={name(link.toId)}>
          {name(link.toId)}
        </dd>
      </dl>
      <NumberField
        label="Strength"
        field="strength"
        value={link.strength}
        hint="From 0 to 1: how strongly the cause drives the effect (the arrow's thickness)"
        toOp={(strength) => update("link", link.id, { strength })}
      />
      <TextField
        label="Note"
        field="note"
        multiline
        value={link.note}
        toOp={(note) => update("link", link.id, { note })}
      />
    </form>
  );
}
