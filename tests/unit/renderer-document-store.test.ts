/**
 * The renderer's document store (renderer/src/state/document-store.ts) against main's real
 * handler table on a real file, through the same API client the preload builds: what the page
 * shows is what the file holds, a refused edit is never sent, a failed write leaves the page as
 * the file is, and undo/redo replay main's steps.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApiClient } from "../../shared/api/client.ts";
import type { ScorecardApi } from "../../shared/api/contract.ts";
import { channelOf, METHODS } from "../../shared/api/methods.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { createDocumentStore, type DocumentStore, type ViewKey } from "../../renderer/src/state/document-store.ts";
import { scoresOf, shownPeriod } from "../../renderer/src/state/scores.ts";
import { sha256 } from "../support/files.ts";
import { createShell, type Shell } from "../support/shell-fixture.ts";

let shell: Shell;
let windowId: number;
let sent: string[];
let api: ScorecardApi;
let store: DocumentStore;

beforeEach(async () => {
  shell = createShell();
  windowId = shell.newWindow();
  sent = [];
  api = createApiClient({
    invoke(channel, payload) {
      const method = METHODS.find((m) => channelOf(m) === channel);
      if (!method) throw new Error(`no channel ${channel}`);
      sent.push(method);
      return shell.table[method](windowId, payload);
    },
    listen: () => () => {},
  });
  store = createDocumentStore(api);
  shell.documents.open(shell.writeScorecard("Plan.scorecard"), windowId);
  await store.getState().load();
});
afterEach(() => shell.close());

const file = () => shell.documents.storeOf(windowId).file;
/** The file as main committed it (main's store is the only one holding the file). */
const onDisk = (): ScorecardDocument => shell.documents.storeOf(windowId).document();
const doc = () => store.getState().doc as ScorecardDocument;
const firstMeasure = () => doc().measures[0] as ScorecardDocument["measures"][number];
/** The file's bytes with main's connection closed, so nothing pending can hide. */
function bytesAfterClose(): string {
  const f = file();
  shell.documents.removed(windowId);
  return sha256(f);
}

describe("document store", () => {
  it("loads the window's document, its name and history", () => {
    const s = store.getState();
    expect(s.phase).toBe("open");
    expect(s.fileName).toBe("Plan.scorecard");
    expect(s.doc).toEqual(onDisk());
    expect(s.history).toEqual({ undo: null, redo: null });
  });

  it("an accepted edit reaches the file and the page shows main's result", async () => {
    const m = firstMeasure();
    const result = await store
      .getState()
      .edit({ type: "update", entity: "measure", id: m.id, changes: { owner: "Ops" } });
    expect(result).toEqual({ ok: true });
    expect(doc().measures[0]?.owner).toBe("Ops");
    expect(doc()).toEqual(onDisk());
    expect(store.getState().history.undo).toBe("Edit measure");
    expect(store.getState().pending).toBe(0);
  });

  it("a refused edit is explained and never sent", async () => {
    const m = firstMeasure();
    const before = doc();
    const bytes = sha256(file());
    sent.length = 0;
    const result = await store
      .getState()
      .edit({ type: "update", entity: "measure", id: m.id, changes: { weight: -1 } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/weight.*≥ 0/);
    expect(sent).toEqual([]);
    expect(store.getState().notice?.title).toBe("This change was not made");
    expect(doc()).toBe(before);
    expect(sha256(file())).toBe(bytes);
  });

  it("an edit checked against the document shown is sent without the local dry run; main still refuses", async () => {
    const m = firstMeasure();
    const before = doc();
    const bytes = sha256(file());
    const bad = { type: "update", entity: "measure", id: m.id, changes: { weight: -1 } } as const;
    // Checked against another document (an earlier one): the dry run runs, and nothing is sent.
    sent.length = 0;
    const stale = await store.getState().edit(bad, { checkedAgainst: { ...before } });
    expect(stale.ok).toBe(false);
    expect(sent).toEqual([]);
    // Checked against this very document: sent as it is, and main's refusal is what the user reads.
    store.getState().dismissNotice();
    const result = await store.getState().edit(bad, { checkedAgainst: before });
    expect(sent).toEqual(["applyOperation"]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/weight.*≥ 0/);
    expect(store.getState().notice?.title).toBe("This change was not made");
    expect(store.getState().notice?.message).toMatch(/weight.*≥ 0/);
    expect(doc()).toBe(before);
    expect(sha256(file())).toBe(bytes);
    // A good checked edit goes through like any other.
    expect(await store.getState().edit({ ...bad, changes: { weight: 2 } }, { checkedAgainst: before })).toEqual({
      ok: true,
    });
    expect(doc().measures[0]?.weight).toBe(2);
    expect(doc()).toEqual(onDisk());
  });

  it("check() gives the validator's problems without sending or showing anything", () => {
    const m = firstMeasure();
    const problems = store
      .getState()
      .check({ type: "update", entity: "measure", id: m.id, changes: { name: "x".repeat(201) } });
    expect(problems.map((p) => p.message).join()).toMatch(/200/);
    expect(store.getState().check({ type: "update", entity: "measure", id: m.id, changes: { name: "Fine" } })).toEqual(
      [],
    );
    expect(store.getState().notice).toBeNull();
    // The dry run left the local copy exactly as it was.
    expect(doc()).toEqual(onDisk());
  });

  it("a failed write is shown, and the page stays as the file is", async () => {
    const m = firstMeasure();
    const before = doc();
    (shell.documents.storeOf(windowId) as unknown as { db: { pragma(s: string): unknown } }).db.pragma(
      "query_only = ON",
    );
    const result = await store
      .getState()
      .edit({ type: "update", entity: "measure", id: m.id, changes: { owner: "Lost" } });
    expect(result.ok).toBe(false);
    const s = store.getState();
    expect(s.saveFailed).toBe(true);
    expect(s.notice?.title).toBe("The change could not be saved and was undone");
    expect(s.doc).toBe(before);
    expect(onDisk().measures[0]?.owner).toBe(m.owner);
    (shell.documents.storeOf(windowId) as unknown as { db: { pragma(s: string): unknown } }).db.pragma(
      "query_only = OFF",
    );
    expect(
      await store.getState().edit({ type: "update", entity: "measure", id: m.id, changes: { owner: "Kept" } }),
    ).toEqual({
      ok: true,
    });
    expect(store.getState().saveFailed).toBe(false);
    expect(onDisk().measures[0]?.owner).toBe("Kept");
  });

  it("undo and redo replay main's steps: the page and the file agree at every step", async () => {
    const original = doc();
    const m = firstMeasure();
    const period = original.periods[0] as ScorecardDocument["periods"][number];
    const s = store.getState();
    await s.edit({ type: "actual.set", measureId: m.id, periodId: period.id, value: 42 });
    const afterOne = doc();
    await s.edit({ type: "delete", entity: "measure", id: m.id });
    expect(doc().measures.some((x) => x.id === m.id)).toBe(false);
    await s.undo();
    expect(doc()).toEqual(afterOne);
    expect(doc()).toEqual(onDisk());
    await s.undo();
    expect(doc()).toEqual(original);
    expect(onDisk()).toEqual(original);
    await s.undo(); // nothing left: no change, no error
    expect(store.getState().notice).toBeNull();
    await s.redo();
    expect(doc()).toEqual(afterOne);
    expect(store.getState().history).toEqual({ undo: "Edit actual", redo: "Delete measure" });
  });

  it("edits made without waiting are applied one at a time, in order", async () => {
    const m = firstMeasure();
    const s = store.getState();
    const periods = doc().periods.slice(0, 4);
    await Promise.all(
      periods.map((p, i) => s.edit({ type: "actual.set", measureId: m.id, periodId: p.id, value: i + 1 })),
    );
    const cells = onDisk()
      .actuals.filter((a) => a.measureId === m.id)
      .map((a) => a.value);
    expect(cells).toEqual([1, 2, 3, 4]);
    expect(doc()).toEqual(onDisk());
    for (let i = 0; i < 4; i++) await s.undo();
    expect(onDisk().actuals.filter((a) => a.measureId === m.id)).toEqual([]);
  });

  it("shows the start screen when the window has no document, and menu commands switch views", async () => {
    const bytes = bytesAfterClose();
    await store.getState().load();
    expect(store.getState().phase).toBe("start");
    expect(sha256(path.join(shell.dir, "Plan.scorecard"))).toBe(bytes);
    store.getState().command("view-strategy-map");
    expect(store.getState().view).toBe("strategy-map");
    store.getState().command("view-what-if");
    expect(store.getState().view).toBe("what-if");
    store.getState().command("view-scenarios");
    expect(store.getState().view).toBe("scenarios");
    store.getState().setView("no-such-view" as ViewKey);
    expect(store.getState().view).toBe("scenarios");
    store.getState().setView("actuals");
    store.getState().command("view-scorecard");
    expect(store.getState().view).toBe("scorecard");
    store.getState().command("new-from-template");
    expect(store.getState().dialog).toBe("new-from-template");
    store.getState().command("toggle-workshop"); // no document: nothing to present
    expect(store.getState().workshop).toBe(false);
  });

  it("workshop mode asks main for full screen and gives it back; the sliders are a draft of the window", async () => {
    await store.getState().load();
    store.getState().command("toggle-workshop");
    expect(store.getState().workshop).toBe(true);
    await vi.waitFor(() => expect(shell.fullScreen.get(windowId)).toBe(true));
    store.getState().command("toggle-workshop");
    await vi.waitFor(() => expect(shell.fullScreen.get(windowId)).toBe(false));
    expect(store.getState().workshop).toBe(false);

    const bytes = sha256(path.join(shell.dir, "Plan.scorecard"));
    const [first, second] = doc().investments;
    store.getState().setSpend(first!.id, 123);
    store.getState().setSpend(second!.id, 456);
    expect(store.getState().spend).toEqual({ [first!.id]: 123, [second!.id]: 456 });
    store.getState().setSpends({});
    expect(store.getState().spend).toEqual({});
    store.getState().setSpend(first!.id, 7);
    await store.getState().load(); // a document shown afresh starts from base spend
    expect(store.getState().spend).toEqual({});
    expect(sha256(path.join(shell.dir, "Plan.scorecard"))).toBe(bytes);
  });

  it("a function edit is built from the document as it is when its turn comes", async () => {
    const m = firstMeasure();
    const period = doc().periods[0] as ScorecardDocument["periods"][number];
    const s = store.getState();
    // Queued without waiting: the note's edit must see the value the first edit committed.
    const first = s.edit({ type: "actual.set", measureId: m.id, periodId: period.id, value: 7 });
    const second = s.edit((current) => {
      const actual = current.actuals.find((a) => a.measureId === m.id && a.periodId === period.id);
      return actual
        ? { type: "actual.set", measureId: m.id, periodId: period.id, value: actual.value, note: "checked" }
        : null;
    });
    expect(await first).toEqual({ ok: true });
    expect(await second).toEqual({ ok: true });
    expect(onDisk().actuals.find((a) => a.measureId === m.id)).toMatchObject({ value: 7, note: "checked" });
    // A function that finds nothing to do sends nothing.
    sent.length = 0;
    expect(await s.edit(() => null)).toEqual({ ok: true });
    expect(sent).toEqual([]);
  });

  it("says what a file opened with warnings has, once, on opening", () => {
    const snapshot = shell.documents.snapshot(windowId);
    if (!snapshot) throw new Error("the window has a document");
    store.getState().show({
      ...snapshot,
      warnings: [{ path: "objectives[0].weight", message: "all sibling weights are 0", severity: "warning" }],
    });
    expect(store.getState().notice).toMatchObject({
      title: "Opened with warnings",
      message: "Plan.scorecard opened. objectives[0].weight: all sibling weights are 0",
    });
  });

  it("keeps showing the chosen period when another period is added before it", async () => {
    const periods = doc().periods;
    const chosen = periods[1] as ScorecardDocument["periods"][number];
    store.getState().setPeriod(chosen.id);
    const first = periods[0] as ScorecardDocument["periods"][number];
    const earlier = { id: "00000000-0000-4000-8000-0000000000ff", label: "Earlier", start: "2000-01-01" };
    expect(first.start > earlier.start).toBe(true);
    expect(await store.getState().edit({ type: "create", entity: "period", value: earlier })).toEqual({ ok: true });
    const scores = scoresOf(doc());
    expect(scores.model.periods[shownPeriod(scores, store.getState().periodId)]?.id).toBe(chosen.id);
    // A period that is gone falls back to the latest.
    expect(shownPeriod(scores, "gone")).toBe(scores.model.periodCount - 1);
  });
});
