/**
 * The PDF report's pages, laid out for print: rendered (only while a report is being saved) into
 * a container that is hidden on screen and the only thing shown in print (report.css). Main
 * prints the page to PDF with the chosen paper, margins and "Page N of M" footer
 * (electron/report/pdf-options.ts).
 *
 * Sections: cover (title, organization, period, overall score), perspective summary, strategy map,
 * the what-if scenarios compared, and every measure grouped by perspective and objective. Names
 * from the file are React text (never markup) with dir="auto", and wrap instead of being cut.
 * The measure table is plain rows (no charts, no SVG per row): 10,000 measures stay a few seconds.
 */
import "./report.css";
import { memo, useEffect, useMemo } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { formatMoney, formatMoneyChange, formatPercent } from "../../../shared/display/numbers.ts";
import { STATUS_TEXT, type Status } from "../../../shared/scoring/status.ts";
import type { MeasureRow, ScorecardView } from "../../../shared/scoring/view.ts";
import { StatusIcon } from "../components/StatusBadge.tsx";
import { layoutMap } from "../map/geometry.ts";
import type { Comparison, MoneyCell, ScoreCell } from "../scenarios/comparison.ts";
import { targetText, valueText } from "../scorecard/value-text.ts";
import { scoresOf } from "../state/scores.ts";
import { formatPoints, formatScore, valueForMoney } from "../whatif/format.ts";
import { PrintMap } from "./PrintMap.tsx";
import { mapScale, type ReportOptions, reportContent, reportDate, scenarioTables } from "./report-model.ts";

type ReportContent = ReturnType<typeof reportContent>;

interface PrintReportProps {
  doc: ScorecardDocument;
  options: ReportOptions;
  /** When the report was made (the cover's date). */
  now: Date;
  /** Called once everything is laid out (the map's auto-layout has answered). */
  onReady: () => void;
}

export function PrintReport({ doc, options, now, onReady }: PrintReportProps) {
  const content = useMemo(() => reportContent(scoresOf(doc), options.periodId), [doc, options.periodId]);
  const tables = useMemo(() => (options.scenarios ? scenarioTables(doc) : []), [doc, options.scenarios]);
  // The map's size does not depend on the auto-layout's order, only on what the bands hold.
  const scale = useMemo(() => {
    const size = layoutMap(doc, null);
    return doc.objectives.length === 0 ? null : mapScale(size.width, size.height);
  }, [doc]);
  const { view } = content;
  const periodId = view.period?.id ?? null;
  const currency = doc.scorecard.currency;

  // Without a map there is nothing to wait for.
  useEffect(() => {
    if (scale === null) onReady();
  }, [scale, onReady]);

  return (
    <article className="print-report" data-page-size={options.pageSize} lang="en">
      <Cover doc={doc} view={view} now={now} />

      <Summary doc={doc} content={content} />

      <section className="report-section" aria-labelledby="report-map">
        <h2 id="report-map">Strategy map</h2>
        {doc.objectives.length === 0 ? (
          <p className="report-note">No objectives yet: the map is empty.</p>
        ) : scale === null ? (
          <p className="report-note">
            The map has {doc.objectives.length} objectives: too many to print legibly on one page. Export it from the
            Strategy Map view (Export SVG) for a picture of any size.
          </p>
        ) : (
          <PrintMap doc={doc} periodId={periodId} scale={scale} onReady={onReady} />
        )}
      </section>

      {options.scenarios && tables.length > 0 && <Scenarios tables={tables} currency={currency} />}

      <section className="report-section" aria-labelledby="report-measures">
        <h2 id="report-measures">Measures</h2>
        <p className="report-lead">
          Every measure {view.period ? <>in {<bdi>{view.period.label}</bdi>}</> : null}: its value (or the latest
          earlier one, marked “stale”), the target in force, its score and status.
        </p>
        {view.perspectives.map((p) => (
          <MeasureTable key={p.id} perspective={p} />
        ))}
      </section>
    </article>
  );
}

function Cover({ doc, view, now }: { doc: ScorecardDocument; view: ScorecardView; now: Date }) {
  const { overall } = view;
  return (
    <section className="report-cover" aria-label="Cover">
      <p className="cover-kicker">Balanced scorecard report</p>
      <h1 className="cover-title" dir="auto">
        {doc.scorecard.title}
      </h1>
      {doc.scorecard.organization && (
        <p className="cover-organization" dir="auto">
          {doc.scorecard.organization}
        </p>
      )}
      <dl className="cover-facts">
        <div>
          <dt>Period</dt>
          <dd>{view.period ? <bdi>{view.period.label}</bdi> : "No periods"}</dd>
        </div>
        <div className={`cover-overall status-${overall.status}`}>
          <dt>Overall score</dt>
          <dd>
            <span className="cover-score">{formatPercent(overall.score)}</span>
            <StatusWord status={overall.status} icon />
          </dd>
        </div>
        <div>
          <dt>Coverage</dt>
          <dd>{formatPercent(overall.coverage)} of the weight has data</dd>
        </div>
      </dl>
      <p className="cover-date">Report of {reportDate(now)}</p>
      <p className="cover-app">Scorecard Studio</p>
    </section>
  );
}

/** One line per perspective and the overall score, with what coverage and the status colours mean. */
function Summary({ doc, content }: { doc: ScorecardDocument; content: ReportContent }) {
  const { view } = content;
  return (
    <section className="report-section" aria-labelledby="report-summary">
      <h2 id="report-summary">Perspectives</h2>
      <p className="report-lead">
        {view.period ? (
          <>
            Scores for <bdi>{view.period.label}</bdi>.{" "}
          </>
        ) : (
          "This scorecard has no periods yet. "
        )}
        {content.perspectives.length} perspectives, {content.objectiveCount} objectives, {content.measureCount}{" "}
        measures.
      </p>
      <table className="report-table summary-table">
        <thead>
          <tr>
            <th scope="col">Perspective</th>
            <th scope="col" className="num">
              Score
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Coverage
            </th>
            <th scope="col" className="num">
              Objectives
            </th>
            <th scope="col" className="num">
              Measures
            </th>
          </tr>
        </thead>
        <tbody>
          {content.perspectives.map((p) => (
            <tr key={p.id}>
              <th scope="row" className="name">
                <span className="perspective-swatch" style={{ background: p.color }} />
                <span dir="auto">{p.name}</span>
              </th>
              <td className="num">{formatPercent(p.score)}</td>
              <td>
                <StatusWord status={p.status} icon />
              </td>
              <td className="num">{formatPercent(p.coverage)}</td>
              <td className="num">{p.objectives}</td>
              <td className="num">{p.measures}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Overall</th>
            <td className="num">{formatPercent(view.overall.score)}</td>
            <td>
              <StatusWord status={view.overall.status} icon />
            </td>
            <td className="num">{formatPercent(view.overall.coverage)}</td>
            <td className="num">{content.objectiveCount}</td>
            <td className="num">{content.measureCount}</td>
          </tr>
        </tfoot>
      </table>
      <p className="report-note">
        Coverage: the share of the weight that has data in this period. Status thresholds: on track from{" "}
        {formatPercent(doc.scorecard.scoring.thresholds.green)}, at risk from{" "}
        {formatPercent(doc.scorecard.scoring.thresholds.amber)}.
      </p>
    </section>
  );
}

/** Status in colour, shape and word; `icon` draws the app's SVG icon, else a glyph (cheap per row). */
function StatusWord({ status, icon = false }: { status: Status; icon?: boolean }) {
  return (
    <span className={`report-status status-${status}`}>
      {icon ? (
        <StatusIcon status={status} />
      ) : (
        <span className="status-glyph" aria-hidden="true">
          {STATUS_TEXT[status].icon}
        </span>
      )}
      {STATUS_TEXT[status].label}
    </span>
  );
}

type PerspectiveTree = ScorecardView["perspectives"][number];

/** One perspective's measures: a table whose header repeats on every page it runs over. */
const MeasureTable = memo(function MeasureTable({ perspective }: { perspective: PerspectiveTree }) {
  return (
    <div className="measure-group">
      <h3>
        <span className="perspective-swatch" style={{ background: perspective.color }} />
        <span dir="auto">{perspective.name}</span>
        <span className="group-score">
          {formatPercent(perspective.score)} · {STATUS_TEXT[perspective.status].label}
        </span>
      </h3>
      {perspective.objectives.length === 0 ? (
        <p className="report-note">No objectives.</p>
      ) : (
        <table className="report-table measure-table">
          <colgroup>
            <col className="col-name" />
            <col className="col-value" />
            <col className="col-target" />
            <col className="col-score" />
            <col className="col-status" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Value
              </th>
              <th scope="col" className="num">
                Target
              </th>
              <th scope="col" className="num">
                Score
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          {perspective.objectives.map((o) => (
            <tbody key={o.id}>
              <tr className="objective-row">
                <th scope="rowgroup" colSpan={3}>
                  <span dir="auto">{o.name}</span>
                </th>
                <td className="num">{formatPercent(o.score)}</td>
                <td>
                  <StatusWord status={o.status} />
                </td>
              </tr>
              {o.measures.length === 0 ? (
                <tr>
                  <td colSpan={5} className="report-note">
                    No measures.
                  </td>
                </tr>
              ) : (
                o.measures.map((m) => <MeasureLine key={m.id} m={m} />)
              )}
            </tbody>
          ))}
        </table>
      )}
    </div>
  );
});

/** As the scorecard view writes a measure: the unit once, under the name; bare numbers beside it. */
function MeasureLine({ m }: { m: MeasureRow }) {
  return (
    <tr>
      <th scope="row" className="name">
        <span dir="auto">{m.name}</span>
        {m.unit && (
          <span className="measure-unit" dir="auto">
            {m.unit}
          </span>
        )}
      </th>
      <td className="num">
        {valueText(m.value, m.unit)}
        {m.stale && <span className="stale">stale</span>}
      </td>
      <td className="num">{targetText(m.target, m.band, m.unit)}</td>
      <td className="num">{formatPercent(m.score)}</td>
      <td>
        <StatusWord status={m.status} />
      </td>
    </tr>
  );
}

function Scenarios({ tables, currency }: { tables: Comparison[]; currency: string }) {
  // The what-if engine projects from the latest period with actuals, whichever period the report is of.
  const reference = tables[0]?.columns[0]?.result.referencePeriod ?? null;
  return (
    <section className="report-section" aria-labelledby="report-scenarios">
      <h2 id="report-scenarios">What-if scenarios</h2>
      <p className="report-lead">
        Each saved scenario against the baseline (every investment at its base spend), as the Scenarios view compares
        them: projected scores with their change in points, and spend.{" "}
        {reference === null ? (
          "With no actuals yet, the projections start from the targets alone."
        ) : (
          <>
            Projected from <bdi>{reference}</bdi>, the latest period with actuals.
          </>
        )}
      </p>
      {tables.map((t) => (
        <ScenarioTable key={t.columns.map((c) => c.key).join(",")} comparison={t} currency={currency} />
      ))}
    </section>
  );
}

function ScenarioTable({ comparison, currency }: { comparison: Comparison; currency: string }) {
  const { columns } = comparison;
  return (
    <table className="report-table scenario-table">
      <thead>
        <tr>
          <td />
          {columns.map((c) => (
            <th key={c.key} scope="col">
              <span dir="auto">{c.name}</span>
              {c.kind === "baseline" && <span className="column-sub">Base spend</span>}
              {c.best && <span className="column-sub best">★ Best overall</span>}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {[comparison.total, ...comparison.spend].map((row) => (
          <tr key={row.key} className={row.key === "total" ? "total-row" : undefined}>
            <th scope="row">
              <span dir="auto">{row.label}</span>
            </th>
            {row.cells.map((cell, k) => (
              <td key={columns[k]?.key} className="num">
                <Money cell={cell} currency={currency} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tbody>
        {comparison.scores.map((row) => (
          <tr key={row.key} className={row.key === "overall" ? "total-row" : undefined}>
            <th scope="row">
              <span dir="auto">{row.key === "overall" ? "Overall score" : row.label}</span>
            </th>
            {row.cells.map((cell, k) => (
              <td key={columns[k]?.key} className="num">
                <Projected cell={cell} />
              </td>
            ))}
          </tr>
        ))}
        <tr>
          <th scope="row">Value for money</th>
          {columns.map((c, k) => (
            <td key={c.key} className="num">
              {k === 0 ? "—" : valueForMoney(c.result, currency)}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function Money({ cell, currency }: { cell: MoneyCell; currency: string }) {
  return (
    <>
      <span className="cell-main">{formatMoney(cell.value, currency)}</span>
      {cell.delta !== null && <span className="cell-sub">{formatMoneyChange(cell.delta, currency)}</span>}
    </>
  );
}

function Projected({ cell }: { cell: ScoreCell }) {
  return (
    <>
      <span className="cell-main">{formatScore(cell.score)}</span>
      {cell.delta !== null && <span className="cell-sub">{formatPoints(cell.delta)}</span>}
      <span className="cell-sub">
        <StatusWord status={cell.status} />
      </span>
    </>
  );
}
