/**
 * The messages between the what-if view and its worker (monte-carlo.worker.ts). The document is
 * sent once per committed change and kept there under a version number, so the requests that
 * follow a slider move carry only the spend. Even once is costly at size: cloning a 1,000-measure
 * document with 24,000 actuals takes 20–60 ms, a visible stall. So its large collections go in
 * slices of rows, one slice per task, and the UI stays responsive between them (DocumentChannel,
 * which the import's planning worker uses too).
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import type { MonteCarloResult } from "../../../shared/whatif/monte-carlo.ts";

export type WorkerRequest =
  /** The document with its large collections emptied; their rows follow in "rows" messages. */
  | { kind: "document"; version: number; document: ScorecardDocument }
  | { kind: "rows"; version: number; collection: string; rows: unknown[] }
  | {
      kind: "monte-carlo";
      id: number;
      version: number;
      spend: Record<string, number>;
      draws: number;
      seed: number;
    }
  | { kind: "optimize"; id: number; version: number; spend: Record<string, number> };

export type WorkerReply =
  | { kind: "progress"; id: number; done: number; draws: number }
  | { kind: "monte-carlo"; id: number; result: MonteCarloResult }
  | {
      kind: "optimize";
      id: number;
      spend: Record<string, number>;
      overall: number;
      startOverall: number;
      total: number;
    }
  /**
   * The engine refused (MonteCarloRefused, OptimizerRefused): the message is for the user. Also
   * DOCUMENT_REPLACED and SUPERSEDED, which the view drops (the request is no longer wanted).
   */
  | { kind: "refused"; id: number; message: string }
  /** A fault in the engine (a bug): the view says the computation failed. */
  | { kind: "failed"; id: number; message: string };

/**
 * The refusal a request gets when the worker no longer has its document version (a newer document
 * replaced it while the rows were on their way): every request is answered, so no view waits forever.
 */
export const DOCUMENT_REPLACED = "document replaced";

/**
 * The refusal a Monte Carlo run gets when a newer run stopped it at a chunk boundary. The view
 * forgot the older request when it asked the newer one, so this answer is dropped quietly.
 */
export const SUPERSEDED = "superseded";

/** The messages that carry a document; any worker that holds one accepts them (see addRows). */
export type DocumentMessage = Extract<WorkerRequest, { kind: "document" | "rows" }>;

/** Rows per message when a document goes to the worker: a few milliseconds of cloning each. */
const ROWS_PER_MESSAGE = 2_000;

/**
 * The messages that carry `doc` to the worker: the document with every collection longer than
 * `rowsPerMessage` emptied, then those collections' rows in slices, in order.
 */
export function documentMessages(
  doc: ScorecardDocument,
  version: number,
  rowsPerMessage = ROWS_PER_MESSAGE,
): DocumentMessage[] {
  const large = Object.entries(doc).filter(
    (entry): entry is [string, unknown[]] => Array.isArray(entry[1]) && entry[1].length > rowsPerMessage,
  );
  const messages: DocumentMessage[] = [
    { kind: "document", version, document: { ...doc, ...Object.fromEntries(large.map(([k]) => [k, []])) } },
  ];
  for (const [collection, rows] of large)
    for (let at = 0; at < rows.length; at += rowsPerMessage)
      messages.push({ kind: "rows", version, collection, rows: rows.slice(at, at + rowsPerMessage) });
  return messages;
}

/** Appends a "rows" message's rows to the document the worker holds (received in order). */
export function addRows(doc: ScorecardDocument, message: Extract<WorkerRequest, { kind: "rows" }>): void {
  const list = (doc as unknown as Record<string, unknown>)[message.collection];
  if (Array.isArray(list)) for (const row of message.rows) list.push(row);
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The UI side of sending documents to a worker: each document once (the same object again is not
 * sent), under a new version, its slices one task apart. Requests that need the document wait for
 * `send` and carry the version it resolves to.
 */
export class DocumentChannel {
  private version = 0;
  private last: { doc: ScorecardDocument; delivered: Promise<number> } | null = null;

  constructor(private readonly post: (message: DocumentMessage) => void) {}

  /**
   * Sends `doc` unless it was the last one sent. Resolves to its version once every slice is
   * posted, or once a newer document replaced it (its remaining rows are then dropped, and the
   * worker refuses requests for that version).
   */
  send(doc: ScorecardDocument): Promise<number> {
    if (this.last?.doc !== doc) this.last = { doc, delivered: this.deliver(doc, ++this.version) };
    return this.last.delivered;
  }

  private async deliver(doc: ScorecardDocument, version: number): Promise<number> {
    const [first, ...rest] = documentMessages(doc, version);
    if (first) this.post(first);
    for (const message of rest) {
      await nextTask();
      if (this.version !== version) break;
      this.post(message);
    }
    return version;
  }
}
