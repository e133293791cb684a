/**
 * File ▸ Share…: what a copy holds (shared/domain/copy-content.ts), the copy main writes through
 * the real handler table (tests/support/shell-fixture.ts) and its round trip (the copy opens with
 * the same scores in every period), and the email draft the dialog offers (share-mail.ts),
 * which main's link policy must accept whatever the file's names contain.
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyCounts, filterForCopy, noteCount } from "../../shared/domain/copy-content.ts";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { scoreAll } from "../../shared/scoring/engine.ts";
import { compileModel } from "../../shared/scoring/model.ts";
import { viewOf } from "../../shared/scoring/view.ts";
import { newScorecard } from "../../shared/templates/index.ts";
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { ScorecardStore } from "../../electron/file/store.ts";
import { externalUrlVerdict } from "../../electron/security/external-links.ts";
import {
  copySummary,
  fitEncoded,
  MAX_MAILTO_LENGTH,
  mailText,
  shareMailto,
} from "../../renderer/src/share/share-mail.ts";
import { idSequence } from "../support/docs.ts";
import { sha256 } from "../support/files.ts";
import { createShell, type Shell } from "../support/shell-fixture.ts";

/** The demo: eight quarters of actuals, notes on links, actuals and scenarios, two scenarios. */
function demo(): ScorecardDocument {
  return newScorecard("demo", { newId: idSequence(), now: "2026-03-01T00:00:00.000Z", appVersion: "test" });
}

const linkNotes = (doc: ScorecardDocument) => doc.links.filter((l) => l.note !== "").length;

/** Every period's overall score and every measure's score, by id: what "same scores" means. */
function scoresByPeriod(doc: ScorecardDocument) {
  const model = compileModel(doc);
  const table = scoreAll(model);
  return model.periods.map((period, k) => {
    const view = viewOf(model, table, k);
    const measures = view.perspectives.flatMap((p) => p.objectives.flatMap((o) => o.measures));
    return {
      period: period.id,
      overall: view.overall.score,
      measures: Object.fromEntries(measures.map((m) => [m.id, m.score])),
    };
  });
}

describe("filterForCopy", () => {
  const doc = demo();

  it("keeps everything by default", () => {
    expect(filterForCopy(doc, {})).toEqual(doc);
    // Every kind of note is there to be left out.
    expect(linkNotes(doc)).toBeGreaterThan(0);
    expect(doc.actuals.some((a) => a.note !== "")).toBe(true);
    expect(doc.scenarios.some((s) => s.notes !== "")).toBe(true);
  });

  it("leaves out the scenarios, and only them", () => {
    expect(doc.scenarios.length).toBeGreaterThan(0);
    const copy = filterForCopy(doc, { scenarios: false });
    expect(copy.scenarios).toEqual([]);
    expect({ ...copy, scenarios: doc.scenarios }).toEqual(doc);
  });

  it("leaves out every kind of note, keeping the rows they were on", () => {
    const copy = filterForCopy(doc, { notes: false });
    expect(noteCount(copy)).toBe(0);
    expect(copy.actuals.map(({ note: _, ...a }) => a)).toEqual(doc.actuals.map(({ note: _, ...a }) => a));
    expect(copy.scenarios.map((s) => s.name)).toEqual(doc.scenarios.map((s) => s.name));
    expect(copy.links.map((l) => l.id)).toEqual(doc.links.map((l) => l.id));
  });

  it("without actuals or scenarios keeps the framework, its period targets and the link notes", () => {
    const copy = filterForCopy(doc, { actuals: false, scenarios: false });
    expect(copy.actuals).toEqual([]);
    expect(copy.scenarios).toEqual([]);
    expect(copy.measures).toEqual(doc.measures);
    expect(copy.periodTargets).toEqual(doc.periodTargets);
    expect(noteCount(copy)).toBe(linkNotes(doc));
  });

  it("copyCounts counts what the copy keeps, for every choice of options, without building it", () => {
    const notesIn = (d: ScorecardDocument) =>
      linkNotes(d) + d.actuals.filter((a) => a.note !== "").length + d.scenarios.filter((s) => s.notes !== "").length;
    for (const actuals of [true, false])
      for (const notes of [true, false])
        for (const scenarios of [true, false]) {
          const copy = filterForCopy(doc, { actuals, notes, scenarios });
          expect(copyCounts(doc, { actuals, notes, scenarios }), JSON.stringify({ actuals, notes, scenarios })).toEqual(
            {
              measures: copy.measures.length,
              actuals: copy.actuals.length,
              notes: notesIn(copy),
              scenarios: copy.scenarios.length,
            },
          );
        }
    expect(noteCount(doc)).toBe(notesIn(doc));
  });
});

describe("shareCopy through main's handlers", () => {
  let shell: Shell;
  let win: number;
  let file: string;
  beforeEach(() => {
    shell = createShell();
    file = path.join(shell.dir, "Demo.scorecard");
    writeFileAtomically(file, demo());
    win = shell.newWindow();
    shell.documents.open(file, win);
  });
  afterEach(() => shell.close());

  async function share(target: string, omit: { actuals?: boolean; notes?: boolean; scenarios?: boolean } = {}) {
    return shell.call<{ fileName: string }>(win, "shareCopy", {
      file: await shell.saveToken(win, target, "share"),
      omitActuals: omit.actuals ?? false,
      omitNotes: omit.notes ?? false,
      omitScenarios: omit.scenarios ?? false,
    });
  }

  /** Opens a written copy the way the app opens any file: the whole untrusted-file pipeline. */
  function openCopy(copy: string): ScorecardDocument {
    const store = ScorecardStore.open(copy, { appVersion: "test" });
    try {
      return store.document();
    } finally {
      store.close();
    }
  }

  it("writes a copy that opens with the same document and the same scores in every period, and shows it", async () => {
    const copy = path.join(shell.dir, "Demo (shared).scorecard");
    const before = sha256(file);
    expect(await share(copy)).toEqual({ ok: true, value: { fileName: "Demo (shared).scorecard" } });
    expect(shell.revealed).toEqual([copy]);

    const original = shell.documents.storeOf(win).document();
    const shared = openCopy(copy);
    expect(shared).toEqual(original);
    const scores = scoresByPeriod(shared);
    expect(scores).toEqual(scoresByPeriod(original));
    // Not a comparison of empty tables: the demo scores every quarter.
    expect(scores.length).toBe(8);
    for (const s of scores) expect(s.overall).toBeTypeOf("number");

    // The window goes on editing its own file, which the share did not touch.
    expect(shell.documents.storeOf(win).file).toBe(file);
    expect(shell.documents.snapshot(win)?.fileName).toBe("Demo.scorecard");
    expect(sha256(file)).toBe(before);
  });

  it("leaves out actuals, notes and scenarios when asked", async () => {
    const noScenarios = path.join(shell.dir, "no-scenarios.scorecard");
    expect((await share(noScenarios, { scenarios: true })).ok).toBe(true);
    const a = openCopy(noScenarios);
    expect(a.scenarios).toEqual([]);
    expect(a.actuals).toEqual(shell.documents.storeOf(win).document().actuals);
    expect(scoresByPeriod(a)).toEqual(scoresByPeriod(shell.documents.storeOf(win).document()));

    const bare = path.join(shell.dir, "framework.scorecard");
    expect((await share(bare, { actuals: true, notes: true, scenarios: true })).ok).toBe(true);
    const b = openCopy(bare);
    expect(b.actuals).toEqual([]);
    expect(b.scenarios).toEqual([]);
    expect(noteCount(b)).toBe(0);
    expect(b.measures).toEqual(shell.documents.storeOf(win).document().measures);
    // Without actuals there is nothing to score.
    for (const s of scoresByPeriod(b)) expect(s.overall).toBeNull();

    expect(shell.revealed).toEqual([noScenarios, bare]);
  });

  it("refuses to write over a file open in a window (its own or another's), touching nothing", async () => {
    const other = path.join(shell.dir, "Other.scorecard");
    writeFileAtomically(other, demo());
    shell.documents.open(other, shell.newWindow());
    const before = [sha256(file), sha256(other)];
    for (const target of [other, file]) {
      const result = await share(target);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.kind).toBe("write-failed");
        expect(result.error.message).toContain(path.basename(target));
      }
    }
    expect([sha256(file), sha256(other)]).toEqual(before);
    expect(shell.revealed).toEqual([]);
    expect(fs.readdirSync(shell.dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

/** The subject and body of a mailto: link, decoded exactly (no `+` for space, unlike URLSearchParams). */
function fieldsOf(url: string): Record<string, string> {
  expect(url.startsWith("mailto:?")).toBe(true);
  return Object.fromEntries(
    url
      .slice("mailto:?".length)
      .split("&")
      .map((f) => {
        const [name = "", value = ""] = f.split("=");
        return [name, decodeURIComponent(value)];
      }),
  );
}

describe("the email draft", () => {
  const mail = {
    title: "IT Value Scorecard",
    organization: "Acme Corp",
    fileName: "Plan (shared).scorecard",
    overall: { period: "2026 Q2", score: 0.724, status: "green" as const },
  };

  it("is a mailto: link with no recipient, an encoded subject and a short body that says what to attach", () => {
    const url = shareMailto(mail);
    expect(url).toBe(
      `mailto:?subject=${encodeURIComponent("Scorecard: IT Value Scorecard")}&body=${encodeURIComponent(
        "Here is the scorecard “IT Value Scorecard” of Acme Corp as the file “Plan (shared).scorecard”. " +
          "It opens in Scorecard Studio. Overall score for 2026 Q2: 72% (on track). " +
          "[Before sending: attach “Plan (shared).scorecard” from the folder that just opened.]",
      )}`,
    );
    expect(url).not.toMatch(/[ “”]/);
    expect(externalUrlVerdict(url)).toEqual({ allowed: true, url });
  });

  it("names no score when the copy has none, and no organization when there is none", () => {
    const body = fieldsOf(shareMailto({ ...mail, organization: "  ", overall: null })).body ?? "";
    expect(body).not.toContain("Overall score");
    expect(body).toContain("Here is the scorecard “IT Value Scorecard” as the file");
    expect(body).toContain("attach “Plan (shared).scorecard”");
  });

  it("keeps a hostile title to one plain line: no header injection, no extra fields, no direction tricks", () => {
    const title = "Q3\r\nBcc: evil@example.com & more?x=1#top %41 +\u202Egnp.exe\u2066\u200b\u2028end\u0000";
    const url = shareMailto({ ...mail, title, fileName: "a&b=c?.scorecard" });
    expect(externalUrlVerdict(url)).toEqual({ allowed: true, url });
    const fields = fieldsOf(url);
    expect(Object.keys(fields)).toEqual(["subject", "body"]);
    expect(fields.subject).toBe("Scorecard: Q3 Bcc: evil@example.com & more?x=1#top %41 +gnp.exe end");
    expect(fields.body).toContain("“a&b=c?.scorecard”");
    expect(decodeURIComponent(url)).not.toMatch(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u);
  });

  it("stays under the length cap with huge names, cutting them with an ellipsis, never inside a character", () => {
    const url = shareMailto({
      title: "📊".repeat(5_000),
      organization: "組織".repeat(1_000),
      fileName: `${"ملف".repeat(300)}.scorecard`,
      overall: { period: "期間".repeat(500), score: 0.5, status: "amber" },
    });
    expect(url.length).toBeLessThanOrEqual(MAX_MAILTO_LENGTH);
    expect(externalUrlVerdict(url)).toEqual({ allowed: true, url });
    const { subject = "", body = "" } = fieldsOf(url);
    expect(subject).toMatch(/^Scorecard: (📊)+…$/u);
    expect(body).toContain("Overall score for");
    expect(body).toMatch(/from the folder that just opened\.\]$/);
  });

  it("whatever the names, main's link policy accepts the draft and it fits", () => {
    // Any code point (lone surrogates too), with the troublemakers often; fc's "binary" unit costs seconds to build.
    const char = fc.oneof(
      fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
      fc.constantFrom(
        "\r\n",
        "\u2028",
        "\u202e",
        "\u200b",
        "\u00ad",
        "&",
        "?",
        "#",
        "%",
        "=",
        "+",
        " ",
        "\ud800",
        "📊",
      ),
    );
    const text = fc.array(char, { maxLength: 150 }).map((chars) => chars.join(""));
    fc.assert(
      fc.property(text, text, text, text, (title, organization, fileName, period) => {
        const url = shareMailto({ title, organization, fileName, overall: { period, score: 0.1, status: "red" } });
        const verdict = externalUrlVerdict(url);
        return url.length <= MAX_MAILTO_LENGTH && verdict.allowed && verdict.url === url;
      }),
      { numRuns: 150 },
    );
  });

  it("mailText and fitEncoded: one line, nothing hidden, unpaired surrogates replaced, cut to an encoded length", () => {
    expect(mailText(" a\tb\n\nc\u00ad\ufeffd\ud800 ")).toBe("a b cd\ufffd");
    expect(fitEncoded("abc", 3)).toBe("abc");
    expect(fitEncoded("abcdefghijklmn", 12)).toBe("abc…");
    expect(fitEncoded("😀😀😀", 30)).toBe("😀…");
  });
});

describe("the summary of what the copy will hold", () => {
  const doc = demo();
  const all = { actuals: true, notes: true, scenarios: true };

  it("counts measures, actuals, notes and scenarios as the copy will have them", () => {
    const n = (x: number) => x.toLocaleString("en-US");
    expect(copySummary(doc, all)).toBe(
      `The copy will hold ${n(doc.measures.length)} measures, ${n(doc.actuals.length)} actuals, ` +
        `${noteCount(doc)} notes and ${doc.scenarios.length} scenarios.`,
    );
    expect(copySummary(doc, { ...all, scenarios: false })).toContain("notes and no scenarios.");
    expect(copySummary(doc, { ...all, notes: false })).toContain("actuals, no notes and");
  });

  it("says a copy without actuals shows no scores, and counts in the singular", () => {
    const [first, ...rest] = doc.links;
    if (!first) throw new Error("the demo has no links");
    const oneNote = { ...doc, links: [first, ...rest.map((l) => ({ ...l, note: "" }))] };
    expect(copySummary(oneNote, { ...all, actuals: false, scenarios: false })).toBe(
      `The copy will hold ${doc.measures.length} measures, no actuals, 1 note and no scenarios. ` +
        "Without actuals it shows no scores.",
    );
    const one = { ...doc, measures: doc.measures.slice(0, 1), actuals: doc.actuals.slice(0, 1) };
    expect(copySummary(one, { ...all, notes: false, scenarios: false })).toBe(
      "The copy will hold 1 measure, 1 actual, no notes and no scenarios.",
    );
  });
});
