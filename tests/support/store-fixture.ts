/** A small but complete document (every entity kind) and a store on a real file for it. */
import path from "node:path";
import { ScorecardStore } from "../../electron/file/store.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { builder } from "./docs.ts";
import { steppingClock } from "./files.ts";

export interface Fixture {
  doc: ScorecardDocument;
  newId: () => string;
  ids: {
    top: string;
    bottom: string;
    value: string;
    cost: string;
    ops: string;
    revenue: string;
    uptime: string;
    tickets: string;
    band: string;
    cloud: string;
    security: string;
  };
}

export function fixtureDocument(): Fixture {
  const b = builder(4);
  const top = b.perspective("Business Value");
  const bottom = b.perspective("Operational Excellence");
  const value = b.objective(top, "Grow revenue");
  const cost = b.objective(top, "Lower cost");
  const ops = b.objective(bottom, "Reliable services");
  const revenue = b.measure(value, { name: "Digital revenue share" });
  const uptime = b.measure(ops, { name: "Uptime", validRange: { min: 0, max: 100 }, baseline: 99, target: 99.9 });
  const tickets = b.measure(cost, { name: "Tickets", direction: "lower", baseline: 500, target: 300, unit: "/q" });
  const band = b.measure(ops, {
    name: "Utilisation",
    direction: "band",
    method: "band",
    band: { low: 60, high: 80, tolerance: 10 },
  });
  for (let k = 0; k < 3; k++) {
    b.actual(revenue, k, 62 + k * 5);
    b.actual(uptime, k, 99.1 + k * 0.3);
    b.actual(tickets, k, 480 - k * 40);
  }
  b.doc.actuals[0] = { ...(b.doc.actuals[0] as (typeof b.doc.actuals)[number]), note: "first quarter, estimated" };
  b.doc.periodTargets.push({ measureId: revenue, periodId: b.periodId(1), target: 70 });
  b.doc.links.push({ id: b.newId(), fromId: ops, toId: value, strength: 0.5, note: "uptime sells" });
  const cloud = b.newId();
  const security = b.newId();
  b.doc.investments.push(
    { id: cloud, name: "Cloud", description: "", category: "run", baseSpend: 1e6, minSpend: 0, maxSpend: 3e6 },
    { id: security, name: "Security", description: "", category: "grow", baseSpend: 5e5, minSpend: 0, maxSpend: 1.5e6 },
  );
  b.doc.impacts.push(
    {
      id: b.newId(),
      investmentId: cloud,
      measureId: uptime,
      effect: 0.3,
      curve: "saturating",
      lag: 1,
      confidence: "high",
    },
    {
      id: b.newId(),
      investmentId: security,
      measureId: tickets,
      effect: -50,
      curve: "linear",
      lag: 0,
      confidence: "low",
    },
  );
  b.doc.scenarios.push({
    id: b.newId(),
    name: "More cloud",
    notes: "board ask",
    spend: { [cloud]: 1.5e6, [security]: 5e5 },
    createdAt: "2026-01-01T00:00:00.000Z",
  });
  return {
    doc: b.doc,
    newId: b.newId,
    ids: { top, bottom, value, cost, ops, revenue, uptime, tickets, band, cloud, security },
  };
}

export function createStore(dir: string, doc: ScorecardDocument, name = "test.scorecard"): ScorecardStore {
  return ScorecardStore.create(path.join(dir, name), doc, { appVersion: "0.0.0-test", now: steppingClock() });
}
