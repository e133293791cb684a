/**
 * The strategy map in projection mode: each card shows its projected score and change. Redrawing a
 * map of 100 cards and their links costs the browser tens of milliseconds, several frames, so the
 * map follows once the sliders rest and a slider step itself stays within a frame.
 */
import { StrategyMap } from "../map/StrategyMap.tsx";
import { useSettledScenario } from "./slider-spend.ts";

export function MapPanel() {
  const scenario = useSettledScenario();
  return (
    <section className="panel map-panel" aria-labelledby="whatif-map-title">
      <h2 id="whatif-map-title" className="panel-title">
        Strategy map, projected
      </h2>
      <div className="map-box">
        <StrategyMap projection={scenario?.result ?? null} />
      </div>
    </section>
  );
}
