/** The strategy map (SPEC §5): placeholder until the map lands; the props are the contract. */
import type { ScenarioResult } from "../../../shared/whatif/scenario.ts";

export interface StrategyMapProps {
  /**
   * Projection mode (what-if, workshop): each card shows its projected score and its delta from
   * this scenario result; the map is then read-only apart from zoom, pan and fit.
   */
  projection?: ScenarioResult | null;
  /** Larger type and thicker strokes for a projector (workshop mode). */
  large?: boolean;
}

export function StrategyMap(_props: StrategyMapProps) {
  return <p>Strategy map</p>;
}
