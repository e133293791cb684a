/**
 * `scorecard whatif FILE [--scenario NAME] [--set NAME=+20%]… [--optimize [--total AMOUNT]]
 * [--draws N [--seed S]] [--save NAME] [--json]`: what a spend scenario does to the scorecard
 * (SPEC §3), on the what-if engine the app's sliders run. It starts from base spend or a saved
 * scenario, applies the --set changes, and reports the projection and the marginal values; the
 * optimizer proposes a better allocation of the same (or --total) spend, and a seeded Monte Carlo
 * run gives P10/P50/P90. The file is only opened for writing with --save, which stores the
 * result (the proposal, with --optimize) as a new scenario in one operation.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { version } from "../../../package.json";
import {
  formatMoney,
  formatMoneyChange,
  formatPercent,
  formatPoints,
  formatRelativeChange,
} from "../../../shared/display/numbers.ts";
import { jsonText } from "../../../shared/document-json.ts";
import { LIMITS } from "../../../shared/domain/limits.ts";
import { quote } from "../../../shared/domain/readable-path.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { OperationRefused } from "../../../shared/operations/execute.ts";
import { type MarginalValue, marginalValues } from "../../../shared/whatif/marginal.ts";
import { compileWhatIf, type WhatIfModel } from "../../../shared/whatif/model.ts";
import {
  MAX_DRAWS,
  MAX_SEED,
  type MonteCarloResult,
  MonteCarloRefused,
  runMonteCarlo,
} from "../../../shared/whatif/monte-carlo.ts";
import { OptimizerRefused, optimize } from "../../../shared/whatif/optimize.ts";
import { createWorkspace } from "../../../shared/whatif/project.ts";
import {
  evaluateScenario,
  type ProjectedScore,
  type ScenarioResult,
  type SpendLine,
} from "../../../shared/whatif/scenario.ts";
import { baseSpend, spendOfScenario, spendRecord, totalOf } from "../../../shared/whatif/spend.ts";
import { readScorecardFile } from "../../file/open.ts";
import { ScorecardStore } from "../../file/store.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { statusText } from "../format.ts";
import { type Output, refusal, usageError } from "../output.ts";
import { formatTable, truncate } from "../table.ts";
import { findNamed, parseAmount, parseCount, parseSetting, type SpendSetting } from "./whatif-args.ts";

const OPTIONS = {
  scenario: { type: "string" },
  set: { type: "string", multiple: true },
  optimize: { type: "boolean" },
  total: { type: "string" },
  draws: { type: "string" },
  seed: { type: "string" },
  save: { type: "string" },
  json: { type: "boolean" },
} as const;

/** Long names are cut in the tables (--json has them whole). */
const NAME_WIDTH = 48;
/** Timeline columns per block of the text report, so that a long horizon wraps instead of running off. */
const TIMELINE_COLUMNS = 8;

/** What the command line asks for, checked before the file is opened. */
interface Request {
  scenario?: string;
  settings: SpendSetting[];
  optimize: boolean;
  total?: number;
  monteCarlo?: { draws: number; seed: number };
  save?: string;
  json: boolean;
}

/** One spend vector and what it does. */
interface Evaluated {
  name: string;
  spend: Float64Array;
  result: ScenarioResult;
  marginal: MarginalValue[];
  uncertainty?: MonteCarloResult;
}

interface Proposal extends Evaluated {
  /** Proposed overall − scenario overall, in score (fraction) units; null without an overall score. */
  gain: number | null;
  evaluations: number;
}

interface WhatIf {
  doc: ScorecardDocument;
  model: WhatIfModel;
  scenario: Evaluated;
  proposed?: Proposal;
  warnings: string[];
}

export const whatifCommand: Command = {
  name: "whatif",
  usage: [
    [
      "whatif FILE [--scenario NAME] [--set NAME=+20%]… [--json]",
      "project the scores for a spend scenario: base spend or a saved one, changed per investment",
    ],
    [
      "whatif FILE … [--optimize [--total AMOUNT]] [--draws N [--seed S]] [--save NAME]",
      "propose the best allocation, add P10/P50/P90, save the result as a new scenario",
    ],
  ],
  run(argv, { out, resolve }) {
    const { file: given, request } = readRequest(argv);
    const file = resolve(given);
    if (request.save === undefined) {
      print(out, whatIf(readScorecardFile(file).document, request), request);
      return;
    }
    const name = request.save;
    const store = ScorecardStore.open(file, { appVersion: version });
    try {
      const taken = store.document().scenarios.find((s) => s.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      if (taken) {
        throw refusal(`${path.basename(file)} already has a scenario ${quote(taken.name)}; choose another name`);
      }
      const result = whatIf(store.document(), request);
      const saved = save(store, result, name, notesOf(request));
      print(out, result, request, { ...saved, file: path.basename(file) });
    } finally {
      store.close();
    }
  },
};

function readRequest(argv: string[]): { file: string; request: Request } {
  const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE"]);
  if (values.total !== undefined && !values.optimize) throw usageError("--total goes with --optimize");
  if (values.seed !== undefined && values.draws === undefined) throw usageError("--seed goes with --draws");
  const save = values.save?.trim();
  if (save === "") throw usageError("--save needs a scenario name");
  const request: Request = {
    scenario: values.scenario,
    settings: (values.set ?? []).map(parseSetting),
    optimize: values.optimize ?? false,
    total: values.total === undefined ? undefined : parseAmount(values.total, "--total"),
    monteCarlo:
      values.draws === undefined
        ? undefined
        : {
            draws: parseCount(values.draws, "--draws", 1, MAX_DRAWS),
            seed: values.seed === undefined ? 1 : parseCount(values.seed, "--seed", 0, MAX_SEED),
          },
    save,
    json: values.json ?? false,
  };
  return { file: positionals[0], request };
}

/** The whole computation, on a validated document: nothing here writes. */
function whatIf(doc: ScorecardDocument, request: Request): WhatIf {
  const model = compileWhatIf(doc);
  const ws = createWorkspace(model);
  const stored = request.scenario === undefined ? undefined : findNamed(doc.scenarios, request.scenario, "scenario");
  const spend = stored ? spendOfScenario(model, stored) : baseSpend(model);
  const warnings = applySettings(doc, model, spend, request.settings);
  const changed = request.settings.length > 0;
  const name = stored ? (changed ? `${stored.name} + changes` : stored.name) : changed ? "custom" : "Baseline";

  const evaluate = (label: string, s: Float64Array): Evaluated => ({
    name: label,
    spend: s,
    result: evaluateScenario(model, s, ws),
    marginal: marginalValues(model, s, ws),
    ...(request.monteCarlo ? { uncertainty: monteCarlo(model, s, request.monteCarlo) } : {}),
  });
  const scenario = evaluate(name, spend);
  warnings.push(...scenario.result.warnings);

  let proposed: Proposal | undefined;
  if (request.optimize) {
    let found: ReturnType<typeof optimize>;
    try {
      found = optimize(model, spend, { total: request.total ?? totalOf(spend) });
    } catch (e) {
      if (e instanceof OptimizerRefused) throw refusal(e.message);
      throw e;
    }
    const evaluated = evaluate("Proposed", Float64Array.from(found.spend));
    const [from, to] = [scenario.result.overall.projected, evaluated.result.overall.projected];
    proposed = { ...evaluated, gain: from === null || to === null ? null : to - from, evaluations: found.evaluations };
    warnings.push(...evaluated.result.warnings);
  }
  return { doc, model, scenario, proposed, warnings: [...new Set(warnings)] };
}

/**
 * Applies the --set changes to `spend` in place; returns warnings. A percentage is of the
 * investment's base spend (spend = base × (1 + p/100), so x = spend / base − 1 = p/100 whatever
 * the starting scenario had); an amount is the new spend.
 */
function applySettings(
  doc: ScorecardDocument,
  model: WhatIfModel,
  spend: Float64Array,
  settings: readonly SpendSetting[],
): string[] {
  const warnings: string[] = [];
  const seen = new Set<string>();
  for (const { arg, name, change } of settings) {
    const investment = findNamed(doc.investments, name, "investment");
    if (seen.has(investment.id)) throw usageError(`--set names ${quote(investment.name)} more than once`);
    seen.add(investment.id);
    const n = model.investmentIds.indexOf(investment.id);
    const base = model.base[n] as number;
    // base + base·p/100 keeps whole results whole (1e6 × 1.2 is not exactly 1.2e6).
    const value = change.kind === "percent" ? base + (base * change.points) / 100 : change.amount;
    if (value < 0) {
      throw refusal(`--set ${JSON.stringify(arg)}: ${quote(investment.name)} would get a negative spend`);
    }
    if (!(value <= LIMITS.maxAbsNumber)) {
      throw refusal(`--set ${JSON.stringify(arg)}: the spend would be beyond ${LIMITS.maxAbsNumber}`);
    }
    if (change.kind === "percent" && base === 0 && change.points !== 0) {
      warnings.push(`${quote(investment.name)} has a base spend of 0, so a percentage of it leaves its spend at 0.`);
    }
    spend[n] = value;
  }
  return warnings;
}

function monteCarlo(model: WhatIfModel, spend: Float64Array, options: { draws: number; seed: number }) {
  try {
    return runMonteCarlo(model, spend, options);
  } catch (e) {
    if (e instanceof MonteCarloRefused) throw refusal(e.message);
    throw e;
  }
}

/** What the saved scenario's notes say: the command that made it. */
function notesOf(request: Request): string {
  const args = [
    ...(request.scenario === undefined ? [] : [`--scenario ${JSON.stringify(request.scenario)}`]),
    ...request.settings.map((s) => `--set ${JSON.stringify(s.arg)}`),
    ...(request.optimize ? ["--optimize"] : []),
    ...(request.total === undefined ? [] : [`--total ${request.total}`]),
  ];
  return `Made by scorecard whatif${args.map((a) => ` ${a}`).join("")}`.slice(0, LIMITS.textMax);
}

/** Stores the result (the proposal, if any) as a new scenario: one create operation, one transaction. */
function save(store: ScorecardStore, result: WhatIf, name: string, notes: string): { id: string; name: string } {
  const spend = (result.proposed ?? result.scenario).spend;
  const id = randomUUID();
  try {
    store.apply({
      type: "create",
      entity: "scenario",
      value: { id, name, notes, spend: spendRecord(result.model, spend), createdAt: new Date().toISOString() },
    });
  } catch (e) {
    if (e instanceof OperationRefused) throw refusal(`the scenario was not saved: ${e.message}`);
    throw e;
  }
  return { id, name };
}

function print(out: Output, result: WhatIf, request: Request, saved?: { id: string; name: string; file: string }) {
  if (request.json) {
    out.raw(
      jsonText({
        referencePeriod: result.scenario.result.referencePeriod,
        currency: result.doc.scorecard.currency,
        scenario: scenarioJson(result.scenario),
        ...(result.proposed
          ? {
              proposed: {
                ...scenarioJson(result.proposed),
                gain: result.proposed.gain,
                evaluations: result.proposed.evaluations,
              },
            }
          : {}),
        ...(saved ? { saved: { id: saved.id, name: saved.name } } : {}),
        warnings: result.warnings,
      }),
    );
    return;
  }
  out.lines(...report(result));
  if (saved) out.lines("", `saved scenario ${quote(saved.name)} in ${saved.file}`);
}

/** The README's `whatif --json` shape: scores as fractions, null where there is no score. */
function scenarioJson(e: Evaluated) {
  const r = e.result;
  const score = ({ baseline, projected, delta, status }: ProjectedScore) => ({ baseline, projected, delta, status });
  return {
    name: e.name,
    overall: score(r.overall),
    perspectives: r.perspectives.map((p) => ({
      id: p.id,
      name: p.name,
      ...score(p),
      objectives: p.objectives.map((o) => ({ id: o.id, name: o.name, ...score(o) })),
    })),
    spend: r.spend,
    pointsPerMillion: r.pointsPerMillion,
    timeline: r.timeline,
    measures: r.measures,
    marginalValues: e.marginal,
    ...(e.uncertainty ? { uncertainty: e.uncertainty } : {}),
  };
}

function report({ doc, model, scenario, proposed, warnings }: WhatIf): string[] {
  const { title, organization, currency } = doc.scorecard;
  const r = scenario.result;
  const name = (text: string, depth = 0) => "  ".repeat(depth) + truncate(text, NAME_WIDTH);
  const money = (amount: number) => formatMoney(amount, currency);
  // An unchanged amount reads "$0" here, as formatRelativeChange writes its "0%" beside it.
  const moneyChange = (amount: number) => formatMoneyChange(amount, currency).replace(/^±/, "");
  const from = r.referencePeriod
    ? `projected from ${r.referencePeriod}, the latest period with actuals`
    : "no actuals yet: projected from the measures' baselines";

  const scores: string[][] = [["", "baseline", "projected", "change", "status"]];
  const row = (label: string, s: ProjectedScore) => [
    label,
    formatPercent(s.baseline),
    formatPercent(s.projected),
    formatPoints(s.delta),
    statusText(s.status),
  ];
  scores.push(row("Overall", r.overall));
  for (const p of r.perspectives) {
    scores.push(row(name(p.name), p));
    for (const o of p.objectives) scores.push(row(name(o.name, 1), o));
  }

  const spend: string[][] = [["investment", "base", "spend", "change", "%"]];
  const order = documentOrder(doc, model);
  for (const n of order) {
    const line = r.spend.investments[n] as SpendLine;
    spend.push([
      name(line.name),
      money(line.base),
      money(line.spend),
      moneyChange(line.delta),
      formatRelativeChange(line.relativeChange),
    ]);
  }
  const { baseline: baseTotal, projected: total, delta } = r.spend;
  spend.push([
    "Total",
    money(baseTotal),
    money(total),
    moneyChange(delta),
    formatRelativeChange(ratio(delta, baseTotal)),
  ]);

  const lines = [
    title.includes(organization) ? title : `${title} — ${organization}`,
    `what-if: ${scenario.name}; ${from}`,
    "",
    `Overall ${formatPercent(r.overall.baseline)} → ${formatPercent(r.overall.projected)} (${formatPoints(r.overall.delta)})`,
    "",
    ...formatTable(scores, ["left", "right", "right", "right", "left"]),
    "",
    `Spend (${currency})`,
    ...formatTable(spend, ["left", "right", "right", "right", "right"]),
    r.pointsPerMillion === null
      ? "points per 1M: — (total spend unchanged)"
      : `points per 1M ${currency} of extra spend: ${signed(r.pointsPerMillion, 2)}`,
    "",
    "Timeline (projected overall per period)",
    ...timeline(r),
    "",
    "Marginal value of ±10% of base spend, largest first",
    ...tornado(scenario.marginal),
  ];
  if (proposed) lines.push("", ...proposal(scenario, proposed, order, money, moneyChange));
  if (scenario.uncertainty) lines.push("", ...uncertainty(scenario, proposed));
  if (warnings.length > 0) lines.push("", ...warnings.map((w) => `warning: ${w}`));
  return lines;
}

/** Investment slots in the order the file lists the investments (the order people chose), not the engine's id order. */
function documentOrder(doc: ScorecardDocument, model: WhatIfModel): number[] {
  const slot = new Map(model.investmentIds.map((id, n) => [id, n]));
  return doc.investments.map((inv) => slot.get(inv.id) as number);
}

function timeline(r: ScenarioResult): string[] {
  const lines: string[] = [];
  for (let from = 0; from < r.timeline.length; from += TIMELINE_COLUMNS) {
    const block = r.timeline.slice(from, from + TIMELINE_COLUMNS);
    const table = formatTable(
      [block.map((t) => t.label), block.map((t) => formatPercent(t.projected))],
      block.map(() => "right"),
    );
    lines.push(...(from > 0 ? [""] : []), ...table);
  }
  return lines;
}

/** The tornado chart as a table: investments by the larger of their two bars. */
function tornado(marginal: readonly MarginalValue[]): string[] {
  if (marginal.length === 0) return ["(no investments)"];
  const size = (m: MarginalValue) => Math.max(Math.abs(m.up ?? 0), Math.abs(m.down ?? 0));
  const sorted = [...marginal].sort((a, b) => size(b) - size(a));
  return formatTable(
    [
      ["investment", "+10%", "−10%"],
      ...sorted.map((m) => [truncate(m.name, NAME_WIDTH), formatPoints(m.up), formatPoints(m.down)]),
    ],
    ["left", "right", "right"],
  );
}

function proposal(
  scenario: Evaluated,
  proposed: Proposal,
  order: readonly number[],
  money: (n: number) => string,
  moneyChange: (n: number) => string,
): string[] {
  const rows: string[][] = [["investment", "current", "proposed", "change", "range"]];
  for (const n of order) {
    const line = proposed.result.spend.investments[n] as SpendLine;
    const current = scenario.spend[n] as number;
    rows.push([
      truncate(line.name, NAME_WIDTH),
      money(current),
      money(line.spend),
      moneyChange(line.spend - current),
      `${money(line.min)}–${money(line.max)}`,
    ]);
  }
  const [now, next] = [scenario.result.spend.projected, proposed.result.spend.projected];
  rows.push(["Total", money(now), money(next), moneyChange(next - now), ""]);
  const o = proposed.result.overall;
  return [
    `Proposed allocation (optimizer, ${proposed.evaluations.toLocaleString("en-US")} evaluations)`,
    ...formatTable(rows, ["left", "right", "right", "right", "right"]),
    `proposed overall ${formatPercent(o.projected)} (${formatPoints(o.delta)} on baseline), gain ${formatPoints(proposed.gain)} on ${scenario.name}`,
  ];
}

function uncertainty(scenario: Evaluated, proposed?: Proposal): string[] {
  const mc = scenario.uncertainty as MonteCarloResult;
  const rows: string[][] = [["", "P10", "P50", "P90"]];
  for (const e of [scenario, ...(proposed ? [proposed] : [])]) {
    const u = e.uncertainty;
    if (!u) continue;
    const label = truncate(e.name, NAME_WIDTH);
    rows.push([
      `${label}: overall`,
      formatPercent(u.overall.p10),
      formatPercent(u.overall.p50),
      formatPercent(u.overall.p90),
    ]);
    rows.push([`${label}: change`, formatPoints(u.delta.p10), formatPoints(u.delta.p50), formatPoints(u.delta.p90)]);
  }
  return [
    `Uncertainty (${mc.draws.toLocaleString("en-US")} draws, seed ${mc.seed}; effects vary by confidence)`,
    ...formatTable(rows, ["left", "right", "right", "right"]),
  ];
}

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

function signed(x: number, digits: number): string {
  const text = Math.abs(x).toFixed(digits);
  return Number(text) === 0 ? `±${text}` : `${x > 0 ? "+" : "−"}${text}`;
}
