/**
 * The words of File ▸ Share…: the line saying what the copy will hold, and the email draft
 * (a mailto: link) offered once the copy is saved. Pure, so the unit tests check them directly.
 *
 * An email link cannot carry an attachment, so the draft only says which file to attach; the user
 * attaches it from the folder main just showed. Everything in the draft comes from the file (title,
 * organization, period label) or the save dialog (file name), so it is made plain first: main
 * refuses an email link with control, formatting or line-break characters once decoded, and a
 * single line break in the subject could otherwise add a header such as Bcc.
 */
import { type CopyContent, copyCounts } from "../../../shared/domain/copy-content.ts";
import type { ScorecardDocument } from "../../../shared/domain/types.ts";
import { counted } from "../../../shared/display/count.ts";
import { formatPercent } from "../../../shared/display/numbers.ts";
import { STATUS_TEXT, type Status } from "../../../shared/scoring/status.ts";

/** Main opens links of up to 2,048 characters (electron/security/external-links.ts); drafts stay well under. */
export const MAX_MAILTO_LENGTH = 1_500;

/** What the draft says about the scorecard. */
export interface ShareMail {
  title: string;
  organization: string;
  /** The copy's file name, as main reported it after writing. */
  fileName: string;
  /** The overall score of the period shown, when the copy has one (it keeps the actuals and there is data). */
  overall: { period: string; score: number; status: Status } | null;
}

/** "The copy will hold 16 measures, 128 actuals, 9 notes and 2 scenarios." */
export function copySummary(doc: ScorecardDocument, content: Required<CopyContent>): string {
  const copy = copyCounts(doc, content);
  const parts = [
    counted(copy.measures, "measure"),
    copy.actuals > 0 ? counted(copy.actuals, "actual") : "no actuals",
    copy.notes > 0 ? counted(copy.notes, "note") : "no notes",
    copy.scenarios > 0 ? counted(copy.scenarios, "scenario") : "no scenarios",
  ];
  const list = `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  // The framework alone scores nothing: say so, since "same scores" is what people expect of a copy.
  const scores = copy.actuals > 0 ? "" : " Without actuals it shows no scores.";
  return `The copy will hold ${list}.${scores}`;
}

// What main refuses in a decoded email link (control, formatting, line and paragraph separators),
// plus unpaired surrogates, which encodeURIComponent cannot encode.
const INVISIBLE = /\p{Cf}/gu;
const BREAKING = /[\s\p{Cc}\p{Zl}\p{Zp}]+/gu;
const UNPAIRED = /\p{Cs}/gu;

/** Text from the file or the file system made fit for an email header: one line, nothing hidden. */
export function mailText(text: string): string {
  return text.replace(UNPAIRED, "\uFFFD").replace(INVISIBLE, "").replace(BREAKING, " ").trim();
}

/** `text`, shortened with "…" (never inside a character) so that its encoded form has at most `max` characters. */
export function fitEncoded(text: string, max: number): string {
  if (encodeURIComponent(text).length <= max) return text;
  let room = max - encodeURIComponent("…").length;
  let out = "";
  for (const char of text) {
    room -= encodeURIComponent(char).length;
    if (room < 0) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

function compose(mail: ShareMail, budget: number): string {
  const title = fitEncoded(mailText(mail.title), budget) || "Untitled";
  const organization = fitEncoded(mailText(mail.organization), budget / 2);
  const file = fitEncoded(mailText(mail.fileName), budget) || "the .scorecard file";
  const subject = `Scorecard: ${title}`;
  const sentences = [
    `Here is the scorecard “${title}”${organization ? ` of ${organization}` : ""} as the file “${file}”.`,
    "It opens in Scorecard Studio.",
  ];
  if (mail.overall) {
    const period = fitEncoded(mailText(mail.overall.period), budget / 2);
    const { score, status } = mail.overall;
    sentences.push(
      `Overall score for ${period}: ${formatPercent(score)} (${STATUS_TEXT[status].label.toLowerCase()}).`,
    );
  }
  // For the sender, who writes the rest: the link cannot attach the file.
  sentences.push(`[Before sending: attach “${file}” from the folder that just opened.]`);
  // One paragraph: main refuses line breaks in email links, even encoded ones.
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(sentences.join(" "))}`;
}

/** The draft as a mailto: link with no recipient (the user picks one), at most MAX_MAILTO_LENGTH long. */
export function shareMailto(mail: ShareMail): string {
  // Long names (or many non-Latin characters, nine encoded characters each) shrink until the link fits.
  let url = compose(mail, 240);
  for (let budget = 120; url.length > MAX_MAILTO_LENGTH && budget >= 15; budget /= 2) url = compose(mail, budget);
  return url;
}
