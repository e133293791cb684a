/**
 * `scorecard import-actuals FILE DATA.csv [--dry-run]`: actuals from a CSV file (the columns
 * `export --format csv` writes; shared/interchange/actuals-csv.ts). Every row is checked first;
 * if any row has a problem, each is listed by row and nothing is written. Otherwise the whole
 * import is one operation, so one transaction: all of it lands, or none.
 */
import path from "node:path";
import { version } from "../../../package.json";
import { planActualsImport } from "../../../shared/interchange/actuals-csv.ts";
import { ScorecardStore } from "../../file/store.ts";
import { parseCommand } from "../args.ts";
import type { Command } from "../command.ts";
import { readTextFile } from "../files.ts";
import { refusal } from "../output.ts";

const OPTIONS = { "dry-run": { type: "boolean" } } as const;

export const importActualsCommand: Command = {
  name: "import-actuals",
  usage: [
    [
      "import-actuals FILE DATA.csv [--dry-run]",
      "import actuals from CSV (columns measure or measure_id, period, value, note); all rows or none",
    ],
  ],
  run(argv, { out, resolve }) {
    const { values, positionals } = parseCommand(argv, OPTIONS, ["FILE", "DATA.csv"]);
    const [file, data] = positionals;
    const text = readTextFile(resolve(data));
    const store = ScorecardStore.open(resolve(file), { appVersion: version });
    try {
      const plan = planActualsImport(text, store.document(), `Import ${path.basename(data)}`);
      const { problems } = plan;
      if (problems.length > 0) {
        out.lines(...problems.map((p) => (p.row > 0 ? `row ${p.row}: ${p.message}` : p.message)));
        const first = problems[0] as (typeof problems)[number];
        const which = problems.length === 1 ? "a row has a problem" : `${problems.length} rows have problems`;
        throw refusal(
          `${path.basename(data)}: ${first.row > 0 ? which : first.message}; nothing was imported${first.row > 0 ? ` (first: row ${first.row}: ${first.message})` : ""}`,
        );
      }
      const summary = `${plan.added} new, ${plan.changed} changed, ${plan.unchanged} unchanged`;
      if (values["dry-run"]) {
        out.lines(`would import ${plan.rows} rows into ${path.basename(file)} (${summary}); nothing was written`);
        return;
      }
      if (plan.operation.operations.length === 0) {
        out.lines(`nothing to import: all ${plan.rows} rows already match ${path.basename(file)}`);
        return;
      }
      store.apply(plan.operation);
      out.lines(`imported ${plan.rows} rows into ${path.basename(file)} (${summary})`);
    } finally {
      store.close();
    }
  },
};
