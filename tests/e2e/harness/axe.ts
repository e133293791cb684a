/**
 * The specs' one accessibility check: axe-core with the WCAG 2.0 and 2.1 A and AA rules (labelled
 * controls, names for every widget, valid ARIA, colour contrast) over the page or part of it.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** The rule sets every spec checks against. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** How many failing elements per rule are shown with their reason; the rest are listed by selector. */
const DETAILED_NODES = 3;

export interface AxeScope {
  /** Check only the elements matching this CSS selector, e.g. an open dialog. */
  include?: string;
  /** Leave out the elements matching this CSS selector; say at the call site why (e.g. another spec checks it). */
  exclude?: string;
}

/** One failing rule, shaped to be read in a test failure. */
export interface AxeViolation {
  rule: string;
  impact: string | null | undefined;
  /** axe's one-line description of the rule. */
  help: string;
  /** The first failing elements as "selector: why", then "also: …" with the selectors of any others. */
  where: string[];
}

/**
 * Runs axe on `page` (within `scope`) and returns its violations, so a caller asserts
 * `expect(await axeViolations(page), "what is on screen").toEqual([])` and a failure names the
 * rule, its impact, the elements and the reason for each.
 */
export async function axeViolations(page: Page, scope: AxeScope = {}): Promise<AxeViolation[]> {
  let axe = new AxeBuilder({ page }).withTags(WCAG_TAGS);
  if (scope.include !== undefined) axe = axe.include(scope.include);
  if (scope.exclude !== undefined) axe = axe.exclude(scope.exclude);
  const result = await axe.analyze();
  return result.violations.map((v) => {
    const target = (n: (typeof v.nodes)[number]) => n.target.join(" ");
    const where = v.nodes
      .slice(0, DETAILED_NODES)
      .map((n) => `${target(n)}: ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`);
    const rest = v.nodes.slice(DETAILED_NODES);
    if (rest.length > 0) where.push(`also: ${rest.map(target).join(", ")}`);
    return { rule: v.id, impact: v.impact, help: v.help, where };
  });
}
