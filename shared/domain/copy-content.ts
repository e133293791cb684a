/**
 * What a copy of a document holds (File ▸ Share…): the whole framework always; actuals, notes and
 * what-if scenarios only when asked. One definition for main, which writes the copy
 * (electron/file/copy.ts), and the Share… dialog, which says what the copy will hold.
 */
import type { ScorecardDocument } from "./types.ts";

export interface CopyContent {
  /** Keep the actuals (default true). Without them the copy is a template of the framework. */
  actuals?: boolean;
  /** Keep notes on actuals, links and scenarios (default true). */
  notes?: boolean;
  /** Keep the what-if scenarios (default true). Nothing else refers to a scenario, so dropping them is safe. */
  scenarios?: boolean;
}

/** The document as a copy with these options holds it. */
export function filterForCopy(doc: ScorecardDocument, opts: CopyContent): ScorecardDocument {
  const notes = opts.notes ?? true;
  const actuals = opts.actuals ?? true;
  const scenarios = opts.scenarios ?? true;
  return {
    ...doc,
    links: notes ? doc.links : doc.links.map((l) => ({ ...l, note: "" })),
    actuals: !actuals ? [] : notes ? doc.actuals : doc.actuals.map((a) => ({ ...a, note: "" })),
    scenarios: !scenarios ? [] : notes ? doc.scenarios : doc.scenarios.map((s) => ({ ...s, notes: "" })),
  };
}

/** How many notes a document holds: on links, on actuals and on scenarios. */
export function noteCount(doc: ScorecardDocument): number {
  return copyCounts(doc, {}).notes;
}

/**
 * What a copy with these options holds, counted without building it: the Share… dialog recounts
 * on every click of an option, and a document may hold hundreds of thousands of actuals.
 */
export function copyCounts(
  doc: ScorecardDocument,
  opts: CopyContent,
): { measures: number; actuals: number; notes: number; scenarios: number } {
  const actuals = opts.actuals ?? true;
  const scenarios = opts.scenarios ?? true;
  let notes = 0;
  if (opts.notes ?? true) {
    const filled = (text: string) => (text === "" ? 0 : 1);
    for (const l of doc.links) notes += filled(l.note);
    if (actuals) for (const a of doc.actuals) notes += filled(a.note);
    if (scenarios) for (const s of doc.scenarios) notes += filled(s.notes);
  }
  return {
    measures: doc.measures.length,
    actuals: actuals ? doc.actuals.length : 0,
    notes,
    scenarios: scenarios ? doc.scenarios.length : 0,
  };
}
