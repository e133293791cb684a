/** Scenarios in the file (SPEC §3, §4): saved through operations, read back, undone — on real .scorecard files. */
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ScorecardStore } from "../../electron/file/store.ts";
import { readScorecardFile } from "../../electron/file/open.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { evaluateScenario } from "../../shared/whatif/scenario.ts";
import { baseSpend, spendOfScenario, spendRecord } from "../../shared/whatif/spend.ts";
import { createStore } from "../support/store-fixture.ts";
import { sha256, tempDir } from "../support/files.ts";
import { whatIfDoc } from "../support/whatif-docs.ts";

const stores: ScorecardStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

describe("scenarios in the file", () => {
  it("a scenario saved by a create operation reopens with the same spend and the same projection; undo removes it", () => {
    const dir = tempDir();
    const doc = whatIfDoc(7, { investments: 4, measures: 12 });
    const store = createStore(dir, doc);
    stores.push(store);
    const model = compileWhatIf(store.document());
    const spend = baseSpend(model);
    spend[0] = (model.max[0] as number) * 0.9;
    spend[2] = (model.min[2] as number) + 1;
    const expected = evaluateScenario(model, spend);
    const id = "00000000-0000-4000-8000-00000000a001";
    store.apply({
      type: "create",
      entity: "scenario",
      value: {
        id,
        name: "Cloud push",
        notes: "",
        spend: spendRecord(model, spend),
        createdAt: "2026-11-25T10:00:00.000Z",
      },
    });
    store.close();
    stores.pop();

    const { document: reread } = readScorecardFile(path.join(dir, "test.scorecard"));
    const saved = reread.scenarios.find((s) => s.id === id);
    expect(saved?.name).toBe("Cloud push");
    const model2 = compileWhatIf(reread);
    expect(Array.from(spendOfScenario(model2, saved as NonNullable<typeof saved>))).toEqual(Array.from(spend));
    expect(evaluateScenario(model2, spendOfScenario(model2, saved as NonNullable<typeof saved>))).toEqual(expected);

    const again = ScorecardStore.open(path.join(dir, "test.scorecard"), { appVersion: "0.0.0-test" });
    stores.push(again);
    again.apply({ type: "update", entity: "scenario", id, changes: { name: "Cloud push (v2)" } });
    expect(again.document().scenarios.find((s) => s.id === id)?.name).toBe("Cloud push (v2)");
    again.undo();
    expect(again.document().scenarios.find((s) => s.id === id)?.name).toBe("Cloud push");
  });

  it("a scenario naming an unknown investment or a negative spend is refused and the file is unchanged", () => {
    const dir = tempDir();
    const store = createStore(dir, whatIfDoc(3, { investments: 2, measures: 4 }));
    stores.push(store);
    const before = sha256(path.join(dir, "test.scorecard"));
    const bad = (spend: Record<string, number>) => () =>
      store.apply({
        type: "create",
        entity: "scenario",
        value: {
          id: "00000000-0000-4000-8000-00000000a002",
          name: "Bad",
          notes: "",
          spend,
          createdAt: "2026-11-25T10:00:00.000Z",
        },
      });
    expect(bad({ "00000000-0000-4000-8000-0000000fffff": 1 })).toThrow(/investment/);
    const first = store.document().investments[0]?.id as string;
    expect(bad({ [first]: -1 })).toThrow(/must be ≥ 0/);
    expect(store.document().scenarios).toEqual([]);
    expect(sha256(path.join(dir, "test.scorecard"))).toBe(before);
  });
});
