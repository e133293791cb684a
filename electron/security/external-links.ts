/**
 * Which links the app hands to the operating system (shell.openExternal), and the question it asks
 * first. openExternal launches whatever program claims a scheme, so anything but secure web links
 * and email links is refused: file:, smb: and UNC paths can run programs or leak NTLM hashes, and
 * custom schemes (ms-settings:, …) reach other apps.
 */

import { quote } from "../../shared/domain/readable-path.ts";

export type ExternalUrlVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

export type ConfirmationPrompt = {
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
};

export const MAX_EXTERNAL_URL_LENGTH = 2_048;

// Whitespace, control and invisible formatting characters (bidi overrides, zero-width joiners):
// the URL parser silently drops some of them (`java\tscript:`), and the others disguise a link.
const HIDDEN_CHARACTERS = /[\s\p{Cc}\p{Cf}]/u;

const refuse = (reason: string): ExternalUrlVerdict => ({ allowed: false, reason });

function httpsVerdict(raw: string, url: URL): ExternalUrlVerdict {
  // Checked on the raw text: the parser repairs `https:host`, `https:///host` and `https:\\host`.
  const authority = /^https:\/\/([^/\\?#]*)(?:[/?#]|$)/i.exec(raw)?.[1];
  if (!authority || /^\.*$/.test(url.hostname)) return refuse("The web link does not name a website.");
  if (authority.includes("@")) return refuse("The web link contains sign-in details (a user name or password).");
  return { allowed: true, url: url.href };
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The header fields an email link may set (RFC 6068 names them; case-insensitive). Others are
 * refused, since email apps act on some: `attach=` makes Evolution (CVE-2020-11879), older
 * Thunderbird, KMail and mutt (through xdg-email) attach a local file such as ~/.ssh/id_rsa.
 */
const MAIL_FIELDS = new Set(["to", "cc", "bcc", "subject", "body"]);

function mailtoVerdict(url: URL): ExternalUrlVerdict {
  const whole = decoded(url.href);
  const address = decoded(url.pathname);
  const fields = mailFields(url);
  if (whole === undefined || address === undefined || fields === undefined) {
    return refuse("The email link is not correctly encoded.");
  }
  // Encoded line breaks (%0D%0A) could add headers such as Bcc to the message; encoded spaces are fine.
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(whole)) {
    return refuse("The email link contains line breaks or control characters.");
  }
  // Email links have no fragment, and an email app that splits the link itself reads `#&attach=…` as a field.
  if (url.href.includes("#")) return refuse("The email link contains “#”, which email links do not use.");
  if (address.trim() === "" && !isDraft(fields)) return refuse("The email link has no address.");
  const unknown = fields.find((f) => !MAIL_FIELDS.has(f.name));
  if (unknown) {
    return refuse(
      `The email link sets the header field ${quote(unknown.name)}; only to, cc, bcc, subject and body are allowed.`,
    );
  }
  return { allowed: true, url: url.href };
}

/** The header fields of a mailto: link's query (`?subject=…&body=…`), decoded; names in lower case. */
function mailFields(url: URL): Array<{ name: string; value: string }> | undefined {
  const fields: Array<{ name: string; value: string }> = [];
  for (const field of url.search.slice(1).split("&")) {
    if (field === "") continue;
    const at = field.indexOf("=");
    const name = decoded(at < 0 ? field : field.slice(0, at));
    const value = decoded(at < 0 ? "" : field.slice(at + 1));
    if (name === undefined || value === undefined) return undefined;
    fields.push({ name: name.toLowerCase(), value });
  }
  return fields;
}

/**
 * A draft the user addresses in their email app (Share…): a subject or body and no recipient at
 * all. A recipient tucked into the query (`?to=`, `?cc=`, `?bcc=`) with none in the address is not one.
 */
function isDraft(fields: Array<{ name: string }>): boolean {
  const names = fields.map((f) => f.name);
  const recipients = names.some((n) => n === "to" || n === "cc" || n === "bcc");
  return !recipients && names.some((n) => n === "subject" || n === "body");
}

/** Whether `raw` may be opened outside the app, and the normalised URL to open if so. */
export function externalUrlVerdict(raw: unknown): ExternalUrlVerdict {
  if (typeof raw !== "string") return refuse("The link is not text.");
  if (raw === "") return refuse("The link is empty.");
  if (raw.length > MAX_EXTERNAL_URL_LENGTH) return refuse("The link is longer than 2,048 characters.");
  if (HIDDEN_CHARACTERS.test(raw)) return refuse("The link contains spaces, line breaks or hidden characters.");
  if (!URL.canParse(raw)) return refuse("The link is not a complete web address.");
  const url = new URL(raw);
  if (url.href.length > MAX_EXTERNAL_URL_LENGTH) return refuse("The link is longer than 2,048 characters.");
  switch (url.protocol) {
    case "https:":
      return httpsVerdict(raw, url);
    case "mailto:":
      return mailtoVerdict(url);
    case "http:":
      return refuse("Only secure web links (https://) can be opened; this one uses http://.");
    default:
      return refuse(
        `Only web links (https://) and email links (mailto:) can be opened; this one uses “${url.protocol}”.`,
      );
  }
}

/**
 * The options for the "open outside the app?" dialog, Cancel the default: a web link in full; an
 * email link as the message it starts (recipients, subject, body decoded), since a percent-encoded
 * body cannot be read. Only called with a URL externalUrlVerdict allowed: no control characters.
 */
export function confirmationPrompt(url: string): ConfirmationPrompt {
  const email = url.toLowerCase().startsWith("mailto:");
  return {
    message: email ? "Open this link in your email app?" : "Open this link in your browser?",
    detail: email ? emailDetail(url) : url,
    buttons: ["Cancel", email ? "Open Email App" : "Open in Browser"],
    defaultId: 0,
    cancelId: 0,
  };
}

const SHOWN_FIELD_LENGTH = 500;

/** "To: …", then every header field of the query ("Subject: …", "Body: …"), each cut to a readable length. */
function emailDetail(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  const address = parsed ? decoded(parsed.pathname) : undefined;
  const fields = parsed ? mailFields(parsed) : undefined;
  if (address === undefined || fields === undefined) return url;
  const cut = (text: string) => {
    const chars = Array.from(text);
    return chars.length > SHOWN_FIELD_LENGTH ? `${chars.slice(0, SHOWN_FIELD_LENGTH - 1).join("")}…` : text;
  };
  const lines = [`To: ${address.trim() === "" ? "(you choose in your email app)" : cut(address)}`];
  for (const { name, value } of fields) lines.push(`${name.charAt(0).toUpperCase()}${name.slice(1)}: ${cut(value)}`);
  return lines.join("\n");
}
