/** The import's column mapping: sheet, header row, layout, and which column holds what. */
import { type ReactNode, type Ref, useId, useMemo, useState } from "react";
import { columnLetter } from "../../../shared/interchange/actuals-import.ts";
import type { ImportLayout, MeasureKey } from "../../../shared/interchange/import-mapping.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { shortText } from "../../../shared/domain/readable-path.ts";
import { type ColumnChoice, columnChoices, headerRowOf, type MappingForm } from "./import-form.ts";

const LAYOUTS: Array<{ value: ImportLayout; label: string }> = [
  { value: "rows", label: "One row per value: measure, period, value" },
  { value: "columns", label: "One column per period" },
];

/**
 * Keyed by the dialog on each new guess (another file, another sheet), so the header-row field
 * starts from the guess and otherwise keeps what the user types, even while it is not a row yet.
 */
export function MappingFields({
  ref,
  file,
  form,
  onChange,
  describedBy,
}: {
  ref: Ref<HTMLFieldSetElement>;
  file: ImportFile;
  form: MappingForm;
  onChange: (form: MappingForm) => void;
  describedBy: string | undefined;
}) {
  const sheet = file.sheets[form.sheet] ?? { name: "", rows: [] };
  const choices = useMemo(() => columnChoices(sheet, form.headerRow), [sheet, form.headerRow]);
  const [headerText, setHeaderText] = useState(String(form.headerRow + 1));
  const headerValid = headerRowOf(headerText, sheet.rows.length) !== null;
  const ids = { header: useId(), headerMessage: useId() };
  const set = (change: Partial<MappingForm>) => onChange({ ...form, ...change });

  return (
    <fieldset className="import-mapping" ref={ref} aria-describedby={describedBy}>
      <legend>Columns</legend>
      {file.sheets.length > 1 && (
        <Field label="Sheet">
          {(id) => (
            <select id={id} value={form.sheet} onChange={(e) => set({ sheet: Number(e.target.value) })}>
              {file.sheets.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: sheets are chosen by position; names may repeat.
                <option key={i} value={i}>
                  {shortText(s.name, 40) || `Sheet ${i + 1}`}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      <div className="import-field">
        <label htmlFor={ids.header}>Header row</label>
        <input
          id={ids.header}
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.max(sheet.rows.length, 1)}
          value={headerText}
          aria-invalid={!headerValid}
          aria-describedby={headerValid ? undefined : ids.headerMessage}
          onChange={(e) => {
            setHeaderText(e.target.value);
            const row = headerRowOf(e.target.value, sheet.rows.length);
            if (row !== null) set({ headerRow: row });
          }}
        />
        {!headerValid && (
          <span className="import-field-message" id={ids.headerMessage}>
            A row from 1 to {Math.max(sheet.rows.length, 1).toLocaleString("en-US")}
          </span>
        )}
      </div>
      <Field label="Layout" className="import-layout">
        {(id) => (
          <select id={id} value={form.layout} onChange={(e) => set({ layout: e.target.value as ImportLayout })}>
            {LAYOUTS.map((l) => (
              <option key={l.value} value={l.value}>
                {l.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ColumnSelect
        label="Measure column"
        value={form.measureColumn}
        choices={choices}
        onChange={(c) => set({ measureColumn: c ?? 0 })}
      />
      <Field label="Matches measures by">
        {(id) => (
          <select id={id} value={form.measureBy} onChange={(e) => set({ measureBy: e.target.value as MeasureKey })}>
            <option value="name">Name</option>
            <option value="id">Id</option>
          </select>
        )}
      </Field>
      {form.layout === "rows" ? (
        <>
          <ColumnSelect
            label="Period column"
            value={form.periodColumn}
            choices={choices}
            onChange={(c) => set({ periodColumn: c ?? 0 })}
          />
          <ColumnSelect
            label="Value column"
            value={form.valueColumn}
            choices={choices}
            onChange={(c) => set({ valueColumn: c ?? 0 })}
          />
          <ColumnSelect
            label="Note column"
            value={form.noteColumn}
            choices={choices}
            optional
            onChange={(c) => set({ noteColumn: c })}
          />
        </>
      ) : (
        <p className="import-layout-hint muted">
          Periods are read from the header row: each column headed by a period’s label holds that period’s values.
        </p>
      )}
    </fieldset>
  );
}

function ColumnSelect({
  label,
  value,
  choices,
  optional = false,
  onChange,
}: {
  label: string;
  value: number | null;
  choices: ColumnChoice[];
  optional?: boolean;
  onChange: (column: number | null) => void;
}) {
  // A guessed column beyond the ones listed (a very wide sheet) is still shown as chosen.
  const listed =
    value !== null && !choices.some((c) => c.index === value)
      ? [...choices, { index: value, label: columnLetter(value) }]
      : choices;
  return (
    <Field label={label}>
      {(id) => (
        <select
          id={id}
          value={value ?? ""}
          onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))}
        >
          {optional && <option value="">None (notes kept)</option>}
          {listed.map((c) => (
            <option key={c.index} value={c.index}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A label over its control, tied by id so the control's name is the label alone. */
function Field({
  label,
  className,
  children,
}: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={className ? `import-field ${className}` : "import-field"}>
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}
