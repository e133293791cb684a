/**
 * A small dialog around a name (rename a scenario, save the sliders as one): the operation is
 * checked with the shared rules on every keystroke (store.check), the name's own problem is shown
 * under the field (aria-invalid), any other field's problem in the dialog's error area, the submit
 * button is disabled while an error stands, and a refusal from edit() is told in the dialog.
 */
import "./name-form.css";
import { type FormEvent, type ReactNode, useId, useState } from "react";
import { formatProblem, isAboutField } from "../../../shared/domain/problems.ts";
import type { Problem } from "../../../shared/domain/types.ts";
import type { Operation } from "../../../shared/operations/operation.ts";
import { useStoreApi } from "../state/context.tsx";
import { Modal } from "./Modal.tsx";

/**
 * The errors of `problems` split into the name's own (shown under the field) and the others (shown
 * in the dialog's error area, with the label of their field when `labels` has one).
 */
function nameFormProblems(
  problems: readonly Problem[],
  labels: Readonly<Record<string, string>> = {},
): { name: string | null; other: string | null } {
  const errors = problems.filter((p) => p.severity === "error");
  const own = errors.find((p) => isAboutField(p, "name"));
  const other = errors.find((p) => !isAboutField(p, "name"));
  const field = other && Object.keys(labels).find((f) => isAboutField(other, f));
  return {
    name: own?.message ?? null,
    other: other ? (field ? `${labels[field]}: ${other.message}` : formatProblem(other)) : null,
  };
}

export function NameFormDialog({
  title,
  submitLabel,
  initialName,
  operation,
  onClose,
  onDone,
  intro,
  children,
  labels,
}: {
  title: string;
  submitLabel: string;
  initialName: string;
  /** The operation that `name` sends; null when there is nothing to send (submit then just closes). */
  operation: (name: string) => Operation | null;
  onClose: () => void;
  /** After the operation was applied, with the name as sent (trimmed). */
  onDone: (name: string) => void;
  intro?: ReactNode;
  /** More fields, after the name. */
  children?: ReactNode;
  /** Labels of the other fields, for their problems in the error area ({ notes: "Notes" }). */
  labels?: Readonly<Record<string, string>>;
}) {
  const store = useStoreApi();
  const id = useId();
  const [name, setName] = useState(initialName);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const op = operation(name);
  const problems = nameFormProblems(op ? store.getState().check(op) : [], labels);
  const blocked = problems.name !== null || problems.other !== null;
  const errorText = problems.other ?? failure;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (blocked || sending) return;
    if (!op) {
      onClose();
      return;
    }
    setSending(true);
    const result = await store.getState().edit(op);
    setSending(false);
    if (result.ok) onDone(name.trim());
    else setFailure(result.message);
  };

  return (
    <Modal title={title} onClose={onClose}>
      <form className="name-form" onSubmit={(e) => void submit(e)} onChange={() => setFailure(null)} noValidate>
        <div className="modal-body">
          {intro}
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            // Typing is the field's own to undo until it is sent (app/shortcuts.ts).
            data-editing={name === initialName ? undefined : ""}
            aria-invalid={problems.name !== null || undefined}
            aria-describedby={problems.name !== null ? `${id}-message` : undefined}
            onChange={(e) => setName(e.target.value)}
            onFocus={(e) => e.target.select()}
            // biome-ignore lint/a11y/noAutofocus: the dialog opens to type a name; focus belongs in the field.
            autoFocus
          />
          {problems.name !== null && (
            <p id={`${id}-message`} className="name-form-message" role="alert">
              {problems.name}
            </p>
          )}
          {children}
          {errorText !== null && (
            <p className="name-form-message" role="alert">
              {errorText}
            </p>
          )}
        </div>
        <footer className="modal-footer">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={blocked || sending}>
            {submitLabel}
          </button>
        </footer>
      </form>
    </Modal>
  );
}
