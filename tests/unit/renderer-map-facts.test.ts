/**
 * What the map's cards show: the period's scores and statuses, and the projected facts, which keep
 * their identity for every objective whose projected score, delta and status did not change (the
 * cards are memoized on them: a new projection renders only the cards that show a change).
 */
import { describe, expect, it } from "vitest";
import { periodFacts, projectedFacts } from "../../renderer/src/map/card-facts.ts";
import { scoresOf, viewFor } from "../../renderer/src/state/scores.ts";
import { scenarioOf } from "../../renderer/src/state/whatif.ts";
import { mapDoc } from "../support/map-docs.ts";

const doc = mapDoc(24, 7, 3);
// Not the first investment, which moves every measure: this one moves a share of them.
const first = doc.investments[1];
if (!first) throw new Error("no investment");
const base = scenarioOf(doc, {});
const more = scenarioOf(doc, { [first.id]: first.baseSpend * 2 });

describe("map card facts", () => {
  it("the period's facts are the scorecard view's score and status per objective", () => {
    const facts = periodFacts(doc, null);
    const objectives = viewFor(scoresOf(doc), null).perspectives.flatMap((p) => p.objectives);
    expect(facts.size).toBe(doc.objectives.length);
    for (const o of objectives) expect(facts.get(o.id)).toEqual({ score: o.score, status: o.status });
    expect([...facts.values()].some((f) => f.status === "none")).toBe(true);
  });

  it("projected facts are the scenario's projected score, delta and status", () => {
    const facts = projectedFacts(more, null);
    const objectives = more.perspectives.flatMap((p) => p.objectives);
    expect(facts.size).toBe(doc.objectives.length);
    for (const o of objectives) {
      expect(facts.get(o.id)).toEqual({ score: o.projected, delta: o.delta, status: o.status });
    }
  });

  it("keeps the previous object of every objective whose projection did not change, and only those", () => {
    const before = projectedFacts(base, null);
    const after = projectedFacts(more, before);
    let kept = 0;
    let changed = 0;
    for (const [id, now] of after) {
      const then = before.get(id);
      if (!then) throw new Error(`no facts for ${id}`);
      const same = then.score === now.score && then.delta === now.delta && then.status === now.status;
      expect(now === then, id).toBe(same);
      if (same) kept++;
      else changed++;
    }
    // The second investment moves half of the measures: both cases occur.
    expect(kept).toBeGreaterThan(0);
    expect(changed).toBeGreaterThan(0);
    // The same projection again: every object kept.
    const again = projectedFacts(more, after);
    for (const [id, f] of again) expect(f).toBe(after.get(id));
  });
});
