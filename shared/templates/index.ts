/** The built-in templates, in the order the start screen and `scorecard templates` list them. */
import { blankTemplate } from "./blank.ts";
import type { TemplateDefinition } from "./definition.ts";
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
