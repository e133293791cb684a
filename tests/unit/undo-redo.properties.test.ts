/**
 * Property: over random sequences of operations on a real file, undo walks back through exactly
 * the earlier documents, redo walks forward through exactly the later ones, refused operations
 * change nothing, accepted ones never break a rule, and the file on disk holds what memory holds.
 */
import fs from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { readScorecardFile } from "../../electron/file/open.ts";
import type { ScorecardStore } from "../../electron/file/store.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import { OperationRefused } from "../../shared/operations/execute.ts";
import type { Operation } from "../../shared/operations/operation.ts";
import { tempDir } from "../support/files.ts";
import { createStore, fixtureDocument } from "../support/store-fixture.ts";

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const nat = fc.nat(50);
const value = fc.oneof(fc.double({ min: -50, max: 600, noNaN: true }), fc.integer({ min: 0, max: 100 }));
const name = fc.string({ minLength: 0, maxLength: 12 });

/** Operations described by list positions; turned into real ids against the document of the moment. */
const step = fc.oneof(
  fc.record({ k: fc.constant("set"), m: nat, p: nat, v: value, note: fc.option(name, { nil: undefined }) }),
  fc.record({ k: fc.constant("clear"), m: nat, p: nat }),
  fc.record({ k: fc.constant("target"), m: nat, p: nat, v: value }),
  fc.record({ k: fc.constant("clearTarget"), m: nat, p: nat }),
  fc.record({ k: fc.constant("newMeasure"), o: nat, at: nat }),
  fc.record({ k: fc.constant("rename"), m: nat, name }),
  fc.record({ k: fc.constant("weight"), m: nat, v: value }),
  fc.record({ k: fc.constant("deleteMeasure"), m: nat }),
  fc.record({ k: fc.constant("deleteObjective"), o: nat }),
  fc.record({ k: fc.constant("link"), a: nat, b: nat, v: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ k: fc.constant("move"), m: nat, to: nat }),
  fc.record({ k: fc.constant("newPeriod") }),
  fc.record({ k: fc.constant("deletePeriod"), p: nat }),
  fc.record({ k: fc.constant("paste"), m: nat, cells: fc.array(value, { minLength: 1, maxLength: 6 }) }),
  fc.record({ k: fc.constant("title"), name }),
  fc.record({ k: fc.constant("spend"), i: nat, v: fc.double({ min: 0, max: 4e6, noNaN: true }) }),
  fc.record({ k: fc.constant("deleteInvestment"), i: nat }),
);
type Desc = typeof step extends fc.Arbitrary<infer T> ? T : never;

function toOperation(d: Desc, doc: ScorecardDocument, newId: () => string, serial: number): Operation | null {
  const pick = <T>(list: readonly T[], i: number): T | undefined => list[i % Math.max(1, list.length)];
  const m = "m" in d ? pick(doc.measures, d.m) : undefined;
  const p = "p" in d ? pick(doc.periods, d.p) : undefined;
  switch (d.k) {
    case "set":
      return m && p
        ? {
            type: "actual.set",
            measureId: m.id,
            periodId: p.id,
            value: d.v,
            ...(d.note === undefined ? {} : { note: d.note }),
          }
        : null;
    case "clear":
      return m && p ? { type: "actual.clear", measureId: m.id, periodId: p.id } : null;
    case "target":
      return m && p ? { type: "periodTarget.set", measureId: m.id, periodId: p.id, target: d.v } : null;
    case "clearTarget":
      return m && p ? { type: "periodTarget.clear", measureId: m.id, periodId: p.id } : null;
    case "newMeasure": {
      const o = pick(doc.objectives, d.o);
      if (!o) return null;
      const measure = {
        ...(doc.measures[0] ?? fixtureDocument().doc.measures[0]!),
        id: newId(),
        objectiveId: o.id,
        name: `New ${serial}`,
      };
      return { type: "create", entity: "measure", value: measure, at: d.at % (doc.measures.length + 1) };
    }
    case "rename":
      return m ? { type: "update", entity: "measure", id: m.id, changes: { name: d.name } } : null;
    case "weight":
      return m ? { type: "update", entity: "measure", id: m.id, changes: { weight: d.v } } : null;
    case "deleteMeasure":
      return m ? { type: "delete", entity: "measure", id: m.id } : null;
    case "deleteObjective": {
      const o = pick(doc.objectives, d.o);
      return o ? { type: "delete", entity: "objective", id: o.id } : null;
    }
    case "link": {
      const a = pick(doc.objectives, d.a);
      const b = pick(doc.objectives, d.b);
      return a && b
        ? { type: "create", entity: "link", value: { id: newId(), fromId: a.id, toId: b.id, strength: d.v, note: "" } }
        : null;
    }
    case "move":
      return m ? { type: "move", entity: "measure", id: m.id, to: d.to % doc.measures.length } : null;
    case "newPeriod": {
      const start = new Date(Date.UTC(2030, serial, 1)).toISOString().slice(0, 10);
      return { type: "create", entity: "period", value: { id: newId(), label: `P${serial}`, start } };
    }
    case "deletePeriod":
      return p ? { type: "delete", entity: "period", id: p.id } : null;
    case "paste":
      return m
        ? {
            type: "batch",
            label: "Paste",
            operations: d.cells.flatMap((v, k) => {
              const period = doc.periods[k];
              return period ? [{ type: "actual.set" as const, measureId: m.id, periodId: period.id, value: v }] : [];
            }),
          }
        : null;
    case "title":
      return { type: "scorecard.update", changes: { title: d.name } };
    case "spend": {
      const inv = pick(doc.investments, d.i);
      return inv ? { type: "update", entity: "investment", id: inv.id, changes: { baseSpend: d.v } } : null;
    }
    case "deleteInvestment": {
      const inv = pick(doc.investments, d.i);
      return inv ? { type: "delete", entity: "investment", id: inv.id } : null;
    }
  }
}

describe("undo and redo over random edits", () => {
  it("restore exactly the earlier and later documents, in memory and on disk", () => {
    let run = 0;
    const totals = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 25 }), (descs) => {
        const fx = fixtureDocument();
        const store: ScorecardStore = createStore(dir, fx.doc, `run-${run++}.scorecard`);
        try {
          const history: ScorecardDocument[] = [structuredClone(store.document())];
          descs.forEach((d, serial) => {
            const op = toOperation(d, store.document(), fx.newId, serial);
            if (!op) return;
            const before = store.document();
            try {
              store.apply(op);
            } catch (e) {
              if (!(e instanceof OperationRefused)) throw e;
              totals.refused++;
              expect(store.document()).toEqual(before);
              return;
            }
            // An accepted edit never leaves the document breaking a rule.
            expect(validateDocument(store.document()).problems.filter((p) => p.severity === "error")).toEqual([]);
            if (store.undoLabel !== null && store.document() !== before)
              history.push(structuredClone(store.document()));
          });
          // Each accepted edit that changed something is one undo step.
          const edits = history.length - 1;
          totals.accepted += edits;
          for (let i = edits; i > 0; i--) {
            expect(store.undo()).not.toBeNull();
            expect(store.document()).toEqual(history[i - 1]);
          }
          expect(store.undo()).toBeNull();
          for (let i = 1; i <= edits; i++) {
            expect(store.redo()).not.toBeNull();
            expect(store.document()).toEqual(history[i]);
          }
          expect(store.redo()).toBeNull();
          store.close();
          expect(readScorecardFile(store.file).document).toEqual(history[edits]);
        } finally {
          store.close();
        }
      }),
      { numRuns: 100, seed: 20261125 },
    );
    // The generator must reach both sides: many accepted edits, and some refused ones.
    expect(totals.accepted).toBeGreaterThan(400);
    expect(totals.refused).toBeGreaterThan(30);
  });
});
