/**
 * The map's auto-layout input and output: the graph handed to ELK (one partition per band, edges
 * pointing down the partitions, links to unknown objectives left out), the order read back, the
 * real ELK keeping every band's cards together with fewer crossings than the file's order, the
 * layout key, and names fitted on cards.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { type ElkNode, elkGraph, layoutKey, rankOf } from "../../renderer/src/map/elk-layout.ts";
import { layoutMap } from "../../renderer/src/map/geometry.ts";
import { ellipsize, fitLines } from "../../renderer/src/map/text-fit.ts";
import { mapDoc } from "../support/map-docs.ts";

const ELK = createRequire(import.meta.url)("elkjs/lib/elk.bundled.js") as new () => {
  layout(graph: ElkNode): Promise<ElkNode>;
};

/** Pairs of links between the same two bands whose ends are in opposite left-right order. */
function crossings(doc: ScorecardDocument, rank: ReadonlyMap<string, number> | null): number {
  const layout = layoutMap(doc, rank);
  const xOf = (id: string) => {
    const c = layout.cards.get(id);
    return c ? c.x + (c.y % 10000) * 1e-6 : 0;
  };
  const band = (id: string) => layout.cards.get(id)?.bandId;
  let n = 0;
  for (let i = 0; i < doc.links.length; i++) {
    for (let j = i + 1; j < doc.links.length; j++) {
      const a = doc.links[i] as ScorecardDocument["links"][number];
      const b = doc.links[j] as ScorecardDocument["links"][number];
      if (band(a.fromId) !== band(b.fromId) || band(a.toId) !== band(b.toId)) continue;
      const d1 = xOf(a.fromId) - xOf(b.fromId);
      const d2 = xOf(a.toId) - xOf(b.toId);
      if (d1 * d2 < 0) n++;
    }
  }
  return n;
}

describe("auto-layout input", () => {
  it("partitions by band from the top and points every edge down the partitions", () => {
    const doc = mapDoc(12);
    doc.links.push({ id: "dangling", fromId: "nobody", toId: doc.objectives[0]?.id as string, strength: 1, note: "" });
    const graph = elkGraph(doc);
    expect(graph.layoutOptions?.["elk.algorithm"]).toBe("layered");
    expect(graph.layoutOptions?.["elk.partitioning.activate"]).toBe("true");
    const part = new Map(graph.children?.map((c) => [c.id, Number(c.layoutOptions?.["elk.partitioning.partition"])]));
    expect(part.size).toBe(12);
    for (const o of doc.objectives) {
      const order = doc.perspectives.find((p) => p.id === o.perspectiveId)?.order;
      expect(part.get(o.id)).toBe(order);
    }
    expect(graph.edges?.map((e) => e.id)).not.toContain("dangling");
    expect(graph.edges).toHaveLength(doc.links.length - 1);
    for (const e of graph.edges ?? []) {
      // From the effect (higher band) down to the cause.
      expect(part.get(e.sources[0] as string)).toBeLessThanOrEqual(part.get(e.targets[0] as string) as number);
    }
  });

  it("reads ELK's answer as an order by layer, then left to right", () => {
    const rank = rankOf({
      id: "map",
      children: [
        { id: "c", x: 0, y: 100 },
        { id: "b", x: 300, y: 0 },
        { id: "a", x: 10, y: 0 },
      ],
    });
    expect([...rank.entries()]).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
    ]);
  });

  it("the key changes with objectives, bands and links, not with names or positions", () => {
    const doc = mapDoc(8);
    const key = layoutKey(doc);
    const renamed = structuredClone(doc);
    (renamed.objectives[0] as ScorecardDocument["objectives"][number]).name = "Other";
    (renamed.objectives[1] as ScorecardDocument["objectives"][number]).position = { x: 5, y: 40 };
    expect(layoutKey(renamed)).toBe(key);
    const relinked = structuredClone(doc);
    relinked.links.pop();
    expect(layoutKey(relinked)).not.toBe(key);
    const moved = structuredClone(doc);
    (moved.objectives[0] as ScorecardDocument["objectives"][number]).perspectiveId = doc.perspectives[3]?.id as string;
    expect(layoutKey(moved)).not.toBe(key);
  });

  it("ELK keeps each band together and crosses fewer arrows than the file's order", async () => {
    const doc = mapDoc(40);
    const laidOut = await new ELK().layout(elkGraph(doc));
    const rank = rankOf(laidOut);
    expect(rank.size).toBe(40);
    // Partitions: every node of a band lies below every node of the band above.
    const bandOf = new Map(
      doc.objectives.map((o) => [o.id, doc.perspectives.findIndex((p) => p.id === o.perspectiveId)]),
    );
    const ys = (band: number) => (laidOut.children ?? []).filter((c) => bandOf.get(c.id) === band).map((c) => c.y ?? 0);
    for (let b = 1; b < 4; b++) expect(Math.min(...ys(b))).toBeGreaterThan(Math.max(...ys(b - 1)));
    const before = crossings(doc, null);
    const after = crossings(doc, rank);
    expect(after).toBeLessThan(before);
  });
});

describe("names on cards", () => {
  const measure = (t: string) => t.length * 10;
  it("wraps on words into at most two lines and cuts the rest with an ellipsis", () => {
    expect(fitLines("Reliable resilient services", 100, 2, measure)).toEqual(["Reliable", "resilient…"]);
    expect(fitLines("Fast safe change", 100, 2, measure)).toEqual(["Fast safe", "change"]);
    expect(fitLines("Short", 100, 2, measure)).toEqual(["Short"]);
    expect(fitLines("", 100, 2, measure)).toEqual([""]);
    // One word wider than the card is cut, not overflowing.
    const long = fitLines("x".repeat(40), 100, 2, measure);
    expect(long).toHaveLength(2);
    for (const line of long) expect(measure(line)).toBeLessThanOrEqual(100);
    expect(long[1]?.endsWith("…")).toBe(true);
    expect(ellipsize("abcdefghijkl", 60, measure)).toBe("abcde…");
    // At a word boundary when one fits: shown words stay whole words of the name.
    expect(ellipsize("Data and innovation capability", 250, measure)).toBe("Data and innovation…");
  });
});
