/**
 * The Strategy Map view: the map, and beside it the inspector of what is selected on it (the
 * framework editor's inspectors for objectives and perspectives, the link inspector for arrows).
 */
import "../editor/editor.css";
import "./map.css";
import { useEditorActions } from "../editor/editor-actions.ts";
import { Inspector } from "../editor/Inspector.tsx";
import { selectionKey } from "../editor/outline-tree.ts";
import { useDocumentStore } from "../state/context.tsx";
import { LinkInspector } from "./LinkInspector.tsx";
import { StrategyMap } from "./StrategyMap.tsx";

export function StrategyMapView() {
  const doc = useDocumentStore((s) => s.doc);
  const selection = useDocumentStore((s) => s.selection);
  const actions = useEditorActions();
  if (!doc) return null;
  const link = selection?.kind === "link" ? doc.links.find((l) => l.id === selection.id) : undefined;
  const key = selectionKey(selection);
  return (
    <div className="map-view">
      <StrategyMap />
      <section className="inspector-pane map-inspector" aria-label="Inspector">
        {link ? (
          <LinkInspector key={link.id} doc={doc} link={link} />
        ) : key && selection?.kind !== "scorecard" ? (
          <Inspector doc={doc} selectedKey={key} actions={actions} />
        ) : (
          <div className="inspector-empty">
            <p>Select a card or an arrow to edit it.</p>
            <p className="muted">
              Drag a card to place it; drag from the dot on a card's top edge to another card to add a cause → effect
              link. Arrow keys move the focused card. Ctrl+wheel or Ctrl+= and Ctrl+− zoom, drag the background to pan.
            </p>
          </div>
        )}
      </section>
    </div>
  );
}
