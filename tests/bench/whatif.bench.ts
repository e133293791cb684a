/**
 * Bench rows for the what-if engine (SPEC §6) at 1,000 measures and 20 investments: a slider
 * step, the tornado's marginal values, the optimizer and a 10,000-draw Monte Carlo run.
 */
import { validateDocument } from "../../shared/domain/validate.ts";
import { marginalValues } from "../../shared/whatif/marginal.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { runMonteCarlo } from "../../shared/whatif/monte-carlo.ts";
import { optimize } from "../../shared/whatif/optimize.ts";
import { createWorkspace, project } from "../../shared/whatif/project.ts";
import { evaluateScenario } from "../../shared/whatif/scenario.ts";
import { baseSpend } from "../../shared/whatif/spend.ts";
import { type Row, time } from "./measure.ts";
import { syntheticScorecard, WHAT_IF } from "./synthetic.ts";

/** LibreOffice Calc recomputing one what-if slider change of the same model (SPEC §6); we aim 10× faster. */
const SPREADSHEET_SLIDER_MS = 2.5;

export function whatIfRows(): Row[] {
  const doc = syntheticScorecard(WHAT_IF);
  const invalid = validateDocument(doc).problems.filter((p) => p.severity === "error");
  if (invalid.length > 0) throw new Error(`synthetic what-if document is invalid: ${invalid[0]?.message}`);
  const size = `1,000 measures × 20 investments (${doc.impacts.length} impacts, ${doc.links.length} links)`;
  const rows: Row[] = [];

  const compile = time(() => compileWhatIf(doc), { minRuns: 10, minMs: 200, warmup: 3 });
  rows.push({ name: "what-if: compile model", size, median: compile.median, note: "info" });

  const model = compileWhatIf(doc);
  const ws = createWorkspace(model);
  const spend = baseSpend(model);
  const N = spend.length;
  let step = 0;
  let sink = 0;
  /** Moves one slider by 1 % of its base, cycling through the investments like a user dragging. */
  const moveSlider = () => {
    const n = step++ % N;
    spend[n] = (model.base[n] as number) * (1 + 0.01 * ((step % 50) - 25));
  };
  const kernel = time(
    () => {
      moveSlider();
      sink += project(model, spend, ws);
    },
    { minRuns: 2000, minMs: 300 },
  );
  rows.push({ name: "what-if slider step: settled projection only", size, median: kernel.median, note: "info" });
  const slider = time(
    () => {
      moveSlider();
      sink += evaluateScenario(model, spend, ws).overall.projected ?? 0;
    },
    { minRuns: 500, minMs: 500 },
  );
  rows.push({
    name: "what-if slider step: full scenario result + timeline",
    size,
    median: slider.median,
    p95: slider.p95,
    // SPEC §6: under 1 ms; for scale, a spreadsheet takes 2.5 ms and we aim 10× faster.
    floor: { name: "spreadsheet slider change", ms: SPREADSHEET_SLIDER_MS },
    targetMs: 1,
  });
  const marginal = time(() => {
    sink += marginalValues(model, spend, ws).length;
  });
  rows.push({ name: "marginal values (±10 %, 20 investments)", size, median: marginal.median, targetMs: 20 });
  const startAt = baseSpend(model);
  let proposal = optimize(model, startAt);
  const optimizer = time(
    () => {
      proposal = optimize(model, startAt);
    },
    { minRuns: 10, minMs: 0, warmup: 2 },
  );
  rows.push({
    name: "optimizer (same total, every slider in range)",
    size,
    median: optimizer.median,
    targetMs: 200,
    note: `${proposal.evaluations} evaluations, ${pct(proposal.startOverall)} → ${pct(proposal.overall)}`,
  });
  const monteCarlo = time(
    () => {
      sink += runMonteCarlo(model, spend, { draws: 10_000, seed: 7 }).overall.p50 ?? 0;
    },
    { minRuns: 3, minMs: 0, warmup: 1 },
  );
  rows.push({
    name: "Monte Carlo, 10,000 draws with timeline band (one thread)",
    size,
    median: monteCarlo.median,
    targetMs: 1000,
  });
  if (Number.isNaN(sink)) console.error("(sink)");
  return rows;
}

const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
