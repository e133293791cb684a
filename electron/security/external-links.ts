/**
 * Which links the app hands to the operating system (shell.openExternal), and the question it asks
 * first. openExternal launches whatever program claims a scheme, so anything but secure web links
 * and email links is refused: file:, smb: and UNC paths can run programs or leak NTLM hashes, and
 * custom schemes (ms-settings:, …) reach other apps.
 */

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

function mailtoVerdict(url: URL): ExternalUrlVerdict {
  const whole = decoded(url.href);
  const address = decoded(url.pathname);
  if (whole === undefined || address === undefined) return refuse("The email link is not correctly encoded.");
  // Encoded line breaks (%0D%0A) could add headers such as Bcc to the message; encoded spaces are fine.
  if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(whole)) {
    return refuse("The email link contains line breaks or control characters.");
  }
  if (address.trim() === "") return refuse("The email link has no address.");
  return { allowed: true, url: url.href };
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

/** The options for the "open outside the app?" dialog: the full URL shown, Cancel the default. */
export function confirmationPrompt(url: string): ConfirmationPrompt {
  const email = url.toLowerCase().startsWith("mailto:");
  return {
    message: email ? "Open this link in your email app?" : "Open this link in your browser?",
    detail: url,
    buttons: ["Cancel", email ? "Open Email App" : "Open in Browser"],
    defaultId: 0,
    cancelId: 0,
  };
}
