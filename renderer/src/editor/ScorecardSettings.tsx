/** The scorecard-level inspector: title, organization, currency, period kind and scoring settings. */
import { ISO_4217_CODES } from "../../../shared/domain/currencies.ts";
import type { MissingPolicy, PeriodKind, Scorecard } from "../../../shared/domain/types.ts";
import type { Edit } from "../state/document-store.ts";
import { NumberField, SelectField, TextField } from "./fields.tsx";
import { updateScorecard } from "./ops.ts";
import { PERIOD_KINDS } from "./options.ts";
import { ThresholdFields } from "./ThresholdFields.tsx";

const CURRENCIES = [...ISO_4217_CODES].sort().map((c) => ({ value: c, label: c }));
const POLICIES = [
  { value: "carry-forward", label: "Carry forward the latest actual (flagged stale)" },
  { value: "exclude", label: "Exclude (share its weight among the others)" },
  { value: "zero", label: "Count as zero" },
];

type Scoring = Scorecard["scoring"];

/**
 * A change to part of the scoring settings, built on them as they stand when the edit's turn
 * comes: a field committed right after another keeps the other's new value.
 */
const scoringEdit =
  (change: (s: Scoring) => Partial<Scoring>): Edit =>
  (doc) => {
    const current = doc.scorecard.scoring;
    return updateScorecard({ scoring: { ...current, ...change(current) } });
  };

export function ScorecardSettings({ scorecard }: { scorecard: Scorecard }) {
  const { scoring } = scorecard;
  const thresholds = (change: Partial<Scoring["thresholds"]>) =>
    scoringEdit((s) => ({ thresholds: { ...s.thresholds, ...change } }));
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Scorecard settings">
      <h2>Scorecard settings</h2>
      <TextField label="Title" field="title" value={scorecard.title} toOp={(title) => updateScorecard({ title })} />
      <TextField
        label="Organization"
        field="organization"
        value={scorecard.organization}
        toOp={(organization) => updateScorecard({ organization })}
      />
      <div className="field-row">
        <SelectField
          label="Currency"
          field="currency"
          value={scorecard.currency}
          options={CURRENCIES}
          toOp={(currency) => updateScorecard({ currency })}
        />
        <SelectField
          label="Period kind"
          field="periodKind"
          value={scorecard.periodKind}
          options={PERIOD_KINDS}
          toOp={(periodKind) => updateScorecard({ periodKind: periodKind as PeriodKind })}
        />
      </div>
      <fieldset>
        <legend>Scoring</legend>
        <p className="section-hint">Achievement 1 means the target is met (100 %).</p>
        <div className="field-row">
          <ThresholdFields value={scoring.thresholds} toEdit={thresholds} />
          <NumberField
            label="Over-achievement cap"
            field="cap"
            value={scoring.cap}
            hint="1 to 2"
            toOp={(cap) => scoringEdit(() => ({ cap }))}
          />
        </div>
        <SelectField
          label="Missing actuals"
          field="missingPolicy"
          value={scoring.missingPolicy}
          options={POLICIES}
          toOp={(p) => scoringEdit(() => ({ missingPolicy: p as MissingPolicy }))}
        />
      </fieldset>
    </form>
  );
}
