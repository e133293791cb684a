/**
 * Per-period targets of one measure (SPEC §1): a period's own target replaces the measure's for
 * that period only. An empty field means "use the measure's target".
 */
import type { Measure, ScorecardDocument } from "../../../shared/domain/types.ts";
import { formatNumber } from "./field-values.ts";
import { OptionalNumberField } from "./fields.tsx";

export function PeriodTargets({ doc, measure }: { doc: ScorecardDocument; measure: Measure }) {
  if (measure.method === "band" || doc.periods.length === 0) return null;
  const own = new Map(
    doc.periodTargets.filter((t) => t.measureId === measure.id).map((t) => [t.periodId, t.target] as const),
  );
  return (
    <details className="period-targets">
      <summary>
        Targets by period <span className="muted">({own.size === 0 ? "none set" : `${own.size} set`})</span>
      </summary>
      <p className="section-hint">Leave a period empty to use the measure's target ({formatNumber(measure.target)}).</p>
      <div className="period-target-grid">
        {doc.periods.map((p) => (
          <OptionalNumberField
            key={p.id}
            label={p.label}
            field="target"
            value={own.get(p.id) ?? null}
            placeholder={formatNumber(measure.target)}
            toOp={(target) =>
              target === null
                ? own.has(p.id)
                  ? { type: "periodTarget.clear", measureId: measure.id, periodId: p.id }
                  : null
                : { type: "periodTarget.set", measureId: measure.id, periodId: p.id, target }
            }
          />
        ))}
      </div>
    </details>
  );
}
