/**
 * The cause → effect links of one objective: what it drives and what drives it, each with its
 * strength and note, and a form to add one. A link the shared rules refuse (pointing down to a
 * lower perspective, closing a cycle) is shown with the rule's message and not sent.
 */
import { useId, useState } from "react";
import type { Link, Objective, ScorecardDocument } from "../../../shared/domain/types.ts";
import { useStoreApi } from "../state/context.tsx";
import { newLink } from "./defaults.ts";
import { parseNumber } from "./field-values.ts";
import { NumberField, TextField } from "./fields.tsx";
import { useFocusAfterRemoval } from "./focus-after-removal.ts";
import { create, update } from "./ops.ts";
import { objectiveOptions } from "./options.ts";

export function LinksEditor({ doc, objective }: { doc: ScorecardDocument; objective: Objective }) {
  const names = new Map(doc.objectives.map((o) => [o.id, o.name]));
  const outgoing = doc.links.filter((l) => l.fromId === objective.id);
  const incoming = doc.links.filter((l) => l.toId === objective.id);
  const focus = useFocusAfterRemoval<HTMLFieldSetElement>();
  return (
    <fieldset ref={focus.scope} className="links">
      <legend>Cause and effect links</legend>
      <LinkList
        title="Drives"
        empty="Drives no other objective."
        links={outgoing}
        other={(l) => names.get(l.toId)}
        onRemoved={focus.removed}
      />
      <LinkList
        title="Driven by"
        empty="No objective drives this one."
        links={incoming}
        other={(l) => names.get(l.fromId)}
        onRemoved={focus.removed}
      />
      <AddLink doc={doc} objective={objective} />
    </fieldset>
  );
}

function LinkList({
  title,
  empty,
  links,
  other,
  onRemoved,
}: {
  title: string;
  empty: string;
  links: Link[];
  other: (l: Link) => string | undefined;
  onRemoved: (ids: readonly string[], id: string) => void;
}) {
  const store = useStoreApi();
  const remove = async (id: string) => {
    const ids = links.map((l) => l.id);
    const result = await store.getState().edit({ type: "delete", entity: "link", id });
    if (result.ok) onRemoved(ids, id);
  };
  return (
    <section className="link-list" aria-label={title}>
      <h3>{title}</h3>
      {links.length === 0 && <p className="muted">{empty}</p>}
      <ul>
        {links.map((l) => {
          const name = other(l) ?? "(unknown objective)";
          return (
            <li key={l.id} className="link-item" aria-label={`${title} ${name}`} data-item-id={l.id}>
              <span className="link-name truncate" title={name}>
                {name}
              </span>
              <NumberField
                label="Strength"
                field="strength"
                className="link-strength"
                value={l.strength}
                toOp={(strength) => update("link", l.id, { strength })}
              />
              <TextField
                label="Note"
                field="note"
                className="link-note"
                value={l.note}
                toOp={(note) => update("link", l.id, { note })}
              />
              <button
                type="button"
                aria-label={`Remove link ${title.toLowerCase()} ${name}`}
                data-remove=""
                onClick={() => void remove(l.id)}
              >
                Remove
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function AddLink({ doc, objective }: { doc: ScorecardDocument; objective: Objective }) {
  const store = useStoreApi();
  const id = useId();
  const [direction, setDirection] = useState<"drives" | "driven-by">("drives");
  const [other, setOther] = useState("");
  const [strength, setStrength] = useState("0.5");
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);

  const add = async () => {
    if (!other) {
      setMessage("Choose the other objective.");
      return;
    }
    const parsed = parseNumber(strength);
    if (!parsed.ok) {
      setMessage(`Strength ${parsed.message}`);
      return;
    }
    const [fromId, toId] = direction === "drives" ? [objective.id, other] : [other, objective.id];
    const op = create("link", newLink(fromId, toId, parsed.value, note, crypto.randomUUID()));
    const problem = store.getState().check(op)[0];
    if (problem) {
      setMessage(problem.message);
      return;
    }
    const result = await store.getState().edit(op);
    setMessage(result.ok ? null : result.message);
    if (result.ok) {
      setOther("");
      setNote("");
    }
  };

  return (
    <fieldset className="add-link" aria-label="Add a link">
      <legend>Add a link</legend>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-dir`}>This objective</label>
          <select
            id={`${id}-dir`}
            data-focus-fallback=""
            value={direction}
            onChange={(e) => setDirection(e.target.value as "drives" | "driven-by")}
          >
            <option value="drives">drives →</option>
            <option value="driven-by">is driven by ←</option>
          </select>
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-other`}>Other objective</label>
          <select id={`${id}-other`} value={other} onChange={(e) => setOther(e.target.value)}>
            <option value="">Choose…</option>
            {objectiveOptions(doc, objective.id).map((g) => (
              <optgroup key={g.key} label={g.label}>
                {g.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-strength`}>Strength (0–1)</label>
          <input
            id={`${id}-strength`}
            type="text"
            inputMode="decimal"
            className="number"
            value={strength}
            data-editing={strength !== "0.5" ? "" : undefined}
            onChange={(e) => setStrength(e.target.value)}
          />
        </div>
        <div className="field grow">
          <label htmlFor={`${id}-note`}>Note</label>
          <input
            id={`${id}-note`}
            type="text"
            value={note}
            data-editing={note !== "" ? "" : undefined}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="button" className="primary align-end" onClick={() => void add()}>
          Add link
        </button>
      </div>
      {message && (
        <p className="field-message" role="alert">
          {message}
        </p>
      )}
    </fieldset>
  );
}
