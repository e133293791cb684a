/**
 * Renaming a scenario in a small dialog (common/NameFormDialog.tsx): the name is checked with the
 * shared rules on every keystroke, and a name that breaks a rule is never sent.
 */
import { NameFormDialog } from "../common/NameFormDialog.tsx";
import type { Scenario } from "../../../shared/domain/types.ts";
import { renameOp } from "./scenario-ops.ts";

export function RenameDialog({ scenario, onClose }: { scenario: Scenario; onClose: () => void }) {
  return (
    <NameFormDialog
      title="Rename scenario"
      submitLabel="Rename"
      initialName={scenario.name}
      // The name as it was: nothing to send, and nothing to undo.
      operation={(name) => (name === scenario.name ? null : renameOp(scenario.id, name))}
      onClose={onClose}
      onDone={onClose}
    />
  );
}
