/** The Strategy Map view: placeholder until the map lands. */
import { StrategyMap } from "./StrategyMap.tsx";

export function StrategyMapView() {
  return <StrategyMap />;
}
