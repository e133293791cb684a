/**
 * The inspector's fields. Each shows the committed value until the user types; the typing is a
 * draft, checked on every change with the shared rules (store.check) and shown with the rule's
 * message under the field. Enter or leaving the field commits a valid draft as one operation;
 * Escape brings the committed value back. A draft that breaks a rule is never sent.
 *
 * While a draft differs from the committed value the field carries `data-editing`, so Ctrl+Z
 * undoes the typing rather than the last document edit (app/shortcuts.ts).
 */
import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useDocumentStore, useStoreApi } from "../state/context.tsx";
import type { Edit } from "../state/document-store.ts";
import { formatNumber, type Parsed, parseNumber, problemText } from "./field-values.ts";

interface Common {
  label: string;
  /** The field's path in the validator's messages ("target", "band.low"): picks the bare message. */
  field: string;
  hint?: ReactNode;
  className?: string;
}

/** Ids for a control's message and hint, and the aria-describedby that names them (message first). */
function useDescriptions(hint: ReactNode, message: string | null) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const messageId = message ? `${id}-message` : undefined;
  return { id, hintId, messageId, describedBy: [messageId, hintId].filter(Boolean).join(" ") || undefined };
}

/** The message (the rule's verdict) and the hint under a control. */
function Notes({
  d,
  hint,
  message,
}: {
  d: ReturnType<typeof useDescriptions>;
  hint?: ReactNode;
  message: string | null;
}) {
  return (
    <>
      {message && (
        <p id={d.messageId} className="field-message" aria-live="polite">
          {message}
        </p>
      )}
      {hint && (
        <p id={d.hintId} className="field-hint">
          {hint}
        </p>
      )}
    </>
  );
}

/** Label, control, hint and message, wired for assistive technology. */
function FieldFrame({
  label,
  hint,
  message,
  className,
  children,
}: {
  label: string;
  hint?: ReactNode;
  message: string | null;
  className?: string | undefined;
  children: (ids: { control: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const d = useDescriptions(hint, message);
  return (
    <div className={`field${className ? ` ${className}` : ""}`}>
      <label htmlFor={`${d.id}-control`}>{label}</label>
      {children({ control: `${d.id}-control`, describedBy: d.describedBy, invalid: message !== null })}
      <Notes d={d} hint={hint} message={message} />
    </div>
  );
}

/**
 * A draft over a committed value: its parse, its edit, the rules' verdict, commit and revert.
 * `toOp` may return a function of the document (an edit of part of a compound value): it is
 * checked against the document shown, and sent built on the document as it stands by then.
 */
function useDraft<T>(
  value: T,
  format: (v: T) => string,
  parse: (text: string) => Parsed<T>,
  toOp: (v: T) => Edit | null,
  field: string,
) {
  const store = useStoreApi();
  // Re-check when the document changes under a draft (another edit, an undo).
  useDocumentStore((s) => s.doc);
  const [draft, setDraft] = useState<string | null>(null);
  const [sendError, setSendError] = useState<string | null>(null);
  // Enter commits, and the blur that may follow must not send the same edit again.
  const sending = useRef(false);
  const committed = format(value);
  const text = draft ?? committed;
  const editing = draft !== null && draft !== committed;

  let op: Edit | null = null;
  let message: string | null = null;
  if (editing) {
    const parsed = parse(text);
    if (!parsed.ok) message = parsed.message;
    else {
      op = toOp(parsed.value);
      if (op) message = problemText(store.getState().check(op), field);
    }
  }

  const commit = async () => {
    if (!editing) {
      setDraft(null);
      return;
    }
    if (message !== null) return;
    if (!op) {
      setDraft(null);
      return;
    }
    if (sending.current) return;
    sending.current = true;
    const result = await store.getState().edit(op);
    sending.current = false;
    if (result.ok) {
      setDraft(null);
      setSendError(null);
    } else setSendError(result.message);
  };
  const change = (next: string) => {
    setDraft(next);
    setSendError(null);
  };
  const revert = () => {
    setDraft(null);
    setSendError(null);
  };
  /** Enter commits (Ctrl/Cmd+Enter in a multi-line field); Escape takes the draft back. */
  const onKeyDown = (e: React.KeyboardEvent, multiline = false) => {
    if (e.key === "Enter" && (!multiline || e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void commit();
    } else if (e.key === "Escape" && editing) {
      e.preventDefault();
      e.stopPropagation();
      revert();
    }
  };
  return { text, editing, message: message ?? sendError, commit, change, onKeyDown };
}

type TextProps = Common & {
  value: string;
  toOp: (value: string) => Edit | null;
  multiline?: boolean;
  type?: "text" | "date";
  autoFocus?: boolean;
};

export function TextField({ label, field, hint, className, value, toOp, multiline, type, autoFocus }: TextProps) {
  const d = useDraft(
    value,
    (v) => v,
    (t) => ({ ok: true, value: t }),
    toOp,
    field,
  );
  const onKeyDown = (e: React.KeyboardEvent) => d.onKeyDown(e, multiline);
  return (
    <FieldFrame label={label} hint={hint} message={d.message} className={className}>
      {({ control, describedBy, invalid }) => {
        const shared = {
          id: control,
          value: d.text,
          "aria-invalid": invalid || undefined,
          "aria-describedby": describedBy,
          "data-editing": d.editing ? "" : undefined,
          autoFocus,
          onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => d.change(e.target.value),
          onBlur: () => void d.commit(),
          onKeyDown,
          onFocus: autoFocus
            ? (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.target.select()
            : undefined,
        };
        return multiline ? <textarea rows={3} {...shared} /> : <input type={type ?? "text"} {...shared} />;
      }}
    </FieldFrame>
  );
}

type NumberProps = Common & {
  value: number;
  toOp: (value: number) => Edit | null;
};

export function NumberField({ value, toOp, ...rest }: NumberProps) {
  return <NumberInput {...rest} value={value} format={formatNumber} parse={parseNumber} toOp={toOp} />;
}

type OptionalNumberProps = Common & {
  /** null: not set (the field is empty, and emptying it unsets the value). */
  value: number | null;
  toOp: (value: number | null) => Edit | null;
  placeholder?: string;
};

/** A number that may be left empty, as a per-period target that falls back to the measure's. */
export function OptionalNumberField({ value, toOp, ...rest }: OptionalNumberProps) {
  return (
    <NumberInput
      {...rest}
      value={value}
      format={(v) => (v === null ? "" : formatNumber(v))}
      parse={(t) => (t.trim() === "" ? { ok: true, value: null } : parseNumber(t))}
      toOp={toOp}
    />
  );
}

function NumberInput<T>({
  label,
  field,
  hint,
  className,
  value,
  format,
  parse,
  toOp,
  placeholder,
}: Common & {
  value: T;
  format: (v: T) => string;
  parse: (text: string) => Parsed<T>;
  toOp: (value: T) => Edit | null;
  placeholder?: string | undefined;
}) {
  const d = useDraft(value, format, parse, toOp, field);
  return (
    <FieldFrame label={label} hint={hint} message={d.message} className={className}>
      {({ control, describedBy, invalid }) => (
        <input
          id={control}
          type="text"
          inputMode="decimal"
          className="number"
          value={d.text}
          placeholder={placeholder}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          data-editing={d.editing ? "" : undefined}
          onChange={(e) => d.change(e.target.value)}
          onBlur={() => void d.commit()}
          onKeyDown={(e) => d.onKeyDown(e)}
        />
      )}
    </FieldFrame>
  );
}

/**
 * Controls that commit as soon as they change (select, checkbox, colour): the change is checked
 * first, and a refused one is shown and not sent, the control keeping the committed value.
 */
function useInstant(field: string) {
  const store = useStoreApi();
  const [message, setMessage] = useState<string | null>(null);
  const apply = async (op: Edit | null) => {
    if (!op) return;
    const refused = problemText(store.getState().check(op), field);
    if (refused) {
      setMessage(refused);
      return;
    }
    const result = await store.getState().edit(op);
    setMessage(result.ok ? null : result.message);
  };
  return { message, apply };
}

export interface Option {
  value: string;
  label: string;
}
export interface OptionGroup {
  /** Unique among the groups (the label need not be). */
  key: string;
  label: string;
  options: Option[];
}

type SelectProps = Common & {
  value: string;
  options: ReadonlyArray<Option | OptionGroup>;
  toOp: (value: string) => Edit | null;
};

export function SelectField({ label, field, hint, className, value, options, toOp }: SelectProps) {
  const f = useInstant(field);
  const option = (o: Option) => (
    <option key={o.value} value={o.value}>
      {o.label}
    </option>
  );
  return (
    <FieldFrame label={label} hint={hint} message={f.message} className={className}>
      {({ control, describedBy, invalid }) => (
        <select
          id={control}
          value={value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => void f.apply(toOp(e.target.value))}
        >
          {options.map((o) =>
            "options" in o ? (
              <optgroup key={o.key} label={o.label}>
                {o.options.map(option)}
              </optgroup>
            ) : (
              option(o)
            ),
          )}
        </select>
      )}
    </FieldFrame>
  );
}

type ColourProps = Common & { value: string; toOp: (value: string) => Edit | null };

/**
 * A colour picker. Dragging in the picker fires `input` many times a second; the colour follows
 * locally and is committed once, on the native `change` (the picker closed or the value was
 * chosen), so one pick is one edit and one undo step.
 */
export function ColourField({ label, field, hint, className, value, toOp }: ColourProps) {
  const f = useInstant(field);
  const [draft, setDraft] = useState<string | null>(null);
  const ref = useRef<HTMLInputElement>(null);
  const commit = async (next: string) => {
    if (next !== value) await f.apply(toOp(next));
    setDraft(null);
  };
  // React's onChange is the `input` event; the native `change` is subscribed to directly.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const onChange = () => void commit(el.value);
    el.addEventListener("change", onChange);
    return () => el.removeEventListener("change", onChange);
  });
  return (
    <FieldFrame label={label} hint={hint} message={f.message} className={className}>
      {({ control, describedBy, invalid }) => (
        <input
          ref={ref}
          id={control}
          type="color"
          value={draft ?? value}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => setDraft(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

type ToggleProps = Common & { checked: boolean; toOp: (checked: boolean) => Edit | null };

/** A checkbox that switches an optional part (valid range, own thresholds) on or off. */
export function ToggleField({ label, field, hint, className, checked, toOp }: ToggleProps) {
  const f = useInstant(field);
  const d = useDescriptions(hint, f.message);
  return (
    <div className={`field field-toggle${className ? ` ${className}` : ""}`}>
      <input
        id={d.id}
        type="checkbox"
        checked={checked}
        aria-invalid={f.message ? true : undefined}
        aria-describedby={d.describedBy}
        onChange={(e) => void f.apply(toOp(e.target.checked))}
      />
      <label htmlFor={d.id}>{label}</label>
      <Notes d={d} hint={hint} message={f.message} />
    </div>
  );
}
