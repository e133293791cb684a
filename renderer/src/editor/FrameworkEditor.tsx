/**
 * The framework editor (SPEC §1, §5): an outline of perspectives → objectives → measures with the
 * scorecard settings and periods, and an inspector for the selected item. The selection is the
 * store's, so the other views open on the same item.
 */
import "./editor.css";
import { useLayoutEffect, useRef, useState } from "react";
import { useDocumentStore } from "../state/context.tsx";
import { useEditorActions } from "./editor-actions.ts";
import { Inspector } from "./Inspector.tsx";
import { Outline } from "./Outline.tsx";
import { keySelection, PERIODS_KEY, selectionKey } from "./outline-tree.ts";

/**
 * The editor fills the window below its top edge, so each pane scrolls on its own. The edge moves
 * when a notice opens above it, so it is measured after every render (and on resize).
 */
function useFillHeight() {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const measure = () => setTop(Math.round((ref.current?.getBoundingClientRect().top ?? 0) + window.scrollY));
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  });
  return { ref, height: `max(360px, calc(100vh - ${top}px - 16px))` };
}

export function FrameworkEditor() {
  const doc = useDocumentStore((s) => s.doc);
  const selection = useDocumentStore((s) => s.selection);
  const select = useDocumentStore((s) => s.select);
  // The "Periods" row is not an item the store can select; the editor remembers it itself.
  const [periodsRow, setPeriodsRow] = useState(false);
  const actions = useEditorActions();
  const { ref, height } = useFillHeight();
  if (!doc) return null;

  const selectedKey = selectionKey(selection) ?? (periodsRow ? PERIODS_KEY : null);
  const onSelect = (key: string) => {
    setPeriodsRow(key === PERIODS_KEY);
    actions.clearCreated();
    select(keySelection(key));
  };
  return (
    <div className="framework-editor" ref={ref} style={{ height }}>
      <section className="outline-pane" aria-label="Outline">
        <div className="pane-toolbar">
          <h2>Framework</h2>
          <button type="button" onClick={() => void actions.addPerspective()}>
            Add perspective
          </button>
        </div>
        <Outline doc={doc} selectedKey={selectedKey} onSelect={onSelect} actions={actions} />
      </section>
      <section className="inspector-pane" aria-label="Inspector">
        <Inspector doc={doc} selectedKey={selectedKey} actions={actions} />
      </section>
    </div>
  );
}
