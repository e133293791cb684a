/**
 * The import dialog and its planning worker (import-plan.worker.ts): the messages, and the UI
 * side that sends them. One plan is in flight at a time; a newer mapping replaces the one
 * waiting behind it, so a burst of changes costs at most two plans, never one per keystroke.
 * The worker keeps the plan it made last and answers with its summary (plan-summary.ts); the
 * operation is asked for only when the user imports.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { type ImportPlan, planImport } from "../../../shared/interchange/actuals-import.ts";
import type { ImportMapping } from "../../../shared/interchange/import-mapping.ts";
import type { ImportFile } from "../../../shared/interchange/table.ts";
import { DocumentChannel, type DocumentMessage } from "../whatif/worker-protocol.ts";
import { type ImportBatch, type PackedBatch, type PlanSummary, summarize, unpackBatch } from "./plan-summary.ts";

export type PlanRequest =
  | { kind: "file"; file: ImportFile }
  | DocumentMessage
  | { kind: "plan"; id: number; version: number; mapping: ImportMapping; label: string }
  /** The operation of plan `plan` (the last one the worker made). */
  | { kind: "operation"; id: number; plan: number };

export type PlanReply =
  | { kind: "plan"; id: number; plan: PlanSummary }
  | { kind: "operation"; id: number; batch: PackedBatch }
  | { kind: "failed"; id: number; message: string };

/** What a request comes to: a plan, a failure to say, or nothing (a newer request replaced it). */
export type PlanOutcome = { plan: PlanSummary } | { error: string } | { superseded: true };

/** A plan's operation, with the document it was planned (and every value checked) against. */
export type BatchOutcome = { operation: ImportBatch; doc: ScorecardDocument } | { error: string };

interface Job {
  file: ImportFile;
  doc: ScorecardDocument;
  mapping: ImportMapping;
  label: string;
  resolve: (outcome: PlanOutcome) => void;
}

const STOPPED = "The background check stopped.";

export class PlanWorker {
  private worker: Worker | null;
  private sentFile: ImportFile | null = null;
  /** Sends the document a slice of rows per task, so a large one never stalls the dialog. */
  private readonly documents = new DocumentChannel((message) => this.worker?.postMessage(message));
  private nextId = 1;
  private running: { id: number; job: Job } | null = null;
  private queued: Job | null = null;
  /** The last plan answered: its operation is the one Import may ask for. */
  private last: { id: number; job: Job; plan: ImportPlan | null } | null = null;
  /** Operation requests waiting for the worker, by request id. */
  private batches = new Map<number, (outcome: { batch: PackedBatch } | { error: string }) => void>();

  constructor() {
    this.worker = new Worker(new URL("./import-plan.worker.ts", import.meta.url), { type: "module" });
    this.worker.onmessage = (event: MessageEvent<PlanReply>) => {
      const reply = event.data;
      const waiting = this.batches.get(reply.id);
      if (waiting) {
        this.batches.delete(reply.id);
        waiting(
          reply.kind === "operation"
            ? { batch: reply.batch }
            : { error: reply.kind === "failed" ? reply.message : STOPPED },
        );
        return;
      }
      if (!this.running || reply.id !== this.running.id) return;
      const { job } = this.running;
      this.running = null;
      if (reply.kind === "plan") {
        this.last = { id: reply.id, job, plan: null };
        job.resolve({ plan: reply.plan });
      } else job.resolve({ error: reply.kind === "failed" ? reply.message : STOPPED });
      this.pump();
    };
    // The worker could not start, died, or sent what could not be read: plans are then made here,
    // slower but never missing.
    const stopped = (message: string) => {
      this.worker?.terminate();
      this.worker = null;
      const running = this.running;
      this.running = null;
      running?.job.resolve({ error: message });
      for (const waiting of this.batches.values()) waiting({ error: message });
      this.batches.clear();
      this.pump();
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      stopped(event.message || STOPPED);
    };
    this.worker.onmessageerror = () => stopped(STOPPED);
  }

  /** Plans `mapping`; a request still waiting for its turn is answered `superseded`. */
  plan(file: ImportFile, doc: ScorecardDocument, mapping: ImportMapping, label: string): Promise<PlanOutcome> {
    return new Promise((resolve) => {
      this.queued?.resolve({ superseded: true });
      this.queued = { file, doc, mapping, label, resolve };
      this.pump();
    });
  }

  /**
   * The operation of `summary`, the last plan answered. Asked from the worker, which kept it; made
   * again here if the worker has stopped since (planning is deterministic).
   */
  async operation(summary: PlanSummary): Promise<BatchOutcome> {
    const last = this.last;
    if (!last || last.id !== summary.id) return { error: "The preview changed; check it and import again." };
    const { doc } = last.job;
    try {
      if (!last.plan && this.worker) {
        const worker = this.worker;
        const id = this.nextId++;
        const outcome = await new Promise<{ batch: PackedBatch } | { error: string }>((resolve) => {
          this.batches.set(id, resolve);
          worker.postMessage({ kind: "operation", id, plan: last.id } satisfies PlanRequest);
        });
        if ("batch" in outcome) return { operation: unpackBatch(outcome.batch, doc), doc };
        if (this.worker) return outcome;
      }
      last.plan ??= planImport(last.job.file, last.job.mapping, doc, last.job.label);
      return { operation: last.plan.operation, doc };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }

  terminate(): void {
    this.worker?.terminate();
    this.worker = null;
    this.queued?.resolve({ superseded: true });
    this.queued = null;
    for (const waiting of this.batches.values()) waiting({ error: STOPPED });
    this.batches.clear();
  }

  private pump(): void {
    if (this.running || !this.queued) return;
    const job = this.queued;
    this.queued = null;
    const worker = this.worker;
    const id = this.nextId++;
    if (!worker) {
      job.resolve(this.planHere(job, id));
      return;
    }
    if (this.sentFile !== job.file) {
      this.sentFile = job.file;
      worker.postMessage({ kind: "file", file: job.file } satisfies PlanRequest);
    }
    this.running = { id, job };
    void this.documents.send(job.doc).then((version) => {
      if (this.running?.id === id) {
        const request: PlanRequest = { kind: "plan", id, version, mapping: job.mapping, label: job.label };
        worker.postMessage(request);
      }
    });
  }

  /** The worker's work, on this thread: the same summary, and the plan kept for Import. */
  private planHere(job: Job, id: number): PlanOutcome {
    try {
      const plan = planImport(job.file, job.mapping, job.doc, job.label);
      this.last = { id, job, plan };
      return { plan: summarize(plan, id) };
    } catch (e) {
      return { error: e instanceof Error ? e.message : String(e) };
    }
  }
}
