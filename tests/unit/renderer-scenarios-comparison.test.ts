/**
 * The comparison's pure parts: columns and rows built from the engine's results for saved
 * scenarios, the best overall, the chart's series, the names of duplicates, and the choice of
 * 2–4 scenarios.
 */
import { describe, expect, it } from "vitest";
import { formatMoney, formatMoneyChange } from "../../shared/display/numbers.ts";
import { LIMITS } from "../../shared/domain/limits.ts";
import { quote } from "../../shared/domain/readable-path.ts";
import type { Scenario, ScorecardDocument } from "../../shared/domain/types.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { execute } from "../../shared/operations/execute.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { evaluateScenario } from "../../shared/whatif/scenario.ts";
import { spendOfScenario } from "../../shared/whatif/spend.ts";
import {
  baselineResult,
  buildComparison,
  chartData,
  comparisonColumns,
  comparisonWarnings,
  MAX_COMPARED,
  resultOfScenario,
} from "../../renderer/src/scenarios/comparison.ts";
import {
  chosenScenarios,
  duplicateName,
  duplicateOp,
  initialChoice,
  toggleChoice,
  updatedChoice,
  withNewScenarios,
} from "../../renderer/src/scenarios/scenario-ops.ts";

let counter = 0;
const newId = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, "0")}`;
const demo = (): ScorecardDocument => demoScorecard({ newId, now: "2026-01-01T00:00:00.000Z", appVersion: "test" });

function scenario(doc: ScorecardDocument, name: string, factor: number): Scenario {
  return {
    id: newId(),
    name,
    notes: "",
    spend: Object.fromEntries(doc.investments.map((inv) => [inv.id, Math.round(inv.baseSpend * factor)])),
    createdAt: "2026-01-02T00:00:00.000Z",
  };
}

describe("the comparison", () => {
  const doc = demo();
  const [a, b] = doc.scenarios;
  if (!a || !b) throw new Error("the demo has two scenarios");

  it("evaluates each scenario with the engine, once per document and scenario", () => {
    const model = compileWhatIf(doc);
    const expected = evaluateScenario(model, spendOfScenario(model, a));
    const result = resultOfScenario(doc, a);
    expect(result).toEqual(expected);
    expect(resultOfScenario(doc, a)).toBe(result);
    // Another document (an edit made a new object) is evaluated anew.
    expect(resultOfScenario({ ...doc }, a)).not.toBe(result);
    expect(baselineResult(doc).spend.delta).toBe(0);
  });

  it("puts the baseline first, then the chosen scenarios in order, and marks the best overall", () => {
    const columns = comparisonColumns(doc, [b, a]);
    expect(columns.map((c) => c.key)).toEqual(["baseline", b.id, a.id]);
    expect(columns[0]?.best).toBe(false);
    const overall = columns.slice(1).map((c) => c.result.overall.projected ?? -1);
    const top = Math.max(...overall);
    expect(columns.slice(1).map((c) => c.best)).toEqual(overall.map((v) => v === top));
    expect(columns.filter((c) => c.best)).toHaveLength(1);
  });

  it("marks every scenario that ties for the best", () => {
    const twin = { ...a, id: newId(), name: "Twin" };
    const columns = comparisonColumns(doc, [a, twin, b]);
    const bestA = columns[1]?.best;
    expect(columns[2]?.best).toBe(bestA);
  });

  it("builds score rows (overall, then perspectives) and spend rows in the document's investment order", () => {
    const columns = comparisonColumns(doc, [a, b]);
    const cmp = buildComparison(doc, columns);
    const base = baselineResult(doc);
    const ra = resultOfScenario(doc, a);
    expect(cmp.scores.map((r) => r.key)).toEqual(["overall", ...base.perspectives.map((p) => p.id)]);
    const overall = cmp.scores[0];
    expect(overall?.cells[0]).toEqual({ score: base.overall.projected, delta: null, status: base.overall.status });
    expect(overall?.cells[1]).toEqual({
      score: ra.overall.projected,
      delta: ra.overall.delta,
      status: ra.overall.status,
    });
    const p0 = ra.perspectives[0];
    expect(cmp.scores[1]?.cells[1]).toEqual({ score: p0?.projected, delta: p0?.delta, status: p0?.status });

    expect(cmp.spend.map((r) => r.key)).toEqual(doc.investments.map((i) => i.id));
    doc.investments.forEach((inv, n) => {
      const row = cmp.spend[n];
      expect(row?.label).toBe(inv.name);
      expect(row?.cells[0]).toEqual({ value: inv.baseSpend, delta: null });
      const spend = a.spend[inv.id] ?? inv.baseSpend;
      expect(row?.cells[1]).toEqual({ value: spend, delta: spend - inv.baseSpend });
    });
    expect(cmp.total.cells[0]).toEqual({ value: base.spend.projected, delta: null });
    expect(cmp.total.cells[1]).toEqual({ value: ra.spend.projected, delta: ra.spend.delta });
    expect(ra.spend.delta).not.toBe(0);
  });

  it("gives the chart one group per score row and one series per column, in percent", () => {
    const cmp = buildComparison(doc, comparisonColumns(doc, [a, b]));
    const data = chartData(cmp);
    expect(data.groups).toEqual(cmp.scores.map((r) => r.label));
    expect(data.groups[0]).toBe("Overall");
    expect(data.series.map((s) => s.label)).toEqual(["Baseline", a.name, b.name]);
    expect(data.series.map((s) => s.kind)).toEqual(["baseline", "scenario", "scenario"]);
    const score = cmp.scores[0]?.cells[1]?.score ?? Number.NaN;
    expect(data.series[1]?.values[0]).toBeCloseTo(score * 100, 1);
    expect(data.series[1]?.values).toHaveLength(cmp.scores.length);
  });

  it("lists each scenario's spends outside the slider range under its name", () => {
    const [inv] = doc.investments;
    if (!inv) throw new Error("an investment");
    const beyond: Scenario = { ...a, id: newId(), name: "Beyond", spend: { [inv.id]: inv.maxSpend * 2 } };
    expect(comparisonWarnings(comparisonColumns(doc, [a, b]))).toEqual([]);
    const warnings = comparisonWarnings(comparisonColumns(doc, [a, beyond]));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.scenario).toBe("Beyond");
    expect(warnings[0]?.text).toBe(
      `${quote(inv.name)} gets ${formatMoney(inv.maxSpend * 2, doc.scorecard.currency)}, above its slider range of ` +
        `${formatMoney(inv.minSpend, doc.scorecard.currency)} to ${formatMoney(inv.maxSpend, doc.scorecard.currency)}.`,
    );
  });

  it("shows no score as a gap in the chart, not as zero", () => {
    const cmp = buildComparison(doc, comparisonColumns(doc, [a]));
    const row = cmp.scores[0];
    if (!row?.cells[1]) throw new Error("a cell");
    row.cells[1] = { score: null, delta: null, status: "none" };
    expect(chartData(cmp).series[1]?.values[0]).toBeNull();
  });
});

describe("duplicate names", () => {
  it("is “Copy of X”, numbered when that is taken", () => {
    expect(duplicateName("Cloud-first", ["Cloud-first"])).toBe("Copy of Cloud-first");
    // Taken whatever its case, as "Save as scenario…" counts names (one helper for both).
    expect(duplicateName("Cloud-first", ["Cloud-first", "copy of cloud-first"])).toBe("Copy of Cloud-first (2)");
    expect(duplicateName("Cloud-first", ["Cloud-first", "Copy of Cloud-first"])).toBe("Copy of Cloud-first (2)");
    expect(duplicateName("Cloud-first", ["Cloud-first", "Copy of Cloud-first", "Copy of Cloud-first (2)"])).toBe(
      "Copy of Cloud-first (3)",
    );
  });

  it("stays within the name limit, however long the name", () => {
    const long = "x".repeat(LIMITS.nameMax);
    const name = duplicateName(long, [long]);
    expect(name.length).toBe(LIMITS.nameMax);
    expect(name.startsWith("Copy of xxx")).toBe(true);
    expect(name.endsWith("…")).toBe(true);
    const second = duplicateName(long, [long, name]);
    expect(second.length).toBeLessThanOrEqual(LIMITS.nameMax);
    expect(second.endsWith("… (2)")).toBe(true);
  });

  it("never cuts a character in half", () => {
    const emoji = "📈".repeat(LIMITS.nameMax);
    const name = duplicateName(emoji, []);
    // The limit counts UTF-16 units, as the validator does.
    expect(name.length).toBeLessThanOrEqual(LIMITS.nameMax);
    // No lone half of a surrogate pair.
    expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(name)).toBe(false);
    expect(name.endsWith("📈…")).toBe(true);
  });

  it("makes an operation the shared rules accept: same spend and notes, a new id, after the original", () => {
    const doc = demo();
    const [a] = doc.scenarios;
    if (!a) throw new Error("a scenario");
    const id = newId();
    const op = duplicateOp(doc.scenarios, a, id, "2026-03-01T00:00:00.000Z");
    const state = new DocumentState(doc);
    execute(state, op, { now: "2026-03-01T00:00:00.000Z", appVersion: "test" });
    const after = state.document().scenarios;
    expect(after.map((s) => s.id)).toEqual([a.id, id, ...doc.scenarios.slice(1).map((s) => s.id)]);
    expect(after[1]).toEqual({ ...a, id, name: `Copy of ${a.name}`, createdAt: "2026-03-01T00:00:00.000Z" });
  });
});

describe("the choice of scenarios", () => {
  const doc = demo();
  const list = [...doc.scenarios, scenario(doc, "C", 1.1), scenario(doc, "D", 0.9), scenario(doc, "E", 1.2)];
  const ids = list.map((s) => s.id);

  it("starts with the first two", () => {
    expect(chosenScenarios(list, null).map((s) => s.id)).toEqual(ids.slice(0, 2));
    expect(chosenScenarios(list.slice(0, 1), null)).toHaveLength(1);
  });

  it("adds at most four, and clears any", () => {
    let choice = toggleChoice(chosenScenarios(list, null), ids[2] as string, true);
    choice = toggleChoice(chosenScenarios(list, choice), ids[3] as string, true);
    expect(choice).toEqual(ids.slice(0, 4));
    expect(toggleChoice(chosenScenarios(list, choice), ids[4] as string, true)).toEqual(ids.slice(0, 4));
    expect(MAX_COMPARED).toBe(4);
    choice = toggleChoice(chosenScenarios(list, choice), ids[1] as string, false);
    expect(choice).toEqual([ids[0], ids[2], ids[3]]);
    expect(toggleChoice(chosenScenarios(list, choice), ids[4] as string, true)).toEqual([
      ids[0],
      ids[2],
      ids[3],
      ids[4],
    ]);
  });

  it("keeps a deleted scenario's place, so undoing the delete brings its column back", () => {
    const choice = [ids[0], ids[1], ids[2]] as string[];
    const without = list.filter((s) => s.id !== ids[1]);
    expect(chosenScenarios(without, choice).map((s) => s.id)).toEqual([ids[0], ids[2]]);
    expect(chosenScenarios(list, choice).map((s) => s.id)).toEqual(choice);
  });

  it("lets new scenarios join while there is room", () => {
    const known = new Set(ids.slice(0, 2));
    expect(withNewScenarios(list.slice(0, 3), ids.slice(0, 2), known)).toEqual(ids.slice(0, 3));
    // Only up to four are shown; the rest stay out.
    expect(chosenScenarios(list, withNewScenarios(list, ids.slice(0, 2), known)).map((s) => s.id)).toEqual(
      ids.slice(0, 4),
    );
    // Known ones that the user cleared do not come back by themselves.
    expect(withNewScenarios(list.slice(0, 2), [ids[0] as string], known)).toEqual([ids[0]]);
  });

  it("keeps the first two when a copy lands between them, and adds the copy", () => {
    const [a, b] = list;
    const copy = scenario(doc, "Copy of A", 1);
    const start = initialChoice([a, b] as Scenario[]);
    expect(start.choice).toEqual(ids.slice(0, 2));
    expect(updatedChoice(start, [a, b] as Scenario[])).toBeNull();
    const next = updatedChoice(start, [a, copy, b] as Scenario[]);
    expect(next?.choice).toEqual([ids[0], ids[1], copy.id]);
    expect(next && updatedChoice(next, [a, copy, b] as Scenario[])).toBeNull();
  });

  it("counts scenarios made since the window opened as new on the first visit", () => {
    const [a, b] = list as [Scenario, Scenario];
    const saved = { ...scenario(doc, "Saved in What-If", 1.1), createdAt: "2026-06-01T10:00:00.000Z" };
    const openedAt = Date.parse("2026-06-01T09:00:00.000Z");
    const start = initialChoice([a, saved, b], openedAt);
    expect(start.choice).toEqual([a.id, b.id]);
    expect(updatedChoice(start, [a, saved, b])?.choice).toEqual([a.id, b.id, saved.id]);
    // Without a time, every scenario is old: the first two.
    expect(initialChoice([a, saved, b]).choice).toEqual([a.id, saved.id]);
  });
});

describe("money in the scorecard's currency", () => {
  it("writes whole units with the currency's symbol", () => {
    expect(formatMoney(4_200_000, "EUR")).toBe("€4,200,000");
    expect(formatMoney(1234.6, "USD")).toBe("$1,235");
    expect(formatMoney(5, "JPY")).toBe("¥5");
  });

  it("signs a change with true minus, and ± where it rounds to zero", () => {
    expect(formatMoneyChange(420_000, "EUR")).toBe("+€420,000");
    expect(formatMoneyChange(-1200, "USD")).toBe("−$1,200");
    expect(formatMoneyChange(0, "USD")).toBe("±$0");
    expect(formatMoneyChange(0.4, "USD")).toBe("±$0");
    expect(formatMoneyChange(-0.4, "USD")).toBe("±$0");
    expect(formatMoneyChange(-0.6, "USD")).toBe("−$1");
  });
});
