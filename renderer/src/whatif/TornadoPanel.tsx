/**
 * The tornado panel: the marginal value of each investment where the sliders rest. The marginal
 * values (two evaluations per investment) and the chart's redraw are not worth repeating per
 * slider step, so they follow the settled spend.
 */
import { useMemo } from "react";
import { marginalValues } from "../../../shared/whatif/marginal.ts";
import { useDocumentStore } from "../state/context.tsx";
import { spendVector, whatIfOf } from "../state/whatif.ts";
import { tornadoRows } from "./chart-data.ts";
import { useSettledSpend } from "./slider-spend.ts";
import { TornadoChart } from "./TornadoChart.tsx";

export function TornadoPanel() {
  const doc = useDocumentStore((s) => s.doc);
  const spend = useSettledSpend();
  const rows = useMemo(() => {
    if (!doc) return [];
    const { model, workspace } = whatIfOf(doc);
    return tornadoRows(marginalValues(model, spendVector(model, spend), workspace));
  }, [doc, spend]);
  return (
    <section className="panel" aria-labelledby="tornado-title">
      <h2 id="tornado-title" className="panel-title">
        Marginal value of each investment
      </h2>
      <p className="hint">Change of the overall score if one investment gets 10 % of its base more or less.</p>
      <TornadoChart rows={rows} />
    </section>
  );
}
