/**
 * What the import would do: the counts, every problem by row and column, and the values with
 * what the scorecard holds now. Long lists arrive cut (plan-summary.ts) and are drawn as they come;
 * the counts cover every row.
 */
import { useId, useMemo } from "react";
import { formatValue } from "../../../shared/display/numbers.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { counted } from "../../../shared/display/count.ts";
import { shortText } from "../../../shared/domain/readable-path.ts";
import type { PlanSummary } from "./plan-summary.ts";

const STATUS_TEXT = { new: "New", changed: "Changed", unchanged: "Unchanged" } as const;

export function PlanPreview({
  doc,
  plan,
  stale,
  error,
}: {
  doc: ScorecardDocument;
  plan: PlanSummary | null;
  stale: boolean;
  error: string | null;
}) {
  const id = useId();
  return (
    <section className="import-preview" aria-labelledby={id} aria-busy={stale}>
      <div className="import-preview-head">
        <h3 id={id}>Preview</h3>
        <p className={`import-counts${stale ? " is-stale" : ""}`} role="status">
          {countsText(plan, stale)}
        </p>
      </div>
      {error && (
        <div className="dialog-error" role="alert">
          <strong>The file could not be checked</strong>
          <p>{error}</p>
        </div>
      )}
      {plan && plan.problems.length > 0 && <ProblemsTable plan={plan} stale={stale} />}
      {plan && plan.entries.length > 0 && <EntriesTable plan={plan} doc={doc} stale={stale} />}
    </section>
  );
}

function countsText(plan: PlanSummary | null, stale: boolean): string {
  if (!plan) return "Checking the rows…";
  const total = plan.added + plan.changed + plan.unchanged;
  const text =
    `${counted(total, "value")} in ${counted(plan.rows, "row")}: ` +
    `${plan.added.toLocaleString("en-US")} new, ${plan.changed.toLocaleString("en-US")} changed, ` +
    `${plan.unchanged.toLocaleString("en-US")} unchanged. ${counted(plan.problemCount, "problem")}.`;
  return stale ? `${text} Checking again…` : text;
}

function ProblemsTable({ plan, stale }: { plan: PlanSummary; stale: boolean }) {
  const id = useId();
  const more = plan.problemCount - plan.problems.length;
  return (
    <div className={`import-table-block${stale ? " is-stale" : ""}`}>
      <h4 id={id} className="import-problems-title">
        {counted(plan.problemCount, "problem")}
      </h4>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section className="import-frame import-list-frame" aria-labelledby={id} tabIndex={0}>
        <table className="import-table import-problems">
          <thead>
            <tr>
              <th scope="col" className="col-row">
                Row
              </th>
              <th scope="col" className="col-column">
                Column
              </th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {plan.problems.map((p, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several problems; the order is stable.
              <tr key={i}>
                <td className="col-row">{p.row === 0 ? "—" : p.row.toLocaleString("en-US")}</td>
                <td className="col-column">{p.column ?? "—"}</td>
                <td className="import-message">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {more > 0 && <p className="import-more muted">… and {counted(more, "more problem")}</p>}
      </section>
    </div>
  );
}

function EntriesTable({ plan, doc, stale }: { plan: PlanSummary; doc: ScorecardDocument; stale: boolean }) {
  const id = useId();
  const names = useMemo(
    () => ({
      measures: new Map(doc.measures.map((m) => [m.id, m])),
      periods: new Map(doc.periods.map((p) => [p.id, p.label])),
    }),
    [doc],
  );
  const more = plan.added + plan.changed + plan.unchanged - plan.entries.length;
  return (
    <div className={`import-table-block${stale ? " is-stale" : ""}`}>
      <h4 id={id}>Values</h4>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard. */}
      <section className="import-frame import-list-frame" aria-labelledby={id} tabIndex={0}>
        <table className="import-table import-entries">
          <thead>
            <tr>
              <th scope="col" className="col-row">
                Row
              </th>
              <th scope="col">Measure</th>
              <th scope="col" className="col-period">
                Period
              </th>
              <th scope="col" className="col-number">
                Now
              </th>
              <th scope="col" className="col-number">
                Imported
              </th>
              <th scope="col" className="col-status">
                Status
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.entries.map((e) => {
              const measure = names.measures.get(e.measureId);
              const unit = measure?.unit ?? "";
              return (
                <tr key={`${e.measureId}/${e.periodId}`} className={`is-${e.status}`}>
                  <td className="col-row">{e.row.toLocaleString("en-US")}</td>
                  <td>
                    <bdi>{shortText(measure?.name ?? e.measureId, 80)}</bdi>
                  </td>
                  <td className="col-period">
                    <bdi>{shortText(names.periods.get(e.periodId) ?? e.periodId, 40)}</bdi>
                  </td>
                  <td className="col-number">{formatValue(e.before, unit)}</td>
                  <td className="col-number">{formatValue(e.value, unit)}</td>
                  <td className="col-status">
                    <span className={`import-status status-${e.status}`}>{STATUS_TEXT[e.status]}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {more > 0 && <p className="import-more muted">… and {counted(more, "more value")}</p>}
      </section>
    </div>
  );
}
