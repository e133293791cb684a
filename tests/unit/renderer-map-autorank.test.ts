/**
 * The auto-layout when ELK fails: the failure is recorded for its layout key like an answer (the
 * map stops saying "pending", keeps the file's order and says why), a cancelled request settles
 * nothing, and a worker that cannot start or crashes is dropped without an unhandled rejection,
 * so the next layout starts a new one and gets its order.
 */
import { createRequire } from "node:module";
import { afterEach, describe, expect, it, vi } from "vitest";
import { autoRank, type ElkNode, elkGraph, layoutKey, rankOf } from "../../renderer/src/map/elk-layout.ts";
import { askRank, autoRankOf, type Ranked } from "../../renderer/src/map/use-auto-rank.ts";
import { mapDoc } from "../support/map-docs.ts";

const ELK = createRequire(import.meta.url)("elkjs/lib/elk.bundled.js") as new () => {
  layout(graph: ElkNode): Promise<ElkNode>;
};

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("use-auto-rank", () => {
  it("records a failed layout for its key: not pending, the file's order, and the reason", async () => {
    const doc = mapDoc(8);
    const key = layoutKey(doc);
    const answers: Ranked[] = [];
    const messages: string[] = [];
    askRank(
      doc,
      key,
      () => Promise.reject(new Error("the layout worker failed")),
      (r) => answers.push(r),
      (m) => messages.push(m),
    );
    expect(autoRankOf(null, key, true)).toEqual({ rank: null, pending: true });
    await settled();
    expect(answers).toEqual([{ key, rank: null }]);
    expect(messages).toEqual(["Automatic layout failed: the layout worker failed"]);
    expect(autoRankOf(answers[0] ?? null, key, true)).toEqual({ rank: null, pending: false });
    // A later change of the layout key is pending again (and asked again), in the file's order.
    expect(autoRankOf(answers[0] ?? null, `${key},more`, true)).toEqual({ rank: null, pending: true });
  });

  it("an answer is the order for its key; while a new key waits, the previous order is drawn", async () => {
    const doc = mapDoc(8);
    const key = layoutKey(doc);
    const rank = new Map([["a", 0]]);
    const answers: Ranked[] = [];
    askRank(
      doc,
      key,
      () => Promise.resolve(rank),
      (r) => answers.push(r),
      () => {},
    );
    await settled();
    expect(autoRankOf(answers[0] ?? null, key, true)).toEqual({ rank, pending: false });
    expect(autoRankOf(answers[0] ?? null, "other", true)).toEqual({ rank, pending: true });
    // Every card placed: nothing to wait for.
    expect(autoRankOf(null, key, false).pending).toBe(false);
  });

  it("a cancelled request settles nothing and says nothing", async () => {
    const doc = mapDoc(8);
    const answers: Ranked[] = [];
    const messages: string[] = [];
    const cancel = askRank(
      doc,
      layoutKey(doc),
      () => Promise.reject(new Error("late")),
      (r) => answers.push(r),
      (m) => messages.push(m),
    );
    cancel();
    await settled();
    expect(answers).toEqual([]);
    expect(messages).toEqual([]);
  });
});

/** A stand-in for the ELK worker: elkjs's protocol, answered by the real ELK, or a crash. */
class FakeElkWorker {
  static started = 0;
  static crash = false;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onerror: ((e: { message: string; preventDefault(): void }) => void) | null = null;
  constructor() {
    FakeElkWorker.started++;
  }
  postMessage(message: { id: number; cmd: string; graph?: ElkNode }) {
    setTimeout(() => {
      if (FakeElkWorker.crash) {
        this.onerror?.({ message: "worker crashed", preventDefault() {} });
        return;
      }
      if (message.cmd !== "layout" || !message.graph) {
        this.onmessage?.({ data: { id: message.id, data: null } });
        return;
      }
      void new ELK().layout(message.graph).then((data) => this.onmessage?.({ data: { id: message.id, data } }));
    }, 0);
  }
  terminate() {}
}

describe("the ELK worker", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("a worker that cannot start fails the layout (no unhandled rejection); the next layout starts a new one", async () => {
    const doc = mapDoc(12);
    // Node has no Web Worker: starting one throws, as a worker refused by the page would.
    vi.stubGlobal("Worker", undefined);
    await expect(autoRank(doc)).rejects.toThrow();
    await settled();
    // A later try (the failure is not cached) with a worker that starts: ELK's order.
    FakeElkWorker.started = 0;
    FakeElkWorker.crash = false;
    vi.stubGlobal("Worker", FakeElkWorker);
    const rank = await autoRank(doc);
    expect(FakeElkWorker.started).toBe(1);
    expect(rank).toEqual(rankOf(await new ELK().layout(elkGraph(doc))));
  });

  it("a worker that crashes fails what waits on it and is replaced by the next layout", async () => {
    FakeElkWorker.started = 0;
    vi.stubGlobal("Worker", FakeElkWorker);
    // A layout key of its own, so no earlier answer is reused.
    const doc = mapDoc(14);
    FakeElkWorker.crash = true;
    const first = autoRank(doc);
    const started = FakeElkWorker.started;
    await expect(first).rejects.toThrow("worker crashed");
    FakeElkWorker.crash = false;
    const rank = await autoRank(doc);
    expect(FakeElkWorker.started).toBe(started + 1);
    expect(rank.size).toBe(doc.objectives.length);
  });
});
