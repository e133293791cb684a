/**
 * The Import Actuals dialog's form without React: cells shown as one-line text, the column
 * choices, the header-row field, the guess and its fallback, and the mapping handed to the planner.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { planImport } from "../../shared/interchange/actuals-import.ts";
import { cellText, type ImportFile, type Sheet } from "../../shared/interchange/table.ts";
import { newScorecard } from "../../shared/templates/index.ts";
import { idSequence, NOW } from "../support/docs.ts";
import {
  columnChoices,
  defaultForm,
  formOf,
  guessForm,
  headerRowOf,
  importLabel,
  MAX_COLUMNS,
  mappingOf,
  previewRange,
  sheetWidth,
} from "../../renderer/src/import/import-form.ts";
import { shortText } from "../../shared/domain/readable-path.ts";
import { type PlanReply, type PlanRequest, PlanWorker } from "../../renderer/src/import/plan-protocol.ts";
import {
  packBatch,
  SUMMARY_ENTRIES,
  SUMMARY_PROBLEMS,
  summarize,
  type PlanSummary,
  unpackBatch,
} from "../../renderer/src/import/plan-summary.ts";

const demo = (): ScorecardDocument => newScorecard("demo", { newId: idSequence(), now: NOW, appVersion: "test" });
const file = (...sheets: Sheet[]): ImportFile => ({ fileName: "actuals.csv", sheets });

describe("cells as text", () => {
  it("shows each kind of cell as the spreadsheet would", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText("Uptime")).toBe("Uptime");
    expect(cellText(12.5)).toBe("12.5");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ formula: "1+1" })).toBe("=1+1");
    expect(cellText({ formula: "=SUM(A1:A3)" })).toBe("=SUM(A1:A3)");
    expect(cellText({ percent: 0.995 })).toBe("99.5%");
  });

  it("shows a cell as the text a row's problem quotes: trimmed, without the CSV formula guard", () => {
    const doc = demo();
    const measure = doc.measures[0]?.name as string;
    const period = doc.periods[0]?.label as string;
    const sheet: Sheet = {
      name: "CSV",
      rows: [
        ["measure", "period", "value"],
        [measure, period, "  '=1+2 "],
      ],
    };
    const problems = planImport(file(sheet), mappingOf(defaultForm(file(sheet), 0)), doc).problems;
    const shown = cellText(sheet.rows[1]?.[2]);
    expect(shown).toBe("=1+2");
    expect(problems).toEqual([{ row: 2, column: "C", message: `“${shown}” is a formula; only numbers are imported` }]);
  });

  it("keeps untrusted text on one line, short, and without direction tricks", () => {
    expect(shortText("a\nb\tc", 40)).toBe("a b c");
    expect(shortText("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
    expect(shortText("evil\u202Ename", 40)).not.toContain("\u202E");
  });
});

describe("columns", () => {
  it("labels each column with its letter and its header", () => {
    const sheet: Sheet = {
      name: "s",
      rows: [
        ["Measure", null, "Value"],
        ["a", "2025-Q1", 1, "extra"],
      ],
    };
    expect(sheetWidth(sheet)).toBe(4);
    expect(columnChoices(sheet, 0).map((c) => c.label)).toEqual(["A · Measure", "B", "C · Value", "D"]);
    // Another header row renames them.
    expect(columnChoices(sheet, 1).map((c) => c.label)).toEqual(["A · a", "B · 2025-Q1", "C · 1", "D · extra"]);
  });

  it("offers a bounded number of columns on a very wide sheet, and one on an empty sheet", () => {
    const wide: Sheet = { name: "w", rows: [Array.from({ length: 5000 }, (_, i) => `h${i}`)] };
    expect(columnChoices(wide, 0)).toHaveLength(MAX_COLUMNS);
    expect(columnChoices({ name: "e", rows: [] }, 0).map((c) => c.label)).toEqual(["A"]);
  });
});

describe("the header-row field", () => {
  it("reads a row number of the sheet, and nothing else", () => {
    expect(headerRowOf("1", 10)).toBe(0);
    expect(headerRowOf(" 10 ", 10)).toBe(9);
    expect(headerRowOf("11", 10)).toBeNull();
    expect(headerRowOf("0", 10)).toBeNull();
    expect(headerRowOf("", 10)).toBeNull();
    expect(headerRowOf("2.5", 10)).toBeNull();
    expect(headerRowOf("-1", 10)).toBeNull();
  });
});

describe("the preview's rows", () => {
  const sheet: Sheet = { name: "s", rows: Array.from({ length: 20 }, (_, i) => [`r${i + 1}`]) };
  it("starts at the top while the header is there, and follows a lower header row", () => {
    expect(previewRange(sheet, 0).first).toBe(0);
    expect(previewRange(sheet, 0).rows).toHaveLength(10);
    expect(previewRange(sheet, 10).first).toBe(8);
    // Never past the end: the last rows stay a full window.
    expect(previewRange(sheet, 19).first).toBe(10);
    expect(previewRange({ name: "t", rows: [["a"], ["b"]] }, 1)).toEqual({ first: 0, rows: [["a"], ["b"]] });
  });
});

describe("the form and the mapping", () => {
  it("guesses a rows layout from the header names", () => {
    const doc = demo();
    const measure = doc.measures[0]?.name ?? "";
    const csv = file({
      name: "actuals",
      rows: [
        ["Note", "Measure", "Period", "Value"],
        ["", measure, "2025-Q1", 3],
      ],
    });
    const { form, unrecognised } = guessForm(csv, doc);
    expect(unrecognised).toBeNull();
    expect(form).toMatchObject({ layout: "rows", headerRow: 0, measureColumn: 1, measureBy: "name" });
    expect(form).toMatchObject({ periodColumn: 2, valueColumn: 3, noteColumn: 0 });
  });

  it("falls back to defaults and says why when nothing is recognised", () => {
    const csv = file({
      name: "x",
      rows: [
        ["foo", "bar"],
        ["1", "2"],
      ],
    });
    const { form, unrecognised } = guessForm(csv, demo());
    expect(form).toEqual(defaultForm(csv, 0));
    expect(form).toMatchObject({ layout: "rows", measureColumn: 0, periodColumn: 1, valueColumn: 1 });
    expect(unrecognised).toMatch(/no measure, period, value column/);
  });

  it("guesses a picked sheet on its own, keeping its index", () => {
    const doc = demo();
    const book = file(
      { name: "Notes", rows: [["just text"]] },
      { name: "Grid", rows: [["Measure", "2025-Q1", "2025-Q2"]] },
    );
    expect(guessForm(book, doc, 0).unrecognised).not.toBeNull();
    const grid = guessForm(book, doc, 1);
    expect(grid.unrecognised).toBeNull();
    expect(grid.form).toMatchObject({ sheet: 1, layout: "columns", measureColumn: 0 });
  });

  it("keeps the rows layout's columns across a switch to columns and back", () => {
    const csv = file({ name: "s", rows: [["a", "b", "c", "d"]] });
    const form = { ...defaultForm(csv, 0), periodColumn: 3, valueColumn: 2, noteColumn: 1 };
    const columns = mappingOf({ ...form, layout: "columns" });
    expect(columns).toMatchObject({ periodColumn: null, valueColumn: null, noteColumn: null });
    expect(mappingOf(form)).toMatchObject({ periodColumn: 3, valueColumn: 2, noteColumn: 1 });
    // A columns guess fills the rows columns with defaults, so switching layout has something to show.
    expect(formOf(columns, csv)).toMatchObject({ periodColumn: 1, valueColumn: 2, noteColumn: null });
  });

  it("hands the planner a mapping it plans with", () => {
    const doc = demo();
    const [m] = doc.measures;
    const csv = file({
      name: "s",
      rows: [
        ["Measure", "Period", "Value"],
        [m?.name ?? "", "2025-Q1", 7],
      ],
    });
    const plan = planImport(csv, mappingOf(guessForm(csv, doc).form), doc, importLabel(csv.fileName));
    expect(plan.problemCount).toBe(0);
    expect(plan.operation.label).toBe("Import “actuals.csv”");
    expect(plan.entries).toHaveLength(1);
  });
});

describe("words", () => {
  it("names the undo step after the file, short and on one line", () => {
    expect(importLabel("a\nb.csv")).toBe("Import “a b.csv”");
    expect(importLabel(`${"x".repeat(300)}.csv`).length).toBeLessThanOrEqual(200);
  });
});

/** The planning worker, run in this thread against a stand-in for its scope, and its UI-side client. */
describe("the planning worker", () => {
  interface Scope {
    onmessage: ((event: MessageEvent<PlanRequest>) => void) | null;
    postMessage(message: PlanReply): void;
  }
  /** Where the worker's replies go: the fake Worker the client made, or this list when called directly. */
  let deliver: (reply: PlanReply) => void = () => {};
  const scope: Scope = { onmessage: null, postMessage: (m) => deliver(m) };
  const send = (request: PlanRequest) => scope.onmessage?.({ data: request } as MessageEvent<PlanRequest>);

  /** A Worker that hands each message to the scope on a later task, as a real one would. */
  class FakeWorker {
    static made: FakeWorker[] = [];
    onmessage: ((event: MessageEvent<PlanReply>) => void) | null = null;
    onerror: ((event: ErrorEvent) => void) | null = null;
    onmessageerror: ((event: MessageEvent) => void) | null = null;
    posted: PlanRequest[] = [];
    constructor() {
      FakeWorker.made.push(this);
      deliver = (reply) => setTimeout(() => this.onmessage?.({ data: reply } as MessageEvent<PlanReply>), 0);
    }
    postMessage(message: PlanRequest) {
      this.posted.push(message);
      setTimeout(() => send(message), 0);
    }
    terminate() {}
  }

  beforeAll(async () => {
    (globalThis as unknown as { self: Scope }).self = scope;
    (globalThis as unknown as { Worker: typeof FakeWorker }).Worker = FakeWorker;
    await import("../../renderer/src/import/import-plan.worker.ts");
  });

  const doc = demo();
  const measure = doc.measures[0]?.name ?? "";
  const csv = file({
    name: "s",
    rows: [
      ["Measure", "Period", "Value"],
      [measure, "2025-Q1", 7],
    ],
  });
  const mapping = mappingOf(guessForm(csv, doc).form);

  it("answers a plan with its summary, and hands its operation over only when asked", () => {
    const replies: PlanReply[] = [];
    deliver = (reply) => replies.push(reply);
    send({ kind: "plan", id: 1, version: 1, mapping, label: "x" });
    send({ kind: "file", file: csv });
    send({ kind: "document", version: 7, document: doc });
    send({ kind: "plan", id: 2, version: 6, mapping, label: "x" });
    send({ kind: "plan", id: 3, version: 7, mapping, label: "Import “s”" });
    send({ kind: "operation", id: 4, plan: 2 });
    send({ kind: "operation", id: 5, plan: 3 });
    expect(replies.map((r) => [r.id, r.kind])).toEqual([
      [1, "failed"],
      [2, "failed"],
      [3, "plan"],
      [4, "failed"],
      [5, "operation"],
    ]);
    const plan = planImport(csv, mapping, doc, "Import “s”");
    expect(replies[2]).toEqual({ kind: "plan", id: 3, plan: summarize(plan, 3) });
    const batch = replies[4]?.kind === "operation" ? replies[4].batch : null;
    expect(batch && unpackBatch(batch, doc)).toEqual(plan.operation);
  });

  it("sums a large plan up in its counts and first rows, and packs its operation losslessly", () => {
    const rows: Sheet["rows"] = [["Measure", "Period", "Value", "Note"]];
    for (const m of doc.measures) for (const p of doc.periods) rows.push([m.name, p.label, 0.5, `n${rows.length}`]);
    for (let i = 0; i <= SUMMARY_PROBLEMS; i++) rows.push([`nobody ${i}`, "2025-Q1", 1, ""]);
    const big = file({ name: "s", rows });
    const plan = planImport(big, { ...mapping, noteColumn: 3 }, doc, "big");
    expect(plan.entries.length).toBeGreaterThan(SUMMARY_ENTRIES);
    expect(plan.problems.length).toBeGreaterThan(SUMMARY_PROBLEMS);
    expect(plan.operation.operations.length).toBeGreaterThan(0);
    const summary = summarize(plan, 9);
    const { operation: _operation, entries: _entries, problems: _problems, ...counts } = plan;
    expect(summary).toEqual({
      ...counts,
      id: 9,
      label: "big",
      entries: plan.entries.slice(0, SUMMARY_ENTRIES),
      problems: plan.problems.slice(0, SUMMARY_PROBLEMS),
    });
    expect(summary.problems).toHaveLength(SUMMARY_PROBLEMS);
    expect(summary.problems.at(-1)?.message).toMatch(/unknown measure/);
    const packed = packBatch(plan.operation, doc);
    expect(packed.notes).toHaveLength(plan.operation.operations.length);
    expect(unpackBatch(packed, doc)).toEqual(plan.operation);
    // Without a note column, notes are left as the cells have them (no `note` at all).
    const bare = planImport(big, mapping, doc, "bare");
    expect(packBatch(bare.operation, doc).notes).toBeNull();
    expect(unpackBatch(packBatch(bare.operation, doc), doc)).toEqual(bare.operation);
    // Indexes that are not the document's are refused, never turned into undefined ids.
    expect(() => unpackBatch({ ...packed, measures: packed.measures.map(() => 1e6) }, doc)).toThrow(/does not fit/);
    expect(() => unpackBatch({ ...packed, values: packed.values.slice(1) }, doc)).toThrow(/incomplete/);
  });

  it("runs one plan at a time, and a newer mapping replaces the one waiting", async () => {
    const worker = new PlanWorker();
    const fake = FakeWorker.made.at(-1) as FakeWorker;
    const byId = { ...mapping, measureBy: "id" as const };
    const outcomes = await Promise.all([
      worker.plan(csv, doc, mapping, "a"),
      worker.plan(csv, doc, byId, "b"),
      worker.plan(csv, doc, byId, "c"),
    ]);
    expect(outcomes[1]).toEqual({ superseded: true });
    expect(outcomes[0]).toMatchObject({ plan: { problemCount: 0 } });
    expect(outcomes[2]).toMatchObject({ plan: { problemCount: 1, label: "c" } });
    // The file and the document went once; only the two plans that ran were asked for.
    expect(fake.posted.map((m) => m.kind)).toEqual(["file", "document", "plan", "plan"]);
    // Only the last plan's operation can be had: an older one says the preview changed.
    const first = outcomes[0] as { plan: PlanSummary };
    expect(await worker.operation(first.plan)).toEqual({ error: expect.stringMatching(/preview changed/) });
    const last = outcomes[2] as { plan: PlanSummary };
    expect(await worker.operation(last.plan)).toEqual({ operation: planImport(csv, byId, doc, "c").operation, doc });
    worker.terminate();
  });

  it("plans in this thread once the worker has failed, with the same summary", async () => {
    const worker = new PlanWorker();
    const fake = FakeWorker.made.at(-1) as FakeWorker;
    const pending = worker.plan(csv, doc, mapping, "a");
    fake.onerror?.({ message: "worker crashed", preventDefault() {} } as ErrorEvent);
    expect(await pending).toEqual({ error: "worker crashed" });
    const after = await worker.plan(csv, doc, mapping, "b");
    const plan = planImport(csv, mapping, doc, "b");
    expect(after).toEqual({ plan: summarize(plan, (after as { plan: PlanSummary }).plan.id) });
    expect(await worker.operation((after as { plan: PlanSummary }).plan)).toEqual({ operation: plan.operation, doc });
    worker.terminate();
  });

  it("treats a message it cannot read as a stopped worker, and still imports the plan it answered", async () => {
    const worker = new PlanWorker();
    const fake = FakeWorker.made.at(-1) as FakeWorker;
    const answered = (await worker.plan(csv, doc, mapping, "a")) as { plan: PlanSummary };
    const pending = worker.plan(csv, doc, { ...mapping, measureBy: "id" }, "b");
    fake.onmessageerror?.({} as MessageEvent);
    expect(await pending).toEqual({ error: expect.any(String) });
    // The worker that kept the plan is gone: its operation is planned again here.
    expect(await worker.operation(answered.plan)).toEqual({
      operation: planImport(csv, mapping, doc, "a").operation,
      doc,
    });
    worker.terminate();
  });
});
