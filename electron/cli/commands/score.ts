/**
 * `scorecard score FILE [--period LABEL] [--json]`: one period's scores (default the latest), as a
 * table for people or as the JSON of SPEC §5 for scripts. Both come from scorecardView, the tree
 * the app's scorecard view shows.
 */
import { jsonText } from "../../../shared/document-json.ts";
import { readScorecardFile } from "../../file/open.ts";
import { scoreAll } from "../../../shared/scoring/engine.ts";
import { compileModel, type ScoringModel } from "../../../shared/scoring/model.ts";
import { type NodeScore, type ScorecardView, viewOf } from "../../../shared/scoring/view.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { statusText } from "../format.ts";
import { formatPercent, formatValue } from "../../../shared/display/numbers.ts";
import { refusal } from "../output.ts";
import { formatTable, truncate } from "../table.ts";

const OPTIONS = {
  period: { type: "string" },
  json: { type: "boolean" },
} as const;

/** Long names are cut in the table (--json has them whole). */
const NAME_WIDTH = 48;

export const scoreCommand: Command = {
  name: "score",
  usage: [["score FILE [--period LABEL] [--json]", "score one period (default: the latest) as a table or as JSON"]],
  run(argv, { out, resolve }) {
    const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE"]);
    const { document: doc } = readScorecardFile(resolve(positionals[0]));
    const model = compileModel(doc);
    const k = values.period === undefined ? model.periodCount - 1 : periodIndex(model, values.period);
    const view = viewOf(model, scoreAll(model), k);
    if (values.json) out.raw(jsonText(scoreJson(view)));
    else out.lines(...scoreTable(doc, view));
  },
};

function periodIndex(model: ScoringModel, label: string): number {
  const k = model.periods.findIndex((p) => p.label === label);
  if (k !== -1) return k;
  const first = model.periods[0]?.label;
  const last = model.periods.at(-1)?.label;
  const has = first === undefined ? "it has no periods" : `its periods run from ${first} to ${last}`;
  throw refusal(`no period "${label}" in this scorecard (${has})`);
}

/** Exactly the SPEC §5 shape: scores as fractions, null where there is no data. */
function scoreJson(view: ScorecardView) {
  const node = (n: NodeScore) => ({
    id: n.id,
    name: n.name,
    score: n.score,
    status: n.status,
    coverage: n.coverage,
  });
  return {
    overall: { score: view.overall.score, status: view.overall.status, coverage: view.overall.coverage },
    perspectives: view.perspectives.map((p) => ({
      ...node(p),
      objectives: p.objectives.map((o) => ({
        ...node(o),
        measures: o.measures.map((m) => ({
          id: m.id,
          name: m.name,
          value: m.value,
          score: m.score,
          status: m.status,
          stale: m.stale,
        })),
      })),
    })),
  };
}

function scoreTable(doc: ScorecardDocument, view: ScorecardView): string[] {
  const { title, organization } = doc.scorecard;
  const period = view.period
    ? `period ${view.period.label} (${view.periodIndex + 1} of ${view.periods.length})`
    : "no periods yet: nothing to score";
  const name = (text: string, depth: number) => "  ".repeat(depth) + truncate(text, NAME_WIDTH);
  const rows: string[][] = [["", "value", "score", "status", "coverage"]];
  const node = (n: ScorecardView["overall"], label: string) => [
    label,
    "",
    formatPercent(n.score),
    statusText(n.status),
    formatPercent(n.coverage),
  ];
  rows.push(node(view.overall, "Overall"));
  for (const p of view.perspectives) {
    rows.push(node(p, name(p.name, 0)));
    for (const o of p.objectives) {
      rows.push(node(o, name(o.name, 1)));
      for (const m of o.measures) {
        const value = formatValue(m.value, m.unit) + (m.stale ? " (stale)" : "");
        rows.push([name(m.name, 2), value, formatPercent(m.score), statusText(m.status), ""]);
      }
    }
  }
  return [
    title.includes(organization) ? title : `${title} — ${organization}`,
    period,
    "",
    ...formatTable(rows, ["left", "right", "right", "left", "right"]),
    "",
    `leading index ${formatPercent(view.leadingIndex)}, lagging index ${formatPercent(view.laggingIndex)}`,
    ...view.warnings.map((w) => `warning: ${w}`),
  ];
}
