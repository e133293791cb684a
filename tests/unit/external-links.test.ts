/** Which links may leave the app through shell.openExternal, and the question asked before they do. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  confirmationPrompt,
  externalUrlVerdict,
  MAX_EXTERNAL_URL_LENGTH,
} from "../../electron/security/external-links.ts";

function reasonFor(raw: unknown): string {
  const verdict = externalUrlVerdict(raw);
  if (verdict.allowed) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${verdict.url}`);
  return verdict.reason;
}

describe("allowed", () => {
  it.each([
    ["https://example.com", "https://example.com/"],
    ["https://example.com/path?q=1#frag", "https://example.com/path?q=1#frag"],
    ["HTTPS://Example.COM/Docs", "https://example.com/Docs"],
    ["https://example.com:8443/x", "https://example.com:8443/x"],
    ["https://[::1]/", "https://[::1]/"],
    ["https://аррӏе.com/", "https://xn--80ak6aa92e.com/"],
    ["https://example.com/a%20b", "https://example.com/a%20b"],
    ["mailto:support@example.com", "mailto:support@example.com"],
    [
      "MAILTO:support@example.com?subject=Scorecard%20question",
      "mailto:support@example.com?subject=Scorecard%20question",
    ],
    ["mailto:a@example.com,b@example.com", "mailto:a@example.com,b@example.com"],
    // A draft the user addresses in their email app (Share…).
    ["mailto:?subject=hello", "mailto:?subject=hello"],
    ["mailto:?subject=Q3%20%26%20Q4&body=See%20the%20file.", "mailto:?subject=Q3%20%26%20Q4&body=See%20the%20file."],
    // Header field names are case-insensitive (RFC 6068); the query may repeat a field.
    ["mailto:?SUBJECT=a&Body=b&body=c", "mailto:?SUBJECT=a&Body=b&body=c"],
    [
      "mailto:a@example.com?To=b@example.com&cc=c@example.com&BCC=d@example.com&subject=s&body=b",
      "mailto:a@example.com?To=b@example.com&cc=c@example.com&BCC=d@example.com&subject=s&body=b",
    ],
    ["mailto:a@example.com?", "mailto:a@example.com?"],
  ])("opens %s as %s", (raw, url) => {
    expect(externalUrlVerdict(raw)).toEqual({ allowed: true, url });
  });

  it("accepts a link of exactly the maximum length", () => {
    const prefix = "https://example.com/";
    const raw = prefix + "a".repeat(MAX_EXTERNAL_URL_LENGTH - prefix.length);
    expect(externalUrlVerdict(raw)).toEqual({ allowed: true, url: raw });
  });
});

describe("refused", () => {
  it.each([
    ["javascript:alert(1)", "javascript:"],
    ["JavaScript:alert(1)", "javascript:"],
    ["file:///etc/passwd", "file:"],
    ["file://server/share/x.exe", "file:"],
    ["data:text/html,<script>alert(1)</script>", "data:"],
    ["blob:https://example.com/0a1b", "blob:"],
    ["vbscript:msgbox(1)", "vbscript:"],
    ["ftp://example.com/x", "ftp:"],
    ["smb://server/share", "smb:"],
    ["ms-settings:display", "ms-settings:"],
    ["scorecard:open?file=x", "scorecard:"],
    ["app://scorecard/index.html", "app:"],
    ["C:\\Windows\\System32\\calc.exe", "c:"],
    ["c:/Windows/System32/calc.exe", "c:"],
    ["ws://example.com", "ws:"],
  ])("refuses %s, naming the scheme", (raw, scheme) => {
    expect(reasonFor(raw)).toContain(`“${scheme}”`);
  });

  it("refuses plain http with its own explanation", () => {
    expect(reasonFor("http://example.com")).toBe(
      "Only secure web links (https://) can be opened; this one uses http://.",
    );
    expect(reasonFor("HTTP://example.com")).toContain("http://");
  });

  it.each([
    "\\\\server\\share\\x.exe",
    "//server/share",
    "/relative/path",
    "relative/path",
    "./x",
    "../x",
    "?q=1",
    "#top",
    "example.com",
    "www.example.com/x",
  ])("refuses the relative or incomplete address %s", (raw) => {
    expect(reasonFor(raw)).toBe("The link is not a complete web address.");
  });

  it.each([
    "https:///nohost",
    "https:////nohost",
    "https:example.com",
    "https:/example.com",
    "https:\\\\example.com",
    "https:/\\example.com",
    "https://",
    "https://./",
    "https://../x",
    "https://?q",
    "https://#x",
  ])("refuses %s, which names no website", (raw) => {
    const verdict = externalUrlVerdict(raw);
    expect(verdict.allowed).toBe(false);
  });

  it.each([
    "https://user:pass@example.com/",
    "https://user@example.com/",
    "https://@example.com/",
    "https://:pass@example.com/",
    "https://example.com@evil.example/",
  ])("refuses sign-in details in %s", (raw) => {
    expect(reasonFor(raw)).toBe("The web link contains sign-in details (a user name or password).");
  });

  it.each([
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java\rscript:alert(1)",
    "\u0000javascript:alert(1)",
    " https://example.com",
    "https://example.com ",
    "https://exa mple.com",
    "https://example.com/\u202Egnp.exe",
    "https://example\u200B.com",
    "https://example.com/\u0085",
    "mailto:a@example.com\r\nBcc:evil@example.com",
    "https://example.com/\u2028",
  ])("refuses whitespace, control and hidden characters: %j", (raw) => {
    expect(reasonFor(raw)).toBe("The link contains spaces, line breaks or hidden characters.");
  });

  it.each([
    "mailto:a@example.com?subject=x%0D%0ABcc:evil@example.com",
    "mailto:a@example.com?body=line%0Aline",
    "mailto:a@example.com%00",
    "mailto:a@example.com?subject=%E2%80%AE",
  ])("refuses encoded line breaks and control characters in the email link %s", (raw) => {
    expect(reasonFor(raw)).toBe("The email link contains line breaks or control characters.");
  });

  it.each([
    "mailto:",
    "mailto:%20",
    "mailto:?",
    "mailto:?x-mailer=y",
    "mailto:?to=a@example.com",
    "mailto:?subject=hello&to=a@example.com",
    "mailto:?subject=hello&BCC=a@example.com",
    "mailto:%20?body=hi&cc=a@example.com",
  ])("refuses the email link without an address, unless it is a draft with no recipient at all: %s", (raw) => {
    expect(reasonFor(raw)).toBe("The email link has no address.");
  });

  it.each([
    ["mailto:?subject=x&attach=/home/u/.ssh/id_rsa", "attach"],
    ["mailto:?subject=x&Attach=/home/u/.ssh/id_rsa", "attach"],
    ["mailto:?subject=x&%61ttach=/home/u/.ssh/id_rsa", "attach"],
    ["mailto:?body=x&ATTACHMENT=file:///etc/passwd", "attachment"],
    ["mailto:?attach=/etc/passwd&subject=x", "attach"],
    ["mailto:?subject=x&in-reply-to=%3C1@example.com%3E", "in-reply-to"],
    ["mailto:?subject=x&X-Tag=a", "x-tag"],
    ["mailto:?subject=x&from=boss@example.com", "from"],
    ["mailto:a@example.com?attach=/home/u/.ssh/id_rsa", "attach"],
    ["mailto:a@example.com?subject=x&%41ttach=~/.ssh/id_rsa", "attach"],
    ["mailto:a@example.com?cc=b@example.com&reply-to=c@example.com", "reply-to"],
    ["mailto:a@example.com?subject=x&=y", ""],
  ])("refuses the email link %s, whose header field %j is not one the app opens", (raw, name) => {
    expect(reasonFor(raw)).toBe(
      `The email link sets the header field “${name}”; only to, cc, bcc, subject and body are allowed.`,
    );
  });

  it.each([
    "mailto:?subject=x#&attach=/etc/passwd",
    "mailto:a@example.com#attach=/etc/passwd",
    "mailto:a@example.com?subject=x#",
  ])("refuses an email link with a fragment, which some email apps read as more header fields: %s", (raw) => {
    expect(reasonFor(raw)).toBe("The email link contains “#”, which email links do not use.");
  });

  it("refuses badly encoded email links", () => {
    expect(reasonFor("mailto:a@example.com?subject=%E0%A4%A")).toBe("The email link is not correctly encoded.");
  });

  it.each([undefined, null, 42, true, {}, [], ["https://example.com"], new URL("https://example.com")])(
    "refuses the non-string %j",
    (raw) => {
      expect(reasonFor(raw)).toBe("The link is not text.");
    },
  );

  it("refuses empty and overlong links", () => {
    expect(reasonFor("")).toBe("The link is empty.");
    const prefix = "https://example.com/";
    expect(reasonFor(prefix + "a".repeat(MAX_EXTERNAL_URL_LENGTH - prefix.length + 1))).toBe(
      "The link is longer than 2,048 characters.",
    );
    // Short as typed, long once the parser percent-encodes it.
    expect(reasonFor(`https://example.com/${"é".repeat(1_000)}`)).toBe("The link is longer than 2,048 characters.");
  });
});

describe("property", () => {
  const candidates = fc.oneof(
    fc.string({ unit: "binary", maxLength: 60 }),
    fc.webUrl({ validSchemes: ["https", "http", "ftp"], withQueryParameters: true, withFragments: true }),
    fc
      .tuple(
        fc.constantFrom("https:", "HTTPS:", "mailto:", "javascript:", "file:", "https:/", "https:///", "//", "\\\\"),
        fc.string({ unit: "grapheme-ascii", maxLength: 40 }),
      )
      .map(([scheme, rest]) => scheme + rest),
  );

  it("only ever allows strings that parse as https: or mailto:, and returns exactly what they parse to", () => {
    fc.assert(
      fc.property(candidates, (raw) => {
        const verdict = externalUrlVerdict(raw);
        if (!verdict.allowed) return;
        const parsed = new URL(raw);
        expect(["https:", "mailto:"]).toContain(parsed.protocol);
        expect(verdict.url).toBe(parsed.href);
        expect(externalUrlVerdict(verdict.url)).toEqual(verdict);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("confirmationPrompt", () => {
  it("asks before opening a web link, showing the full URL, with Cancel as the default", () => {
    const url = "https://example.com/a/very/long/path?with=query#and-fragment";
    expect(confirmationPrompt(url)).toEqual({
      message: "Open this link in your browser?",
      detail: url,
      buttons: ["Cancel", "Open in Browser"],
      defaultId: 0,
      cancelId: 0,
    });
  });

  it("names the email app for mailto: links", () => {
    const prompt = confirmationPrompt("mailto:support@example.com");
    expect(prompt.message).toBe("Open this link in your email app?");
    expect(prompt.detail).toBe("To: support@example.com");
    expect(prompt.buttons[prompt.cancelId]).toBe("Cancel");
    expect(prompt.defaultId).toBe(prompt.cancelId);
  });

  it("shows an email link as the message it starts, decoded, with every header field", () => {
    const url = "mailto:?subject=Q3%20%26%20Q4%20%E2%80%9CPlan%E2%80%9D&body=See%20the%20file%3F%20Yes.%20a%3Db";
    expect(externalUrlVerdict(url)).toEqual({ allowed: true, url });
    expect(confirmationPrompt(url).detail).toBe(
      ["To: (you choose in your email app)", "Subject: Q3 & Q4 “Plan”", "Body: See the file? Yes. a=b"].join("\n"),
    );
    const cc = confirmationPrompt("mailto:a@example.com?cc=b@example.com&bcc=c@example.com").detail;
    expect(cc).toBe("To: a@example.com\nCc: b@example.com\nBcc: c@example.com");
  });

  it("cuts a long field without splitting a character", () => {
    const body = "😀".repeat(600);
    const detail = confirmationPrompt(`mailto:?body=${encodeURIComponent(body)}`).detail;
    expect(detail).toBe(`To: (you choose in your email app)\nBody: ${"😀".repeat(499)}…`);
  });
});
