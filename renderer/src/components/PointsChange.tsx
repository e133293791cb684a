/**
 * A projected score change in points, as the what-if and comparison views show it: an arrow, the
 * signed number with one decimal ("+1.2 pts") and its colour, and in words for a screen reader
 * ("up 1.2 points"), so the direction is never colour alone. The arrows are the scorecard's trends'.
 */
import "./points-change.css";
import { DIRECTION_ARROW, formatPoints, pointsChangeLabel, pointsDirection } from "../../../shared/display/numbers.ts";

/** `testId` marks the visible number ("+1.2 pts"), which the tests compare with formatPoints. */
export function PointsChange({ delta, testId }: { delta: number | null; testId?: string }) {
  const direction = delta === null ? "none" : pointsDirection(delta);
  return (
    <span className={`points-change points-${direction}`}>
      <span aria-hidden="true">
        {direction !== "none" && <span className="points-arrow">{DIRECTION_ARROW[direction]}</span>}
        <span data-testid={testId}>{formatPoints(delta)}</span>
      </span>
      <span className="visually-hidden">{pointsChangeLabel(delta)}</span>
    </span>
  );
}
