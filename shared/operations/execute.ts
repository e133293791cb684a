/**
 * Turns one operation into steps, applies them to the in-memory document and checks the result
 * against the SPEC §1 rules. A refused operation leaves the state exactly as it was. The caller
 * (the file store) writes the applied steps to disk in one transaction and keeps the inverse
 * steps for undo.
 */
import type { z } from "zod";
import { Num, COLLECTIONS, ENTITY_COLLECTIONS, Scorecard as ScorecardSchema, Text } from "../domain/schema.ts";
import { actualProblem, crossEntityProblems, type CheckedRows, periodTargetProblem } from "../domain/rules.ts";
import { error, formatPath } from "../domain/problems.ts";
import { problemNamer, quote } from "../domain/readable-path.ts";
import type { Problem } from "../domain/types.ts";
import {
  type CellCollection,
  describeOperation,
  ENTITY_COLLECTION,
  type EntityCollection,
  type EntityKind,
  type EntityRow,
  type Operation,
} from "./operation.ts";
import type { Applied, DocumentState, Neighbours, Step } from "./state.ts";

export interface ExecuteContext {
  /** ISO timestamp written to scorecard.modifiedAt. */
  now: string;
  appVersion: string;
}

export interface AppliedStep {
  step: Step;
  neighbours?: Neighbours;
}

export interface Execution {
  label: string;
  /** Steps in the order they were applied, each with where its row landed. */
  applied: AppliedStep[];
  /** Steps that undo the execution, in the order to apply them. */
  inverse: Step[];
}

/** An operation that breaks a rule. `problems` name each broken rule; nothing was changed. */
export class OperationRefused extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[]) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    super(`${first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "refused"}${more}`);
    this.name = "OperationRefused";
    this.problems = problems;
  }
}

export function execute(state: DocumentState, op: Operation, ctx: ExecuteContext): Execution {
  const run = new Run(state);
  try {
    const ops = op.type === "batch" ? op.operations : [op];
    ops.forEach((one, i) => {
      run.plan(one, op.type === "batch" ? `operations[${i}]` : "");
    });
    if (run.applied.length === 0) return { label: describeOperation(op), applied: [], inverse: [] };
    run.check();
    run.step({ kind: "scorecard", value: { ...state.scorecard, modifiedAt: ctx.now, appVersion: ctx.appVersion } });
  } catch (e) {
    run.revert();
    throw e;
  }
  return { label: describeOperation(op), applied: run.applied, inverse: run.inverse() };
}

/** Applies already-checked steps (undo, redo) and returns what was applied and its inverse. */
export function replay(state: DocumentState, steps: readonly Step[], label: string): Execution {
  const run = new Run(state);
  for (const step of steps) run.step(step);
  return { label, applied: run.applied, inverse: run.inverse() };
}

class Run {
  readonly applied: AppliedStep[] = [];
  private readonly undo: Step[] = [];
  /** Entities written by this run: their rules (and their cells' rules) are re-checked. */
  private readonly touched = new Set<string>();
  private structural = false;

  constructor(private readonly state: DocumentState) {}

  step(step: Step): Applied {
    const result: Applied = this.state.apply(step);
    this.applied.push(result.neighbours ? { step, neighbours: result.neighbours } : { step });
    this.undo.push(result.inverse);
    return result;
  }

  inverse(): Step[] {
    return [...this.undo].reverse();
  }

  revert(): void {
    for (const s of this.inverse()) this.state.apply(s);
  }

  plan(op: Operation, where: string): void {
    const refuse = (path: string, message: string): never => {
      throw new OperationRefused([error(join(where, path), message)]);
    };
    const s = this.state;
    switch (op.type) {
      case "scorecard.update": {
        const allowed = ["title", "organization", "currency", "periodKind", "scoring"];
        for (const key of Object.keys(op.changes))
          if (!allowed.includes(key)) refuse(`scorecard.${key}`, "cannot be changed");
        const value = parseOrRefuse(ScorecardSchema, { ...s.scorecard, ...op.changes }, join(where, "scorecard"));
        this.structural = true;
        this.step({ kind: "scorecard", value });
        return;
      }
      case "create": {
        const collection = ENTITY_COLLECTION[op.entity];
        const row = parseOrRefuse(COLLECTIONS[collection] as z.ZodType, op.value, join(where, op.entity)) as EntityRow;
        if (s.find(row.id) || s.scorecard.id === row.id) refuse(`${op.entity}.id`, `id ${row.id} is already in use`);
        if (op.at !== undefined && op.at > s.list(collection).length) refuse("at", "is past the end of the list");
        this.put(collection, row, op.at);
        return;
      }
      case "update": {
        const collection = ENTITY_COLLECTION[op.entity];
        const before = s.get(collection, op.id) ?? refuse(`${op.entity}`, `no ${op.entity} has id ${op.id}`);
        if ("id" in op.changes) refuse(`${op.entity}.id`, "an id cannot be changed");
        const row = parseOrRefuse(
          COLLECTIONS[collection] as z.ZodType,
          { ...before, ...op.changes },
          join(where, labelOf(op.entity, before)),
        );
        this.put(collection, row as EntityRow);
        return;
      }
      case "delete": {
        const collection = ENTITY_COLLECTION[op.entity];
        if (!s.get(collection, op.id)) refuse(op.entity, `no ${op.entity} has id ${op.id}`);
        this.cascadeDelete(op.entity, op.id);
        return;
      }
      case "move": {
        const collection = ENTITY_COLLECTION[op.entity];
        if (!s.get(collection, op.id)) refuse(op.entity, `no ${op.entity} has id ${op.id}`);
        if (op.to >= s.list(collection).length) refuse("to", "is past the end of the list");
        this.structural = true;
        this.step({ kind: "move", collection, id: op.id, to: op.to });
        // Perspective order is also a field (0 = top band); keep it equal to the list position.
        if (collection === "perspectives") {
          s.list("perspectives").forEach((p, order) => {
            if (p.order !== order) this.step({ kind: "put", collection, row: { ...p, order } });
          });
        }
        return;
      }
      case "actual.set":
      case "periodTarget.set": {
        const collection: CellCollection = op.type === "actual.set" ? "actuals" : "periodTargets";
        const measure = s.get("measures", op.measureId) ?? refuse("measureId", `no measure has id ${op.measureId}`);
        const period = s.get("periods", op.periodId) ?? refuse("periodId", `no period has id ${op.periodId}`);
        // Named only when refusing: an import plans hundreds of thousands of these.
        const what = () =>
          `${op.type === "actual.set" ? "actual" : "period target"} of ${quote(measure.name)} in ${quote(period.label)}`;
        const field = op.type === "actual.set" ? "value" : "target";
        const value = parseOrRefuse(Num, op.type === "actual.set" ? op.value : op.target, () =>
          join(where, `${what()}.${field}`),
        );
        const problem = op.type === "actual.set" ? actualProblem(measure, value) : periodTargetProblem(measure, value);
        if (problem) refuse(`${what()}.${field}`, problem);
        const cell = { measureId: op.measureId, periodId: op.periodId };
        const row =
          op.type === "actual.set"
            ? {
                ...cell,
                value,
                note: parseOrRefuse(
                  Text,
                  op.note ?? s.cell("actuals", op.measureId, op.periodId)?.note ?? "",
                  () => `${what()}.note`,
                ),
              }
            : { ...cell, target: value };
        this.touched.add(op.measureId);
        this.step({ kind: "cell", collection, ...cell, row });
        return;
      }
      case "actual.clear":
      case "periodTarget.clear": {
        const collection: CellCollection = op.type === "actual.clear" ? "actuals" : "periodTargets";
        if (s.cell(collection, op.measureId, op.periodId)) {
          this.step({ kind: "cell", collection, measureId: op.measureId, periodId: op.periodId, row: null });
        }
        return;
      }
      case "batch":
        refuse("", "a batch cannot contain another batch");
    }
  }

  private put(collection: EntityCollection, row: EntityRow, at?: number): void {
    this.structural = true;
    this.touched.add(row.id);
    this.step(at === undefined ? { kind: "put", collection, row } : { kind: "put", collection, row, at });
  }

  /** Removes an entity and everything that refers to it, children first, so undo restores all. */
  private cascadeDelete(entity: EntityKind, id: string): void {
    const s = this.state;
    this.structural = true;
    const clearCells = (collection: CellCollection, measureId: string, periodIds: Iterable<string>) => {
      for (const periodId of [...periodIds]) this.step({ kind: "cell", collection, measureId, periodId, row: null });
    };
    switch (entity) {
      case "perspective":
        for (const o of s.list("objectives").filter((o) => o.perspectiveId === id))
          this.cascadeDelete("objective", o.id);
        break;
      case "objective":
        for (const l of s.list("links").filter((l) => l.fromId === id || l.toId === id)) {
          this.step({ kind: "remove", collection: "links", id: l.id });
        }
        for (const m of s.list("measures").filter((m) => m.objectiveId === id)) this.cascadeDelete("measure", m.id);
        break;
      case "measure":
        clearCells("actuals", id, s.cellsOf("actuals", id).keys());
        clearCells("periodTargets", id, s.cellsOf("periodTargets", id).keys());
        for (const i of s.list("impacts").filter((i) => i.measureId === id)) {
          this.step({ kind: "remove", collection: "impacts", id: i.id });
        }
        break;
      case "period":
        for (const c of ["actuals", "periodTargets"] as const) {
          for (const measureId of s.measuresWithCellIn(c, id)) clearCells(c, measureId, [id]);
        }
        break;
      case "investment":
        for (const i of s.list("impacts").filter((i) => i.investmentId === id)) {
          this.step({ kind: "remove", collection: "impacts", id: i.id });
        }
        for (const sc of s.list("scenarios").filter((sc) => Object.hasOwn(sc.spend, id))) {
          const { [id]: _dropped, ...spend } = sc.spend;
          this.step({ kind: "put", collection: "scenarios", row: { ...sc, spend } });
        }
        break;
      case "link":
      case "impact":
      case "scenario":
        break;
    }
    this.step({ kind: "remove", collection: ENTITY_COLLECTION[entity], id });
  }

  /**
   * Cross-entity rules over the new state. Cell edits were checked as they were planned; a
   * structural change re-runs the document rules. Measures are the one list that grows large
   * (10,000), and no rule relates one measure to another, so only the measures this run touched
   * — and those its impacts point at — are checked, with their cells and impacts; the smaller
   * lists are checked whole (links need all of theirs for the cycle rule).
   */
  check(): void {
    if (!this.structural) return;
    const s = this.state;
    const named: Record<string, unknown[]> = {};
    for (const c of ENTITY_COLLECTIONS) named[c] = [...s.list(c)];
    const impacts = s.list("impacts").filter((i) => this.touched.has(i.id) || this.touched.has(i.measureId));
    const measureIds = new Set([...this.touched, ...impacts.map((i) => i.measureId)]);
    named.impacts = impacts;
    named.measures = s.list("measures").filter((m) => measureIds.has(m.id));
    for (const c of ["actuals", "periodTargets"] as const) {
      named[c] = [];
      for (const measureId of this.touched) named[c].push(...s.cellsOf(c, measureId).values());
    }
    const rows: Record<string, Array<{ index: number; row: unknown }>> = {};
    for (const [c, list] of Object.entries(named)) rows[c] = list.map((row, index) => ({ index, row }));
    const errors = crossEntityProblems(rows as unknown as CheckedRows, s.scorecard).filter(
      (p) => p.severity === "error",
    );
    if (errors.length > 0) throw new OperationRefused(errors.map(problemNamer(named)));
  }
}

/** `measure “Uptime”`: what a person calls the entity an operation touched. */
function labelOf(entity: EntityKind, row: EntityRow): string {
  const name = "name" in row ? row.name : "label" in row ? row.label : "";
  return name ? `${entity} ${quote(name)}` : entity;
}

function join(where: string, path: string): string {
  return where && path ? `${where}.${path}` : where || path;
}

/** `path` may be a function, so a path that takes work to name is named only for a refusal. */
function parseOrRefuse<T>(schema: z.ZodType<T>, value: unknown, where: string | (() => string)): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const path = typeof where === "function" ? where() : where;
  throw new OperationRefused(
    parsed.error.issues.map((issue) => {
      const message = issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message;
      return error(formatPath([...(path ? [path] : []), ...issue.path]), message);
    }),
  );
}
