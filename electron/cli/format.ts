/**
 * Numbers and statuses for the CLI's human output, written the way the app shows them: one fixed
 * locale, whole percentages, "—" for no data, status as icon and text (never colour alone).
 */
import type { Problem, ScorecardDocument } from "../../shared/domain/types.ts";
import { formatProblem } from "../../shared/domain/problems.ts";
import { STATUS_TEXT, type Status } from "../../shared/scoring/status.ts";

export function statusText(status: Status): string {
  const { icon, label } = STATUS_TEXT[status];
  return `${icon} ${label}`;
}

/** One line per problem, severity first: how `validate` and `new --from` list what is wrong. */
export function problemRows(problems: readonly Problem[]): string[] {
  return problems.map((p) => `${p.severity === "error" ? "error  " : "warning"}  ${formatProblem(p)}`);
}

/** The rows behind a refusal: its one-line reason names the first problem, so one alone is not repeated. */
export function refusalRows(problems: readonly Problem[]): string[] {
  return problems.length > 1 ? problemRows(problems) : [];
}

/** "4 perspectives, 13 objectives, 40 measures, 8 periods": what a file holds, at a glance. */
export function contents(doc: ScorecardDocument): string {
  const { perspectives, objectives, measures, periods } = doc;
  return `${perspectives.length} perspectives, ${objectives.length} objectives, ${measures.length} measures, ${periods.length} periods`;
}
