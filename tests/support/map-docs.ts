/**
 * Strategy maps of any size for tests and the map bench: four perspectives in the IT template's
 * colours, `objectives` objectives spread over them with realistic names and a measure with
 * actuals each (so cards show every status), and upward links (each objective drives one or two
 * in the band above, some drive a neighbour in their own band). Deterministic. With `investments`,
 * the first moves every measure and each other one a share (the what-if view and workshop mode
 * then project the map).
 */
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { prng } from "../../shared/random/prng.ts";
import { builder } from "./docs.ts";

const PERSPECTIVES = [
  ["Business Value", "#1d4ed8"],
  ["Stakeholders", "#0f766e"],
  ["Operational Excellence", "#b45309"],
  ["Future Readiness", "#7c3aed"],
] as const;
const WORDS = [
  "Reliable",
  "Secure",
  "Faster",
  "Trusted",
  "Modern",
  "Efficient",
  "Skilled",
  "Digital",
  "Resilient",
  "Lean",
];
const THINGS = [
  "services",
  "delivery",
  "platforms",
  "partnerships",
  "operations",
  "data use",
  "people",
  "change",
  "cloud",
  "support",
];

export function mapDoc(objectives: number, seed = 7, investments = 0): ScorecardDocument {
  const rand = prng(seed);
  const b = builder(4);
  const bands = PERSPECTIVES.map(([name, color]) => {
    const id = b.perspective(name);
    const p = b.doc.perspectives.find((x) => x.id === id);
    if (p) p.color = color;
    return id;
  });
  const byBand: string[][] = bands.map(() => []);
  const measures: string[] = [];
  for (let i = 0; i < objectives; i++) {
    const band = i % bands.length;
    const name = `${WORDS[i % WORDS.length]} ${THINGS[Math.floor(i / WORDS.length) % THINGS.length]} ${i + 1}`;
    const id = b.objective(bands[band] as string, name);
    byBand[band]?.push(id);
    const m = b.measure(id, { baseline: 0, target: 100 });
    measures.push(m);
    // Scores from 20 % to 100 %: red, amber and green cards; every seventh has no data.
    if (i % 7 !== 6) for (let k = 0; k < 4; k++) b.actual(m, k, 20 + Math.floor(rand() * 81));
  }
  for (let band = 1; band < bands.length; band++) {
    const above = byBand[band - 1] as string[];
    const here = byBand[band] as string[];
    here.forEach((id, i) => {
      const targets = new Set([above[(i + Math.floor(rand() * 2)) % above.length] as string]);
      if (rand() < 0.4) targets.add(above[Math.floor(rand() * above.length)] as string);
      for (const to of targets) b.link(id, to, Math.round(rand() * 10) / 10);
    });
  }
  // A few links within a band (left to right: no cycles).
  byBand.forEach((ids) => {
    for (let i = 0; i + 1 < ids.length; i += 4) b.link(ids[i] as string, ids[i + 1] as string, 0.3);
  });
  // Investments last, from their own generator: the map above is the same with or without them.
  const spendRand = prng(seed + 1);
  const invested = Array.from({ length: investments }, (_, n) =>
    b.investment(`Investment ${n + 1}`, 200_000 + Math.round(spendRand() * 20) * 50_000),
  );
  // The first investment is a broad programme moving every measure (moving its slider changes
  // every card's projection); the others each move a share of them.
  measures.forEach((m, i) => {
    invested.forEach((inv, n) => {
      if (n === 0 || i % (invested.length - 1) === n - 1) b.impact(inv, m, 2 + Math.round(spendRand() * 8));
    });
  });
  b.doc.scorecard.title = `Map with ${objectives} objectives`;
  return b.doc;
}
