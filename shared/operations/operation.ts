/**
 * Edits as data. Every change to a document — from the renderer over IPC, from the CLI, from an
 * import — is one of these operations. They are plain JSON (serializable), carry a version on
 * the wire, and are validated at runtime before they are planned (plan.ts) and applied.
 */
import { z } from "zod";
import type { Scorecard, ScorecardDocument } from "../domain/types.ts";

/** Bump when an operation's shape changes; main refuses messages of another version. */
export const OPERATIONS_VERSION = 1;

/** Entity kinds addressed by id, and the document collection each lives in. */
export const ENTITY_COLLECTION = {
  perspective: "perspectives",
  objective: "objectives",
  link: "links",
  measure: "measures",
  period: "periods",
  investment: "investments",
  impact: "impacts",
  scenario: "scenarios",
} as const;

export type EntityKind = keyof typeof ENTITY_COLLECTION;
export type EntityCollection = (typeof ENTITY_COLLECTION)[EntityKind];
export type EntityOf<K extends EntityKind> = ScorecardDocument[(typeof ENTITY_COLLECTION)[K]][number];
export type EntityRow = ScorecardDocument[EntityCollection][number];
export type CellCollection = "actuals" | "periodTargets";

/** Scorecard fields an edit may change; id, timestamps and app version are kept by the store. */
export type ScorecardChanges = Partial<
  Pick<Scorecard, "title" | "organization" | "currency" | "periodKind" | "scoring">
>;

export type Operation =
  | { type: "scorecard.update"; changes: ScorecardChanges }
  | { [K in EntityKind]: { type: "create"; entity: K; value: EntityOf<K>; at?: number } }[EntityKind]
  | {
      [K in EntityKind]: { type: "update"; entity: K; id: string; changes: Partial<Omit<EntityOf<K>, "id">> };
    }[EntityKind]
  | { type: "delete"; entity: EntityKind; id: string }
  | { type: "move"; entity: EntityKind; id: string; to: number }
  | { type: "actual.set"; measureId: string; periodId: string; value: number; note?: string }
  | { type: "actual.clear"; measureId: string; periodId: string }
  | { type: "periodTarget.set"; measureId: string; periodId: string; target: number }
  | { type: "periodTarget.clear"; measureId: string; periodId: string }
  | { type: "batch"; label: string; operations: Operation[] };

/** What crosses a process boundary: the operation with the version it was written for. */
export interface OperationMessage {
  version: typeof OPERATIONS_VERSION;
  operation: Operation;
}

/** Enough for one import of a large scorecard's actuals (10,000 × 36), small enough to bound work. */
export const MAX_BATCH = 400_000;

const Entity = z.enum(Object.keys(ENTITY_COLLECTION) as [EntityKind, ...EntityKind[]]);
const Fields = z.record(z.string(), z.unknown());
const Cell = { measureId: z.string(), periodId: z.string() };

// Shapes only: values and changes are checked field by field against the entity's schema when the
// operation is planned, so their messages can name the entity and field.
const SINGLE_SHAPES = [
  z.strictObject({ type: z.literal("scorecard.update"), changes: Fields }),
  z.strictObject({ type: z.literal("create"), entity: Entity, value: Fields, at: z.int().min(0).optional() }),
  z.strictObject({ type: z.literal("update"), entity: Entity, id: z.string(), changes: Fields }),
  z.strictObject({ type: z.literal("delete"), entity: Entity, id: z.string() }),
  z.strictObject({ type: z.literal("move"), entity: Entity, id: z.string(), to: z.int().min(0) }),
  z.strictObject({ type: z.literal("actual.set"), ...Cell, value: z.number(), note: z.string().optional() }),
  z.strictObject({ type: z.literal("actual.clear"), ...Cell }),
  z.strictObject({ type: z.literal("periodTarget.set"), ...Cell, target: z.number() }),
  z.strictObject({ type: z.literal("periodTarget.clear"), ...Cell }),
] as const;
const Single = z.discriminatedUnion("type", SINGLE_SHAPES);
const Batch = z.strictObject({
  type: z.literal("batch"),
  label: z.string().max(200),
  operations: z.array(Single).max(MAX_BATCH),
});
const Message = z.strictObject({
  version: z.number(),
  // One discriminated union, so a broken operation's message names the field, not just "invalid input".
  operation: z.discriminatedUnion("type", [...SINGLE_SHAPES, Batch]),
});

export type ParsedMessage = { ok: true; operation: Operation } | { ok: false; message: string };

/** Checks the shape of an operation message from an untrusted sender (IPC, a script). */
export function parseOperationMessage(input: unknown): ParsedMessage {
  if (typeof input === "object" && input !== null && "version" in input && input.version !== OPERATIONS_VERSION) {
    return {
      ok: false,
      message: `operation version ${String(input.version)} is not supported (this app speaks version ${OPERATIONS_VERSION})`,
    };
  }
  const parsed = Message.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
    return { ok: false, message: `malformed operation${where}: ${issue?.message ?? "invalid"}` };
  }
  return { ok: true, operation: parsed.data.operation as Operation };
}

/** A short human label for undo menus ("Undo Edit measure"). */
export function describeOperation(op: Operation): string {
  switch (op.type) {
    case "scorecard.update":
      return "Edit scorecard settings";
    case "create":
      return `Add ${op.entity}`;
    case "update":
      return `Edit ${op.entity}`;
    case "delete":
      return `Delete ${op.entity}`;
    case "move":
      return `Move ${op.entity}`;
    case "actual.set":
    case "actual.clear":
      return "Edit actual";
    case "periodTarget.set":
    case "periodTarget.clear":
      return "Edit period target";
    case "batch":
      return op.label;
  }
}
