/**
 * Imports and exports on a worker thread, so that main stays free for every window while a large
 * workbook is read or written (seconds at SPEC §6 size). The worker starts on the first job and
 * stops after a quiet minute (exceljs alone holds tens of MB). It runs with a memory limit: a
 * hostile file that still got past the reader's checks ends the worker, not the app, and the job
 * fails with a clear message while the next one starts a fresh worker.
 */
import path from "node:path";
import { type ResourceLimits, Worker } from "node:worker_threads";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import type { ImportFile } from "../../shared/interchange/table.ts";
import { ImportRefused } from "./errors.ts";
import type { ExportFormat } from "./export-data.ts";
import type { Interchange } from "./interchange.ts";
import type { Job, JobResult, Reply } from "./worker-protocol.ts";

export interface ThreadOptions {
  /** The worker's heap. The largest real jobs (the SPEC §6 workbook, written or read) run within 256 MB. */
  resourceLimits?: ResourceLimits;
  /** How long an idle worker is kept for the next job. */
  idleMs?: number;
}

const DEFAULTS = { resourceLimits: { maxOldGenerationSizeMb: 1024 }, idleMs: 60_000 };

interface Pending {
  resolve(value: JobResult): void;
  reject(error: Error): void;
  /** The error for this job when the worker stops under it (a crash, out of memory). */
  stopped(reason: string): Error;
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

  async readImportFile(file: string): Promise<ImportFile> {
    const refused = (reason: string) =>
      new ImportRefused(`${path.basename(file)}: the file could not be read (${reason})`);
    return (await this.run((id) => ({ id, kind: "read-import-file", file }), refused)) as ImportFile;
  }

  async exportData(doc: ScorecardDocument, format: ExportFormat): Promise<string | Uint8Array> {
    const failed = (reason: string) => new Error(`The export stopped: ${reason}`);
    return (await this.run((id) => ({ id, kind: "export-data", doc, format }), failed)) as string | Uint8Array;
  }

  /** Ends the worker; jobs still running fail. A job asked for after this starts a new worker. */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.stopped(worker, "the worker was closed");
    await worker.terminate();
  }

  private run(job: (id: number) => Job, stopped: Pending["stopped"]): Promise<JobResult> {
    const id = this.nextId++;
    const worker = this.started();
    this.clearIdle();
    worker.ref();
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, stopped });
      try {
        worker.postMessage(job(id));
      } catch (e) {
        this.pending.delete(id); // not cloneable: nothing reached the worker
        reject(e);
      }
    });
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { resourceLimits: this.options.resourceLimits });
    worker.on("message", (reply: Reply) => this.settle(worker, reply));
    worker.on("error", (e) => this.stopped(worker, stopReason(e)));
    worker.on("exit", (code) => this.stopped(worker, `the worker ended with code ${code}`));
    this.worker = worker;
    return worker;
  }

  private settle(worker: Worker, reply: Reply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if (reply.ok) job.resolve(reply.value);
    else job.reject(rebuilt(reply.error));
    if (this.pending.size === 0) this.rest(worker);
  }

  /** No job left: the process need not wait for the worker, which ends if nothing comes soon. */
  private rest(worker: Worker): void {
    worker.unref();
    this.idleTimer = setTimeout(() => void this.close(), this.options.idleMs);
    this.idleTimer.unref();
  }

  private stopped(worker: Worker, reason: string): void {
    if (this.worker !== worker) return; // closed, or "error" came before "exit": the first one says why
    this.worker = null;
    this.clearIdle();
    for (const job of this.pending.values()) job.reject(job.stopped(reason));
    this.pending.clear();
  }

  private clearIdle(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

function stopReason(e: Error): string {
  if ((e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY") {
    return "it needs more memory than an import or export may use";
  }
  return e.message;
}

/** The error as the worker's caller would have seen it in its own thread. */
function rebuilt(error: { name: string; message: string }): Error {
  if (error.name === "ImportRefused") return new ImportRefused(error.message);
  const e = new Error(error.message);
  e.name = error.name;
  return e;
}
