/**
 * The interchange worker's script (bundled to dist/electron/interchange-worker.cjs): runs each job
 * it is sent with the same code the CLI runs in its own thread, and replies with the result or
 * the error's name, message and stack.
 */
import { parentPort } from "node:worker_threads";
import { inThisThread } from "./interchange.ts";
import type { Job, JobResult, Reply } from "./worker-protocol.ts";

const port = parentPort;
if (!port) throw new Error("worker-entry.ts runs as a worker thread only");

function run(job: Job): Promise<JobResult> {
  return job.kind === "read-import-file"
    ? inThisThread.readImportFile(job.file)
    : inThisThread.exportData(job.doc, job.format);
}

port.on("message", (job: Job) => {
  run(job).then(
    (value) => port.postMessage({ id: job.id, ok: true, value } satisfies Reply),
    (e: unknown) => {
      const error =
        e instanceof Error
          ? { name: e.name, message: e.message, stack: e.stack }
          : { name: "Error", message: String(e) };
      port.postMessage({ id: job.id, ok: false, error } satisfies Reply);
    },
  );
});
