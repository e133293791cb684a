/**
 * `npm run bench`: the SPEC §6 measurements, printed as one table. Each row states its work size,
 * the median of many runs (and the p95 of rows that time single edits), and its ratio to the
 * physical floor or its target, with PASS/FAIL.
 * Exit code 1 when any row fails, so a regression cannot go unnoticed in a scripted run.
 */
import { exportRows } from "./export.bench.ts";
import { fileRows } from "./file.bench.ts";
import { importRows } from "./import.bench.ts";
import { interchangeThreadRows } from "./interchange-thread.bench.ts";
import { scoringRows } from "./scoring.bench.ts";
import { formatTable, isChecked, passes, type Row } from "./measure.ts";
import { whatIfRows } from "./whatif.bench.ts";

const rows: Row[] = [
  ...scoringRows(),
  ...whatIfRows(),
  ...fileRows(),
  ...(await exportRows()),
  ...(await importRows()),
  ...(await interchangeThreadRows()),
];
console.log(formatTable(rows));
const failed = rows.filter((r) => isChecked(r) && !passes(r));
if (failed.length > 0) {
  console.error(`\n${failed.length} row(s) missed their target: ${failed.map((r) => r.name).join(", ")}`);
  process.exitCode = 1;
}
