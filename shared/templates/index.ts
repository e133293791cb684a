/** The built-in templates, in the order the start screen and `scorecard templates` list them. */
import { blankTemplate } from "./blank.ts";
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

/** A new scorecard from the template with this key: fresh ids, and one year of periods unless told otherwise. */
export function newScorecard(key: string, opts: InstantiateOptions): ScorecardDocument {
  const def = findTemplate(key);
  if (!def) throw new Error(`unknown template ${JSON.stringify(key)}`);
  return instantiateTemplate(def, { ...opts, periods: opts.periods ?? defaultPeriods(def, opts.now) });
}
