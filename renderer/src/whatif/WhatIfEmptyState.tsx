/**
 * What the what-if view shows for a scorecard without investments: how to get some (a template
 * that has them, or a document JSON file), rather than empty sliders and charts.
 */
import { useDocumentStore } from "../state/context.tsx";

export function WhatIfEmptyState() {
  const openDialog = useDocumentStore((s) => s.openDialog);
  return (
    <section className="panel whatif-empty" aria-labelledby="whatif-empty-title">
      <h2 id="whatif-empty-title">This scorecard has no investments yet</h2>
      <p>
        The what-if view moves spend between IT investments and shows what it does to the scores. It needs investments
        (base spend and a slider range) and their impacts: which measure each one moves, by how much when its spend
        doubles, and after how many periods.
      </p>
      <ul>
        <li>
          Start from a template that has them: the IT Value Scorecard comes with seven investments linked to its
          measures.
        </li>
        <li>
          Or add them to a document JSON file (<code>investments</code> and <code>impacts</code>, see the file format)
          and create the scorecard from it with <code>scorecard new --from DOC.json FILE</code>.
        </li>
      </ul>
      <button type="button" onClick={() => openDialog("new-from-template")}>
        New from template…
      </button>
    </section>
  );
}
