/**
 * What the comparison view does to the saved scenarios, as operations (so each is one undo step),
 * and which scenarios are chosen for the comparison. Pure functions, tested on their own.
 */
import { LIMITS } from "../../../shared/domain/limits.ts";
import type { Scenario } from "../../../shared/domain/types.ts";
import type { Operation } from "../../../shared/operations/operation.ts";
import { firstFreeName } from "../common/free-name.ts";
import { MAX_COMPARED } from "./comparison.ts";

/**
 * "Copy of X", or "Copy of X (2)", "(3)" … when that name is taken; X is shortened with "…" so the
 * name stays within the name limit however long X is.
 */
export function duplicateName(name: string, taken: Iterable<string>): string {
  const base = `Copy of ${name.trim()}`;
  return firstFreeName(taken, (n) => {
    const suffix = n === 1 ? "" : ` (${n})`;
    const room = LIMITS.nameMax - suffix.length;
    return `${base.length > room ? `${cut(base, room - 1)}…` : base}${suffix}`;
  });
}

/** The name "Save as scenario…" suggests: "Scenario 4", the first such name the file does not use. */
export function suggestedScenarioName(taken: readonly string[]): string {
  return firstFreeName(taken, (n) => `Scenario ${n}`, taken.length + 1);
}

/**
 * The first `length` UTF-16 units of `text` (the unit the name limit counts), one less where the
 * cut would split a surrogate pair, so an emoji is never cut in half.
 */
function cut(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/** A new scenario with the same spend and notes as `scenario`, placed right after it. */
export function duplicateOp(scenarios: readonly Scenario[], scenario: Scenario, id: string, now: string): Operation {
  const at = scenarios.findIndex((s) => s.id === scenario.id);
  return {
    type: "create",
    entity: "scenario",
    value: {
      id,
      name: duplicateName(
        scenario.name,
        scenarios.map((s) => s.name),
      ),
      notes: scenario.notes,
      spend: { ...scenario.spend },
      createdAt: now,
    },
    ...(at >= 0 ? { at: at + 1 } : {}),
  };
}

export function renameOp(id: string, name: string): Operation {
  return { type: "update", entity: "scenario", id, changes: { name } };
}

export function deleteOp(id: string): Operation {
  return { type: "delete", entity: "scenario", id };
}

/**
 * The scenarios compared, in the order they were picked: the ids of `choice` that still exist, at
 * most MAX_COMPARED. Without a choice yet, the first two. A scenario deleted and brought back by
 * undo keeps its place, because the choice keeps its id.
 */
export function chosenScenarios(scenarios: readonly Scenario[], choice: readonly string[] | null): Scenario[] {
  if (choice === null) return scenarios.slice(0, 2);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  return choice
    .map((id) => byId.get(id))
    .filter((s): s is Scenario => s !== undefined)
    .slice(0, MAX_COMPARED);
}

/** The choice after a checkbox was ticked or cleared; a fifth scenario is not added. */
export function toggleChoice(shown: readonly Scenario[], id: string, on: boolean): string[] {
  const ids = shown.map((s) => s.id);
  if (!on) return ids.filter((x) => x !== id);
  if (ids.includes(id) || ids.length >= MAX_COMPARED) return ids;
  return [...ids, id];
}

/**
 * Scenarios that appeared since the view last looked (saved in What-If, duplicated here) join the
 * comparison while there is room, so a scenario just saved is on screen at once. The ids of
 * deleted scenarios stay in the choice, so undoing a delete brings the column back in its place.
 */
export function withNewScenarios(
  scenarios: readonly Scenario[],
  choice: readonly string[],
  known: ReadonlySet<string>,
): string[] {
  const next = [...choice];
  let shown = chosenScenarios(scenarios, next).length;
  for (const s of scenarios) {
    if (shown >= MAX_COMPARED) break;
    if (known.has(s.id) || next.includes(s.id)) continue;
    next.push(s.id);
    shown++;
  }
  return next;
}

/** What the view remembers about the choice: the ids picked, and every scenario it has seen. */
export interface Choice {
  /** Ids in the order picked; ids of deleted scenarios stay (see withNewScenarios). */
  choice: string[];
  /** Scenarios the view has seen: any other one is new and joins the comparison. */
  known: ReadonlySet<string>;
}

/**
 * When the view first opens: the first two scenarios. Scenarios made since the window opened
 * (`openedAt`, e.g. saved in What-If before the first visit here) count as new, so they join the
 * comparison as they would had the view been open when they were saved.
 */
export function initialChoice(scenarios: readonly Scenario[], openedAt = Number.POSITIVE_INFINITY): Choice {
  const older = scenarios.filter((s) => !(Date.parse(s.createdAt) >= openedAt));
  return { choice: chosenScenarios(older, null).map((s) => s.id), known: new Set(older.map((s) => s.id)) };
}

/** The choice once the document holds `scenarios`; null when no scenario is new to it. */
export function updatedChoice(state: Choice, scenarios: readonly Scenario[]): Choice | null {
  if (scenarios.every((s) => state.known.has(s.id))) return null;
  return {
    choice: withNewScenarios(scenarios, state.choice, state.known),
    known: new Set([...state.known, ...scenarios.map((s) => s.id)]),
  };
}
