/**
 * Perspective → objective → measure as a treegrid: one focusable row at a time (roving tabindex),
 * arrows move and expand/collapse, Enter/Space or a click select the row for the detail panel.
 * Collapsed parents do not render their rows, so a large scorecard stays quick.
 */
import { type CSSProperties, type KeyboardEvent, memo, useCallback, useMemo, useRef, useState } from "react";
import { formatPercent, formatValue } from "../../../shared/display/numbers.ts";
import type { ScoreTable } from "../../../shared/scoring/engine.ts";
import type { ScoringModel } from "../../../shared/scoring/model.ts";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { ScoreCell } from "./ScoreCell.tsx";
import { Sparkline } from "./Sparkline.tsx";
import { scoreSeries } from "./subject.ts";
import { Trend } from "./Trend.tsx";
import { targetInForce, targetText, valueText } from "./value-text.ts";
import { type TreeRow, treeKeyAction, visibleRows } from "./tree-rows.ts";

interface Props {
  rows: readonly TreeRow[];
  model: ScoringModel;
  table: ScoreTable;
  /** The period shown (index into model.periods). */
  period: number;
  selectedId: string | null;
  onSelect: (row: TreeRow) => void;
}

export function ScorecardTree({ rows, model, table, period, selectedId, onSelect }: Props) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const shown = visibleRows(rows, collapsed);
  // The row that takes Tab: the focused one while it is shown, else the selected one, else the first.
  const tabStop =
    shown.find((r) => r.id === focusedId)?.id ?? shown.find((r) => r.id === selectedId)?.id ?? shown[0]?.id;
  const labels = useMemo(() => model.periods.map((p) => p.label), [model]);
  // Every row's score in every period, for the sparklines: read once per re-score, not per render.
  const series = useMemo(
    () => new Map(rows.map((r) => [r.id, scoreSeries(model, table, { kind: r.kind, index: r.index, id: r.id })])),
    [rows, model, table],
  );

  const setOpen = useCallback(
    (id: string, open: boolean) =>
      setCollapsed((before) => {
        const after = new Set(before);
        if (open) after.delete(id);
        else after.add(id);
        return after;
      }),
    [],
  );
  const focusRow = useCallback((id: string) => {
    setFocusedId(id);
    body.current?.querySelector<HTMLElement>(`tr[data-row-id="${CSS.escape(id)}"]`)?.focus();
  }, []);
  const toggle = useCallback(
    (row: TreeRow, expanded: boolean) => {
      setOpen(row.id, !expanded);
      focusRow(row.id);
    },
    [setOpen, focusRow],
  );
  const pick = useCallback(
    (row: TreeRow) => {
      setFocusedId(row.id);
      onSelect(row);
    },
    [onSelect],
  );

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    if (!tabStop || event.altKey || event.ctrlKey || event.metaKey) return;
    const action = treeKeyAction(event.key, shown, tabStop, collapsed);
    if (!action) return;
    event.preventDefault();
    if (action.type === "focus") focusRow(action.id);
    else if (action.type === "select") {
      const row = shown.find((r) => r.id === action.id);
      if (row) onSelect(row);
    } else setOpen(action.id, action.type === "expand");
  };

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: a table whose rows expand and collapse is an ARIA treegrid.
    <table className="scorecard-tree" role="treegrid" aria-label={`Scorecard for ${labels[period] ?? "no period"}`}>
      <colgroup>
        <col className="col-name" />
        <col className="col-value" />
        <col className="col-target" />
        <col className="col-score" />
        <col className="col-status" />
        <col className="col-coverage" />
        <col className="col-trend" />
        <col className="col-spark" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Perspective / objective / measure</th>
          <th scope="col" className="num">
            Value
          </th>
          <th scope="col" className="num">
            Target
          </th>
          <th scope="col">Score</th>
          <th scope="col">Status</th>
          <th scope="col" className="num" title="Share of the weight that has data">
            Coverage
          </th>
          <th scope="col" className="num" title="Change since the previous period">
            Trend
          </th>
          <th scope="col" title="Score across all periods; the dot marks the period shown">
            Over time
          </th>
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={onKeyDown}>
        {shown.map((row) => (
          <Row
            key={row.id}
            row={row}
            expanded={row.childCount > 0 ? !collapsed.has(row.id) : undefined}
            selected={row.id === selectedId}
            tabbable={row.id === tabStop}
            series={series.get(row.id) ?? []}
            labels={labels}
            period={period}
            onToggle={toggle}
            onPick={pick}
          />
        ))}
      </tbody>
    </table>
  );
}

interface RowProps {
  row: TreeRow;
  expanded: boolean | undefined;
  selected: boolean;
  tabbable: boolean;
  series: Array<number | null>;
  labels: readonly string[];
  period: number;
  onToggle: (row: TreeRow, expanded: boolean) => void;
  onPick: (row: TreeRow) => void;
}

const Row = memo(function Row({
  row,
  expanded,
  selected,
  tabbable,
  series,
  labels,
  period,
  onToggle,
  onPick,
}: RowProps) {
  const { item } = row;
  // The perspective's colour marks its rows (the schema admits only #rrggbb colours).
  const style = row.kind === "perspective" ? ({ "--perspective-color": row.item.color } as CSSProperties) : undefined;
  return (
    <tr
      className={`row-${row.kind}`}
      data-row-id={row.id}
      style={style}
      aria-level={row.level}
      aria-posinset={row.position}
      aria-setsize={row.siblings}
      aria-expanded={expanded}
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onPick(row)}
    >
      <th scope="row" className="cell-name">
        <span className="name-line">
          {expanded === undefined ? (
            <span className="toggle-space" />
          ) : (
            <span
              className="toggle"
              aria-hidden="true"
              onClick={(event) => {
                event.stopPropagation();
                onToggle(row, expanded);
              }}
            >
              {expanded ? "▾" : "▸"}
            </span>
          )}
          <span className="name truncate" dir="auto" title={item.name}>
            {item.name}
          </span>
        </span>
        {row.kind === "measure" && (
          <span className="measure-facts">
            <span className={`kind kind-${row.item.kind}`}>{row.item.kind === "leading" ? "Leading" : "Lagging"}</span>
            {row.item.unit && (
              <span className="unit truncate" dir="auto" title={row.item.unit}>
                {row.item.unit}
              </span>
            )}
          </span>
        )}
      </th>
      {row.kind === "measure" ? (
        <>
          <td className="num cell-value" title={formatValue(row.item.value, row.item.unit)}>
            <span className="value-text">{valueText(row.item.value, row.item.unit)}</span>
            {row.item.stale && (
              <span className="stale" title="No actual for this period: the latest earlier value is shown">
                stale
              </span>
            )}
          </td>
          <td className="num cell-target" title={targetInForce(row.item.target, row.item.band, row.item.unit)}>
            {targetText(row.item.target, row.item.band, row.item.unit)}
          </td>
        </>
      ) : (
        <>
          <td />
          <td />
        </>
      )}
      <td>
        <ScoreCell score={item.score} status={item.status} />
      </td>
      <td>
        <StatusBadge status={item.status} />
      </td>
      <td className="num">{row.kind === "measure" ? "" : formatPercent(row.item.coverage)}</td>
      <td className="num">
        <Trend delta={item.trend} />
      </td>
      <td>
        <Sparkline values={series} labels={labels} shown={period} status={item.status} />
      </td>
    </tr>
  );
});
