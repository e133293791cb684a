/**
 * Rules across entities (SPEC §1, §2): unique ids, references that resolve, the link DAG,
 * per-period targets and actuals consistent with their measure, and the weight warnings.
 * Runs only over rows that passed their own schema; paths use the rows' input indices.
 */
import { closesCycle, type LinkEnds, linkDirectionProblem } from "./links.ts";
import { error, warning } from "./problems.ts";
import { type COLLECTIONS, type CollectionName, ENTITY_COLLECTIONS } from "./schema.ts";
import type { Measure, Problem, Scorecard } from "./types.ts";
import type { z } from "zod";

/** Rows kept after element checks, each with its index in the input so paths stay true. */
export type CheckedRows = {
  [K in CollectionName]: Array<{
    index: number;
    row: z.infer<(typeof COLLECTIONS)[K]>;
  }>;
};

/**
 * `rejected` holds the ids of rows that failed their own checks: references to them are not
 * reported again as "unknown" (the row's own problem already is).
 */
export function crossEntityProblems(
  rows: CheckedRows,
  scorecard: Scorecard | null,
  rejected: ReadonlySet<string> = new Set(),
): Problem[] {
  const out: Problem[] = [];
  const at = (collection: string, index: number, field?: string) =>
    `${collection}[${index}]${field ? `.${field}` : ""}`;

  // Ids are unique across the whole document: operations and links address entities by id alone.
  const owners = new Map<string, string>();
  const claim = (id: string, path: string) => {
    const first = owners.get(id);
    if (first) out.push(error(path, `duplicate id ${id} (already used by ${first})`));
    else owners.set(id, path.replace(/\.id$/, ""));
  };
  if (scorecard) claim(scorecard.id, "scorecard.id");
  for (const name of ENTITY_COLLECTIONS) {
    for (const { index, row } of rows[name]) claim(row.id, at(name, index, "id"));
  }

  const perspectives = new Map(rows.perspectives.map(({ row }) => [row.id, row]));
  const objectives = new Map(rows.objectives.map(({ row }) => [row.id, row]));
  const investments = new Map(rows.investments.map(({ row }) => [row.id, row]));
  const missingRef = (path: string, what: string, id: string) => {
    if (!rejected.has(id)) out.push(error(path, `refers to unknown ${what} ${id}`));
  };

  uniqueBy(
    rows.perspectives,
    (p) => String(p.order),
    "perspectives",
    "order",
    "another perspective has the same order",
    out,
  );
  uniqueBy(rows.periods, (p) => p.label, "periods", "label", "another period has the same label", out);
  uniqueBy(rows.periods, (p) => p.start, "periods", "start", "another period starts on the same date", out);
  uniqueBy(
    rows.investments,
    (i) => i.name.toLocaleLowerCase(),
    "investments",
    "name",
    "another investment has the same name (names address investments in what-if commands)",
    out,
  );

  for (const { index, row } of rows.objectives) {
    if (!perspectives.has(row.perspectiveId))
      missingRef(at("objectives", index, "perspectiveId"), "perspective", row.perspectiveId);
  }
  for (const { index, row } of rows.measures) {
    if (!objectives.has(row.objectiveId))
      missingRef(at("measures", index, "objectiveId"), "objective", row.objectiveId);
  }

  // Links: ends resolve, point upward, no duplicates, and no cycle (each link is checked against
  // the ones before it, so the message names the link that closes the cycle).
  const perspectiveOrder = new Map<string, number>();
  for (const o of objectives.values()) {
    const p = perspectives.get(o.perspectiveId);
    if (p) perspectiveOrder.set(o.id, p.order);
  }
  const accepted: LinkEnds[] = [];
  const pairs = new Set<string>();
  for (const { index, row } of rows.links) {
    let ok = true;
    for (const end of ["fromId", "toId"] as const) {
      if (!objectives.has(row[end])) {
        missingRef(at("links", index, end), "objective", row[end]);
        ok = false;
      }
    }
    if (!ok) continue;
    const direction = linkDirectionProblem(row, perspectiveOrder);
    if (direction) {
      out.push(error(at("links", index), direction));
      continue;
    }
    const pair = `${row.fromId}>${row.toId}`;
    if (pairs.has(pair)) {
      out.push(error(at("links", index), "duplicates another link between the same objectives"));
      continue;
    }
    if (closesCycle(row, accepted)) {
      out.push(error(at("links", index), "closes a cycle of cause-and-effect links"));
      continue;
    }
    pairs.add(pair);
    accepted.push(row);
  }

  // Measure × period rows (per-period targets, actuals): both ends resolve, one row per cell.
  // Cells are numbered (measure position · period count + period position): a string key per
  // row would dominate the time for the 360,000 actuals of a large scorecard.
  const measurePosition = new Map(rows.measures.map(({ row }, i) => [row.id, i]));
  const periodPosition = new Map(rows.periods.map(({ row }, k) => [row.id, k]));
  const cellRows = <R extends { measureId: string; periodId: string }>(
    collection: string,
    list: ReadonlyArray<{ index: number; row: R }>,
    duplicate: string,
    check: (measure: Measure, row: R, index: number) => void,
  ) => {
    const cells = new CellTable(measurePosition.size * periodPosition.size);
    for (const { index, row } of list) {
      const i = measurePosition.get(row.measureId);
      const k = periodPosition.get(row.periodId);
      if (i === undefined) missingRef(at(collection, index, "measureId"), "measure", row.measureId);
      if (k === undefined) missingRef(at(collection, index, "periodId"), "period", row.periodId);
      if (i === undefined || k === undefined) continue;
      const key = i * periodPosition.size + k;
      if (!cells.add(key)) out.push(error(at(collection, index), duplicate));
      check((rows.measures[i] as { row: Measure }).row, row, index);
    }
  };
  cellRows(
    "periodTargets",
    rows.periodTargets,
    "a target for this measure and period already exists",
    (m, row, index) => {
      const problem = periodTargetProblem(m, row.target);
      if (problem) out.push(error(at("periodTargets", index, "target"), problem));
    },
  );
  cellRows("actuals", rows.actuals, "an actual for this measure and period already exists", (m, row, index) => {
    const problem = actualProblem(m, row.value);
    if (problem) out.push(error(at("actuals", index, "value"), problem));
  });

  for (const { index, row } of rows.impacts) {
    const investment = investments.get(row.investmentId);
    if (!investment) missingRef(at("impacts", index, "investmentId"), "investment", row.investmentId);
    if (!measurePosition.has(row.measureId)) missingRef(at("impacts", index, "measureId"), "measure", row.measureId);
    if (investment && investment.baseSpend === 0) {
      out.push(warning(at("impacts", index), "its investment has a base spend of 0, so the impact is off"));
    }
  }

  for (const { index, row } of rows.scenarios) {
    for (const [investmentId, spend] of Object.entries(row.spend)) {
      const investment = investments.get(investmentId);
      const path = `${at("scenarios", index, "spend")}.${investmentId}`;
      if (!investment) missingRef(path, "investment", investmentId);
      else if (spend < investment.minSpend || spend > investment.maxSpend) {
        out.push(warning(path, `lies outside the slider range [${investment.minSpend}, ${investment.maxSpend}]`));
      }
    }
  }

  if (scorecard) {
    const { thresholds, cap } = scorecard.scoring;
    if (thresholds.green > cap) {
      out.push(warning("scorecard.scoring.thresholds.green", `is above the cap ${cap}, so nothing can be green`));
    }
  }
  out.push(...zeroWeightWarnings(rows));
  return out;
}

/** Why an actual value cannot be recorded for this measure, or null. */
export function actualProblem(measure: Measure, value: number): string | null {
  const r = measure.validRange;
  return r && (value < r.min || value > r.max) ? `must lie in the measure's valid range [${r.min}, ${r.max}]` : null;
}

/** Why a per-period target cannot be used for this measure, or null (same rules as the measure's own target). */
export function periodTargetProblem(measure: Measure, target: number): string | null {
  if (measure.method === "band") return "band measures are scored against their band, not a period target";
  if (measure.method === "linear" && measure.direction === "higher" && !(target > measure.baseline)) {
    return "must be above the baseline for a linear higher-is-better measure";
  }
  if (measure.method === "linear" && measure.direction === "lower" && !(target < measure.baseline)) {
    return "must be below the baseline for a linear lower-is-better measure";
  }
  const r = measure.validRange;
  if (r && (target < r.min || target > r.max)) return `must lie in the measure's valid range [${r.min}, ${r.max}]`;
  return null;
}

function uniqueBy<T>(
  list: ReadonlyArray<{ index: number; row: T }>,
  key: (row: T) => string,
  collection: string,
  field: string,
  message: string,
  out: Problem[],
): void {
  const seen = new Set<string>();
  for (const { index, row } of list) {
    const k = key(row);
    if (seen.has(k)) out.push(error(`${collection}[${index}].${field}`, message));
    seen.add(k);
  }
}

/** SPEC §2: siblings whose weights are all 0 count as equal; say so, since it is rarely intended. */
function zeroWeightWarnings(rows: CheckedRows): Problem[] {
  const out: Problem[] = [];
  const check = (groups: Map<string, Array<{ index: number; weight: number }>>, collection: string, what: string) => {
    for (const members of groups.values()) {
      if (members.length > 1 && members.every((m) => m.weight === 0)) {
        const first = members[0] as { index: number };
        out.push(warning(`${collection}[${first.index}].weight`, `all ${what} weigh 0, so they count as equal`));
      }
    }
  };
  const group = <T>(
    list: ReadonlyArray<{ index: number; row: T }>,
    parent: (r: T) => string,
    weight: (r: T) => number,
  ) => {
    const groups = new Map<string, Array<{ index: number; weight: number }>>();
    for (const { index, row } of list) {
      const key = parent(row);
      const entry = { index, weight: weight(row) };
      const members = groups.get(key);
      if (members) members.push(entry);
      else groups.set(key, [entry]);
    }
    return groups;
  };
  check(
    group(
      rows.perspectives,
      () => "",
      (p) => p.weight,
    ),
    "perspectives",
    "perspectives",
  );
  check(
    group(
      rows.objectives,
      (o) => o.perspectiveId,
      (o) => o.weight,
    ),
    "objectives",
    "objectives of this perspective",
  );
  check(
    group(
      rows.measures,
      (m) => m.objectiveId,
      (m) => m.weight,
    ),
    "measures",
    "measures of this objective",
  );
  return out;
}

/**
 * Whole numbers by cell number in [0, size), 0 when unset: a typed array while that is small
 * (10,000 measures × 36 periods is 1.4 MB), a Map for odd, huge grids. Far faster than a Map for
 * hundreds of thousands of cells; the actuals import keeps row numbers in one.
 */
export class CellTable {
  private readonly array: Int32Array | null;
  private readonly map = new Map<number, number>();
  constructor(size: number) {
    this.array = size <= 1 << 24 ? new Int32Array(size) : null;
  }
  get(cell: number): number {
    return this.array ? (this.array[cell] as number) : (this.map.get(cell) ?? 0);
  }
  set(cell: number, value: number): void {
    if (this.array) this.array[cell] = value;
    else this.map.set(cell, value);
  }
  /** Marks the cell (as 1) when unset; false when it was already set. */
  add(cell: number): boolean {
    if (this.get(cell) !== 0) return false;
    this.set(cell, 1);
    return true;
  }
}
