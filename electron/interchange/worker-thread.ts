/**
 * Imports and exports on a worker thread, so that main stays free for every window while a large
 * workbook is read or written (seconds at SPEC §6 size). The worker starts on the first job and
 * stops after a quiet minute (exceljs alone holds tens of MB). It runs within limits of memory
 * and time: a hostile file that still got past the reader's checks ends the worker, not the app,
 * and its job fails with a message the user can act on; the next job starts a fresh worker.
 */
import path from "node:path";
import { type ResourceLimits, Worker } from "node:worker_threads";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import type { ImportFile } from "../../shared/interchange/table.ts";
import { FileWriteFailed } from "../file/errors.ts";
import { ImportRefused } from "./errors.ts";
import type { ExportFormat } from "./export-data.ts";
import type { Interchange } from "./interchange.ts";
import type { Job, JobResult, Reply } from "./worker-protocol.ts";

export interface ThreadOptions {
  /** The worker's heap. The largest real jobs (the SPEC §6 workbook, written or read) run within 256 MB. */
  resourceLimits?: ResourceLimits;
  /** How long one job may take (the SPEC §6 workbook: about 3 s here); then the worker is ended. */
  jobMs?: number;
  /** How long an idle worker is kept for the next job. */
  idleMs?: number;
}

const DEFAULTS = { resourceLimits: { maxOldGenerationSizeMb: 1024 }, jobMs: 180_000, idleMs: 60_000 };

/**
 * Why the worker stopped under a job: a limit the job hit (the user's file or document is the
 * cause, and the message says which limit), or the worker itself failing (our fault: logged,
 * reported as an internal error, never blamed on the file).
 */
type Stop = { limit: string } | { broken: Error };

interface Pending {
  resolve(value: JobResult): void;
  reject(error: Error): void;
  /** The job's error when the worker stops under it. */
  stopped(stop: Stop): Error;
  deadline: NodeJS.Timeout;
}

export class InterchangeThread implements Interchange {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly options: Required<ThreadOptions>;

  /** `script`: the bundled worker-entry.ts (dist/electron/interchange-worker.cjs). */
  constructor(
    private readonly script: string,
    options: ThreadOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  /** Whether a worker is running now (it starts with a job and ends when idle). */
  get running(): boolean {
    return this.worker !== null;
  }

  async readImportFile(file: string): Promise<ImportFile> {
    const refused = (reason: string) =>
      new ImportRefused(`${path.basename(file)}: the file could not be read (${reason})`);
    return (await this.run((id) => ({ id, kind: "read-import-file", file }), refused)) as ImportFile;
  }

  async exportData(doc: ScorecardDocument, format: ExportFormat): Promise<string | Uint8Array> {
    const failed = (reason: string) => new FileWriteFailed(`The export stopped: ${reason}.`);
    return (await this.run((id) => ({ id, kind: "export-data", doc, format }), failed)) as string | Uint8Array;
  }

  /** Ends the worker; jobs still running fail. A job asked for after this starts a new worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopped(worker, { limit: "it was cancelled" });
    await worker.terminate();
  }

  /** Runs a job; `limitError` words the job's failure when it hits a limit. */
  private run(job: (id: number) => Job, limitError: (reason: string) => Error): Promise<JobResult> {
    const id = this.nextId++;
    const worker = this.started();
    this.clearIdle();
    worker.ref();
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => {
        this.stopped(worker, { limit: `it took longer than ${duration(this.options.jobMs)}` });
        void worker.terminate();
      }, this.options.jobMs);
      deadline.unref();
      const stopped = (stop: Stop) =>
        "limit" in stop
          ? limitError(stop.limit)
          : new Error(`The interchange worker failed: ${stop.broken.message}`, { cause: stop.broken });
      this.pending.set(id, { resolve, reject, stopped, deadline });
      try {
        worker.postMessage(job(id));
      } catch (e) {
        this.settled(worker, id); // not cloneable: nothing reached the worker
        reject(e);
      }
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: this.options.resourceLimits });
    worker.on("message", (reply: Reply) => {
      const job = this.settled(worker, reply.id);
      if (reply.ok) job?.resolve(reply.value);
      else job?.reject(rebuilt(reply.error));
    });
    worker.on("error", (e) => this.stopped(worker, stopOf(e)));
    worker.on("exit", (code) => this.stopped(worker, { broken: new Error(`the worker ended with code ${code}`) }));
    this.worker = worker;
    return worker;
  }

  /** Takes a job off the list; with none left, the worker rests. */
  private settled(worker: Worker, id: number): Pending | undefined {
    const job = this.pending.get(id);
    if (!job) return undefined;
    clearTimeout(job.deadline);
    this.pending.delete(id);
    if (this.pending.size === 0 && this.worker === worker) this.rest(worker);
    return job;
  }

  /** No job left: the process need not wait for the worker, which ends if nothing comes soon. */
  private rest(worker: Worker): void {
    worker.unref();
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs);
    this.idleTimer.unref();
  }

  private stopped(worker: Worker, stop: Stop): void {
    if (this.worker !== worker) return; // closed, or "error" came before "exit": the first one says why
    this.worker = null;
    this.clearIdle();
    for (const job of this.pending.values()) {
      clearTimeout(job.deadline);
      job.reject(job.stopped(stop));
    }
    this.pending.clear();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

function stopOf(e: Error): Stop {
  if ((e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return { limit: "it needs more memory than an import or export may use" };
  }
  return { broken: e };
}

const duration = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} minutes` : `${ms / 1000} seconds`);

/** The error as the worker's caller would have seen it in its own thread. */
function rebuilt(error: { name: string; message: string; stack?: string }): Error {
  const e = error.name === "ImportRefused" ? new ImportRefused(error.message) : new Error(error.message);
  e.name = error.name;
  if (error.stack) e.stack = error.stack;
  return e;
}
