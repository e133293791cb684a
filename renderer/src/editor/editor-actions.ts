/**
 * The editor's structural actions (select, add, delete, move), shared by the outline and the
 * inspector. Each is one edit; the store checks it with the shared rules before it is sent.
 */
import { useState } from "react";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { Edit } from "../state/document-store.ts";
import { useStoreApi } from "../state/context.tsx";
import { newMeasure, newObjective, newPerspective, nextPeriod } from "./defaults.ts";
import { create } from "./ops.ts";
import { keySelection, PERIODS_KEY } from "./outline-tree.ts";
import { type MovableKind, moveOperation, shownIndex } from "./reorder.ts";

type DeletableKind = MovableKind | "period";

/** What the outline and the inspector are both drawn from. */
export interface PaneProps {
  doc: ScorecardDocument;
  selectedKey: string | null;
  actions: EditorActions;
}

export interface EditorActions {
  /** The entity just added: its inspector focuses the name field once. */
  created: string | null;
  /** The "Periods" row is not an item the store can select; the editor remembers it itself. */
  periodsRow: boolean;
  /** Selects an outline row by key (and forgets `created`: the user has moved on). */
  selectRow(key: string): void;
  /** The outline row to move the keyboard focus to once it is rendered; `focusRow(null)` when done. */
  focusKey: string | null;
  focusRow(key: string | null): void;
  addPerspective(): Promise<void>;
  addObjective(perspectiveId: string): Promise<void>;
  addMeasure(objectiveId: string): Promise<void>;
  addPeriod(): Promise<void>;
  /** Deletes; with `next` (an outline key), selects and focuses that row once the delete is done. */
  remove(kind: DeletableKind, id: string, next?: string): Promise<boolean>;
  /** Moves among its siblings by `delta` places (−1 up, +1 down). */
  moveBy(kind: MovableKind, id: string, delta: number): Promise<void>;
  /** Moves to place `siblingIndex` among its siblings as the outline shows them (without it). */
  moveTo(kind: MovableKind, id: string, siblingIndex: number): Promise<void>;
}

const today = () => new Date().toISOString().slice(0, 10);

export function useEditorActions(): EditorActions {
  const store = useStoreApi();
  const [created, setCreated] = useState<string | null>(null);
  const [periodsRow, setPeriodsRow] = useState(false);
  const [focusKey, setFocusKey] = useState<string | null>(null);

  const selectRow = (key: string) => {
    setPeriodsRow(key === PERIODS_KEY);
    setCreated(null);
    store.getState().select(keySelection(key));
  };
  const add = async (op: Edit, id: string, kind: "perspective" | "objective" | "measure" | "period") => {
    const result = await store.getState().edit(op);
    if (!result.ok) return;
    setPeriodsRow(false);
    setCreated(id);
    store.getState().select({ kind, id });
  };
  const docOf = () => {
    const doc = store.getState().doc;
    if (!doc) throw new Error("no document is open");
    return doc;
  };
  // Built when the edit's turn comes, so quick repeated moves each start where the last one left it.
  const moveTo = async (kind: MovableKind, id: string, siblingIndex: number) => {
    await store.getState().edit((doc) => moveOperation(doc, kind, id, siblingIndex));
  };

  return {
    created,
    periodsRow,
    selectRow,
    focusKey,
    focusRow: setFocusKey,
    async addPerspective() {
      const p = newPerspective(docOf(), crypto.randomUUID());
      await add(create("perspective", p), p.id, "perspective");
    },
    async addObjective(perspectiveId) {
      const o = newObjective(perspectiveId, crypto.randomUUID());
      await add(create("objective", o), o.id, "objective");
    },
    async addMeasure(objectiveId) {
      const m = newMeasure(docOf(), objectiveId, crypto.randomUUID());
      await add(create("measure", m), m.id, "measure");
    },
    async addPeriod() {
      const doc = docOf();
      const p = nextPeriod(doc.periods, doc.scorecard.periodKind, today(), crypto.randomUUID());
      await add(create("period", p), p.id, "period");
    },
    async remove(kind, id, next) {
      const result = await store.getState().edit({ type: "delete", entity: kind, id });
      if (result.ok && next !== undefined) {
        selectRow(next);
        setFocusKey(next);
      }
      return result.ok;
    },
    async moveBy(kind, id, delta) {
      await store.getState().edit((doc) => {
        const index = shownIndex(doc, kind, id);
        return index < 0 || index + delta < 0 ? null : moveOperation(doc, kind, id, index + delta);
      });
    },
    moveTo,
  };
}
