/**
 * The what-if worker (monte-carlo.worker.ts) run in this thread against a stand-in for its scope:
 * every request gets an answer, also one for a document version a newer document replaced (the
 * view would otherwise wait for it forever, with Optimize disabled) and a Monte Carlo run a newer
 * one stopped; the DocumentChannel that sends documents to it (and to the import's planning worker);
 * and the state cache (state/whatif.ts) that the view's panels share.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";
import { scenarioOf } from "../../renderer/src/state/whatif.ts";
import {
  DOCUMENT_REPLACED,
  DocumentChannel,
  type DocumentMessage,
  SUPERSEDED,
  type WorkerReply,
  type WorkerRequest,
} from "../../renderer/src/whatif/worker-protocol.ts";

let n = 0;
const demo = (): ScorecardDocument =>
  demoScorecard({ newId: () => `id-${++n}`, now: "2026-01-01T00:00:00.000Z", appVersion: "test" });

interface Scope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const replies: WorkerReply[] = [];
const scope: Scope = { onmessage: null, postMessage: (m) => replies.push(m) };
const send = (request: WorkerRequest) => scope.onmessage?.({ data: request } as MessageEvent<WorkerRequest>);

/** The replies to `id` once it has its answer (anything but progress), within `ms`. */
async function answerTo(id: number, ms = 5_000): Promise<WorkerReply> {
  const until = Date.now() + ms;
  for (;;) {
    const answer = replies.find((r) => r.id === id && r.kind !== "progress");
    if (answer) return answer;
    if (Date.now() > until) throw new Error(`no answer to request ${id}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

beforeAll(async () => {
  (globalThis as unknown as { self: Scope }).self = scope;
  await import("../../renderer/src/whatif/monte-carlo.worker.ts");
});

describe("what-if worker", () => {
  it("answers a request for a document version a newer document replaced", async () => {
    const doc = demo();
    send({ kind: "document", version: 1, document: doc });
    send({ kind: "document", version: 2, document: demo() });
    send({ kind: "optimize", id: 11, version: 1, spend: {} });
    expect(await answerTo(11, 1_000)).toEqual({ kind: "refused", id: 11, message: DOCUMENT_REPLACED });
    send({ kind: "monte-carlo", id: 12, version: 1, spend: {}, draws: 100, seed: 1 });
    expect(await answerTo(12, 1_000)).toEqual({ kind: "refused", id: 12, message: DOCUMENT_REPLACED });
  });

  it("answers a Monte Carlo run a newer one stopped, with a refusal", async () => {
    const doc = demo();
    send({ kind: "document", version: 4, document: doc });
    const first = doc.investments[0];
    if (!first) throw new Error("the demo has investments");
    const moved = { [first.id]: first.baseSpend * 1.1 };
    // Enough draws for several chunks: the second request arrives while the first runs.
    send({ kind: "monte-carlo", id: 31, version: 4, spend: moved, draws: 5_000, seed: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    send({ kind: "monte-carlo", id: 32, version: 4, spend: moved, draws: 500, seed: 1 });
    expect(await answerTo(31)).toEqual({ kind: "refused", id: 31, message: SUPERSEDED });
    expect((await answerTo(32)).kind).toBe("monte-carlo");
  });

  it("answers the current version with a proposal", async () => {
    const doc = demo();
    send({ kind: "document", version: 3, document: doc });
    send({ kind: "optimize", id: 21, version: 3, spend: {} });
    const answer = await answerTo(21);
    expect(answer.kind).toBe("optimize");
  });
});

describe("document channel", () => {
  /** A document whose actuals need three slices (2,000 rows a message). */
  const large = (): ScorecardDocument => {
    const doc = demo();
    const first = doc.actuals[0];
    if (!first) throw new Error("the demo has actuals");
    return { ...doc, actuals: Array.from({ length: 4_500 }, (_, i) => ({ ...first, value: i })) };
  };
  const kinds = (posted: DocumentMessage[]) => posted.map((m) => `${m.kind}@${m.version}`);

  it("sends a document once, its rows a slice per task, and resolves to its version when all are posted", async () => {
    const posted: DocumentMessage[] = [];
    const channel = new DocumentChannel((m) => posted.push(m));
    const doc = large();
    const sent = channel.send(doc);
    // Only the emptied document goes at once: the rows wait for later tasks.
    expect(kinds(posted)).toEqual(["document@1"]);
    expect(channel.send(doc)).toBe(sent);
    expect(await sent).toBe(1);
    expect(kinds(posted)).toEqual(["document@1", "rows@1", "rows@1", "rows@1"]);
    const held = { ...(posted[0] as Extract<DocumentMessage, { kind: "document" }>).document };
    held.actuals = [];
    for (const m of posted) if (m.kind === "rows") held.actuals.push(...(m.rows as ScorecardDocument["actuals"]));
    expect(held.actuals).toEqual(doc.actuals);
    // The same document again costs nothing.
    expect(await channel.send(doc)).toBe(1);
    expect(posted).toHaveLength(4);
  });

  it("drops the rows of a document a newer one replaced", async () => {
    const posted: DocumentMessage[] = [];
    const channel = new DocumentChannel((m) => posted.push(m));
    const older = channel.send(large());
    const newer = channel.send(large());
    expect(await older).toBe(1);
    expect(await newer).toBe(2);
    expect(kinds(posted)).toEqual(["document@1", "document@2", "rows@2", "rows@2", "rows@2"]);
  });
});

describe("scenario cache", () => {
  it("keeps one result per (document, spend object), so alternating spends hit the cache", () => {
    const doc = demo();
    const first = doc.investments[0];
    if (!first) throw new Error("the demo has investments");
    const live = { [first.id]: first.baseSpend * 1.1 };
    const settled = { [first.id]: first.baseSpend * 1.05 };
    const a = scenarioOf(doc, live);
    const b = scenarioOf(doc, settled);
    expect(scenarioOf(doc, live)).toBe(a);
    expect(scenarioOf(doc, settled)).toBe(b);
    expect(a).not.toBe(b);
    // Another document is its own key, even with the same spend object.
    expect(scenarioOf(demo(), live)).not.toBe(a);
  });
});
