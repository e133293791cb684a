/**
 * A worker thread that runs Monte Carlo requests, as the app runs them off the UI thread.
 * tests/unit/whatif-monte-carlo.test.ts starts it with node:worker_threads through tsx's API
 * (Node 20 ignores `execArgv: ["--import", "tsx"]` in workers, nodejs/node#47747):
 *
 *   new Worker(`import("<tsx/esm/api>").then((tsx) => tsx.tsImport("<this file's URL>", "<same>"))`, { eval: true })
 *
 * Each message is a MonteCarloRequest (structured clone); each reply is the MonteCarloReply of
 * runMonteCarloRequest, its sample buffers transferred rather than copied. The worker serves
 * requests until it is terminated.
 */
import { parentPort, type TransferListItem } from "node:worker_threads";
import { type MonteCarloRequest, runMonteCarloRequest } from "../../shared/whatif/monte-carlo.ts";

const port = parentPort;
if (!port) throw new Error("monte-carlo-worker.ts runs as a worker thread, not on its own.");

port.on("message", (request: MonteCarloRequest) => {
  const reply = runMonteCarloRequest(request);
  const transfer: TransferListItem[] = [];
  if (reply.kind === "samples") {
    for (const buf of [reply.samples.overall, ...reply.samples.timeline]) transfer.push(buf.buffer as ArrayBuffer);
  }
  port.postMessage(reply, transfer);
});
