/**
 * An objective's card: its name (wrapped and cut to fit), status (border, strip, icon and word:
 * colour is never the only signal) and score, or in projection mode the projected score and its
 * delta. It is split so that a new projection re-renders only what shows it: the card's status
 * and accessible name (MapCard) and its score line (CardScore); the face with the name, whose
 * text fitting measures with a canvas, stays as it was (CardFace).
 */
import { memo, useId, useMemo } from "react";
import { DIRECTION_ARROW, formatPercent, formatPoints, pointsDirection } from "../../../shared/display/numbers.ts";
import { plainText } from "../../../shared/domain/readable-path.ts";
import { STATUS_TEXT } from "../../../shared/scoring/status.ts";
import { StatusIcon } from "../components/StatusBadge.tsx";
import { formatScore } from "../whatif/format.ts";
import { type CardFacts, NO_FACTS, type ProjectedFacts } from "./card-facts.ts";
import { type Card, LARGE_METRICS, type MapLayout, type Metrics } from "./geometry.ts";
import { type Dragged, shownAt } from "./link-paths.ts";
import { canvasMeasure, FONT_FAMILY, fitLines } from "./text-fit.ts";

/** Type sizes and inner spacing of a card, normal or large (projector). */
function cardType(large: boolean) {
  const nameSize = large ? 17 : 15;
  return { nameSize, pad: large ? 14 : 12, scoreSize: large ? 15 : 12.5, scoreInset: large ? 14 : 12 };
}

/** Every card, in the layout's order; a zoom or a pan does not render them again. */
export const MapCards = memo(function MapCards({
  layout,
  names,
  facts,
  projected,
  selectedId,
  dragged,
  readOnly,
  onKey,
}: {
  layout: MapLayout;
  names: ReadonlyMap<string, string>;
  facts: ReadonlyMap<string, CardFacts>;
  projected: ReadonlyMap<string, ProjectedFacts> | null;
  selectedId: string | null;
  dragged: Dragged | null;
  readOnly: boolean;
  onKey: (e: React.KeyboardEvent, id: string) => void;
}) {
  return (
    <g className="map-cards">
      {[...layout.cards.values()].map((c) => (
        <MapCard
          key={c.id}
          card={shownAt(c, dragged)}
          name={names.get(c.id) ?? ""}
          facts={facts.get(c.id) ?? NO_FACTS}
          projected={projected?.get(c.id)}
          selected={selectedId === c.id}
          dragging={dragged?.id === c.id}
          readOnly={readOnly}
          metrics={layout.metrics}
          onKey={onKey}
        />
      ))}
    </g>
  );
});

const MapCard = memo(function MapCard({
  card,
  name,
  facts,
  projected,
  selected,
  dragging,
  readOnly,
  metrics,
  onKey,
}: {
  card: Card;
  name: string;
  facts: CardFacts;
  /** The projection's facts for this card (projection mode), else undefined. */
  projected: ProjectedFacts | undefined;
  selected: boolean;
  dragging: boolean;
  readOnly: boolean;
  metrics: Metrics;
  onKey: (e: React.KeyboardEvent, id: string) => void;
}) {
  const large = metrics === LARGE_METRICS;
  const { nameSize, pad } = cardType(large);
  const text = plainText(name);
  const lines = useMemo(
    () => fitLines(text, card.w - pad * 2, 2, canvasMeasure(`600 ${nameSize}px ${FONT_FAMILY}`, nameSize)),
    [text, card.w, pad, nameSize],
  );
  const status = (projected ?? facts).status;
  // The accessible name holds the visible text in its order (WCAG 2.5.3); a name cut on the card
  // is said as shown, and in full as the card's description (its <title>).
  const word = STATUS_TEXT[status].label.toLowerCase();
  const shownName = lines.join(" ");
  const cut = shownName !== text;
  const titleId = useId();
  const label =
    projected && projected.score !== null
      ? `Objective ${shownName}, ${formatScore(projected.score)}${projected.delta === null ? "" : ` ${formatPoints(projected.delta)}`} projected, ${word}`
      : !projected && facts.score !== null
        ? `Objective ${shownName}, ${formatPercent(facts.score)}, ${word}`
        : `Objective ${shownName}, ${word}`;
  return (
    // biome-ignore lint/a11y/useSemanticElements: an SVG card cannot be a <button>.
    <g
      className={`map-card status-${status}${selected ? " selected" : ""}${dragging ? " dragging" : ""}`}
      data-card-id={card.id}
      transform={`translate(${card.x} ${card.y})`}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-describedby={cut ? titleId : undefined}
      aria-pressed={selected}
      onKeyDown={(e) => onKey(e, card.id)}
    >
      <CardFace w={card.w} h={card.h} text={text} lines={lines} titleId={titleId} large={large} />
      <CardScore h={card.h} facts={facts} projected={projected} large={large} />
      {!readOnly && (
        <g className="map-handle" data-handle-for={card.id} data-export-skip="">
          <circle cx={card.w / 2} cy={0} r={12} className="handle-hit" />
          <circle cx={card.w / 2} cy={0} r={5.5} className="handle-dot" />
        </g>
      )}
    </g>
  );
});

/** The card's body and its name: the same for every score and projection. */
const CardFace = memo(function CardFace({
  w,
  h,
  text,
  lines,
  titleId,
  large,
}: {
  w: number;
  h: number;
  text: string;
  lines: readonly string[];
  titleId: string;
  large: boolean;
}) {
  const { nameSize, pad } = cardType(large);
  // Set a little high and tight, so the second line keeps clear of the score line below it.
  const lineH = nameSize + 2;
  return (
    <>
      <title id={titleId}>{text}</title>
      <rect className="card-body" width={w} height={h} rx={8} />
      <rect className="card-strip" width={5} height={h - 16} x={0} y={8} rx={2} />
      {lines.map((line, i) => (
        <text
          // biome-ignore lint/suspicious/noArrayIndexKey: lines of one name, by position.
          key={i}
          className="card-name"
          x={pad}
          y={pad - 2 + nameSize * 0.8 + i * lineH}
          fontSize={nameSize}
        >
          {/* The space keeps the lines apart as words when the text is read together. */}
          {`${line} `}
        </text>
      ))}
    </>
  );
});

/** The status icon and the score line: the score and status word, or the projection and its delta. */
const CardScore = memo(function CardScore({
  h,
  facts,
  projected,
  large,
}: {
  h: number;
  facts: CardFacts;
  projected: ProjectedFacts | undefined;
  large: boolean;
}) {
  const { pad, scoreSize, scoreInset } = cardType(large);
  const status = (projected ?? facts).status;
  const scoreY = h - scoreInset;
  // In projection mode the what-if view's one-decimal points, so the cards agree with its bars;
  // no score, no delta: no arrow either (PointsChange's rule), only the status word.
  const score = projected ? projected.score : facts.score;
  const delta = projected?.delta ?? null;
  return (
    <>
      <g transform={`translate(${pad} ${scoreY - (large ? 15 : 12)}) scale(${large ? 1 : 0.875})`}>
        <StatusIcon status={status} />
      </g>
      <text className="card-score" x={pad + (large ? 22 : 20)} y={scoreY} fontSize={scoreSize}>
        {projected && score !== null ? (
          <>
            <tspan className="score-value">{formatScore(score)} </tspan>
            {delta !== null && <CardDelta delta={delta} />}
          </>
        ) : (
          <>
            {score !== null && <tspan className="score-value">{formatPercent(score)} </tspan>}
            <tspan>{STATUS_TEXT[status].label}</tspan>
          </>
        )}
      </text>
    </>
  );
});

/** A projected change: the arrow of its rounded direction and the points ("↑ +2.1 pts"). */
function CardDelta({ delta }: { delta: number }) {
  const direction = pointsDirection(delta);
  return (
    <tspan className={`card-delta delta-${direction}`}>
      <tspan>{DIRECTION_ARROW[direction]} </tspan>
      {formatPoints(delta)}
    </tspan>
  );
}
