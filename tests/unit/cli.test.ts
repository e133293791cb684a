/**
 * The `scorecard` CLI (SPEC §5): every command in-process through runCli, on real files in a
 * fresh folder per test, plus the built binary end to end (bin target, exit codes, stderr).
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { readScorecardFile } from "../../electron/file/open.ts";
import { DOCUMENT_JSON_FORMAT, toDocumentJson } from "../../shared/document-json.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { type NodeScore, scorecardView } from "../../shared/scoring/view.ts";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { builder, demoDocument } from "../support/docs.ts";
import { sha256 } from "../support/files.ts";
import { cliInTempFolder, expectOneLineFailure } from "../support/cli-harness.ts";

const root = path.resolve(import.meta.dirname, "../..");

const { cli, at, fileFrom, folder } = cliInTempFolder("scorecard-cli-");
const demo = demoDocument;

describe("templates", () => {
  it("lists every template with its key, name and a one-line description", async () => {
    const r = await cli("templates");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    TEMPLATES.forEach((t, i) => {
      expect(lines[i]?.startsWith(t.key)).toBe(true);
      expect(lines[i]).toContain(t.name);
    });
  });
});

describe("new and validate", () => {
  it.each(TEMPLATES.map((t) => t.key))("creates a valid file from template %s", async (key) => {
    const created = await cli("new", "--template", key, "team.scorecard");
    expect(created).toMatchObject({ code: 0, stderr: "" });
    expect(created.stdout).toMatch(/^created team\.scorecard from template /);
    const checked = await cli("validate", "team.scorecard");
    expect(checked).toMatchObject({ code: 0, stderr: "" });
    expect(checked.stdout).toMatch(/^ok: team\.scorecard /);
  });

  it("lists every problem of a file that breaks the rules, row by row", async () => {
    const file = await fileFrom(demo());
    const db = new Database(file);
    db.prepare("UPDATE measures SET weight = -1 WHERE id IN (SELECT id FROM measures ORDER BY pos LIMIT 2)").run();
    db.close();
    const before = sha256(file);
    const r = await cli("validate", "demo.scorecard");
    expectOneLineFailure(r);
    expect(r.stderr).toMatch(/^scorecard: demo\.scorecard: the file has 2 problems, first measure 1 /);
    expect(r.stdout.trimEnd().split("\n")).toEqual([
      expect.stringMatching(/^error +measure 1 “.+”\.weight: must be ≥ 0$/),
      expect.stringMatching(/^error +measure 2 “.+”\.weight: must be ≥ 0$/),
    ]);
    expect(sha256(file)).toBe(before);
  });

  it("refuses to replace an existing file unless --force", async () => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    const r = await cli("new", "--template", "blank", "demo.scorecard");
    expectOneLineFailure(r);
    expect(r.stderr).toContain("already exists");
    expect(sha256(file)).toBe(before);
    expect((await cli("new", "--template", "blank", "demo.scorecard", "--force")).code).toBe(0);
    expect(readScorecardFile(file).document.measures).toEqual([]);
  });
});

describe("new --template periods", () => {
  it("starts with one year of periods by default, or as many as asked from --start", async () => {
    expect((await cli("new", "--template", "it-value", "a.scorecard")).code).toBe(0);
    const year = new Date().getUTCFullYear();
    expect(readScorecardFile(at("a.scorecard")).document.periods.map((p) => p.label)).toEqual(
      [1, 2, 3, 4].map((q) => `${year}-Q${q}`),
    );
    expect(
      (await cli("new", "--template", "it-value", "b.scorecard", "--start", "2025-07-01", "--periods", "6")).code,
    ).toBe(0);
    const periods = readScorecardFile(at("b.scorecard")).document.periods;
    expect([periods.length, periods[0]?.label, periods[5]?.label]).toEqual([6, "2025-Q3", "2026-Q4"]);
  });

  it.each([
    ["--periods", "x"],
    ["--periods", "-1"],
    ["--start", "July"],
  ])("refuses %s %s as a usage error", async (flag, value) => {
    const r = await cli("new", "--template", "blank", "c.scorecard", flag, value);
    expect(r.code).toBe(2);
    expect(fs.existsSync(at("c.scorecard"))).toBe(false);
  });
});

describe("the JSON document form", () => {
  it("round-trips JSON → file → JSON byte for byte", async () => {
    const json = toDocumentJson(demo());
    expect(JSON.parse(json)).toMatchObject({ format: DOCUMENT_JSON_FORMAT, version: 1 });
    const file = await fileFrom(demo());
    expect(await cli("export", "demo.scorecard", "--format", "json", "--out", "out.json")).toMatchObject({ code: 0 });
    expect(fs.readFileSync(at("out.json"), "utf8")).toBe(json);
    // And once more through a second file.
    expect((await cli("new", "--from", "out.json", "again.scorecard")).code).toBe(0);
    const again = await cli("export", "again.scorecard", "--format", "json", "--out", "-");
    expect(again).toMatchObject({ code: 0, stdout: json, stderr: "" });
    expect(readScorecardFile(file).document).toEqual(readScorecardFile(at("again.scorecard")).document);
  });

  it("escapes characters that could disguise text, and parses back to the same names", async () => {
    const doc = demo();
    const tricky = "Up\u202etime \u009b31m";
    (doc.measures[0] as ScorecardDocument["measures"][number]).name = tricky;
    const json = toDocumentJson(doc);
    expect(json).toContain("Up\\u202etime \\u009b31m");
    await fileFrom(doc);
    expect(readScorecardFile(at("demo.scorecard")).document.measures[0]?.name).toBe(tricky);
  });

  it("refuses to export onto the scorecard file itself", async () => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    expectOneLineFailure(await cli("export", "demo.scorecard", "--format", "json", "--out", "demo.scorecard"));
    expect(sha256(file)).toBe(before);
  });
});

describe("score", () => {
  const STATUSES = ["green", "amber", "red", "none"];
  const NODE_KEYS = ["coverage", "id", "name", "score", "status"];
  const MEASURE_KEYS = ["id", "name", "score", "stale", "status", "value"];

  /** Every node has exactly the SPEC §5 keys, scores are fractions or null, statuses are known. */
  function expectSpecShape(json: Record<string, unknown>): void {
    expect(Object.keys(json).sort()).toEqual(["overall", "perspectives"]);
    const check = (n: Record<string, unknown>, keys: string[]) => {
      expect(Object.keys(n).sort()).toEqual(keys);
      expect(STATUSES).toContain(n.status);
      if (n.score === null) expect(n.status).toBe("none");
      else expect(n.score).toBeGreaterThanOrEqual(0);
      expect(n.score === null || (n.score as number) <= 2).toBe(true);
    };
    check(json.overall as Record<string, unknown>, ["coverage", "score", "status"]);
    for (const p of json.perspectives as Array<Record<string, unknown>>) {
      check(p, [...NODE_KEYS, "objectives"].sort());
      for (const o of p.objectives as Array<Record<string, unknown>>) {
        check(o, [...NODE_KEYS, "measures"].sort());
        for (const m of o.measures as Array<Record<string, unknown>>) check(m, MEASURE_KEYS);
      }
    }
  }

  /** What scorecardView says, in the SPEC shape: the CLI must print exactly this. */
  function expectedFromView(doc: ScorecardDocument, k?: number) {
    const v = scorecardView(doc, k);
    const node = ({ id, name, score, status, coverage }: NodeScore) => ({
      id,
      name,
      score,
      status,
      coverage,
    });
    return {
      overall: { score: v.overall.score, status: v.overall.status, coverage: v.overall.coverage },
      perspectives: v.perspectives.map((p) => ({
        ...node(p),
        objectives: p.objectives.map((o) => ({
          ...node(o),
          measures: o.measures.map(({ id, name, value, score, status, stale }) => ({
            id,
            name,
            value,
            score,
            status,
            stale,
          })),
        })),
      })),
    };
  }

  it("prints the SPEC §5 JSON for the latest period, equal to the scorecard view", async () => {
    const file = await fileFrom(demo());
    const r = await cli("score", "demo.scorecard", "--json");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const json = JSON.parse(r.stdout);
    expectSpecShape(json);
    expect(json).toEqual(expectedFromView(readScorecardFile(file).document));
    expect(json.overall.score).toBeGreaterThan(0);
    expect(json.overall.score).toBeLessThan(1); // a fraction, not a percentage
  });

  it("gives null and none where there is no data", async () => {
    const b = builder(2);
    const top = b.perspective("Business Value");
    const scored = b.objective(top, "Scored");
    const empty = b.objective(top, "Empty");
    b.actual(b.measure(scored), 1, 80);
    b.measure(empty, { name: "Never measured" });
    await fileFrom(b.doc, "sparse.scorecard");
    const json = JSON.parse((await cli("score", "sparse.scorecard", "--json")).stdout);
    expectSpecShape(json);
    const [withData, without] = json.perspectives[0].objectives;
    expect(withData.measures[0]).toMatchObject({ value: 80, score: 1, status: "green", stale: false });
    expect(without).toMatchObject({ score: null, status: "none", coverage: 0 });
    expect(without.measures[0]).toMatchObject({ value: null, score: null, status: "none", stale: false });
    expect(json.overall).toEqual({ score: 1, status: "green", coverage: 0.5 });
  });

  it("scores the period named by --period; an unknown label is refused", async () => {
    const file = await fileFrom(demo());
    const doc = readScorecardFile(file).document;
    const r = await cli("score", "demo.scorecard", "--period", "2025-Q2", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(expectedFromView(doc, 1));
    expect(JSON.parse(r.stdout)).not.toEqual(expectedFromView(doc));
    const unknown = await cli("score", "demo.scorecard", "--period", "2031-Q9");
    expectOneLineFailure(unknown);
    expect(unknown.stderr).toContain("2031-Q9");
    expect(unknown.stdout).toBe("");
  });

  it("prints a table for people, with names from the file made harmless", async () => {
    const doc = demo();
    (doc.measures[0] as ScorecardDocument["measures"][number]).name = "Revenue \u001b[2Jcleared";
    await fileFrom(doc);
    const r = await cli("score", "demo.scorecard", "--period", "2025-Q2");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("period 2025-Q2 (2 of 8)");
    expect(r.stdout).toMatch(/^Overall .*%/m);
    expect(r.stdout).toContain("Revenue \\u{1b}[2Jcleared");
    expect(r.stdout).not.toContain("\u001b");
  });
});

describe("actuals as CSV: export --format csv and import-actuals", () => {
  it("round-trips the actuals: export, import into a template copy, export again", async () => {
    await fileFrom(demo());
    expect((await cli("export", "demo.scorecard", "--format", "csv", "--out", "actuals.csv")).code).toBe(0);
    const bare = demo();
    await fileFrom({ ...bare, actuals: [] }, "bare.scorecard");
    const r = await cli("import-actuals", "bare.scorecard", "actuals.csv");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toMatch(/^imported 316 rows into bare\.scorecard \(316 new, 0 changed, 0 unchanged\)\n$/);
    expect(readScorecardFile(at("bare.scorecard")).document.actuals).toEqual(demo().actuals);
    expect((await cli("export", "bare.scorecard", "--format", "csv", "--out", "-")).stdout).toBe(
      fs.readFileSync(at("actuals.csv"), "utf8"),
    );
    expect((await cli("import-actuals", "bare.scorecard", "actuals.csv")).stdout).toMatch(/^nothing to import/);
  });

  it("writes nothing on --dry-run, and nothing when any row has a problem", async () => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    const m = demo().measures[0]!.name;
    fs.writeFileSync(at("ok.csv"), `measure,period,value\n${m},2025-Q1,1\n`);
    const dry = await cli("import-actuals", "demo.scorecard", "ok.csv", "--dry-run");
    expect(dry).toMatchObject({ code: 0, stdout: expect.stringMatching(/^would import 1 rows .*nothing was written/) });
    expect(sha256(file)).toBe(before);
    fs.writeFileSync(at("bad.csv"), `measure,period,value\n${m},2025-Q1,1\nNope,2025-Q1,2\n${m},2025-Q2,x\n`);
    const r = await cli("import-actuals", "demo.scorecard", "bad.csv");
    expectOneLineFailure(r);
    expect(r.stderr).toContain(
      "bad.csv: 2 rows have problems; nothing was imported (first: row 3: unknown measure “Nope”)",
    );
    expect(r.stdout).toBe("row 3: unknown measure “Nope”\nrow 4: “x” is not a number\n");
    expect(sha256(file)).toBe(before);
  });

  it.each([
    ["UTF-16", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("measure,period,value\n", "utf16le")]), /UTF-16/],
    ["Latin-1", Buffer.from("measure,period,value\nCo\xfbt,2025-Q1,1\n", "latin1"), /not UTF-8 text/],
    ["zip junk", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x9c]), /not a valid \.xlsx file/],
  ])("refuses a %s file with a hint", async (_name, bytes, reason) => {
    const file = await fileFrom(demo());
    const before = sha256(file);
    fs.writeFileSync(at("data.csv"), bytes);
    const r = await cli("import-actuals", "demo.scorecard", "data.csv");
    expectOneLineFailure(r);
    expect(r.stderr).toMatch(reason);
    expect(sha256(file)).toBe(before);
  });
});

describe("refusals: exit 1, one line on stderr", () => {
  const VALID_ENVELOPE = { format: DOCUMENT_JSON_FORMAT, version: 1 };
  const cases: Array<[string, () => void, string[], RegExp]> = [
    ["a missing file", () => {}, ["validate", "nope.scorecard"], /nope\.scorecard: no such file/],
    [
      "a file that is not a scorecard",
      () => fs.writeFileSync(at("garbage.scorecard"), "garbage, not SQLite"),
      ["score", "garbage.scorecard"],
      /garbage\.scorecard: not a scorecard file/,
    ],
    [
      "a DOC.json that is not JSON",
      () => fs.writeFileSync(at("doc.json"), "{ not json"),
      ["new", "--from", "doc.json", "x.scorecard"],
      /doc\.json: not valid JSON/,
    ],
    [
      "a DOC.json of a newer version",
      () => fs.writeFileSync(at("doc.json"), JSON.stringify({ ...VALID_ENVELOPE, version: 2, document: {} })),
      ["new", "--from", "doc.json", "x.scorecard"],
      /document JSON version 2; this version reads version 1/,
    ],
    [
      "a DOC.json of another format",
      () => fs.writeFileSync(at("doc.json"), JSON.stringify({ format: "other", version: 1 })),
      ["new", "--from", "doc.json", "x.scorecard"],
      /not a Scorecard Studio document/,
    ],
  ];

  it.each(cases)("%s", async (_, setup, argv, reason) => {
    setup();
    const r = await cli(...argv);
    expectOneLineFailure(r);
    expect(r.stderr).toMatch(reason);
    expect(fs.existsSync(at("x.scorecard"))).toBe(false);
  });

  it("an invalid document, with every problem listed on stdout", async () => {
    const doc = demo();
    const [first, second] = doc.measures as [
      ScorecardDocument["measures"][number],
      ScorecardDocument["measures"][number],
    ];
    first.weight = -1;
    second.target = second.baseline;
    fs.writeFileSync(at("doc.json"), toDocumentJson(doc));
    const r = await cli("new", "--from", "doc.json", "x.scorecard");
    expectOneLineFailure(r);
    expect(r.stderr).toMatch(/doc\.json: the document has \d+ problems, first /);
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.some((row) => row.startsWith("error") && row.includes(`“${first.name}”`))).toBe(true);
    expect(rows.some((row) => row.startsWith("error") && row.includes(`“${second.name}”`))).toBe(true);
    expect(fs.existsSync(at("x.scorecard"))).toBe(false);
  });
});

describe("usage", () => {
  it.each([
    [[]],
    [["frobnicate"]],
    [["score"]],
    [["score", "a.scorecard", "b.scorecard"]],
    [["score", "a.scorecard", "--bogus"]],
    [["score", "a.scorecard", "--period"]],
    [["new", "x.scorecard"]],
    [["new", "--template", "blank", "--from", "d.json", "x.scorecard"]],
    [["new", "--template", "no-such-template", "x.scorecard"]],
    [["export", "a.scorecard", "--out", "x.json"]],
    [["export", "a.scorecard", "--format", "pdf", "--out", "x.json"]],
  ])("exits 2 for %j", async (argv) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).not.toBe("");
  });

  it("help lists every command, with nothing left as not available", async () => {
    const help = (await cli("--help")).stdout;
    expect(help).not.toMatch(/Not in this version yet/);
    for (const name of ["export", "import-actuals", "whatif"]) expect(help).toContain(`scorecard ${name}`);
    const whatif = await cli("whatif", "a.scorecard", "--set", "Cloud=+20%");
    expectOneLineFailure(whatif);
    expect(whatif.stderr).toContain("a.scorecard: no such file");
  });

  it("prints help on --help (exit 0), for the tool and for one command", async () => {
    const all = await cli("--help");
    expect(all).toMatchObject({ code: 0, stderr: "" });
    for (const name of [
      "templates",
      "new --template",
      "new --from",
      "validate",
      "score",
      "whatif",
      "export",
      "import-actuals",
    ]) {
      expect(all.stdout).toContain(`scorecard ${name}`);
    }
    const one = await cli("score", "--help");
    expect(one).toMatchObject({ code: 0, stderr: "" });
    expect(one.stdout).toContain("scorecard score FILE [--period LABEL] [--json]");
  });
});

describe("the built binary", () => {
  const bundle = path.join(root, "dist/cli/scorecard.mjs");
  beforeAll(() => {
    execFileSync(process.execPath, [path.join(root, "build/build-cli.mjs")], { cwd: root, stdio: "pipe" });
  });

  const spawn = (script: string, ...argv: string[]) => {
    const r = spawnSync(process.execPath, [script, ...argv], { cwd: folder(), encoding: "utf8" });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it("runs through the package.json bin target", () => {
    const bin = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).bin.scorecard;
    expect(fs.statSync(path.join(root, bin)).mode & 0o111).not.toBe(0);
    const r = spawn(path.join(root, bin), "templates");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout).toContain("it-value");
  });

  it("runs whatif on a template scorecard, and exits 2 on a malformed --set", () => {
    expect(spawn(bundle, "new", "--template", "it-value", "w.scorecard").code).toBe(0);
    const r = spawn(bundle, "whatif", "w.scorecard", "--set", "Security=+20%", "--json");
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const out = JSON.parse(r.stdout);
    expect(out.referencePeriod).toBeNull();
    const security = out.scenario.spend.investments.find((i: { name: string }) => i.name === "Security");
    expect(security.spend).toBe(3_720_000);
    const bad = spawn(bundle, "whatif", "w.scorecard", "--set", "Security");
    expect(bad.code).toBe(2);
    expect(bad.stderr).not.toContain("    at ");
  });

  it("exports a workbook from the bundle (exceljs loads from node_modules)", () => {
    expect(spawn(bundle, "new", "--template", "it-value", "x.scorecard").code).toBe(0);
    expect(spawn(bundle, "export", "x.scorecard", "--format", "xlsx", "--out", "x.xlsx")).toMatchObject({
      code: 0,
      stderr: "",
    });
    expect(fs.readFileSync(at("x.xlsx")).subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
  });

  it("creates, validates and scores a file end to end", () => {
    expect(spawn(bundle, "new", "--template", "van-grembergen", "v.scorecard").code).toBe(0);
    expect(spawn(bundle, "validate", "v.scorecard")).toMatchObject({ code: 0, stderr: "" });
    const r = spawn(bundle, "score", "v.scorecard", "--json");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).overall).toEqual({ score: null, status: "none", coverage: 0 });
  });

  it("exits 1 with one line and no stack trace on a refused file, 2 on a usage error", () => {
    fs.writeFileSync(at("bad.scorecard"), "not a database");
    const refused = spawn(bundle, "validate", "bad.scorecard");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^scorecard: bad\.scorecard: [^\n]+\n$/);
    const usage = spawn(bundle, "score", "--nope");
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toContain("    at ");
  });
});
