/**
 * SPEC §4: opening a file from email is opening untrusted input. Every case of the hostile corpus
 * (tests/support/hostile-files.ts) is written to a fresh folder on disk and opened both ways —
 * read-only (readScorecardFile) and for editing (ScorecardStore.open). Each must be refused with
 * the right kind and a one-line message that names the file and says what is wrong, and the
 * folder must be left exactly as it was: same files, same bytes, no journal or temp file.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileRefused, type RefusalKind } from "../../electron/file/errors.ts";
import { DEFAULT_MAX_FILE_BYTES } from "../../electron/file/format.ts";
import { SCHEMA_VERSION } from "../../electron/file/migrations.ts";
import { readScorecardFile } from "../../electron/file/open.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import { validateDocument } from "../../shared/domain/validate.ts";
import type { Problem, ScorecardDocument } from "../../shared/domain/types.ts";
import { DocumentState } from "../../shared/operations/state.ts";
import { sha256, tempDir } from "../support/files.ts";
import {
  FOREIGN_IDS,
  HOSTILE_CASES,
  type HostileCase,
  type HostileId,
  TEST_APP_VERSION,
  writeCrashedScorecard,
  writeSeriesUnderStrangeId,
  writeValidScorecard,
} from "../support/hostile-files.ts";
import { fixtureDocument } from "../support/store-fixture.ts";

interface Expectation {
  kind: RefusalKind;
  /** Key phrases the one-line message must hold (besides the file's name). */
  says: RegExp[];
  /** For row-level refusals: a problem that names the offending row by a readable path. */
  problem?: { path: RegExp; message: RegExp };
}

const EXPECTED: Record<HostileId, Expectation> = {
  empty: { kind: "not-scorecard", says: [/empty/] },
  "random-bytes": { kind: "not-scorecard", says: [/not a scorecard file/, /not an SQLite database/] },
  "text-renamed": { kind: "not-scorecard", says: [/not a scorecard file/, /not an SQLite database/] },
  "truncated-half": { kind: "damaged", says: [/truncated \(\d+ bytes; its header says \d+\)/] },
  "truncated-page": { kind: "damaged", says: [/truncated \(\d+ bytes; its header says \d+\)/] },
  "corrupted-page": { kind: "damaged", says: [/damaged/] },
  "other-application": {
    kind: "not-scorecard",
    says: [/SQLite database/, /not a scorecard file/, /no application id/],
  },
  "wrong-application-id": { kind: "not-scorecard", says: [/another application/, /0x12345678/] },
  "newer-version": {
    kind: "newer",
    says: [/newer/, new RegExp(`version ${SCHEMA_VERSION + 1}\\b`), new RegExp(`up to ${SCHEMA_VERSION}\\b`)],
  },
  "extra-trigger": { kind: "structure", says: [/structure/, /trigger “measures_audit”/] },
  "extra-view": { kind: "structure", says: [/structure/, /view “measure_names”/] },
  "virtual-table": { kind: "structure", says: [/structure/, /virtual table “measure_search”/] },
  "changed-table": { kind: "structure", says: [/structure/, /table “measures” is defined differently/] },
  "wal-sidecar": { kind: "sidecar", says: [/write-ahead log/, /with-wal\.scorecard-wal/] },
  "wal-mode-header": { kind: "structure", says: [/write-ahead-log mode/, /rollback journal/] },
  "huge-text": {
    kind: "invalid",
    says: [/problem/, /must be at most 200 characters/],
    problem: { path: /^measure 1 “Revenue Revenue .*…”\.name$/, message: /at most 200 characters/ },
  },
  "infinite-baseline": {
    kind: "invalid",
    says: [/problem/, /“Tickets”\.baseline/, /finite/],
    problem: { path: /^measure 3 “Tickets”\.baseline$/, message: /must be a finite number/ },
  },
  "non-finite-series": {
    kind: "invalid",
    says: [/2 problems/, /finite/],
    problem: { path: /^actual of “Digital revenue share” in “2025-Q2”\.value$/, message: /must be a finite number/ },
  },
  "dangling-reference": {
    kind: "invalid",
    says: [/a problem/, /“Lower cost”/, /unknown perspective/],
    problem: {
      path: /^objective 2 “Lower cost”\.perspectiveId$/,
      message: new RegExp(`refers to unknown perspective ${FOREIGN_IDS.perspective}`),
    },
  },
  "link-cycle": {
    kind: "invalid",
    says: [/a problem/, /cycle/],
    problem: { path: /^link 3$/, message: /closes a cycle/ },
  },
  "orphan-series": {
    kind: "invalid",
    says: [/a problem/, /unknown measure/],
    problem: {
      path: /^actual \d+\.measureId$/,
      message: new RegExp(`refers to unknown measure ${FOREIGN_IDS.measure}`),
    },
  },
  "garbled-series": {
    kind: "invalid",
    says: [/a problem/, /malformed/],
    problem: { path: /^actuals of /, message: /the stored series is malformed \(13 bytes\)/ },
  },
  "unknown-period-key": {
    kind: "invalid",
    says: [/a problem/, /unknown period/],
    problem: { path: /^actuals of /, message: /refers to unknown period key 999/ },
  },
  "too-large": { kind: "too-large", says: [/above the .* limit/] },
  directory: { kind: "missing", says: [/not a file/] },
  missing: { kind: "missing", says: [/no such file/] },
};

/** Every entry of a folder (recursively) with the sha256 of each file: what "unchanged" means. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = entry.isFile() ? sha256(full) : entry.isDirectory() ? "<dir>" : "<other>";
  }
  return out;
}

/** Runs `open`, which must throw a FileRefused; anything else (or success) fails the test. */
function refusal(open: () => unknown): FileRefused {
  let result: unknown;
  try {
    result = open();
  } catch (e) {
    if (e instanceof FileRefused) return e;
    throw new Error(`expected a FileRefused, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
  }
  if (result instanceof ScorecardStore) result.close();
  throw new Error("expected the file to be refused, but it opened");
}

const OPENERS = {
  readScorecardFile: (file: string, c: HostileCase) =>
    readScorecardFile(file, c.maxBytes === undefined ? {} : { maxBytes: c.maxBytes }),
  "ScorecardStore.open": (file: string, c: HostileCase) =>
    ScorecardStore.open(file, {
      appVersion: TEST_APP_VERSION,
      ...(c.maxBytes === undefined ? {} : { maxBytes: c.maxBytes }),
    }),
} as const;

function checkMessage(e: FileRefused, file: string): void {
  expect(e.message.startsWith(`${path.basename(file)}: `)).toBe(true);
  expect(e.message).not.toMatch(/[\r\n]/);
  expect(e.message.length).toBeLessThan(400);
}

/** Problem paths are for people: no raw `measures[3]` indices, no line breaks. */
function checkReadable(problems: readonly Problem[]): void {
  for (const p of problems) {
    expect(p.path).not.toBe("");
    expect(p.path).not.toMatch(/^\w+\[\d+\]/);
    expect(`${p.path}: ${p.message}`).not.toMatch(/[\r\n]/);
  }
}

/** The canonical form a loaded document takes (names trimmed, cells in canonical order). */
function canonical(doc: ScorecardDocument): ScorecardDocument {
  const { document } = validateDocument(doc);
  if (!document) throw new Error("fixture document is invalid");
  return new DocumentState(document).document();
}

let dir: string;
beforeEach(() => {
  dir = tempDir("hostile-");
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the hostile corpus", () => {
  it("has an expectation for every case, and every case is in the corpus once", () => {
    const ids = HOSTILE_CASES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  describe.each(HOSTILE_CASES)("$id: $what", (c) => {
    const expected = EXPECTED[c.id];
    it.each(Object.keys(OPENERS) as Array<keyof typeof OPENERS>)(
      `%s refuses it as “${expected.kind}” and leaves the folder untouched`,
      (opener) => {
        const file = c.write(dir);
        const before = snapshot(dir);

        const e = refusal(() => OPENERS[opener](file, c));

        expect(e.kind).toBe(expected.kind);
        checkMessage(e, file);
        for (const phrase of expected.says) expect(e.message).toMatch(phrase);
        if (expected.kind === "invalid") {
          expect(e.problems.length).toBeGreaterThan(0);
          checkReadable(e.problems);
          const errors = e.problems.filter((p) => p.severity === "error");
          // The message counts the errors and quotes the first one.
          expect(e.message).toContain(errors.length === 1 ? "a problem" : `${errors.length} problems`);
          expect(e.message).toContain(`${errors[0]!.path}: ${errors[0]!.message}`);
          const want = expected.problem!;
          expect(e.problems).toContainEqual(
            expect.objectContaining({ severity: "error", path: expect.stringMatching(want.path) }),
          );
          expect(e.problems.find((p) => want.path.test(p.path))?.message).toMatch(want.message);
        } else {
          expect(e.problems).toEqual([]);
        }
        expect(snapshot(dir)).toEqual(before);
      },
    );
  });
});

describe("problems name what is wrong, and only that", () => {
  // A row that fails its own checks (a measure with a 5 MB name, or an infinite baseline) is still
  // in the file: the actuals and targets that refer to it must not be called references to an
  // "unknown measure" — that contradicts the row the same list names, and buries the real problem.
  it.each(["huge-text", "infinite-baseline"] as const)(
    "%s: rows referring to the broken measure are not reported as referring to an unknown one",
    (id) => {
      const c = HOSTILE_CASES.find((h) => h.id === id)!;
      const e = refusal(() => readScorecardFile(c.write(dir)));
      const fixture = fixtureDocument();
      const measureIds = fixture.doc.measures.map((m) => m.id);
      const phantom = e.problems.filter((p) => measureIds.some((m) => p.message === `refers to unknown measure ${m}`));
      expect(phantom).toEqual([]);
      expect(e.message).toMatch(/first measure \d/);
    },
  );

  // A malformed stored series is reported against "measure 00000000-…": every other problem names
  // its row the way people know it, by name.
  it.each([
    ["garbled-series", "Uptime"],
    ["unknown-period-key", "Tickets"],
  ] as const)("%s: the problem names the measure “%s”, not its id", (id, name) => {
    const c = HOSTILE_CASES.find((h) => h.id === id)!;
    const e = refusal(() => readScorecardFile(c.write(dir)));
    const problem = e.problems[0]!;
    expect(problem.path).toContain(`“${name}”`);
    expect(problem.path).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(e.message).toContain(`“${name}”`);
  });

  // The id a malformed series is stored under is text from the file: quoted raw, a line break in
  // it splits the one-line message (and a right-to-left override reorders what follows).
  it("a malformed series under an id holding a line break still gives a one-line message", () => {
    const file = writeSeriesUnderStrangeId(dir);
    const e = refusal(() => readScorecardFile(file));
    expect(e.kind).toBe("invalid");
    checkMessage(e, file);
    expect(e.message).not.toContain("\u202e");
    checkReadable(e.problems);
  });

  // A sparse file one byte over the default 256 MB limit (no disk space used): the message must
  // not claim "256 MB, above the 256 MB limit"; nor may a small limit show as "0.0 MB".
  it("a file just over the size limit gives two different sizes, neither rounded to nothing", () => {
    const { file } = writeValidScorecard(dir, "big.scorecard");
    const size = fs.statSync(file).size;
    fs.truncateSync(file, DEFAULT_MAX_FILE_BYTES + 1);
    const sizes = (e: FileRefused) => /the file is (.+), above the (.+) limit/.exec(e.message)?.slice(1) ?? [];

    const atDefault = refusal(() => readScorecardFile(file));
    expect(atDefault.kind).toBe("too-large");
    const [found, limit] = sizes(atDefault);
    expect(found).toBeDefined();
    expect(found).not.toBe(limit);
    expect(fs.statSync(file).size).toBe(DEFAULT_MAX_FILE_BYTES + 1);

    fs.truncateSync(file, size);
    const small = refusal(() => readScorecardFile(file, { maxBytes: 16 * 1024 }));
    const [smallFound, smallLimit] = sizes(small);
    expect(smallFound).not.toBe(smallLimit);
    expect(smallLimit).not.toMatch(/^0(\.0+)? /);
  });
});

describe("files that open", () => {
  it("a valid file keeps every byte through readScorecardFile and ScorecardStore.open/close", () => {
    const { file, fixture } = writeValidScorecard(dir, "valid.scorecard");
    const before = snapshot(dir);

    const loaded = readScorecardFile(file);
    expect(loaded.schemaVersion).toBe(SCHEMA_VERSION);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.document).toEqual(canonical(fixture.doc));
    expect(snapshot(dir)).toEqual(before);

    const store = ScorecardStore.open(file, { appVersion: TEST_APP_VERSION });
    expect(store.document()).toEqual(loaded.document);
    expect(store.openedVersion).toBe(SCHEMA_VERSION);
    store.close();
    expect(snapshot(dir)).toEqual(before);
  });

  it("a file with only warnings (all sibling weights 0) opens and lists them", () => {
    const fixture = fixtureDocument();
    for (const m of fixture.doc.measures) if (m.id === fixture.ids.uptime || m.id === fixture.ids.band) m.weight = 0;
    const file = path.join(dir, "weights.scorecard");
    ScorecardStore.create(file, fixture.doc, { appVersion: TEST_APP_VERSION }).close();
    const before = snapshot(dir);
    const warning = {
      path: "measure 2 “Uptime”.weight",
      message: "all measures of this objective weigh 0, so they count as equal",
      severity: "warning",
    };

    const loaded = readScorecardFile(file);
    expect(loaded.warnings).toEqual([warning]);
    expect(loaded.document.measures.find((m) => m.id === fixture.ids.band)?.weight).toBe(0);

    const store = ScorecardStore.open(file, { appVersion: TEST_APP_VERSION });
    try {
      expect(store.warnings).toEqual([warning]);
      expect(store.document()).toEqual(loaded.document);
    } finally {
      store.close();
    }
    expect(snapshot(dir)).toEqual(before);
  });
});

describe("files in use", () => {
  it("a file open in a ScorecardStore is refused as “locked” by a second open, and by a reader", () => {
    const { file } = writeValidScorecard(dir, "shared.scorecard");
    const before = snapshot(dir);
    const first = ScorecardStore.open(file, { appVersion: TEST_APP_VERSION });
    try {
      for (const open of [
        () => ScorecardStore.open(file, { appVersion: TEST_APP_VERSION }),
        () => readScorecardFile(file),
      ]) {
        const e = refusal(open);
        expect(e.kind).toBe("locked");
        checkMessage(e, file);
        expect(e.message).toMatch(/open for editing/);
      }
      // The first store is unaffected and still writes.
      first.apply({ type: "scorecard.update", changes: { title: "Still mine" } });
    } finally {
      first.close();
    }
    expect(Object.keys(snapshot(dir))).toEqual(Object.keys(before));
    expect(readScorecardFile(file).document.scorecard.title).toBe("Still mine");
  });

  it("a write-protected file is refused for editing as “read-only” up front, and still reads", () => {
    const { file } = writeValidScorecard(dir, "protected.scorecard");
    const before = snapshot(dir);
    // Even root cannot write an immutable file; a non-root user cannot write a 0444 one.
    const protect = (on: boolean) =>
      process.getuid?.() === 0
        ? execFileSync("chattr", [on ? "+i" : "-i", file])
        : fs.chmodSync(file, on ? 0o444 : 0o644);
    protect(true);
    try {
      const e = refusal(() => ScorecardStore.open(file, { appVersion: TEST_APP_VERSION }));
      expect(e.kind).toBe("read-only");
      checkMessage(e, file);
      expect(e.message).toMatch(/the file is read-only, so edits could not be saved/);
      expect(readScorecardFile(file).document.measures.length).toBeGreaterThan(0);
    } finally {
      protect(false);
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it("a crash's hot journal: the reader refuses it as “unfinished” untouched; editing recovers it", () => {
    const { file, fixture } = writeCrashedScorecard(dir);
    const before = snapshot(dir);
    expect(Object.keys(before).sort()).toEqual(["crashed.scorecard", "crashed.scorecard-journal"]);

    const e = refusal(() => readScorecardFile(file));
    expect(e.kind).toBe("unfinished");
    checkMessage(e, file);
    expect(e.message).toContain("crashed.scorecard-journal");
    expect(snapshot(dir)).toEqual(before);

    // Opening for editing rolls the half-written transaction back, as SQLite's recovery does.
    const store = ScorecardStore.open(file, { appVersion: TEST_APP_VERSION });
    try {
      expect(store.document()).toEqual(canonical(fixture.doc));
    } finally {
      store.close();
    }
    expect(Object.keys(snapshot(dir))).toEqual(["crashed.scorecard"]);
    expect(readScorecardFile(file).document).toEqual(canonical(fixture.doc));
  });
});
