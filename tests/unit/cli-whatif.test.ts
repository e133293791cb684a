import { describe, expect, it } from "vitest";
import { readScorecardFile } from "../../electron/file/open.ts";
import { UNSAFE_CHARACTERS } from "../../shared/domain/readable-path.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { marginalValues } from "../../shared/whatif/marginal.ts";
import { compileWhatIf } from "../../shared/whatif/model.ts";
import { evaluateScenario, type ProjectedScore } from "../../shared/whatif/scenario.ts";
import { baseSpend, spendOfScenario, totalOf } from "../../shared/whatif/spend.ts";
import { sha256 } from "../support/files.ts";
import { type CliResult, cliInTempFolder } from "../support/cli-harness.ts";
import { demoDocument } from "../support/docs.ts";

const { cli, fileFrom } = cliInTempFolder("scorecard-whatif-");
const demo = demoDocument;

/** Runs with --json, expects success, returns the parsed document. */
async function json(...argv: string[]) {
  const r = await cli("whatif", ...argv, "--json");
  expect(r).toMatchObject({ code: 0, stderr: "" });
  return JSON.parse(r.stdout);
}

/** Exit `code` with exactly one `scorecard: ` line on stderr and nothing on stdout. */
function expectOneLineFailure(r: CliResult, code: 1 | 2 = 1): void {
  expect(r.code).toBe(code);
  expect(r.stderr).toMatch(/^scorecard: [^\n]+\n/);
  if (code === 1) expect(r.stderr).toMatch(/^[^\n]+\n$/);
  expect(r.stdout).toBe("");
}

/** What the engine says for `spend` on the file's document, in the README's ScenarioJson shape. */
function expected(file: string, name: string, spendOf: (model: ReturnType<typeof compileWhatIf>) => Float64Array) {
  const model = compileWhatIf(readScorecardFile(file).document);
  const spend = spendOf(model);
  const r = evaluateScenario(model, spend);
  const score = ({ baseline, projected, delta, status }: ProjectedScore) => ({ baseline, projected, delta, status });
  return {
    warnings: r.warnings,
    referencePeriod: r.referencePeriod,
    scenario: {
      name,
      overall: score(r.overall),
      perspectives: r.perspectives.map((p) => ({
        id: p.id,
        name: p.name,
        ...score(p),
        objectives: p.objectives.map((o) => ({ id: o.id, name: o.name, ...score(o) })),
      })),
      spend: r.spend,
      pointsPerMillion: r.pointsPerMillion,
      timeline: r.timeline,
      measures: r.measures,
      marginalValues: marginalValues(model, spend),
    },
  };
}

/** Spend per investment name, from a ScenarioJson. */
function spendByName(scenario: { spend: { investments: Array<{ name: string; spend: number }> } }) {
  return Object.fromEntries(scenario.spend.investments.map((i) => [i.name, i.spend]));
}

describe("whatif --json", () => {
  it("reports base spend exactly as the engine evaluates it", async () => {
    const file = await fileFrom(demo());
    const out = await json("demo.scorecard");
    const want = expected(file, "Baseline", baseSpend);
    expect(Object.keys(out)).toEqual(["referencePeriod", "currency", "scenario", "warnings"]);
    expect(out).toEqual({
      referencePeriod: want.referencePeriod,
      currency: "USD",
      scenario: want.scenario,
      warnings: want.warnings,
    });
    expect(out.referencePeriod).toBe("2026-Q4");
    expect(out.scenario.overall.delta).toBe(0);
    expect(out.scenario.overall.projected).toBeGreaterThan(0);
    expect(out.scenario.overall.projected).toBeLessThan(1); // a fraction, not a percentage
    expect(out.scenario.spend.investments).toHaveLength(7);
    expect(out.scenario.perspectives[0]).not.toHaveProperty("color");
    expect(out.scenario).not.toHaveProperty("uncertainty");
  });

  it("applies --set as a percentage of base spend or as an absolute spend", async () => {
    const file = await fileFrom(demo());
    const out = await json("demo.scorecard", "--set", "Cloud & Infrastructure=+20%", "--set", "security=1.5e6");
    const spend = spendByName(out.scenario);
    expect(spend["Cloud & Infrastructure"]).toBe(11_400_000);
    expect(spend.Security).toBe(1_500_000);
    expect(spend["Data & Analytics"]).toBe(2_400_000);
    const doc = readScorecardFile(file).document;
    const want = expected(file, "custom", (model) =>
      Float64Array.from(model.investmentIds, (id, n) => {
        const name = doc.investments.find((i) => i.id === id)?.name;
        return name === "Cloud & Infrastructure" ? 11_400_000 : name === "Security" ? 1_500_000 : (model.base[n] ?? 0);
      }),
    );
    expect(out.scenario).toEqual(want.scenario);
    expect(out.scenario.overall.delta).not.toBe(0);
    expect(out.scenario.spend.delta).toBe(1_900_000 - 1_600_000);

    const cut = await json("demo.scorecard", "--set", "Innovation=-15%", "--set", "Data & Analytics=1500000.50");
    expect(spendByName(cut.scenario)).toMatchObject({ Innovation: 1_190_000, "Data & Analytics": 1_500_000.5 });
    const line = cut.scenario.spend.investments.find((i: { name: string }) => i.name === "Innovation");
    expect(line.relativeChange).toBeCloseTo(-0.15, 12);
  });

  it("starts from a saved scenario named exactly or in any case; --set changes it relative to base", async () => {
    const file = await fileFrom(demo());
    const exact = await json("demo.scorecard", "--scenario", "Cloud-first");
    const stored = readScorecardFile(file).document.scenarios.find((s) => s.name === "Cloud-first");
    expect(stored).toBeDefined();
    const want = expected(file, "Cloud-first", (model) =>
      spendOfScenario(model, stored as { spend: Record<string, number> }),
    );
    expect(exact.scenario).toEqual(want.scenario);
    expect(spendByName(exact.scenario)["Cloud & Infrastructure"]).toBeCloseTo(9_500_000 * 1.3, 6);
    expect(await json("demo.scorecard", "--scenario", "CLOUD-FIRST")).toEqual(exact);

    const changed = await json("demo.scorecard", "--scenario", "cloud-first", "--set", "Cloud & Infrastructure=+10%");
    expect(changed.scenario.name).toBe("Cloud-first + changes");
    const spend = spendByName(changed.scenario);
    expect(spend["Cloud & Infrastructure"]).toBe(10_450_000); // base + 10 %, not the scenario's + 10 %
    expect(spend["Application Portfolio"]).toBe(spendByName(exact.scenario)["Application Portfolio"]);
  });

  it("warns about a percentage of a zero base and about spend outside the slider range", async () => {
    const doc = demo();
    const innovation = doc.investments.find((i) => i.name === "Innovation") as ScorecardDocument["investments"][number];
    Object.assign(innovation, { baseSpend: 0, minSpend: 0, maxSpend: 1_000_000 });
    await fileFrom(doc);
    const out = await json("demo.scorecard", "--set", "Innovation=+20%", "--set", "Security=+500%");
    expect(spendByName(out.scenario)).toMatchObject({ Innovation: 0, Security: 18_600_000 });
    expect(out.warnings).toContain("“Innovation” has a base spend of 0, so a percentage of it leaves its spend at 0.");
    expect(out.warnings).toContain("“Security” gets $18,600,000, above its slider range of $1,500,000 to $9,300,000.");
  });
});

describe("whatif refusals and usage errors", () => {
  it("refuses an unknown scenario or investment, listing the names there are (exit 1)", async () => {
    await fileFrom(demo());
    const scenario = await cli("whatif", "demo.scorecard", "--scenario", "Moonshot");
    expectOneLineFailure(scenario);
    expect(scenario.stderr).toContain("unknown scenario “Moonshot” (scenarios: “Cloud-first”, “Security catch-up”)");
    const investment = await cli("whatif", "demo.scorecard", "--set", "Mainframe=+5%");
    expectOneLineFailure(investment);
    expect(investment.stderr).toContain("unknown investment “Mainframe” (investments: “Cloud & Infrastructure”, ");
    expect(investment.stderr).toContain("“Innovation”");
  });

  it("refuses a change that leaves a negative spend (exit 1)", async () => {
    await fileFrom(demo());
    const r = await cli("whatif", "demo.scorecard", "--set", "Security=-150%");
    expectOneLineFailure(r);
    expect(r.stderr).toContain("“Security” would get a negative spend");
  });

  it.each([
    [["--set", "Security"]],
    [["--set", "=+20%"]],
    [["--set", "Security=abc"]],
    [["--set", "Security=+1500000"]],
    [["--set", "Security=1,500,000"]],
    [["--set", "Security=20%%"]],
    [["--set", "Security="]],
    [["--set", "Security=+20%", "--set", "security=1000"]],
    [["--total", "1000"]],
    [["--optimize", "--total", "lots"]],
    [["--seed", "3"]],
    [["--draws", "0"]],
    [["--draws", "1.5"]],
    [["--draws", "10", "--seed", "-1"]],
    [["--save", "  "]],
  ])("exits 2 for %j", async (args) => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    const r = await cli("whatif", "demo.scorecard", ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^scorecard: .+\nusage: scorecard whatif /);
    expect(sha256(file)).toBe(before);
  });

  it("uses the last = to split, so an investment name may contain one", async () => {
    const doc = demo();
    (doc.investments[0] as ScorecardDocument["investments"][number]).name = "R=D";
    await fileFrom(doc);
    const out = await json("demo.scorecard", "--set", "R=D=+50%");
    expect(spendByName(out.scenario)["R=D"]).toBe(1.5 * (doc.investments[0]?.baseSpend ?? Number.NaN));
  });
});

describe("whatif --optimize", () => {
  it("proposes an allocation of the same total that scores at least as well", async () => {
    await fileFrom(demo());
    const out = await json("demo.scorecard", "--scenario", "Security catch-up", "--optimize");
    const { scenario, proposed } = out;
    expect(Object.keys(out)).toEqual(["referencePeriod", "currency", "scenario", "proposed", "warnings"]);
    expect(proposed.name).toBe("Proposed");
    expect(proposed.spend.projected).toBeCloseTo(scenario.spend.projected, 0);
    expect(proposed.overall.projected).toBeGreaterThanOrEqual(scenario.overall.projected - 1e-12);
    expect(proposed.gain).toBeCloseTo(proposed.overall.projected - scenario.overall.projected, 12);
    expect(proposed.evaluations).toBeGreaterThan(0);
    for (const line of proposed.spend.investments) {
      expect(line.spend).toBeGreaterThanOrEqual(line.min - 1e-6);
      expect(line.spend).toBeLessThanOrEqual(line.max + 1e-6);
    }
    expect(proposed.marginalValues).toHaveLength(7);
  });

  it("allocates --total instead, and refuses a total no allocation in range can reach", async () => {
    const file = await fileFrom(demo());
    const base = totalOf(compileWhatIf(readScorecardFile(file).document).base);
    const out = await json("demo.scorecard", "--optimize", "--total", String(base + 2_000_000));
    expect(out.scenario.spend.projected).toBe(base);
    expect(out.proposed.spend.projected).toBeCloseTo(base + 2_000_000, 0);
    expect(out.proposed.overall.projected).toBeGreaterThanOrEqual(out.scenario.overall.projected - 1e-12);
    const r = await cli("whatif", "demo.scorecard", "--optimize", "--total", "1e12");
    expectOneLineFailure(r);
  });
});

describe("whatif --draws", () => {
  it("gives the same P10/P50/P90 for the same seed, for the scenario and the proposal", async () => {
    await fileFrom(demo());
    const args = ["demo.scorecard", "--set", "Security=+30%", "--optimize", "--draws", "200", "--seed", "7"];
    const first = await json(...args);
    expect(await json(...args)).toEqual(first);
    const u = first.scenario.uncertainty;
    expect(u).toMatchObject({ seed: 7, draws: 200 });
    expect(u.overall.p10).toBeLessThanOrEqual(u.overall.p50);
    expect(u.overall.p50).toBeLessThanOrEqual(u.overall.p90);
    expect(u.timeline).toHaveLength(first.scenario.timeline.length);
    expect(first.proposed.uncertainty).toMatchObject({ seed: 7, draws: 200 });
    const other = await json("demo.scorecard", "--set", "Security=+30%", "--draws", "200");
    expect(other.scenario.uncertainty.seed).toBe(1);
    expect(other.scenario.uncertainty).not.toEqual(u);
  });
});

describe("whatif --save", () => {
  it("saves the scenario, which --scenario then reads back with the same spend", async () => {
    const file = await fileFrom(demo());
    const made = await json("demo.scorecard", "--set", "Security=+25%", "--save", "Security plus");
    expect(made.saved).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: "Security plus" });
    const stored = readScorecardFile(file).document.scenarios.find((s) => s.name === "Security plus");
    expect(stored?.notes).toBe('Made by scorecard whatif --set "Security=+25%"');
    const back = await json("demo.scorecard", "--scenario", "Security plus");
    expect(back.scenario.spend).toEqual(made.scenario.spend);
    expect(back.scenario.overall).toEqual(made.scenario.overall);
  });

  it("saves the proposal with --optimize, and says so in the text report", async () => {
    const file = await fileFrom(demo());
    const r = await cli("whatif", "demo.scorecard", "--optimize", "--save", "Optimized");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/\nsaved scenario “Optimized” in demo\.scorecard\n$/);
    const proposed = (await json("demo.scorecard", "--optimize")).proposed;
    const back = await json("demo.scorecard", "--scenario", "optimized");
    expect(back.scenario.spend.investments.map((i: { spend: number }) => i.spend)).toEqual(
      proposed.spend.investments.map((i: { spend: number }) => i.spend),
    );
    expect(readScorecardFile(file).document.scenarios.at(-1)?.notes).toBe("Made by scorecard whatif --optimize");
  });

  it("refuses a name that is taken (in any case) and leaves the file byte-identical", async () => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    for (const name of ["Cloud-first", "cloud-FIRST"]) {
      const r = await cli("whatif", "demo.scorecard", "--set", "Security=+5%", "--save", name);
      expectOneLineFailure(r);
      expect(r.stderr).toContain("already has a scenario “Cloud-first”");
      expect(sha256(file)).toBe(before);
    }
  });
});

describe("whatif for people", () => {
  it("prints the report: scores, spend, timeline, tornado, proposal, uncertainty", async () => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    const r = await cli("whatif", "demo.scorecard", "--set", "Security=+20%", "--optimize", "--draws", "100");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const out = r.stdout;
    expect(out).toContain("what-if: custom; projected from 2026-Q4, the latest period with actuals");
    expect(out).toMatch(/^Overall \d+% → \d+% \([+−±]\d+\.\d pts\)$/m);
    expect(out).toMatch(/^Security +\$3,100,000 +\$3,720,000 +\+\$620,000 +\+20%$/m);
    expect(out).toMatch(/^Total +\$27,000,000 +\$27,620,000 +\+\$620,000 +\+2\.3%$/m);
    const spendRows = out.slice(out.indexOf("Spend (USD)")).split("\n").slice(2, 9);
    expect(spendRows.map((line) => line.split(/ {2,}/)[0])).toEqual(demo().investments.map((i) => i.name));
    expect(out).toContain("points per 1M USD of extra spend: ");
    expect(out).toMatch(/^ *2026-Q4 +2027-Q1 /m);
    expect(out).toContain("Marginal value of ±10% of base spend, largest first");
    expect(out).toContain("Proposed allocation (optimizer, ");
    expect(out).toMatch(/^proposed overall \d+% .* gain [+±]\d+\.\d pts on custom$/m);
    expect(out).toContain("Uncertainty (100 draws, seed 1;");
    expect(out).toMatch(/^custom: overall +\d+% +\d+% +\d+%$/m);
    expect(sha256(file)).toBe(before);
  });

  it("sorts the tornado by the larger bar", async () => {
    await fileFrom(demo());
    const { scenario } = await json("demo.scorecard");
    const size = (m: { up: number; down: number }) => Math.max(Math.abs(m.up), Math.abs(m.down));
    const order = [...scenario.marginalValues].sort((a, b) => size(b) - size(a)).map((m) => m.name);
    const text = (await cli("whatif", "demo.scorecard")).stdout;
    const section = text
      .slice(text.indexOf("Marginal value"))
      .split("\n")
      .slice(2, 2 + order.length);
    expect(section.map((line) => line.split(/ {2,}/)[0])).toEqual(order);
  });

  it("escapes control and bidi characters in names from the file", async () => {
    const unsafe = new RegExp(UNSAFE_CHARACTERS.source, "u");
    const doc = demo();
    const hostile = "Cloud\u001b[2J\u202eduolC";
    (doc.investments[0] as ScorecardDocument["investments"][number]).name = hostile;
    (doc.perspectives[0] as ScorecardDocument["perspectives"][number]).name = "Value\u0007\u2066";
    const file = await fileFrom(doc);
    const before = sha256(file);
    const r = await cli("whatif", "demo.scorecard", "--set", "Security=+400%");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("Cloud\\u{1b}[2J\\u{202e}duolC");
    expect(r.stdout).toContain("Value\\u{7}\\u{2066}");
    expect(r.stdout.replaceAll("\n", "")).not.toMatch(unsafe);
    const j = await cli("whatif", "demo.scorecard", "--json");
    expect(j.stdout).toContain("Cloud\\u001b[2J\\u202eduolC");
    expect(JSON.parse(j.stdout).scenario.spend.investments.map((i: { name: string }) => i.name)).toContain(hostile);
    const unknown = await cli("whatif", "demo.scorecard", "--set", "Nope=1");
    expectOneLineFailure(unknown);
    expect(unknown.stderr).toContain("“Cloud\uFFFD[2J\uFFFDduolC”");
    expect(unknown.stderr.replaceAll("\n", "")).not.toMatch(unsafe);
    expect(sha256(file)).toBe(before);
  });

  it("lists whatif in --help", async () => {
    const r = await cli("whatif", "--help");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("scorecard whatif FILE [--scenario NAME] [--set NAME=+20%]… [--json]");
  });
});
