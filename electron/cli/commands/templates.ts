/** `scorecard templates`: the built-in templates, one per line: key, name, first sentence of the summary. */
import { TEMPLATES } from "../../../shared/templates/index.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { formatTable } from "../table.ts";

export const templatesCommand: Command = {
  name: "templates",
  usage: [["templates", "list the built-in templates (the NAME for new --template)"]],
  run(argv, { out }) {
    parseCommand(argv, {}, []);
    out.lines(...formatTable(TEMPLATES.map((t) => [t.key, t.name, firstSentence(t.summary)])));
  },
};

function firstSentence(text: string): string {
  const end = text.indexOf(". ");
  return end === -1 ? text : text.slice(0, end + 1);
}
