/**
 * The Strategy Map view: the map, and beside it the inspector of what is selected on it (the
 * framework editor's inspectors for objectives and perspectives, the link inspector for arrows).
 * With nothing selected the inspector folds away and the map takes the width (at 40 objectives
 * on a 1280 × 800 screen every pixel counts); a hint in the map's toolbar says what to do.
 */
import "../editor/editor.css";
import "./map.css";
import { useCallback, useEffect, useRef } from "react";
import { useEditorActions } from "../editor/editor-actions.ts";
import { Inspector } from "../editor/Inspector.tsx";
import { keySelection, selectionKey } from "../editor/outline-tree.ts";
import { useDocumentStore } from "../state/context.tsx";
import { LinkInspector } from "./LinkInspector.tsx";
import { StrategyMap } from "./StrategyMap.tsx";

export function StrategyMapView() {
  const doc = useDocumentStore((s) => s.doc);
  const selection = useDocumentStore((s) => s.selection);
  const actions = useEditorActions();
  const viewRef = useRef<HTMLDivElement>(null);
  // The Delete button goes with what it deleted: the focus moves to the card selected next (the
  // inspector's neighbour, a deleted link's cause), or to the map when that is not a card.
  const focusOnMap = useCallback((objectiveId: string | null) => {
    const root = viewRef.current;
    const cardEl = objectiveId ? root?.querySelector(`[data-card-id="${CSS.escape(objectiveId)}"]`) : null;
    const target = cardEl ?? root?.querySelector(".map-canvas");
    // Not scrolled: the map's canvas clips, its view is moved by the viewport alone.
    if (target instanceof HTMLElement || target instanceof SVGElement) target.focus({ preventScroll: true });
  }, []);
  // The inspector's delete names the row to focus next as the framework editor's outline does.
  const { focusKey, focusRow } = actions;
  useEffect(() => {
    if (focusKey === null) return;
    focusRow(null);
    const next = keySelection(focusKey);
    focusOnMap(next?.kind === "objective" ? next.id : null);
  }, [focusKey, focusRow, focusOnMap]);
  if (!doc) return null;
  const link = selection?.kind === "link" ? doc.links.find((l) => l.id === selection.id) : undefined;
  const key = selectionKey(selection);
  const open = link !== undefined || (key !== null && selection?.kind !== "scorecard");
  const hint = open ? null : (
    <>
      <span className="map-hint">Select a card or an arrow to edit it.</span>
      <details className="map-help">
        <summary>How to</summary>
        <div className="map-help-text">
          <p>
            Drag a card to place it, or move the focused card with the arrow keys (Shift: further). Enter on a card
            selects it and opens it here.
          </p>
          <p>
            Add a cause → effect link by dragging from the dot on a card's top edge to another card, or from the
            keyboard in Framework ▸ objective ▸ Cause and effect links (also shown here for a selected card).
          </p>
          <p>Ctrl+wheel, Ctrl+= and Ctrl+− zoom, Ctrl+0 fits; the wheel or dragging the background pans.</p>
        </div>
      </details>
    </>
  );
  return (
    <div ref={viewRef} className={`map-view${open ? "" : " inspector-closed"}`}>
      <StrategyMap hint={hint} />
      {open && (
        <section className="inspector-pane map-inspector" aria-label="Inspector">
          {link ? (
            <LinkInspector key={link.id} doc={doc} link={link} onDeleted={focusOnMap} />
          ) : (
            key && <Inspector doc={doc} selectedKey={key} actions={actions} />
          )}
        </section>
      )}
    </div>
  );
}
