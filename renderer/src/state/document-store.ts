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
  { key: "scorecard", label: "Scorecard" },
  { key: "framework", label: "Framework" },
  { key: "actuals", label: "Actuals" },
  { key: "strategy-map", label: "Strategy Map" },
  { key: "what-if", label: "What-If" },
  { key: "scenarios", label: "Scenarios" },
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

/**
 * An edit: an operation, or a function that builds it from the document as it stands when the
 * edit's turn comes. Editors that change part of a value (a band's low end, one threshold) use
 * the function, so an edit queued behind another builds on its result, not on a stale copy.
 */
export type Edit = Operation | ((doc: ScorecardDocument) => Operation | null);

/**
 * `checkedAgainst`: the document the operation was already checked against with the same rules
 * (a planned import: hundreds of thousands of values). The local dry run is skipped only while
 * the store still shows that very document object; main checks it regardless.
 */
export interface EditOptions {
  checkedAgainst?: ScorecardDocument;
}

/** The outcome of one edit, for the editor that asked: accepted, or why not. */
export type EditResult = { ok: true } | { ok: false; problems: Problem[]; message: string };

export interface DocumentStoreState {
  phase: "loading" | "start" | "open";
  fileName: string;
  /** The document as the file has it; a new object after every committed change. */
  doc: ScorecardDocument | null;
  history: History;
  /** Edits sent and not yet answered. */
  pending: number;
  /** The last edit did not reach the file (cleared by the next edit that does). */
  saveFailed: boolean;
  notice: Notice | null;
  view: ViewKey;
  /** The period shown, by id; null: the latest. */
  periodId: string | null;
  selection: Selection;
  /** A dialog over the window: a new document from a template, a share copy, the PDF report, an import of actuals. */
  dialog: "new-from-template" | "share" | "report" | "import" | null;
  /**
   * The what-if sliders: spend per investment id, for investments moved away from their base.
   * A draft of the window, not of the file: "Save as scenario" writes it to the file.
   */
  spend: Readonly<Record<string, number>>;
  /** Workshop mode: full screen, large type, the map and the what-if side by side. */
  workshop: boolean;
}

export interface DocumentActions {
  /** Asks main for this window's document (at start, and when main replaced it). */
  load(): Promise<void>;
  /** Shows a snapshot main returned (open, create, Save As). */
  show(snapshot: DocumentSnapshot): void;
  /** Checks the edit locally (unless `options` says it was), sends it, and applies what main committed. */
  edit(edit: Edit, options?: EditOptions): Promise<EditResult>;
  /** The same check without sending: for inline validation while typing. */
  check(edit: Edit): Problem[];
  undo(): Promise<void>;
  redo(): Promise<void>;
  setView(view: ViewKey): void;
  setPeriod(periodId: string | null): void;
  select(selection: Selection): void;
  /** Reports a failed request to the user. */
  report(title: string, error: ApiError): void;
  dismissNotice(): void;
  openDialog(dialog: DocumentStoreState["dialog"]): void;
  /** Carries out a menu command that main sent. */
  command(command: Command): void;
  /** Moves one what-if slider. */
  setSpend(investmentId: string, spend: number): void;
  /** Replaces every slider at once (an optimizer's proposal, a saved scenario); {} resets to base. */
  setSpends(spend: Readonly<Record<string, number>>): void;
  /** Enters or leaves workshop mode, asking main to fill the screen or give it back. */
  setWorkshop(on: boolean): Promise<void>;
}

export type DocumentStore = StoreApi<DocumentStoreState & DocumentActions>;

const NO_HISTORY: History = { undo: null, redo: null };

export function createDocumentStore(api: ScorecardApi): DocumentStore {
  // The editable copy lives outside React state: steps mutate it, and `doc` is its latest snapshot.
  let state: DocumentState | null = null;
  // Bumped when another document is shown: an answer for the one before is then not applied.
  let generation = 0;
  const resolve = (edit: Edit): Operation | null =>
    typeof edit === "function" ? (state ? edit(state.document()) : null) : edit;
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
        const asked = generation;
        set((s) => ({ pending: s.pending + 1 }));
        const result = await api[direction]({});
        set((s) => ({ pending: s.pending - 1 }));
        if (asked !== generation) return;
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
      history: NO_HISTORY,
      pending: 0,
      saveFailed: false,
      notice: null,
      view: "scorecard",
      periodId: null,
      selection: null,
      dialog: null,
      spend: {},
      workshop: false,

      // In the queue: an edit sent before the document was replaced is answered first.
      load: () =>
        serial(async () => {
          const result = await api.getDocument({});
          if (!result.ok) {
            set({ phase: "start", notice: noticeOf("Could not load the document", result.error) });
            return;
          }
          if (result.value) get().show(result.value);
          else {
            state = null;
            generation++;
            set({ phase: "start", doc: null, fileName: "", history: NO_HISTORY });
          }
        }),

      show(snapshot) {
        state = new DocumentState(snapshot.document);
        generation++;
        set({
          phase: "open",
          fileName: snapshot.fileName,
          doc: state.document(),
          history: snapshot.history,
          saveFailed: false,
          // Findings that did not stop the file from opening are said once, on opening.
          notice:
            snapshot.warnings.length > 0
              ? {
                  title: "Opened with warnings",
                  message:
                    snapshot.warnings.length === 1
                      ? `${snapshot.fileName} opened. ${formatProblem(snapshot.warnings[0] as Problem)}`
                      : `${snapshot.fileName} opened; ${snapshot.warnings.length} things need a look.`,
                  problems: snapshot.warnings.map(formatProblem),
                }
              : null,
          periodId: null,
          selection: null,
          dialog: null,
          spend: {},
        });
      },

      check(edit) {
        const op = resolve(edit);
        return state && op ? problemsOf(state, op) : [];
      },

      edit(edit, options) {
        return serial(async (): Promise<EditResult> => {
          if (!state) return { ok: false, problems: [], message: "No document is open." };
          const op = resolve(edit);
          if (!op) return { ok: true };
          const checked = options?.checkedAgainst !== undefined && options.checkedAgainst === get().doc;
          const problems = checked ? [] : problemsOf(state, op);
          if (problems.length > 0) {
            const message = formatProblem(problems[0] as Problem);
            set({ notice: { title: "This change was not made", message, problems: problems.map(formatProblem) } });
            return { ok: false, problems, message };
          }
          const asked = generation;
          set((s) => ({ pending: s.pending + 1 }));
          const result = await api.applyOperation({ message: { version: OPERATIONS_VERSION, operation: op } });
          set((s) => ({ pending: s.pending - 1 }));
          if (asked !== generation) return { ok: false, problems: [], message: "The document was replaced." };
          if (!result.ok) {
            // The request may have been committed before the channel failed: ask main what the file holds.
            if (result.error.kind === "internal") void get().load();
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

      setView: (view) => {
        if (VIEWS.some((v) => v.key === view)) set({ view });
      },
      setPeriod: (periodId) => set({ periodId }),
      select: (selection) => set({ selection }),
      report: (title, error) => set({ notice: noticeOf(title, error) }),
      dismissNotice: () => set({ notice: null }),
      openDialog: (dialog) => set({ dialog }),

      command(command) {
        const s = get();
        // A menu command never replaces an open dialog (one may be mid-save, printing its page).
        const dialogFree = s.dialog === null;
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
            if (dialogFree) s.openDialog("new-from-template");
            return;
          case "share":
            if (s.doc && dialogFree) s.openDialog("share");
            return;
          case "export-pdf":
            if (s.doc && dialogFree) s.openDialog("report");
            return;
          case "import-actuals":
            if (s.doc && dialogFree) s.openDialog("import");
            return;
          case "toggle-workshop":
            if (s.doc) void s.setWorkshop(!s.workshop);
            return;
        }
      },

      setSpend: (investmentId, spend) => set((s) => ({ spend: { ...s.spend, [investmentId]: spend } })),
      setSpends: (spend) => set({ spend }),

      async setWorkshop(on) {
        set({ workshop: on });
        // The mode works in a window too; a refusal to fill the screen is not worth a notice.
        await api.setFullScreen({ on });
      },
    };
  });

  return store;
}
