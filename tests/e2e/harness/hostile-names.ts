/**
 * The hostile-names file: a demo scorecard whose title and top perspective, objective and measure
 * carry markup, right-to-left text with an override character, and a 199-character name, as a
 * file from email might. Written with the real store, closed before the app opens it.
 */
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { ScorecardStore } from "../../../electron/file/store.ts";
import { SHELL_APP_VERSION, type Shell } from "../../support/shell-fixture.ts";

export const XSS = "<img src=x onerror=alert(1)>";
export const RTL = "\u202Eمؤشر رضا العملاء שביעות רצון";
export const LONG = `Measure with a very long name ${"that keeps on going ".repeat(12)}`.slice(0, 199).trim();
export const HOSTILE_TITLE = `${XSS} ${RTL} ${"x".repeat(120)}`;

export interface HostileFile {
  file: string;
  perspective: ScorecardDocument["perspectives"][number];
  objective: ScorecardDocument["objectives"][number];
  measure: ScorecardDocument["measures"][number];
}

export function writeHostileNames(shell: Shell): HostileFile {
  const file = shell.writeScorecard("hostile.scorecard", "demo");
  const store = ScorecardStore.open(file, { appVersion: SHELL_APP_VERSION });
  try {
    const doc = store.document();
    const perspective = [...doc.perspectives].sort((a, b) => a.order - b.order)[0];
    const objective = doc.objectives.find((o) => o.perspectiveId === perspective?.id);
    const measure = doc.measures.find((m) => m.objectiveId === objective?.id);
    if (!perspective || !objective || !measure) throw new Error("the demo has a top perspective with a measure");
    store.apply({ type: "scorecard.update", changes: { title: HOSTILE_TITLE } });
    store.apply({ type: "update", entity: "perspective", id: perspective.id, changes: { name: XSS } });
    store.apply({ type: "update", entity: "objective", id: objective.id, changes: { name: RTL } });
    store.apply({ type: "update", entity: "measure", id: measure.id, changes: { name: LONG } });
    return { file, perspective, objective, measure };
  } finally {
    store.close();
  }
}
