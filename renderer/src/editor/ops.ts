/** Small constructors for the editor's operations, typed by entity kind. */
import type { EntityKind, EntityOf, Operation, ScorecardChanges } from "../../../shared/operations/operation.ts";

export function update<K extends EntityKind>(
  entity: K,
  id: string,
  changes: Partial<Omit<EntityOf<K>, "id">>,
): Operation {
  // The union of update shapes cannot be narrowed by a generic K; the shape is right by construction.
  return { type: "update", entity, id, changes } as Operation;
}

export function create<K extends EntityKind>(entity: K, value: EntityOf<K>): Operation {
  return { type: "create", entity, value } as Operation;
}

export function updateScorecard(changes: ScorecardChanges): Operation {
  return { type: "scorecard.update", changes };
}
