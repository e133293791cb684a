/// <reference path="./elkjs.d.ts" />
/**
 * The map's auto-layout: Eclipse ELK's layered algorithm (elkjs) orders the cards so that arrows
 * cross as little as possible, with partitioning so that every perspective keeps its own band.
 * ELK decides the order within each band; geometry.ts turns that order into slots. ELK is 1.5 MB,
 * so its worker script is shipped as a file of its own and started on first use (worker-src
 * 'self'): the main bundle does not carry it, and the page never waits for a layout.
 * The worker's protocol is elkjs's own (elk-api.js): {id, cmd, …} in, {id, data | error} out.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { METRICS, perspectivesInOrder } from "./geometry.ts";

type Doc = Pick<ScorecardDocument, "perspectives" | "objectives" | "links">;

/**
 * The graph ELK lays out: one node per objective, partition = its band from the top, and one edge
 * per link drawn from effect down to cause, so every edge points down the partitions.
 */
export function elkGraph(doc: Doc): ElkNode {
  const band = new Map(perspectivesInOrder(doc).map((p, i) => [p.id, i]));
  const objectives = doc.objectives.filter((o) => band.has(o.perspectiveId));
  const known = new Set(objectives.map((o) => o.id));
  return {
    id: "map",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "DOWN",
      "elk.partitioning.activate": "true",
      "elk.layered.crossingMinimization.strategy": "LAYER_SWEEP",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.spacing.nodeNode": String(METRICS.gapX),
      "elk.randomSeed": "1",
    },
    children: objectives.map((o) => ({
      id: o.id,
      width: METRICS.cardW,
      height: METRICS.cardH,
      layoutOptions: { "elk.partitioning.partition": String(band.get(o.perspectiveId)) },
    })),
    edges: doc.links
      .filter((l) => known.has(l.fromId) && known.has(l.toId) && l.fromId !== l.toId)
      .map((l) => ({ id: l.id, sources: [l.toId], targets: [l.fromId] })),
  };
}

/** Order of the laid-out nodes: by ELK's layer (y), then left to right (x). */
export function rankOf(laidOut: ElkNode): Map<string, number> {
  const nodes = [...(laidOut.children ?? [])].sort((a, b) => (a.y ?? 0) - (b.y ?? 0) || (a.x ?? 0) - (b.x ?? 0));
  return new Map(nodes.map((n, i) => [n.id, i]));
}

/** What the layout depends on: objectives, their bands and the links, not names or positions. */
export function layoutKey(doc: Doc): string {
  const band = new Map(perspectivesInOrder(doc).map((p, i) => [p.id, i]));
  return [
    doc.objectives.map((o) => `${o.id}@${band.get(o.perspectiveId) ?? "-"}`).join(","),
    doc.links.map((l) => `${l.fromId}>${l.toId}`).join(","),
  ].join("|");
}

/** The part of ELK's JSON graph the map uses (elkjs's own typings do not compile under strict settings). */
export interface ElkNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkNode[];
  edges?: Array<{ id: string; sources: string[]; targets: string[] }>;
}

/**
 * One ELK worker for the window, asked one request at a time by id. A worker that fails (its
 * script does not load, it cannot start, it crashes) fails every request waiting on it and is
 * dropped, so the next layout starts a new one.
 */
class ElkWorker {
  private readonly worker: Promise<Worker>;
  private next = 0;
  private broken = false;
  private readonly waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  constructor(private readonly onBroken: (w: ElkWorker) => void) {
    this.worker = import("elkjs/lib/elk-worker.min.js?url").then((m) => {
      const worker = new Worker(m.default);
      worker.onmessage = (e: MessageEvent<{ id: number; data?: unknown; error?: unknown }>) => {
        const answer = this.waiting.get(e.data.id);
        this.waiting.delete(e.data.id);
        if (e.data.error !== undefined) answer?.reject(new Error(errorText(e.data.error)));
        else answer?.resolve(e.data.data);
      };
      worker.onerror = (e) => {
        e.preventDefault();
        this.fail(new Error(e.message || "the layout worker failed"));
        worker.terminate();
      };
      return worker;
    });
    this.worker.catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
    // A failed registration fails the layout asked next too, which reports it: nothing to say here.
    this.ask({ cmd: "register", algorithms: ["layered"] }).catch(() => {});
  }

  private fail(error: Error) {
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
    if (this.broken) return;
    this.broken = true;
    this.onBroken(this);
  }

  async ask(message: Record<string, unknown>): Promise<unknown> {
    const worker = await this.worker;
    if (this.broken) throw new Error("the layout worker failed");
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  }

  layout(graph: ElkNode): Promise<ElkNode> {
    return this.ask({ cmd: "layout", graph, layoutOptions: {}, options: {} }) as Promise<ElkNode>;
  }
}

function errorText(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) return String((error as { message: unknown }).message);
  return String(error);
}

let elk: ElkWorker | null = null;
const ranks = new Map<string, Promise<Map<string, number>>>();

/** ELK's order for `doc`'s cards; computed once per layout key. */
export function autoRank(doc: Doc): Promise<Map<string, number>> {
  const key = layoutKey(doc);
  let rank = ranks.get(key);
  if (!rank) {
    // A broken worker is dropped (and a new one started by the next layout).
    elk ??= new ElkWorker((broken) => {
      if (elk === broken) elk = null;
    });
    rank = elk.layout(elkGraph(doc)).then(rankOf);
    // Forget failures, so a later change can try again.
    const asked = rank;
    asked.catch(() => {
      if (ranks.get(key) === asked) ranks.delete(key);
    });
    if (ranks.size > 20) ranks.clear();
    ranks.set(key, rank);
  }
  return rank;
}
