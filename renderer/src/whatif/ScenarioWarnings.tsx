/**
 * What the engine warns about in the sliders' scenario (an investment with base 0, a spend outside
 * its range), and a note when no impact links spend to a measure, so that sliders that move no
 * score are explained rather than looking broken. Warnings name things from the file: plain text.
 */
import { plainText } from "../../../shared/domain/readable-path.ts";
import { useDocumentStore } from "../state/context.tsx";
import { whatIfOf } from "../state/whatif.ts";
import { useSliderScenario } from "./slider-spend.ts";

export function ScenarioWarnings() {
  const scenario = useSliderScenario();
  if (!scenario) return null;
  const { warnings } = scenario.result;
  if (warnings.length === 0) return null;
  return (
    <section className="warnings" aria-label="What-if warnings">
      <h2>Check these</h2>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{plainText(w)}</li>
        ))}
      </ul>
    </section>
  );
}

export function NoImpactsNote() {
  const doc = useDocumentStore((s) => s.doc);
  if (!doc || whatIfOf(doc).model.impactIds.length > 0) return null;
  return (
    <p className="warnings">
      No investment has an impact on a measure yet, so moving a slider changes no score. Impacts say which measure an
      investment moves, by how much and after how long.
    </p>
  );
}
