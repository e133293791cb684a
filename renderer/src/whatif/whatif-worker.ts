/**
 * The UI side of the what-if worker (monte-carlo.worker.ts): one worker per what-if view, the
 * document sent once per committed change, and replies routed to whoever asked. A request that
 * is forgotten (the spend moved on, the view closed) has its reply dropped, so a stale answer is
 * never shown.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { DocumentChannel, type WorkerReply, type WorkerRequest } from "./worker-protocol.ts";

type Waiting = (reply: WorkerReply) => void;

type Job = { kind: "monte-carlo"; draws: number; seed: number } | { kind: "optimize" };

export class WhatIfWorker {
  private readonly worker: Worker;
  /** Requests are posted once the worker has their whole document. */
  private readonly documents = new DocumentChannel((message) => this.post(message));
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
    const id = this.nextId++;
    this.waiting.set(id, onReply);
    void this.documents.send(doc).then((version) => {
      // Forgotten while the document was on its way: the worker need not start it.
      if (this.waiting.has(id)) this.post({ ...job, id, version, spend });
    });
    return id;
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
