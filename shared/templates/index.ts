/** The built-in templates, in the order the start screen and `scorecard templates` list them. */
import { blankTemplate } from "./blank.ts";
import { demoScorecard } from "./demo.ts";
import type { ScorecardDocument } from "../domain/types.ts";
import type { TemplateDefinition } from "./definition.ts";
import { defaultPeriods, type InstantiateOptions, instantiateTemplate } from "./instantiate.ts";
import { itValueTemplate } from "./it-value.ts";
import { kaplanNortonTemplate } from "./kaplan-norton.ts";
import { vanGrembergenTemplate } from "./van-grembergen.ts";

export const TEMPLATES: readonly TemplateDefinition[] = [
  itValueTemplate,
  vanGrembergenTemplate,
  kaplanNortonTemplate,
  blankTemplate,
];

/** The template with this key ("it-value", "van-grembergen", "kaplan-norton", "blank"), if any. */
export function findTemplate(key: string): TemplateDefinition | undefined {
  return TEMPLATES.find((t) => t.key === key);
}

/** The start screen's "open the demo": the IT Value template filled in with two years of actuals. */
export const DEMO_KEY = "demo";

/**
 * A new scorecard from the template with this key (or the demo): fresh ids, and one year of
 * periods unless told otherwise (the demo has its own eight quarters).
 */
export function newScorecard(key: string, opts: InstantiateOptions): ScorecardDocument {
  if (key === DEMO_KEY) return demoScorecard(opts);
  const def = findTemplate(key);
  if (!def) throw new Error(`unknown template ${JSON.stringify(key)}`);
  return instantiateTemplate(def, { ...opts, periods: opts.periods ?? defaultPeriods(def, opts.now) });
}
