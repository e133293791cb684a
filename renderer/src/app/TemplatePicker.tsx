/**
 * The templates, each with a preview of what it creates: its perspectives (Business Value on top),
 * their objectives, and how many measures and investments come with it.
 */
import { useId, useState } from "react";
import type { TemplateDefinition } from "../../../shared/templates/definition.ts";
import { TEMPLATES } from "../../../shared/templates/index.ts";

function TemplatePreview({ template }: { template: TemplateDefinition }) {
  return (
    <div className="template-preview" aria-live="polite">
      <h3>{template.name}</h3>
      <p className="muted">{template.summary}</p>
      <p className="template-counts">
        {template.perspectives.length} perspectives · {template.objectives.length} objectives ·{" "}
        {template.measures.length} measures · {template.investments.length} investments
      </p>
      <ol className="template-bands">
        {template.perspectives.map((p) => {
          const objectives = template.objectives.filter((o) => o.perspective === p.key);
          return (
            <li key={p.key} style={{ borderLeftColor: p.color }}>
              <strong>{p.name}</strong>
              {objectives.length > 0 ? (
                <span className="muted"> — {objectives.map((o) => o.name).join(" · ")}</span>
              ) : (
                <span className="muted"> — no objectives yet</span>
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function TemplatePicker({
  onCreate,
  busy,
}: {
  onCreate: (template: TemplateDefinition) => void;
  busy: boolean;
}) {
  const [chosen, setChosen] = useState(TEMPLATES[0]?.key ?? "");
  const name = useId();
  const template = TEMPLATES.find((t) => t.key === chosen) ?? TEMPLATES[0];
  if (!template) return null;
  return (
    <div className="template-picker">
      <fieldset className="template-list">
        <legend>Template</legend>
        {TEMPLATES.map((t) => (
          <label key={t.key} className="template-option">
            <input
              type="radio"
              name={name}
              value={t.key}
              checked={t.key === chosen}
              onChange={() => setChosen(t.key)}
            />
            <span>
              <strong>{t.name}</strong>
              <span className="muted">
                {t.perspectives.length} perspectives · {t.measures.length} measures
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="template-side">
        <TemplatePreview template={template} />
        <button type="button" className="primary" disabled={busy} onClick={() => onCreate(template)}>
          Create from “{template.name}”…
        </button>
      </div>
    </div>
  );
}
