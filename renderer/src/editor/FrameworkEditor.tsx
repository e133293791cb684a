/**
 * The framework editor (SPEC §1, §5): an outline of perspectives → objectives → measures with the
 * scorecard settings and periods, and an inspector for the selected item. The selection is the
 * store's, so the other views open on the same item. The editor fills the view (editor.css), so
 * each pane scrolls on its own.
 */
import "./editor.css";
import { useDocumentStore } from "../state/context.tsx";
import { useEditorActions } from "./editor-actions.ts";
import { Inspector } from "./Inspector.tsx";
import { Outline } from "./Outline.tsx";
import { PERIODS_KEY, selectionKey } from "./outline-tree.ts";

export function FrameworkEditor() {
  const doc = useDocumentStore((s) => s.doc);
  const selection = useDocumentStore((s) => s.selection);
  const actions = useEditorActions();
  if (!doc) return null;

  const selectedKey = selectionKey(selection) ?? (actions.periodsRow ? PERIODS_KEY : null);
  return (
    <div className="framework-editor">
      <section className="outline-pane" aria-label="Outline">
        <div className="pane-toolbar">
          <h2>Framework</h2>
          <button type="button" onClick={() => void actions.addPerspective()}>
            Add perspective
          </button>
        </div>
        <Outline doc={doc} selectedKey={selectedKey} actions={actions} />
      </section>
      <section className="inspector-pane" aria-label="Inspector">
        <Inspector doc={doc} selectedKey={selectedKey} actions={actions} />
      </section>
    </div>
  );
}
