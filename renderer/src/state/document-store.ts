/**
 * The window's state: the open document (or none: the start screen), what undo and redo would do,
 * whether the last edit reached the file, and which view, period and item the user is looking at.
 *
 * Edits travel as operations: checked here with the shared rules (dry-run.ts), sent to main, and
 * applied here only from the steps main reports after it committed them. A refused or failed edit
 * therefore never shows as done: the document stays as the file has it, and the error is shown.
 */
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Command, DocumentSnapshot, History, ScorecardApi } from "../../../shared/api/contract.ts";
import type { ApiError } from "../../../shared/api/errors.ts";
import { replay } from "../../../shared/operations/execute.ts";
import { OPERATIONS_VERSION, type Operation } from "../../../shared/operations/operation.ts";
import { DocumentState } from "../../../shared/operations/state.ts";
import { formatProblem } from "../../../shared/domain/problems.ts";
import type { Problem, ScorecardDocument } from "../../../shared/domain/types.ts";
import { problemsOf } from "./dry-run.ts";

export const VIEWS = [
  { key: "scorecard", label: "Scorecard", ready: true },
  { key: "framework", label: "Framework", ready: true },
  { key: "actuals", label: "Actuals", ready: true },
  { key: "strategy-map", label: "Strategy Map", ready: false },
  { key: "what-if", label: "What-If", ready: false },
  { key: "scenarios", label: "Scenarios", ready: false },
] as const;
export type ViewKey = (typeof VIEWS)[number]["key"];

/** The item the scorecard view and the framework editor have selected. */
export type Selection =
  | { kind: "scorecard" }
  | { kind: "perspective" | "objective" | "measure" | "link" | "period"; id: string }
  | null;

/** What the user is told after something did not work; shown until dismissed or replaced. */
export interface Notice {
  title: string;
  message: string;
  problems: string[];
}

/** The outcome of one edit, for the editor that asked: accepted, or why not. */
export type EditResult = { ok: true } | { ok: false; problems: Problem[]; message: string };

export interface DocumentStoreState {
  phase: "loading" | "start" | "open";
  fileName: string;
  /** The document as the file has it; a new object after every committed change. */
  doc: ScorecardDocument | null;
  warnings: Problem[];
  history: History;
  /** Edits sent and not yet answered. */
  pending: number;
  /** The last edit did not reach the file (cleared by the next edit that does). */
  saveFailed: boolean;
  notice: Notice | null;
  view: ViewKey;
  /** null: the latest period. */
  periodIndex: number | null;
  selection: Selection;
  /** A dialog over the window: a new document from a template, or a share copy. */
  dialog: "new-from-template" | "share" | null;
}

export interface DocumentActions {
  /** Asks main for this window's document (at start, and when main replaced it). */
  load(): Promise<void>;
  /** Shows a snapshot main returned (open, create, Save As). */
  show(snapshot: DocumentSnapshot): void;
  /** Checks `op` locally, sends it, and applies what main committed. */
  edit(op: Operation): Promise<EditResult>;
  /** The same check without sending: for inline validation while typing. */
  check(op: Operation): Problem[];
  undo(): Promise<void>;
  redo(): Promise<void>;
  close(): Promise<void>;
  setView(view: ViewKey): void;
  setPeriod(index: number | null): void;
  select(selection: Selection): void;
  /** Reports a failed request to the user. */
  report(title: string, error: ApiError): void;
  dismissNotice(): void;
  openDialog(dialog: DocumentStoreState["dialog"]): void;
  /** Carries out a menu command that main sent. */
  command(command: Command): void;
}

export type DocumentStore = StoreApi<DocumentStoreState & DocumentActions>;

const NO_HISTORY: History = { undo: null, redo: null };

export function createDocumentStore(api: ScorecardApi): DocumentStore {
  // The editable copy lives outside React state: steps mutate it, and `doc` is its latest snapshot.
  let state: DocumentState | null = null;
  // Edits, undo and redo run one at a time, in the order the user made them.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  };

  const store = createStore<DocumentStoreState & DocumentActions>()((set, get) => {
    const noticeOf = (title: string, error: ApiError): Notice => ({
      title,
      message: error.message,
      problems: error.problems ?? [],
    });

    /** Applies what main committed (an edit, an undo, a redo) to the local copy. */
    const applyChange = (steps: Parameters<typeof replay>[1], label: string, history: History) => {
      if (!state) return;
      replay(state, steps, label);
      set({ doc: state.document(), history, saveFailed: false });
    };

    const travel = (direction: "undo" | "redo") =>
      serial(async () => {
        if (!state) return;
        set((s) => ({ pending: s.pending + 1 }));
        const result = await api[direction]({});
        set((s) => ({ pending: s.pending - 1 }));
        if (!result.ok) {
          set({
            saveFailed: result.error.kind === "write-failed",
            notice: noticeOf(`Could not ${direction}`, result.error),
          });
          return;
        }
        if (result.value) applyChange(result.value.steps, result.value.label, result.value.history);
      });

    return {
      phase: "loading",
      fileName: "",
      doc: null,
      warnings: [],
      history: NO_HISTORY,
      pending: 0,
      saveFailed: false,
      notice: null,
      view: "scorecard",
      periodIndex: null,
      selection: null,
      dialog: null,

      async load() {
        const result = await api.getDocument({});
        if (!result.ok) {
          set({ phase: "start", notice: noticeOf("Could not load the document", result.error) });
          return;
        }
        if (result.value) get().show(result.value);
        else {
          state = null;
          set({ phase: "start", doc: null, fileName: "", history: NO_HISTORY, warnings: [] });
        }
      },

      show(snapshot) {
        state = new DocumentState(snapshot.document);
        set({
          phase: "open",
          fileName: snapshot.fileName,
          doc: state.document(),
          warnings: snapshot.warnings,
          history: snapshot.history,
          saveFailed: false,
          notice: null,
          periodIndex: null,
          selection: null,
          dialog: null,
        });
      },

      check(op) {
        return state ? problemsOf(state, op) : [];
      },

      edit(op) {
        return serial(async (): Promise<EditResult> => {
          if (!state) return { ok: false, problems: [], message: "No document is open." };
          const problems = problemsOf(state, op);
          if (problems.length > 0) {
            const message = formatProblem(problems[0] as Problem);
            set({ notice: { title: "This change was not made", message, problems: problems.map(formatProblem) } });
            return { ok: false, problems, message };
          }
          set((s) => ({ pending: s.pending + 1 }));
          const result = await api.applyOperation({ message: { version: OPERATIONS_VERSION, operation: op } });
          set((s) => ({ pending: s.pending - 1 }));
          if (!result.ok) {
            // Nothing was applied here: the screen keeps showing what the file holds.
            const title =
              result.error.kind === "write-failed"
                ? "The change could not be saved and was undone"
                : "This change was not made";
            set({ saveFailed: result.error.kind === "write-failed", notice: noticeOf(title, result.error) });
            return { ok: false, problems: [], message: result.error.message };
          }
          applyChange(result.value.steps, result.value.label, result.value.history);
          return { ok: true };
        });
      },

      undo: () => travel("undo"),
      redo: () => travel("redo"),

      async close() {
        const result = await api.closeDocument({});
        if (!result.ok) get().report("Could not close the document", result.error);
      },

      setView: (view) => {
        if (VIEWS.some((v) => v.key === view && v.ready)) set({ view });
      },
      setPeriod: (periodIndex) => set({ periodIndex }),
      select: (selection) => set({ selection }),
      report: (title, error) => set({ notice: noticeOf(title, error) }),
      dismissNotice: () => set({ notice: null }),
      openDialog: (dialog) => set({ dialog }),

      command(command) {
        const s = get();
        switch (command) {
          case "undo":
            void s.undo();
            return;
          case "redo":
            void s.redo();
            return;
          case "view-scorecard":
            s.setView("scorecard");
            return;
          case "view-strategy-map":
            s.setView("strategy-map");
            return;
          case "view-what-if":
            s.setView("what-if");
            return;
          case "view-scenarios":
            s.setView("scenarios");
            return;
          case "new-from-template":
            s.openDialog("new-from-template");
            return;
          case "share":
            if (s.doc) s.openDialog("share");
            return;
          case "toggle-workshop":
            // Workshop mode arrives with the strategy map and what-if views.
            return;
        }
      },
    };
  });

  return store;
}
