/** Editing a real file through operations: each applies, persists, undoes exactly, or is refused without a trace. */
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileRefused, FileWriteFailed } from "../../electron/file/errors.ts";
import { readScorecardFile } from "../../electron/file/open.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { OperationRefused } from "../../shared/operations/execute.ts";
import { type Operation, OPERATIONS_VERSION, parseOperationMessage } from "../../shared/operations/operation.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { sha256, tempDir } from "../support/files.ts";
import { createStore, type Fixture, fixtureDocument } from "../support/store-fixture.ts";

let dir: string;
let fx: Fixture;
let store: ScorecardStore;

beforeEach(() => {
  dir = tempDir();
  fx = fixtureDocument();
  store = createStore(dir, fx.doc);
});

afterEach(() => {
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const snapshot = (): ScorecardDocument => structuredClone(store.document());
const onDisk = (): ScorecardDocument => readScorecardFileUnlocked();

/** The store holds an exclusive lock; read the file the way a second program would after close. */
function readScorecardFileUnlocked(): ScorecardDocument {
  store.close();
  const doc = readScorecardFile(store.file).document;
  store = ScorecardStore.open(store.file, { appVersion: "0.0.0-test" });
  return doc;
}

/** Without the edit stamp: the same edit applied twice differs only in modifiedAt. */
const unstamped = (doc: ScorecardDocument) => ({ ...doc, scorecard: { ...doc.scorecard, modifiedAt: "" } });

/**
 * Applies; undo gives the exact earlier document, in memory and on disk; redo gives the edited
 * one again, on disk too. (Reading the disk reopens the file, which starts a new history.)
 */
function roundTrip(op: Operation): ScorecardDocument {
  const before = snapshot();
  store.apply(op);
  const after = snapshot();
  expect(after).not.toEqual(before);
  expect(store.undo()).not.toBeNull();
  expect(snapshot()).toEqual(before);
  expect(onDisk()).toEqual(before);
  store.apply(op);
  store.undo();
  store.redo();
  const again = snapshot();
  expect(unstamped(again)).toEqual(unstamped(after));
  expect(onDisk()).toEqual(again);
  return again;
}

describe("operations that apply", () => {
  it("sets, changes and clears an actual with its note", () => {
    const periodId = fx.doc.periods[3]!.id;
    const after = roundTrip({
      type: "actual.set",
      measureId: fx.ids.revenue,
      periodId,
      value: 75,
      note: "preliminary",
    });
    expect(after.actuals.find((a) => a.measureId === fx.ids.revenue && a.periodId === periodId)).toEqual({
      measureId: fx.ids.revenue,
      periodId,
      value: 75,
      note: "preliminary",
    });
    roundTrip({ type: "actual.clear", measureId: fx.ids.revenue, periodId: fx.doc.periods[0]!.id });
  });

  it("keeps an actual's note when only the value changes", () => {
    const periodId = fx.doc.periods[0]!.id;
    store.apply({ type: "actual.set", measureId: fx.ids.revenue, periodId, value: 63 });
    expect(store.document().actuals[0]).toMatchObject({ value: 63, note: "first quarter, estimated" });
  });

  it("sets and clears per-period targets", () => {
    roundTrip({ type: "periodTarget.set", measureId: fx.ids.revenue, periodId: fx.doc.periods[2]!.id, target: 77 });
    roundTrip({ type: "periodTarget.clear", measureId: fx.ids.revenue, periodId: fx.doc.periods[1]!.id });
  });

  it("creates entities at the end or at a position", () => {
    const after = roundTrip({
      type: "create",
      entity: "objective",
      value: {
        id: fx.newId(),
        perspectiveId: fx.ids.bottom,
        name: "Skilled people",
        description: "",
        owner: "HR",
        weight: 2,
        position: { x: 10, y: 20 },
      },
      at: 0,
    });
    expect(after.objectives[0]?.name).toBe("Skilled people");
    roundTrip({
      type: "create",
      entity: "period",
      value: { id: fx.newId(), label: "2026-Q1", start: "2026-01-01" },
    });
  });

  it("updates every kind of entity and the scorecard settings", () => {
    roundTrip({
      type: "update",
      entity: "measure",
      id: fx.ids.uptime,
      changes: { name: "  Availability  ", weight: 3 },
    });
    expect(store.document().measures.find((m) => m.id === fx.ids.uptime)?.name).toBe("Availability");
    roundTrip({ type: "update", entity: "perspective", id: fx.ids.top, changes: { color: "#aa0000" } });
    roundTrip({ type: "update", entity: "investment", id: fx.ids.cloud, changes: { baseSpend: 2e6 } });
    roundTrip({ type: "update", entity: "link", id: fx.doc.links[0]!.id, changes: { strength: 0.9 } });
    roundTrip({ type: "update", entity: "objective", id: fx.ids.ops, changes: { position: null, owner: "CIO" } });
    roundTrip({
      type: "scorecard.update",
      changes: { title: "FY26", scoring: { thresholds: { green: 0.95, amber: 0.7 }, cap: 1.2, missingPolicy: "zero" } },
    });
  });

  it("moves rows and keeps the order on disk", () => {
    const after = roundTrip({ type: "move", entity: "measure", id: fx.ids.band, to: 0 });
    expect(after.measures.map((m) => m.id)[0]).toBe(fx.ids.band);
    roundTrip({ type: "move", entity: "investment", id: fx.ids.security, to: 0 });
  });

  it("keeps list order through many moves into the same gap", () => {
    // Each move bisects the same gap; after ~50 the sort keys run out and the list is renumbered.
    for (let i = 0; i < 120; i++)
      store.apply({ type: "move", entity: "measure", id: fx.doc.measures[i % 4]!.id, to: 1 });
    expect(onDisk().measures.map((m) => m.id)).toEqual(store.document().measures.map((m) => m.id));
  });

  it("deletes an objective with its measures, their cells and impacts, and its links; undo restores all", () => {
    const after = roundTrip({ type: "delete", entity: "objective", id: fx.ids.ops });
    expect(after.measures.map((m) => m.name)).toEqual(["Digital revenue share", "Tickets"]);
    expect(after.links).toEqual([]);
    expect(after.impacts.map((i) => i.measureId)).toEqual([fx.ids.tickets]);
    expect(after.actuals.some((a) => a.measureId === fx.ids.uptime)).toBe(false);
  });

  it("deletes a perspective, a period and an investment with what refers to them", () => {
    roundTrip({ type: "delete", entity: "perspective", id: fx.ids.bottom });
    const noPeriod = roundTrip({ type: "delete", entity: "period", id: fx.doc.periods[1]!.id });
    expect(noPeriod.periodTargets).toEqual([]);
    const noCloud = roundTrip({ type: "delete", entity: "investment", id: fx.ids.cloud });
    expect(noCloud.scenarios[0]?.spend).toEqual({ [fx.ids.security]: 5e5 });
    expect(noCloud.impacts).toHaveLength(1);
  });

  it("runs a batch as one step: one undo reverts all of it", () => {
    const before = snapshot();
    const periods = fx.doc.periods.map((p) => p.id);
    store.apply({
      type: "batch",
      label: "Paste 8 cells",
      operations: periods.flatMap((periodId, k) => [
        { type: "actual.set", measureId: fx.ids.revenue, periodId, value: 70 + k },
        { type: "actual.set", measureId: fx.ids.band, periodId, value: 65 + k },
      ]),
    });
    expect(store.undoLabel).toBe("Paste 8 cells");
    expect(store.document().actuals).toHaveLength(before.actuals.length + 5);
    expect(store.undo()?.label).toBe("Paste 8 cells");
    expect(snapshot()).toEqual(before);
  });

  it("stamps modifiedAt and the app version on every edit, and undo restores them", () => {
    const before = store.document().scorecard;
    store.apply({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { owner: "Ops" } });
    expect(store.document().scorecard.modifiedAt > before.modifiedAt).toBe(true);
    expect(store.document().scorecard.appVersion).toBe("0.0.0-test");
    store.undo();
    expect(store.document().scorecard).toEqual(before);
  });

  it("scores the edited document like any other", () => {
    store.apply({ type: "actual.set", measureId: fx.ids.revenue, periodId: fx.doc.periods[2]!.id, value: 80 });
    const measure = scorecardView(store.document(), 2)
      .perspectives.flatMap((p) => p.objectives)
      .flatMap((o) => o.measures)
      .find((m) => m.id === fx.ids.revenue);
    expect(measure?.score).toBe(1);
  });
});

describe("operations that are refused", () => {
  const refusals: Array<[string, () => Operation, RegExp]> = [
    ["an unknown id", () => ({ type: "delete", entity: "measure", id: fx.newId() }), /no measure has id/],
    [
      "an id already in use",
      () => ({ type: "create", entity: "period", value: { id: fx.ids.uptime, label: "X", start: "2030-01-01" } }),
      /already in use/,
    ],
    [
      "an empty name",
      () => ({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { name: "   " } }),
      /measure “Uptime”\.name: must not be empty/,
    ],
    [
      "an unknown field",
      () => ({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { colour: "red" } as never }),
      /unknown field\(s\): colour/,
    ],
    [
      "a changed id",
      () => ({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { id: fx.newId() } as never }),
      /id cannot be changed/,
    ],
    [
      "an actual outside the valid range",
      () => ({ type: "actual.set", measureId: fx.ids.uptime, periodId: fx.doc.periods[0]!.id, value: 101 }),
      /actual of “Uptime” in “2025-Q1”\.value: must lie in the measure's valid range \[0, 100\]/,
    ],
    [
      "a non-finite actual",
      () => ({ type: "actual.set", measureId: fx.ids.uptime, periodId: fx.doc.periods[0]!.id, value: Number.NaN }),
      /value: must be a finite number/,
    ],
    [
      "a period target for a band measure",
      () => ({ type: "periodTarget.set", measureId: fx.ids.band, periodId: fx.doc.periods[0]!.id, target: 70 }),
      /band measures are scored against their band/,
    ],
    [
      "a range that excludes recorded actuals",
      () => ({ type: "update", entity: "measure", id: fx.ids.tickets, changes: { validRange: { min: 0, max: 100 } } }),
      /must lie in the valid range|valid range/,
    ],
    [
      "a link that points down",
      () => ({
        type: "create",
        entity: "link",
        value: { id: fx.newId(), fromId: fx.ids.value, toId: fx.ids.ops, strength: 0.5, note: "" },
      }),
      /from a higher perspective down/,
    ],
    [
      "a link that closes a cycle",
      () => ({
        type: "batch",
        label: "two links",
        operations: [
          {
            type: "create",
            entity: "link",
            value: { id: fx.newId(), fromId: fx.ids.value, toId: fx.ids.cost, strength: 1, note: "" },
          },
          {
            type: "create",
            entity: "link",
            value: { id: fx.newId(), fromId: fx.ids.cost, toId: fx.ids.value, strength: 1, note: "" },
          },
        ],
      }),
      /closes a cycle/,
    ],
    [
      "a duplicate perspective order",
      () => ({ type: "update", entity: "perspective", id: fx.ids.bottom, changes: { order: 0 } }),
      /same order/,
    ],
    ["a move past the end", () => ({ type: "move", entity: "measure", id: fx.ids.band, to: 4 }), /past the end/],
    [
      "a batch inside a batch",
      () => ({ type: "batch", label: "outer", operations: [{ type: "batch", label: "inner", operations: [] }] }),
      /cannot contain another batch/,
    ],
    [
      "a batch whose last step breaks a rule (earlier steps are reverted too)",
      () => ({
        type: "batch",
        label: "mixed",
        operations: [
          { type: "actual.set", measureId: fx.ids.uptime, periodId: fx.doc.periods[3]!.id, value: 99 },
          { type: "update", entity: "measure", id: fx.ids.revenue, changes: { weight: -1 } },
        ],
      }),
      /operations\[1\]\.measure “Digital revenue share”\.weight: must be ≥ 0/,
    ],
  ];

  it.each(refusals)("refuses %s with a clear message and changes nothing", (_name, op, message) => {
    const before = snapshot();
    const history = store.undoLabel;
    store.close();
    const bytes = sha256(store.file);
    store = ScorecardStore.open(store.file, { appVersion: "0.0.0-test" });
    const err = (() => {
      try {
        store.apply(op());
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(OperationRefused);
    expect((err as OperationRefused).message).toMatch(message);
    expect(snapshot()).toEqual(before);
    expect(store.undoLabel).toBe(history === null ? null : store.undoLabel);
    store.close();
    expect(sha256(store.file)).toBe(bytes);
    store = ScorecardStore.open(store.file, { appVersion: "0.0.0-test" });
  });

  it("rolls back memory and history when the disk write fails", () => {
    store.apply({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { owner: "Ops" } });
    const before = snapshot();
    // query_only makes SQLite refuse every write, as a full or read-only disk would.
    (store as unknown as { db: { pragma(s: string): unknown } }).db.pragma("query_only = ON");
    expect(() =>
      store.apply({ type: "actual.set", measureId: fx.ids.revenue, periodId: fx.doc.periods[3]!.id, value: 1 }),
    ).toThrow(FileWriteFailed);
    expect(snapshot()).toEqual(before);
    expect(store.undoLabel).toBe("Edit measure");
    expect(() => store.undo()).toThrow(FileWriteFailed);
    expect(snapshot()).toEqual(before);
    (store as unknown as { db: { pragma(s: string): unknown } }).db.pragma("query_only = OFF");
    expect(store.undo()?.label).toBe("Edit measure");
    expect(onDisk().measures.find((m) => m.id === fx.ids.uptime)?.owner).toBe("");
  });
});

describe("undo history", () => {
  it("clears redo on a new edit and answers null when empty", () => {
    expect(store.undo()).toBeNull();
    expect(store.redo()).toBeNull();
    store.apply({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { owner: "A" } });
    store.undo();
    expect(store.redoLabel).toBe("Edit measure");
    store.apply({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { owner: "B" } });
    expect(store.redoLabel).toBeNull();
  });

  it("forgets the oldest edits beyond the history limit", () => {
    store.close();
    store = ScorecardStore.open(store.file, { appVersion: "t", historyLimit: 3 });
    for (const owner of ["a", "b", "c", "d", "e"]) {
      store.apply({ type: "update", entity: "measure", id: fx.ids.uptime, changes: { owner } });
    }
    let undone = 0;
    while (store.undo()) undone++;
    expect(undone).toBe(3);
    expect(store.document().measures.find((m) => m.id === fx.ids.uptime)?.owner).toBe("b");
  });

  it("does not record an edit that changes nothing", () => {
    store.apply({ type: "actual.clear", measureId: fx.ids.band, periodId: fx.doc.periods[0]!.id });
    expect(store.undoLabel).toBeNull();
  });
});

describe("copies (Save As, Share…)", () => {
  it("writes a compact copy that opens with the same document and scores", () => {
    const target = path.join(dir, "copy.scorecard");
    store.writeCopy(target);
    const copy = readScorecardFile(target).document;
    expect(copy).toEqual(store.document());
    expect(scorecardView(copy)).toEqual(scorecardView(store.document()));
    expect(fs.readdirSync(dir).sort()).toEqual(["copy.scorecard", "test.scorecard"]);
  });

  it("can leave out actuals and notes", () => {
    const bare = path.join(dir, "bare.scorecard");
    store.writeCopy(bare, { actuals: false, notes: false });
    const doc = readScorecardFile(bare).document;
    expect(doc.actuals).toEqual([]);
    expect(doc.links.every((l) => l.note === "")).toBe(true);
    expect(doc.scenarios.every((s) => s.notes === "")).toBe(true);
    expect(doc.measures).toEqual(store.document().measures);
    const noNotes = path.join(dir, "no-notes.scorecard");
    store.writeCopy(noNotes, { notes: false });
    const withActuals = readScorecardFile(noNotes).document;
    expect(withActuals.actuals).toHaveLength(store.document().actuals.length);
    expect(withActuals.actuals.every((a) => a.note === "")).toBe(true);
  });

  it("replaces an existing target atomically and refuses the open file itself", () => {
    const target = path.join(dir, "copy.scorecard");
    fs.writeFileSync(target, "old content");
    store.writeCopy(target);
    expect(readScorecardFile(target).document).toEqual(store.document());
    expect(() => store.writeCopy(store.file)).toThrow(/open file itself/);
  });

  it("fails cleanly into a missing folder, leaving no temp file", () => {
    expect(() => store.writeCopy(path.join(dir, "missing", "x.scorecard"))).toThrow(FileWriteFailed);
    expect(fs.readdirSync(dir)).toEqual(["test.scorecard"]);
  });
});

describe("new files", () => {
  it("refuses to create over an existing file, and refuses an invalid document with its problems", () => {
    const before = sha256(store.file);
    expect(() => ScorecardStore.create(store.file, fx.doc, { appVersion: "t" })).toThrow(/already exists/);
    expect(sha256(store.file)).toBe(before);
    const bad = structuredClone(fx.doc);
    bad.measures[0] = { ...bad.measures[0]!, weight: -1 };
    const target = path.join(dir, "bad.scorecard");
    const err = (() => {
      try {
        ScorecardStore.create(target, bad, { appVersion: "t" });
      } catch (e) {
        return e as FileRefused;
      }
    })();
    expect(err).toBeInstanceOf(FileRefused);
    expect(err?.problems[0]).toMatchObject({ path: "measures[0].weight", message: "must be ≥ 0" });
    expect(fs.existsSync(target)).toBe(false);
  });
});

describe("operation messages from other processes", () => {
  it("accepts a well-formed message of this version", () => {
    const operation: Operation = { type: "actual.clear", measureId: fx.ids.uptime, periodId: fx.doc.periods[0]!.id };
    expect(parseOperationMessage({ version: OPERATIONS_VERSION, operation })).toEqual({ ok: true, operation });
  });

  it("refuses another version, naming both", () => {
    const r = parseOperationMessage({
      version: 99,
      operation: { type: "actual.clear", measureId: "a", periodId: "b" },
    });
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/version 99 .* version 1/) });
  });

  it.each([
    ["not an object", "delete everything"],
    ["no operation", { version: OPERATIONS_VERSION }],
    ["an unknown type", { version: OPERATIONS_VERSION, operation: { type: "drop.table" } }],
    [
      "an extra field",
      { version: OPERATIONS_VERSION, operation: { type: "delete", entity: "measure", id: "x", sql: "1" } },
    ],
    ["an unknown entity", { version: OPERATIONS_VERSION, operation: { type: "delete", entity: "user", id: "x" } }],
    [
      "a negative index",
      { version: OPERATIONS_VERSION, operation: { type: "move", entity: "measure", id: "x", to: -1 } },
    ],
  ])("refuses %s", (_name, message) => {
    const r = parseOperationMessage(message);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^(malformed operation|operation version)/);
  });
});
