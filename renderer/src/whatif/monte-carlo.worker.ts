/**
 * The what-if view's worker: the Monte Carlo uncertainty run (docs/uncertainty.md) and the
 * optimizer (docs/optimizer.md), off the UI thread so a slider never waits for them.
 *
 * The run goes in chunks of draws with a yield between them: a newer request (the spend moved
 * again) then stops the older run at the next chunk instead of after all of it, and the older run
 * is answered with a refusal, SUPERSEDED, that its client has forgotten. The chunks are
 * merged with mergeMonteCarlo, which gives exactly the one-thread result for the same seed.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { compileWhatIf, type WhatIfModel } from "../../../shared/whatif/model.ts";
import {
  MonteCarloRefused,
  type MonteCarloSamples,
  mergeMonteCarlo,
  sampleMonteCarlo,
} from "../../../shared/whatif/monte-carlo.ts";
import { OptimizerRefused, optimize } from "../../../shared/whatif/optimize.ts";
import { spendOfScenario, spendRecord } from "../../../shared/whatif/spend.ts";
import { addRows, DOCUMENT_REPLACED, SUPERSEDED, type WorkerReply, type WorkerRequest } from "./worker-protocol.ts";

/** Draws per chunk: about 25 ms at 1,000 measures, so a superseded run stops within that. */
const CHUNK = 500;

interface Scope {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
}
const scope = self as unknown as Scope;

let current: { version: number; doc: ScorecardDocument; model: WhatIfModel | null } | null = null;
/** The newest Monte Carlo request: an older run stops at its next chunk. */
let latestRun = -1;

/** The model of `version`, or null when a newer document replaced it (the request is then refused). */
function modelOf(version: number): WhatIfModel | null {
  if (!current || current.version !== version) return null;
  current.model ??= compileWhatIf(current.doc);
  return current.model;
}

const post = (reply: WorkerReply) => scope.postMessage(reply);

/** Lets queued messages in: a MessageChannel task, which browsers do not throttle like nested timers. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** A newer run stopped this one; it is still answered, as every request is. */
function supersede(id: number): void {
  post({ kind: "refused", id, message: SUPERSEDED });
}

async function monteCarlo(request: Extract<WorkerRequest, { kind: "monte-carlo" }>): Promise<void> {
  latestRun = request.id;
  // Compiling the model is inside the try too: a fault there is answered, not left unhandled.
  try {
    const model = modelOf(request.version);
    if (!model) {
      post({ kind: "refused", id: request.id, message: DOCUMENT_REPLACED });
      return;
    }
    const spend = spendOfScenario(model, { spend: request.spend });
    const chunks: MonteCarloSamples[] = [];
    for (let first = 0; first < request.draws; first += CHUNK) {
      if (latestRun !== request.id) return supersede(request.id);
      const drawCount = Math.min(CHUNK, request.draws - first);
      chunks.push(
        sampleMonteCarlo(model, spend, { draws: request.draws, seed: request.seed, firstDraw: first, drawCount }),
      );
      post({ kind: "progress", id: request.id, done: first + drawCount, draws: request.draws });
      await yieldToMessages();
    }
    if (latestRun !== request.id) return supersede(request.id);
    post({ kind: "monte-carlo", id: request.id, result: mergeMonteCarlo(chunks) });
  } catch (e) {
    post(failure(request.id, e, MonteCarloRefused));
  }
}

function optimizeRequest(request: Extract<WorkerRequest, { kind: "optimize" }>): void {
  try {
    const model = modelOf(request.version);
    if (!model) {
      post({ kind: "refused", id: request.id, message: DOCUMENT_REPLACED });
      return;
    }
    const result = optimize(model, spendOfScenario(model, { spend: request.spend }));
    post({
      kind: "optimize",
      id: request.id,
      spend: spendRecord(model, result.spend),
      overall: result.overall,
      startOverall: result.startOverall,
      total: result.total,
    });
  } catch (e) {
    post(failure(request.id, e, OptimizerRefused));
  }
}

/** A refusal's message is for the user as it is; anything else is a fault, reported as one. */
function failure(id: number, e: unknown, refusal: new (message: string) => Error): WorkerReply {
  if (e instanceof refusal) return { kind: "refused", id, message: e.message };
  return { kind: "failed", id, message: e instanceof Error ? e.message : String(e) };
}

scope.onmessage = (event) => {
  const request = event.data;
  switch (request.kind) {
    case "document":
      current = { version: request.version, doc: request.document, model: null };
      return;
    case "rows":
      if (current?.version === request.version) addRows(current.doc, request);
      return;
    case "monte-carlo":
      void monteCarlo(request);
      return;
    case "optimize":
      optimizeRequest(request);
      return;
  }
};
