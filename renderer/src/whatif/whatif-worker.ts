/**
 * The UI side of the what-if worker (monte-carlo.worker.ts): one worker per what-if view, the
 * document sent once per committed change, and replies routed to whoever asked. A request that
 * is forgotten (the spend moved on, the view closed) has its reply dropped, so a stale answer is
 * never shown.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { documentMessages, type WorkerReply, type WorkerRequest } from "./worker-protocol.ts";

type Waiting = (reply: WorkerReply) => void;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
type Job = { kind: "monte-carlo"; draws: number; seed: number } | { kind: "optimize" };

export class WhatIfWorker {
  private readonly worker: Worker;
  private sent: ScorecardDocument | null = null;
  private version = 0;
  /** Settles when the worker has the whole document: requests are posted behind it. */
  private delivered: Promise<void> = Promise.resolve();
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor() {
    this.worker = new Worker(new URL("./monte-carlo.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const to = this.waiting.get(reply.id);
      if (reply.kind !== "progress") this.waiting.delete(reply.id);
      to?.(reply);
    };
    // The worker failed to start or threw: every open request is told, rather than waiting forever.
    this.worker.onerror = (event) => {
      event.preventDefault();
      const message = event.message || "The background computation stopped.";
      for (const [id, to] of this.waiting) to({ kind: "failed", id, message });
      this.waiting.clear();
    };
  }

  /** Sends a job on `spend` of `doc`; `onReply` hears its progress and its answer. Returns its id. */
  request(doc: ScorecardDocument, spend: Record<string, number>, job: Job, onReply: Waiting): number {
    if (this.sent !== doc) {
      this.version++;
      this.sent = doc;
      this.delivered = this.deliver(doc, this.version);
    }
    const id = this.nextId++;
    const version = this.version;
    this.waiting.set(id, onReply);
    void this.delivered.then(() => {
      // Forgotten while the document was on its way: the worker need not start it.
      if (this.waiting.has(id)) this.post({ ...job, id, version, spend });
    });
    return id;
  }

  /** Sends `doc`, its large collections a slice of rows per task (see worker-protocol.ts). */
  private async deliver(doc: ScorecardDocument, version: number): Promise<void> {
    const [first, ...rest] = documentMessages(doc, version);
    if (first) this.post(first);
    for (const message of rest) {
      await nextTask();
      // A newer document replaced this one: its rows are no longer wanted.
      if (this.version !== version) return;
      this.post(message);
    }
  }

  /** Drops the answer to a request (a newer one replaces it). */
  forget(id: number): void {
    this.waiting.delete(id);
  }

  terminate(): void {
    this.waiting.clear();
    this.worker.terminate();
  }

  private post(message: WorkerRequest): void {
    this.worker.postMessage(message);
  }
}
