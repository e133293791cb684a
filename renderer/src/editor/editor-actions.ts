/**
 * The editor's structural actions (add, delete, move), shared by the outline and the inspector.
 * Each is one operation; the store checks it with the shared rules before it is sent.
 */
import { useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { Selection } from "../state/document-store.ts";
import { useStoreApi } from "../state/context.tsx";
import { newMeasure, newObjective, newPerspective, nextPeriod } from "./defaults.ts";
import { create } from "./ops.ts";
import { moveTarget, siblingPosition } from "./reorder.ts";

export type MovableKind = "perspective" | "objective" | "measure";
type DeletableKind = MovableKind | "period";

export interface EditorActions {
  /** The entity just added: its inspector focuses the name field once. */
  created: string | null;
  /** Forgets `created`, once the user has moved on (so coming back does not grab the focus). */
  clearCreated(): void;
  addPerspective(): Promise<void>;
  addObjective(perspectiveId: string): Promise<void>;
  addMeasure(objectiveId: string): Promise<void>;
  addPeriod(): Promise<void>;
  remove(kind: DeletableKind, id: string, then?: Selection): Promise<boolean>;
  /** Moves among its siblings by `delta` places (−1 up, +1 down). */
  moveBy(kind: MovableKind, id: string, delta: number): Promise<void>;
  /** Moves to place `siblingIndex` among its siblings (the list without it). */
  moveTo(kind: MovableKind, id: string, siblingIndex: number): Promise<void>;
}

/** The collection, and the sibling test, an entity of `kind` is reordered within. */
export function siblingsOf(doc: ScorecardDocument, kind: MovableKind, id: string) {
  switch (kind) {
    case "perspective":
      return { list: doc.perspectives, isSibling: () => true };
    case "objective": {
      const parent = doc.objectives.find((o) => o.id === id)?.perspectiveId;
      return { list: doc.objectives, isSibling: (o: { perspectiveId: string }) => o.perspectiveId === parent };
    }
    case "measure": {
      const parent = doc.measures.find((m) => m.id === id)?.objectiveId;
      return { list: doc.measures, isSibling: (m: { objectiveId: string }) => m.objectiveId === parent };
    }
  }
}

const today = () => new Date().toISOString().slice(0, 10);

export function useEditorActions(): EditorActions {
  const store = useStoreApi();
  const [created, setCreated] = useState<string | null>(null);

  const add = async (op: Parameters<ReturnType<typeof store.getState>["edit"]>[0], select: Selection) => {
    const result = await store.getState().edit(op);
    if (!result.ok || !select || select.kind === "scorecard") return;
    setCreated(select.id);
    store.getState().select(select);
  };
  const docOf = () => {
    const doc = store.getState().doc;
    if (!doc) throw new Error("no document is open");
    return doc;
  };
  const moveTo = async (kind: MovableKind, id: string, siblingIndex: number) => {
    const { list, isSibling } = siblingsOf(docOf(), kind, id);
    const to = moveTarget(list as Array<{ id: string }>, id, isSibling as (r: { id: string }) => boolean, siblingIndex);
    if (to !== null) await store.getState().edit({ type: "move", entity: kind, id, to });
  };

  return {
    created,
    clearCreated: () => setCreated(null),
    async addPerspective() {
      const p = newPerspective(docOf(), crypto.randomUUID());
      await add(create("perspective", p), { kind: "perspective", id: p.id });
    },
    async addObjective(perspectiveId) {
      const o = newObjective(perspectiveId, crypto.randomUUID());
      await add(create("objective", o), { kind: "objective", id: o.id });
    },
    async addMeasure(objectiveId) {
      const m = newMeasure(docOf(), objectiveId, crypto.randomUUID());
      await add(create("measure", m), { kind: "measure", id: m.id });
    },
    async addPeriod() {
      const doc = docOf();
      const p = nextPeriod(doc.periods, doc.scorecard.periodKind, today(), crypto.randomUUID());
      await add(create("period", p), { kind: "period", id: p.id });
    },
    async remove(kind, id, then) {
      const result = await store.getState().edit({ type: "delete", entity: kind, id });
      if (result.ok && then !== undefined) store.getState().select(then);
      return result.ok;
    },
    async moveBy(kind, id, delta) {
      const { list, isSibling } = siblingsOf(docOf(), kind, id);
      const { index } = siblingPosition(list as Array<{ id: string }>, id, isSibling as (r: { id: string }) => boolean);
      if (index + delta >= 0) await moveTo(kind, id, index + delta);
    },
    moveTo,
  };
}
