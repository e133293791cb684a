/**
 * The import dialog and its planning worker (import-plan.worker.ts): the messages, and the UI
 * side that sends them. One request is in flight at a time; a newer mapping replaces the one
 * waiting behind it, so a burst of changes costs at most two plans, never one per keystroke.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { type ImportPlan, planImport } from "../../../shared/interchange/actuals-import.ts";
import type { ImportMapping } from "../../../shared/interchange/import-mapping.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { documentMessages, type WorkerRequest } from "../whatif/worker-protocol.ts";

export type PlanRequest =
  | { kind: "file"; file: ImportFile }
  | Extract<WorkerRequest, { kind: "document" | "rows" }>
  | { kind: "plan"; id: number; version: number; mapping: ImportMapping; label: string };

export type PlanReply =
  | { kind: "plan"; id: number; plan: ImportPlan }
  | { kind: "failed"; id: number; message: string };

/** What a request comes to: a plan, a failure to say, or nothing (a newer request replaced it). */
export type PlanOutcome = { plan: ImportPlan } | { error: string } | { superseded: true };

interface Job {
  file: ImportFile;
  doc: ScorecardDocument;
  mapping: ImportMapping;
  label: string;
  resolve: (outcome: PlanOutcome) => void;
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class PlanWorker {
  private worker: Worker | null;
  private sentFile: ImportFile | null = null;
  private sentDoc: ScorecardDocument | null = null;
  private version = 0;
  private delivered: Promise<void> = Promise.resolve();
  private nextId = 1;
  private running: { id: number; resolve: (outcome: PlanOutcome) => void } | null = null;
  private queued: Job | null = null;

  constructor() {
    this.worker = new Worker(new URL("./import-plan.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (event: MessageEvent<PlanReply>) => {
      const reply = event.data;
      if (!this.running || reply.id !== this.running.id) return;
      const { resolve } = this.running;
      this.running = null;
      resolve(reply.kind === "plan" ? { plan: reply.plan } : { error: reply.message });
      this.pump();
    };
    // The worker could not start or died: plans are then made here, slower but never missing.
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.worker?.terminate();
      this.worker = null;
      const running = this.running;
      this.running = null;
      running?.resolve({ error: event.message || "The background check stopped." });
      this.pump();
    };
  }

  /** Plans `mapping`; a request still waiting for its turn is answered `superseded`. */
  plan(file: ImportFile, doc: ScorecardDocument, mapping: ImportMapping, label: string): Promise<PlanOutcome> {
    return new Promise((resolve) => {
      this.queued?.resolve({ superseded: true });
      this.queued = { file, doc, mapping, label, resolve };
      this.pump();
    });
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.queued?.resolve({ superseded: true });
    this.queued = null;
  }

  private pump(): void {
    if (this.running || !this.queued) return;
    const job = this.queued;
    this.queued = null;
    const worker = this.worker;
    if (!worker) {
      job.resolve(planHere(job));
      return;
    }
    if (this.sentFile !== job.file) {
      this.sentFile = job.file;
      worker.postMessage({ kind: "file", file: job.file } satisfies PlanRequest);
    }
    if (this.sentDoc !== job.doc) {
      this.sentDoc = job.doc;
      this.version++;
      this.delivered = this.deliver(worker, job.doc, this.version);
    }
    const id = this.nextId++;
    const version = this.version;
    this.running = { id, resolve: job.resolve };
    void this.delivered.then(() => {
      if (this.running?.id === id) {
        const request: PlanRequest = { kind: "plan", id, version, mapping: job.mapping, label: job.label };
        worker.postMessage(request);
      }
    });
  }

  /** Sends the document a slice of rows per task, so a large one never stalls the dialog. */
  private async deliver(worker: Worker, doc: ScorecardDocument, version: number): Promise<void> {
    const [first, ...rest] = documentMessages(doc, version);
    if (first) worker.postMessage(first);
    for (const message of rest) {
      await nextTask();
      if (this.version !== version) return;
      worker.postMessage(message);
    }
  }
}

function planHere(job: Job): PlanOutcome {
  try {
    return { plan: planImport(job.file, job.mapping, job.doc, job.label) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
