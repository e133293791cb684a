/**
 * Bench rows for Import Actuals (issue 8) on the large scorecard: reading its own XLSX workbook,
 * planning the 360,000 values of its Actuals sheet, what one change of the mapping sends from
 * the planning worker to the dialog (the summary, not the plan), and the work Import leaves on
 * each side: main's execute, and in the renderer the operation's arrival, the copy IPC makes of
 * it, and applying main's steps. The SPEC sets no target for imports: the rows are for information.
 */
import fs from "node:fs";
import path from "node:path";
import { serialize } from "node:v8";
import { documentToXlsx } from "../../electron/interchange/xlsx-write.ts";
import { readImportFile } from "../../electron/interchange/read-import-file.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { guessMapping, planImport } from "../../shared/interchange/actuals-import.ts";
import type { Cell, ImportFile } from "../../shared/interchange/table.ts";
import { execute, replay } from "../../shared/operations/execute.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { packBatch, summarize, unpackBatch } from "../../renderer/src/import/plan-summary.ts";
import { type Row, timeAsync } from "./measure.ts";
import { tempDir } from "../support/files.ts";
import { LARGE, sizeLabel, syntheticScorecard } from "./synthetic.ts";

const MB = 1024 * 1024;
const CONTEXT = { now: "2026-01-01T00:00:00.000Z", appVersion: "bench" };

/** A rows-layout sheet of `count` of the document's actuals, each value moved: every row a change. */
function rowsFile(doc: ScorecardDocument, count: number): ImportFile {
  const names = new Map(doc.measures.map((m) => [m.id, m.name]));
  const labels = new Map(doc.periods.map((p) => [p.id, p.label]));
  const rows: Cell[][] = [["measure_id", "measure", "period", "value"]];
  for (const a of doc.actuals.slice(0, count)) {
    rows.push([a.measureId, names.get(a.measureId) ?? "", labels.get(a.periodId) ?? "", a.value + 1]);
  }
  return { fileName: "rows.csv", sheets: [{ name: "rows", rows }] };
}

export async function importRows(): Promise<Row[]> {
  const doc = syntheticScorecard(LARGE);
  const size = sizeLabel(LARGE);
  const dir = tempDir("scorecard-import-bench-");
  try {
    const file = path.join(dir, "large.xlsx");
    fs.writeFileSync(file, await documentToXlsx(doc));
    const read = await timeAsync(() => readImportFile(file), 1);
    // Planned against the scorecard with no actuals: every value of the workbook is new.
    const empty = { ...doc, actuals: [] };
    const mapping = guessMapping(read.last, empty);
    if (!mapping) throw new Error("the large workbook's actuals were not recognised");
    const plan = await timeAsync(() => planImport(read.last, mapping, empty, "Import “large.xlsx”"), 3);
    const values = plan.last.operation.operations.length;
    const sized = `${values.toLocaleString("en-US")} values`;

    // One change of the mapping on a 100,000-row sheet: the worker's reply is copied to the UI thread.
    const rows = rowsFile(doc, 100_000);
    const rowsMapping = guessMapping(rows, doc);
    if (!rowsMapping) throw new Error("the rows sheet was not recognised");
    const rowsPlan = planImport(rows, rowsMapping, doc, "rows");
    const reply = summarize(rowsPlan, 1);
    const summaryCopy = await timeAsync(() => structuredClone(reply), 5);
    const planCopy = await timeAsync(() => structuredClone(rowsPlan), 3);

    // Import: main checks and applies the batch; the renderer gets it from the worker, copies it
    // into the IPC message, and replays main's steps on its own copy.
    // Each run on a fresh copy, made before the clock starts.
    const fresh = () => Array.from({ length: 3 }, () => new DocumentState(empty));
    const mains = fresh();
    const run = await timeAsync(() => execute(mains.pop() as DocumentState, plan.last.operation, CONTEXT), 2);
    const packed = packBatch(plan.last.operation, empty);
    const arrive = await timeAsync(() => unpackBatch(structuredClone(packed), empty), 3);
    const send = await timeAsync(() => structuredClone({ message: { operation: arrive.last } }), 3);
    const steps = run.last.applied.map((a) => a.step);
    const renderers = fresh();
    const apply = await timeAsync(() => {
      const state = renderers.pop() as DocumentState;
      replay(state, steps, "import");
      return state.document();
    }, 2);
    return [
      { name: "import: read the XLSX workbook", size, median: read.median, note: "info" },
      { name: "import: plan its Actuals sheet", size: sized, median: plan.median, note: "info" },
      {
        name: "import: worker reply per mapping change",
        size: "100,000 rows",
        median: summaryCopy.median,
        note: `info: ${(serialize(reply).length / 1024).toFixed(0)} kB (whole plan: ${(serialize(rowsPlan).length / MB).toFixed(1)} MB, ${planCopy.median.toFixed(0)} ms)`,
      },
      { name: "import: main checks and applies", size: sized, median: run.median, note: "info" },
      { name: "import: UI gets the operation", size: sized, median: arrive.median, note: "info" },
      { name: "import: UI copies it for IPC", size: sized, median: send.median, note: "info" },
      { name: "import: UI applies main's steps", size: sized, median: apply.median, note: "info" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
