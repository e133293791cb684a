/** The measure inspector: every field of a KPI (SPEC §1), the optional parts behind toggles. */
import type { Measure, MeasureKind, PeriodKind, ScorecardDocument } from "../../../shared/domain/types.ts";
import { formatPercent } from "../../../shared/display/numbers.ts";
import type { Edit } from "../state/document-store.ts";
import type { EditorActions } from "./editor-actions.ts";
import { InspectorHeading } from "./EntityInspectors.tsx";
import { NumberField, SelectField, TextField, ToggleField } from "./fields.tsx";
import { update } from "./ops.ts";
import { objectiveOptions, PERIOD_KINDS } from "./options.ts";
import { PeriodTargets } from "./PeriodTargets.tsx";
import { SCORING_CHOICES, type ScoringChoice, scoringChanges, scoringChoiceOf } from "./scoring-choice.ts";
import { ThresholdFields } from "./ThresholdFields.tsx";

const KINDS = [
  { value: "leading", label: "Leading (driver)" },
  { value: "lagging", label: "Lagging (outcome)" },
];

/** A valid range that holds the measure's baseline and target, to start editing from. */
function defaultRange(m: Measure) {
  const min = Math.min(0, m.baseline, m.target);
  const max = Math.max(m.baseline, m.target);
  return { min, max: max > min ? max : min + 1 };
}

export function MeasureInspector({
  doc,
  measure: m,
  actions,
  onDeleted,
}: {
  doc: ScorecardDocument;
  measure: Measure;
  actions: EditorActions;
  onDeleted: () => void;
}) {
  type Changes = Parameters<typeof update<"measure">>[2];
  const set = (changes: Changes) => update("measure", m.id, changes);
  // Changes to part of a value (a band's low end, one threshold) are built from the measure as it
  // stands when the edit's turn comes, so a field committed right after another keeps its value.
  const patch =
    (changes: (current: Measure, doc: ScorecardDocument) => Changes): Edit =>
    (latest) => {
      const current = latest.measures.find((x) => x.id === m.id);
      return current ? update("measure", m.id, changes(current, latest)) : null;
    };
  const choice = scoringChoiceOf(m);
  const scorecardThresholds = doc.scorecard.scoring.thresholds;
  return (
    <form className="inspector-form" onSubmit={(e) => e.preventDefault()} aria-label="Measure">
      <InspectorHeading kind="Measure" name={m.name} onDelete={onDeleted} />
      <SelectField
        label="Objective"
        field="objectiveId"
        value={m.objectiveId}
        options={objectiveOptions(doc)}
        toOp={(objectiveId) => set({ objectiveId })}
      />
      <TextField
        label="Name"
        field="name"
        value={m.name}
        autoFocus={actions.created === m.id}
        toOp={(name) => set({ name })}
      />
      <TextField
        label="Description"
        field="description"
        multiline
        value={m.description}
        toOp={(description) => set({ description })}
      />
      <div className="field-row">
        <TextField label="Unit" field="unit" value={m.unit} toOp={(unit) => set({ unit })} />
        <SelectField
          label="Kind"
          field="kind"
          value={m.kind}
          options={KINDS}
          toOp={(kind) => set({ kind: kind as MeasureKind })}
        />
        <NumberField
          label="Weight"
          field="weight"
          value={m.weight}
          hint="Within its objective"
          toOp={(weight) => set({ weight })}
        />
      </div>
      <fieldset>
        <legend>Scoring</legend>
        <SelectField
          label="Scoring method"
          field="method"
          value={choice}
          options={SCORING_CHOICES}
          toOp={(c) => patch((current) => scoringChanges(current, c as ScoringChoice))}
        />
        <div className="field-row">
          <NumberField label="Baseline" field="baseline" value={m.baseline} toOp={(baseline) => set({ baseline })} />
          <NumberField label="Target" field="target" value={m.target} toOp={(target) => set({ target })} />
        </div>
        <PeriodTargets doc={doc} measure={m} />
        {m.band && (
          <div className="field-row">
            <NumberField
              label="Band low"
              field="band.low"
              value={m.band.low}
              toOp={(low) => patch((c) => ({ band: { ...(c.band ?? { high: low, tolerance: 0 }), low } }))}
            />
            <NumberField
              label="Band high"
              field="band.high"
              value={m.band.high}
              toOp={(high) => patch((c) => ({ band: { ...(c.band ?? { low: high, tolerance: 0 }), high } }))}
            />
            <NumberField
              label="Tolerance"
              field="band.tolerance"
              value={m.band.tolerance}
              hint="Score falls to 0 this far outside the band"
              toOp={(tolerance) => patch((c) => ({ band: { ...(c.band ?? { low: 0, high: 0 }), tolerance } }))}
            />
          </div>
        )}
        <ToggleField
          label="Limit values to a valid range"
          field="validRange"
          checked={m.validRange !== null}
          toOp={(on) => patch((c) => ({ validRange: on ? defaultRange(c) : null }))}
        />
        {m.validRange && (
          <div className="field-row">
            <NumberField
              label="Range min"
              field="validRange.min"
              value={m.validRange.min}
              toOp={(min) => patch((c) => ({ validRange: { max: c.validRange?.max ?? min + 1, min } }))}
            />
            <NumberField
              label="Range max"
              field="validRange.max"
              value={m.validRange.max}
              toOp={(max) => patch((c) => ({ validRange: { min: c.validRange?.min ?? max - 1, max } }))}
            />
          </div>
        )}
        <ToggleField
          label="Own status thresholds"
          field="thresholds"
          checked={m.thresholds !== null}
          hint={
            m.thresholds
              ? undefined
              : `Uses the scorecard's: green from ${formatPercent(scorecardThresholds.green)}, amber from ${formatPercent(scorecardThresholds.amber)}`
          }
          toOp={(on) => patch((_, latest) => ({ thresholds: on ? { ...latest.scorecard.scoring.thresholds } : null }))}
        />
        {m.thresholds && (
          <div className="field-row">
            <ThresholdFields
              value={m.thresholds}
              toEdit={(change) =>
                patch((c, latest) => ({
                  thresholds: { ...(c.thresholds ?? latest.scorecard.scoring.thresholds), ...change },
                }))
              }
            />
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Reporting</legend>
        <div className="field-row">
          <SelectField
            label="Frequency"
            field="frequency"
            value={m.frequency}
            options={PERIOD_KINDS}
            toOp={(frequency) => set({ frequency: frequency as PeriodKind })}
          />
          <TextField label="Owner" field="owner" value={m.owner} toOp={(owner) => set({ owner })} />
        </div>
        <TextField
          label="Data source"
          field="dataSource"
          value={m.dataSource}
          toOp={(dataSource) => set({ dataSource })}
        />
      </fieldset>
    </form>
  );
}
