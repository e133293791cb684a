/** The green and amber thresholds, as the scorecard and a measure's own override both edit them. */
import { formatPercent } from "../../../shared/display/numbers.ts";
import type { Thresholds } from "../../../shared/domain/types.ts";
import type { Edit } from "../state/document-store.ts";
import { NumberField } from "./fields.tsx";

export function ThresholdFields({
  value,
  toEdit,
}: {
  value: Thresholds;
  /** The edit that sets one threshold, built on the thresholds as they stand when its turn comes. */
  toEdit: (change: Partial<Thresholds>) => Edit;
}) {
  return (
    <>
      <NumberField
        label="Green from"
        field="thresholds.green"
        value={value.green}
        hint={`= ${formatPercent(value.green)}`}
        toOp={(green) => toEdit({ green })}
      />
      <NumberField
        label="Amber from"
        field="thresholds.amber"
        value={value.amber}
        hint={`= ${formatPercent(value.amber)}; below is red`}
        toOp={(amber) => toEdit({ amber })}
      />
    </>
  );
}
