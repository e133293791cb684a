/**
 * The tables of the XLSX workbook and of the CSV exports (issue 8): one model, so the Excel sheet
 * and the CSV file of a table always hold the same columns and rows. Cells are plain values —
 * numbers stay numbers, "no value" is null — and every column says what kind of number it holds,
 * so a writer can format it (electron/interchange/xlsx-write.ts applies percent, currency and date
 * formats and status fills; shared/interchange/csv-text.ts writes the numbers unformatted).
 *
 * Scores come from the same engine the app uses (shared/scoring), for one period: the latest by
 * default. Text is copied as the document holds it: it is untrusted, and each writer makes sure it
 * stays text (the CSV guard, string cells in XLSX).
 */
import type { CsvTable } from "../api/contract.ts";
import type { Measure, ScorecardDocument } from "../domain/types.ts";
import { scoreAll } from "../scoring/engine.ts";
import { compileModel, type ScoringModel } from "../scoring/model.ts";
import { type Status, statusOf } from "../scoring/status.ts";
import { type ScorecardView, viewOf } from "../scoring/view.ts";
import { compileWhatIf } from "../whatif/model.ts";
import { createWorkspace } from "../whatif/project.ts";
import { evaluateScenario } from "../whatif/scenario.ts";
import { spendOfScenario } from "../whatif/spend.ts";

/**
 * What a column holds. Fractions are scores and shares (0.62 = 62 %); a change is a difference of
 * fractions (score points); money is in the scorecard's currency; dates are ISO "YYYY-MM-DD"
 * text; a status is one of the words green, amber, red or none.
 */
export type ColumnKind = "text" | "status" | "integer" | "number" | "fraction" | "change" | "money" | "date";

export interface TableColumn {
  header: string;
  kind: ColumnKind;
}

export type TableValue = string | number | null;

export interface Table {
  name: CsvTable;
  /** The workbook's sheet name for it. */
  sheet: string;
  columns: TableColumn[];
  /** Each row has one value per column; null = empty cell. */
  rows: TableValue[][];
  /**
   * The scorecard table is a tree: the depth of each row (0 overall and indices, 1 perspective,
   * 2 objective, 3 measure) and the column of the names, which writers may indent by it.
   */
  tree?: { column: number; depth: number[] };
}

export interface WorkbookTables {
  title: string;
  organization: string;
  /** ISO 4217 code of every money column. */
  currency: string;
  /** Label of the scored period; null when the scorecard has no periods. */
  period: string | null;
  tables: Table[];
}

/** The sheets of the workbook, in order. The long list of actuals is CSV only (see docs/exports.md). */
export const WORKBOOK_TABLES = [
  "scorecard",
  "measures",
  "actuals",
  "investments",
  "impacts",
  "scenarios",
] as const satisfies readonly CsvTable[];

const SHEET_NAMES: Record<CsvTable, string> = {
  scorecard: "Scorecard",
  measures: "Measures",
  actuals: "Actuals",
  "actuals-list": "Actuals list",
  investments: "Investments",
  impacts: "Impacts",
  scenarios: "Scenarios",
};

/** Every workbook table of `doc`, scored once. */
export function workbookTables(doc: ScorecardDocument): WorkbookTables {
  const context = new Context(doc);
  const view = context.view();
  return {
    title: doc.scorecard.title,
    organization: doc.scorecard.organization,
    currency: doc.scorecard.currency,
    period: view.period?.label ?? null,
    tables: WORKBOOK_TABLES.map((name) => BUILDERS[name](context)),
  };
}

/** One table of `doc` (a CSV export); scores only when the table shows scores. */
export function exportTable(doc: ScorecardDocument, name: CsvTable): Table {
  return BUILDERS[name](new Context(doc));
}

/** What several tables share, computed at most once: the scoring model, its scores and lookups. */
class Context {
  private scoring: { model: ScoringModel; view: ScorecardView } | null = null;
  private places: Map<string, Place> | null = null;

  constructor(readonly doc: ScorecardDocument) {}

  model(): ScoringModel {
    return this.scored().model;
  }

  view(): ScorecardView {
    return this.scored().view;
  }

  private scored() {
    if (!this.scoring) {
      const model = compileModel(this.doc);
      this.scoring = { model, view: viewOf(model, scoreAll(model), model.periodCount - 1) };
    }
    return this.scoring;
  }

  /** Perspective and objective names of a measure's objective id. */
  placeOf(objectiveId: string): Place {
    if (!this.places) {
      const perspective = new Map(this.doc.perspectives.map((p) => [p.id, p.name]));
      this.places = new Map(
        this.doc.objectives.map((o) => [
          o.id,
          { objective: o.name, perspective: perspective.get(o.perspectiveId) ?? "" },
        ]),
      );
    }
    return this.places.get(objectiveId) ?? { objective: "", perspective: "" };
  }

  measuresById(): Map<string, Measure> {
    return new Map(this.doc.measures.map((m) => [m.id, m]));
  }
}

interface Place {
  objective: string;
  perspective: string;
}

/** A column; its header keeps its literal type, so a table can name its cells by header. */
const col = <H extends string>(header: H, kind: ColumnKind) => ({ header, kind });

const BUILDERS: Record<CsvTable, (c: Context) => Table> = {
  scorecard: scorecardTable,
  measures: measuresTable,
  actuals: actualsTable,
  "actuals-list": actualsListTable,
  investments: investmentsTable,
  impacts: impactsTable,
  scenarios: scenariosTable,
};

function table(name: CsvTable, columns: TableColumn[], rows: TableValue[][], tree?: Table["tree"]): Table {
  return { name, sheet: SHEET_NAMES[name], columns, rows, ...(tree ? { tree } : {}) };
}

/** The scorecard as the app's table shows it: overall, the two indices, then the tree. */
function scorecardTable(c: Context): Table {
  const view = c.view();
  const { thresholds } = c.model();
  const weights = new Map<string, number>();
  for (const list of [c.doc.perspectives, c.doc.objectives, c.doc.measures]) {
    for (const item of list) weights.set(item.id, item.weight);
  }
  const period = view.period?.label ?? null;
  const columns = [
    col("level", "text"),
    col("name", "text"),
    col("weight", "number"),
    col("value", "number"),
    col("unit", "text"),
    col("target", "number"),
    col("score", "fraction"),
    col("status", "status"),
    col("coverage", "fraction"),
    col("trend", "change"),
    col("carried_forward", "text"),
    col("period", "text"),
    col("id", "text"),
  ];
  type Cells = Partial<Record<(typeof columns)[number]["header"], TableValue>>;
  const rows: TableValue[][] = [];
  const depth: number[] = [];
  // Cells by header, so a moved column takes its values along; a column a row does not name is
  // empty. Every row is of the scored period.
  const push = (d: number, cells: Cells) => {
    const row: Cells = { ...cells, period };
    rows.push(columns.map((column) => row[column.header] ?? null));
    depth.push(d);
  };
  const node = (
    level: string,
    d: number,
    n: { id: string; name: string; score: number | null; status: Status; coverage: number; trend: number | null },
  ) => {
    const { id, name, score, status, coverage, trend } = n;
    push(d, { level, name, weight: weights.get(id) ?? null, score, status, coverage, trend, id });
  };
  const o = view.overall;
  push(0, {
    level: "overall",
    name: "Overall",
    score: o.score,
    status: o.status,
    coverage: o.coverage,
    trend: o.trend,
  });
  for (const [name, score] of [
    ["Leading index", view.leadingIndex],
    ["Lagging index", view.laggingIndex],
  ] as const) {
    push(0, { level: "index", name, score, status: statusOf(score, thresholds) });
  }
  for (const p of view.perspectives) {
    node("perspective", 1, p);
    for (const obj of p.objectives) {
      node("objective", 2, obj);
      for (const m of obj.measures) {
        push(3, {
          level: "measure",
          name: m.name,
          weight: weights.get(m.id) ?? null,
          value: m.value,
          unit: m.unit,
          target: m.target,
          score: m.score,
          status: m.status,
          trend: m.trend,
          carried_forward: m.stale ? "yes" : null,
          id: m.id,
        });
      }
    }
  }
  return table("scorecard", columns, rows, { column: columns.findIndex((c) => c.header === "name"), depth });
}

/** Every measure with its definition and its score in the scored period. */
function measuresTable(c: Context): Table {
  const view = c.view();
  const scored = new Map(
    view.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.measures.map((m) => [m.id, m] as const))),
  );
  const defaults = c.doc.scorecard.scoring.thresholds;
  const period = view.period?.label ?? null;
  const columns = [
    col("measure_id", "text"),
    col("perspective", "text"),
    col("objective", "text"),
    col("measure", "text"),
    col("kind", "text"),
    col("unit", "text"),
    col("direction", "text"),
    col("method", "text"),
    col("baseline", "number"),
    col("target", "number"),
    col("band_low", "number"),
    col("band_high", "number"),
    col("band_tolerance", "number"),
    col("valid_min", "number"),
    col("valid_max", "number"),
    col("weight", "number"),
    col("green_threshold", "fraction"),
    col("amber_threshold", "fraction"),
    col("frequency", "text"),
    col("owner", "text"),
    col("data_source", "text"),
    // Not "period"/"value": this sheet holds scored (possibly carried-forward) values, and those
    // names would let it pass for an actuals file on import.
    col("scored_period", "text"),
    col("scored_value", "number"),
    col("score", "fraction"),
    col("status", "status"),
    col("description", "text"),
  ];
  const rows = c.doc.measures.map((m): TableValue[] => {
    const place = c.placeOf(m.objectiveId);
    const s = scored.get(m.id);
    const thresholds = m.thresholds ?? defaults;
    return [
      m.id,
      place.perspective,
      place.objective,
      m.name,
      m.kind,
      m.unit,
      m.direction,
      m.method,
      m.baseline,
      m.target,
      m.band?.low ?? null,
      m.band?.high ?? null,
      m.band?.tolerance ?? null,
      m.validRange?.min ?? null,
      m.validRange?.max ?? null,
      m.weight,
      thresholds.green,
      thresholds.amber,
      m.frequency,
      m.owner,
      m.dataSource,
      period,
      s?.value ?? null,
      s?.score ?? null,
      s?.status ?? "none",
      m.description,
    ];
  });
  return table("measures", columns, rows);
}

/**
 * Measures × periods: one row per measure, one column per period headed by its label (start-date
 * order), the actual in the cell or empty. The actuals import reads this back ("columns" layout).
 */
function actualsTable(c: Context): Table {
  const { doc } = c;
  const periods = c.model().periods; // start-date order, as everywhere else
  const column = new Map(periods.map((p, k) => [p.id, k]));
  const row = new Map<string, TableValue[]>();
  const rows = doc.measures.map((m) => {
    const r: TableValue[] = [m.id, m.name, m.unit, ...periods.map(() => null)];
    row.set(m.id, r);
    return r;
  });
  for (const a of doc.actuals) {
    const k = column.get(a.periodId);
    const r = row.get(a.measureId);
    if (k !== undefined && r) r[3 + k] = a.value;
  }
  const columns = [
    col("measure_id", "text"),
    col("measure", "text"),
    col("unit", "text"),
    ...periods.map((p) => col(p.label, "number")),
  ];
  return table("actuals", columns, rows);
}

/** One row per actual, in the document's order: the columns `import-actuals` reads, never to change. */
function actualsListTable(c: Context): Table {
  const measures = c.measuresById();
  const periods = new Map(c.doc.periods.map((p) => [p.id, p.label]));
  const columns = [
    col("measure_id", "text"),
    col("measure", "text"),
    col("period", "text"),
    col("value", "number"),
    col("note", "text"),
  ];
  const rows = c.doc.actuals.map((a): TableValue[] => [
    a.measureId,
    measures.get(a.measureId)?.name ?? "",
    periods.get(a.periodId) ?? "",
    a.value,
    a.note,
  ]);
  return table("actuals-list", columns, rows);
}

function investmentsTable(c: Context): Table {
  const { doc } = c;
  const impacts = new Map<string, number>();
  for (const i of doc.impacts) impacts.set(i.investmentId, (impacts.get(i.investmentId) ?? 0) + 1);
  const currency = doc.scorecard.currency;
  const columns = [
    col("investment_id", "text"),
    col("investment", "text"),
    col("category", "text"),
    col("base_spend", "money"),
    col("min_spend", "money"),
    col("max_spend", "money"),
    col("currency", "text"),
    col("impacts", "integer"),
    col("description", "text"),
  ];
  const rows = doc.investments.map((inv): TableValue[] => [
    inv.id,
    inv.name,
    inv.category,
    inv.baseSpend,
    inv.minSpend,
    inv.maxSpend,
    currency,
    impacts.get(inv.id) ?? 0,
    inv.description,
  ]);
  return table("investments", columns, rows);
}

/** Investment → measure: the effect E in the measure's unit when spend doubles (SPEC §1). */
function impactsTable(c: Context): Table {
  const { doc } = c;
  const investments = new Map(doc.investments.map((i) => [i.id, i.name]));
  const measures = c.measuresById();
  const columns = [
    col("impact_id", "text"),
    col("investment_id", "text"),
    col("investment", "text"),
    col("measure_id", "text"),
    col("measure", "text"),
    col("effect", "number"),
    col("unit", "text"),
    col("curve", "text"),
    col("lag", "integer"),
    col("confidence", "text"),
  ];
  const rows = doc.impacts.map((i): TableValue[] => {
    const m = measures.get(i.measureId);
    return [
      i.id,
      i.investmentId,
      investments.get(i.investmentId) ?? "",
      i.measureId,
      m?.name ?? "",
      i.effect,
      m?.unit ?? "",
      i.curve,
      i.lag,
      i.confidence,
    ];
  });
  return table("impacts", columns, rows);
}

/**
 * One row per scenario × investment: the spend it sets against the base, and the scenario's
 * projected overall score (the what-if engine's settled projection, as the comparison view shows).
 */
function scenariosTable(c: Context): Table {
  const { doc } = c;
  const columns = [
    col("scenario_id", "text"),
    col("scenario", "text"),
    col("created", "date"),
    col("investment_id", "text"),
    col("investment", "text"),
    col("base_spend", "money"),
    col("spend", "money"),
    col("change", "money"),
    col("relative_change", "change"),
    col("baseline_overall", "fraction"),
    col("projected_overall", "fraction"),
    col("projected_status", "status"),
    col("notes", "text"),
  ];
  const rows: TableValue[][] = [];
  if (doc.scenarios.length > 0) {
    const model = compileWhatIf(doc, c.model());
    const ws = createWorkspace(model);
    for (const scenario of doc.scenarios) {
      const result = evaluateScenario(model, spendOfScenario(model, scenario), ws);
      const { baseline, projected, status } = result.overall;
      const head = [scenario.id, scenario.name, scenario.createdAt.slice(0, 10)];
      const tail = [baseline, projected, status, scenario.notes];
      // The engine lists spend in id order; people read the investments in the document's order.
      const lines = new Map(result.spend.investments.map((l) => [l.id, l]));
      const ordered = doc.investments.flatMap((inv) => lines.get(inv.id) ?? []);
      if (ordered.length === 0) rows.push([...head, null, null, null, null, null, null, ...tail]);
      for (const l of ordered) rows.push([...head, l.id, l.name, l.base, l.spend, l.delta, l.relativeChange, ...tail]);
    }
  }
  return table("scenarios", columns, rows);
}
