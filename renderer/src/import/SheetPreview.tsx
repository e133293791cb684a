/** The top of the mapped sheet as a small grid, lettered and numbered as the spreadsheet shows it. */
import { useId, useMemo } from "react";
import { plainText, quote, shortText } from "../../../shared/domain/readable-path.ts";
import { columnLetter } from "../../../shared/interchange/actuals-import.ts";
import { cellText, type Sheet } from "../../../shared/interchange/table.ts";
import { type MappingForm, previewRange, sheetWidth } from "./import-form.ts";

/** Columns drawn in the preview; the selects still offer every column. */
const PREVIEW_COLUMNS = 30;

/** What each mapped column is used for, named in the preview's column header. */
function rolesOf(form: MappingForm): Map<number, string> {
  const roles = new Map<number, string>();
  roles.set(form.measureColumn, "measure");
  if (form.layout === "rows") {
    roles.set(form.periodColumn, "period");
    roles.set(form.valueColumn, "value");
    if (form.noteColumn !== null) roles.set(form.noteColumn, "note");
  }
  return roles;
}

export function SheetPreview({ sheet, form }: { sheet: Sheet; form: MappingForm }) {
  const id = useId();
  const width = useMemo(() => sheetWidth(sheet), [sheet]);
  const shown = Math.min(width, PREVIEW_COLUMNS);
  const { first, rows } = previewRange(sheet, form.headerRow);
  const roles = rolesOf(form);
  const columns = Array.from({ length: shown }, (_, i) => i);

  return (
    <section className="import-sheet" aria-labelledby={id}>
      <h3 id={id}>
        First rows of <bdi>{quote(sheet.name)}</bdi>
      </h3>
      {rows.length === 0 || shown === 0 ? (
        <p className="muted">This sheet is empty.</p>
      ) : (
        // Scrolls sideways inside the dialog; focusable so the keyboard can scroll it too.
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard.
        <section className="import-frame import-grid-frame" aria-labelledby={id} tabIndex={0}>
          <table className="import-grid">
            <thead>
              <tr>
                <td className="import-corner" />
                {columns.map((c) => {
                  const role = roles.get(c);
                  return (
                    <th key={c} scope="col" className={role ? "mapped" : undefined}>
                      {columnLetter(c)}
                      {role && <span className="import-role"> {role}</span>}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((cells, i) => {
                const row = first + i;
                const kind = row === form.headerRow ? "is-header" : row < form.headerRow ? "is-above" : undefined;
                return (
                  <tr key={row} className={kind}>
                    <th scope="row">{row + 1}</th>
                    {columns.map((c) => {
                      const text = cellText(cells[c]);
                      return (
                        <td
                          key={c}
                          className={roles.has(c) ? "mapped" : undefined}
                          title={text.length > 24 ? plainText(text).slice(0, 300) : undefined}
                        >
                          <bdi>{shortText(text, 24)}</bdi>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      )}
      {width > shown && (
        <p className="muted">
          Showing columns A–{columnLetter(shown - 1)} of {width.toLocaleString("en-US")}.
        </p>
      )}
    </section>
  );
}
