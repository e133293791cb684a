/**
 * The saved scenarios as a table: a checkbox to compare each (at most MAX_COMPARED at once), its
 * name, when it was made, its notes and total spend, and what can be done with it.
 */
import { type RefObject, useId } from "react";
import { formatMoney, formatMoneyChange } from "../../../shared/display/numbers.ts";
import type { Scenario, ScorecardDocument } from "../../../shared/domain/types.ts";
import { resultOfScenario, MAX_COMPARED } from "./comparison.ts";

interface Props {
  scenarios: readonly Scenario[];
  chosen: readonly Scenario[];
  doc: ScorecardDocument;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onToggle(id: string, on: boolean): void;
  onRename(s: Scenario): void;
  onDuplicate(s: Scenario): void;
  onDelete(s: Scenario): void;
  onOpen(s: Scenario): void;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium" });

/** "Mar 4, 2026"; a date the file holds in another form is shown as it is. */
function createdText(createdAt: string): string {
  const t = Date.parse(createdAt);
  return Number.isNaN(t) ? createdAt : dateFormat.format(t);
}

export function ScenarioList(props: Props) {
  const { scenarios, chosen, doc, headingRef } = props;
  const id = useId();
  const full = chosen.length >= MAX_COMPARED;
  const chosenIds = new Set(chosen.map((s) => s.id));
  const currency = doc.scorecard.currency;
  return (
    <section className="scenario-list" aria-labelledby={`${id}-title`}>
      <div className="section-head">
        <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
          Saved scenarios <span className="muted">({scenarios.length})</span>
        </h3>
        <p id={`${id}-limit`} className="muted" data-testid="choice-count">
          {chosen.length} of {MAX_COMPARED} compared
          {full ? ": clear one to pick another." : "."}
        </p>
      </div>
      <div className="table-frame">
        <table className="scenario-table">
          <thead>
            <tr>
              <th scope="col" className="col-check">
                Compare
              </th>
              <th scope="col" className="col-name">
                Name
              </th>
              <th scope="col" className="col-created">
                Created
              </th>
              <th scope="col" className="col-notes">
                Notes
              </th>
              <th scope="col" className="col-money">
                Total spend
              </th>
              <th scope="col" className="col-actions">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {scenarios.map((s) => {
              const on = chosenIds.has(s.id);
              const nameId = `${id}-${s.id}`;
              const spend = resultOfScenario(doc, s).spend;
              return (
                <tr key={s.id} data-scenario-id={s.id} className={on ? "chosen" : undefined}>
                  <td className="col-check">
                    <input
                      type="checkbox"
                      checked={on}
                      disabled={!on && full}
                      aria-labelledby={nameId}
                      aria-describedby={`${id}-limit`}
                      onChange={(e) => props.onToggle(s.id, e.target.checked)}
                    />
                  </td>
                  <th scope="row" className="col-name">
                    <span id={nameId} className="truncate scenario-name" title={s.name}>
                      {s.name}
                    </span>
                  </th>
                  <td className="col-created">
                    <time dateTime={s.createdAt}>{createdText(s.createdAt)}</time>
                  </td>
                  <td className="col-notes">
                    <span className="truncate" title={s.notes || undefined}>
                      {s.notes || <span className="muted">—</span>}
                    </span>
                  </td>
                  <td className="col-money" data-testid="list-total">
                    <span className="money">{formatMoney(spend.projected, currency)}</span>
                    <span className="money-change">{formatMoneyChange(spend.delta, currency)}</span>
                  </td>
                  <td className="col-actions">
                    <div className="row-actions">
                      <button type="button" aria-describedby={nameId} onClick={() => props.onRename(s)}>
                        Rename
                      </button>
                      <button type="button" aria-describedby={nameId} onClick={() => props.onDuplicate(s)}>
                        Duplicate
                      </button>
                      <button
                        type="button"
                        data-action="delete"
                        aria-describedby={nameId}
                        onClick={() => props.onDelete(s)}
                      >
                        Delete
                      </button>
                      <button type="button" aria-describedby={nameId} onClick={() => props.onOpen(s)}>
                        Open in What-If
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
