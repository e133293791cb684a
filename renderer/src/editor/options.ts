/** Choices for the inspector's selects that are built from the document. */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { OptionGroup } from "./fields.tsx";

/** Objectives grouped under their perspectives; `except` leaves one out (a link's own end). */
export function objectiveOptions(doc: ScorecardDocument, except?: string): OptionGroup[] {
  return doc.perspectives.map((p) => ({
    // Names need not be unique; the id keys the group.
    key: p.id,
    label: p.name,
    options: doc.objectives
      .filter((o) => o.perspectiveId === p.id && o.id !== except)
      .map((o) => ({ value: o.id, label: o.name })),
  }));
}

export const PERIOD_KINDS = [
  { value: "month", label: "Month" },
  { value: "quarter", label: "Quarter" },
  { value: "year", label: "Year" },
];
