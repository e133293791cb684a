/** The app:// protocol handler against a real folder: what it serves, with which headers, and every way out it refuses. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APP_ENTRY_URL,
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  createAppProtocolHandler,
} from "../../electron/security/app-protocol.ts";
import { CONTENT_SECURITY_POLICY } from "../../electron/security/csp.ts";

const SECRET = "TOP-SECRET-7f3a9c";
const INDEX = "<!doctype html><title>Scorecard Studio</title>";
const SCRIPT = "console.log('app');";

// base/secret.txt sits next to the served folder base/root/: reaching it means escaping.
const base = mkdtempSync(path.join(os.tmpdir(), "app-protocol-"));
const root = path.join(base, "root");
const handle = createAppProtocolHandler(root);

beforeAll(() => {
  mkdirSync(path.join(root, "assets", "nested"), { recursive: true });
  writeFileSync(path.join(base, "secret.txt"), SECRET);
  writeFileSync(path.join(base, "secret"), SECRET);
  writeFileSync(path.join(root, "index.html"), INDEX);
  writeFileSync(path.join(root, "assets", "index-abc.js"), SCRIPT);
  writeFileSync(path.join(root, "assets", "index-abc.css"), "body{}");
  writeFileSync(path.join(root, "assets", "logo.svg"), "<svg/>");
  writeFileSync(path.join(root, "assets", "data.json"), "{}");
  writeFileSync(path.join(root, "assets", "notes.txt"), "unlisted type");
  writeFileSync(path.join(root, "assets", "..hidden.js"), "// a name that merely starts with two dots");
  symlinkSync(path.join(base, "secret.txt"), path.join(root, "assets", "escape.js"));
  symlinkSync(base, path.join(root, "up"));
  symlinkSync(path.join(root, "assets", "index-abc.js"), path.join(root, "alias.js"));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = "GET") => handle(new Request(url, { method }));

/** A request whose URL has not been through `new Request`, as a different caller might hand over. */
const raw = (url: string) => handle({ method: "GET", url } as Request);

describe("constants", () => {
  it("names the scheme, host, origin and entry page consistently", () => {
    expect([APP_SCHEME, APP_HOST, APP_ORIGIN, APP_ENTRY_URL]).toEqual([
      "app",
      "scorecard",
      "app://scorecard",
      "app://scorecard/index.html",
    ]);
  });
});

describe("serving", () => {
  it.each(["app://scorecard/", "app://scorecard", APP_ENTRY_URL, "app://scorecard/index.html?x=1#top"])(
    "serves index.html for %s with the security headers",
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe(INDEX);
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("cache-control")).toBe("no-store");
    },
  );

  it.each([
    ["assets/index-abc.js", "text/javascript; charset=utf-8"],
    ["assets/index-abc.css", "text/css; charset=utf-8"],
    ["assets/logo.svg", "image/svg+xml"],
    ["assets/data.json", "application/json; charset=utf-8"],
    ["assets/..hidden.js", "text/javascript; charset=utf-8"],
  ])("serves %s as %s", async (file, type) => {
    const response = await get(`app://scorecard/${file}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(type);
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });

  it("decodes the path once and follows links that stay inside the folder", async () => {
    writeFileSync(path.join(root, "assets", "with space.js"), SCRIPT);
    expect(await (await get("app://scorecard/assets/with%20space.js")).text()).toBe(SCRIPT);
    expect(await (await get("app://scorecard/alias.js")).text()).toBe(SCRIPT);
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await get(APP_ENTRY_URL, "HEAD");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(INDEX.length));
    expect(response.body).toBeNull();
  });
});

describe("refusals", () => {
  it.each(["POST", "PUT", "DELETE", "OPTIONS", "PATCH"])("refuses %s with 405 and an Allow header", async (method) => {
    const response = await get(APP_ENTRY_URL, method);
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
  });

  it.each([
    "app://other/index.html",
    "app://scorecard.evil/index.html",
    "app://scorecard:8080/index.html",
    "file://scorecard/index.html",
    "https://scorecard/index.html",
  ])("refuses another origin: %s", async (url) => {
    expect((await get(url)).status).toBe(404);
  });

  it("refuses credentials in the URL", async () => {
    expect((await raw("app://user:pass@scorecard/index.html")).status).toBe(404);
  });

  it.each([
    ["a missing file", "app://scorecard/missing.js"],
    ["a directory", "app://scorecard/assets"],
    ["a directory with a slash", "app://scorecard/assets/"],
    ["a nested directory", "app://scorecard/assets/nested/"],
    ["an extension that is not served", "app://scorecard/assets/notes.txt"],
    ["a file without extension", "app://scorecard/assets/index-abc"],
    ["an empty segment", "app://scorecard//index.html"],
    ["malformed percent-encoding", "app://scorecard/%E0%A4%A.js"],
  ])("answers 404 for %s", async (_what, url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
  });
});

describe("no way out of the folder", () => {
  // Every spelling of "go up one level" I know of, plus links. The parser folds some of them
  // into a harmless path (`/../secret` → `/secret`); the rest reach the handler still encoded.
  const escapes = [
    "app://scorecard/../secret.txt",
    "app://scorecard/../../secret.txt",
    "app://scorecard/assets/../../secret.txt",
    "app://scorecard/%2e%2e/secret.txt",
    "app://scorecard/.%2E/secret.txt",
    "app://scorecard/%2E%2E%2Fsecret.txt",
    "app://scorecard/%2e%2e%2fsecret.txt",
    "app://scorecard/assets/..%2f..%2fsecret.txt",
    "app://scorecard/assets/%2e%2e%2F%2e%2e%2Fsecret.txt",
    "app://scorecard/..%5csecret.txt",
    "app://scorecard/..\\secret.txt",
    "app://scorecard/assets\\..\\..\\secret.txt",
    "app://scorecard/%252e%252e/secret.txt",
    "app://scorecard/%252e%252e%252fsecret.txt",
    "app://scorecard/..%c0%afsecret.txt",
    "app://scorecard/.../secret.txt",
    "app://scorecard/%2e%2e%2e/secret.txt",
    "app://scorecard/index.html%00.js",
    "app://scorecard/..%00/secret.txt",
    "app://scorecard/%2Fetc%2Fpasswd",
    `app://scorecard/${encodeURIComponent(path.join(base, "secret.txt"))}`,
    "app://scorecard/C:/Windows/win.ini",
    "app://scorecard/C%3A%5CWindows%5Cwin.ini",
    "app://scorecard/index.html:stream.js",
    "app://scorecard/assets/escape.js",
    "app://scorecard/up/secret.txt",
  ];

  it.each(escapes)("refuses %s (new Request)", async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it.each(escapes)("refuses %s (raw URL)", async (url) => {
    const response = await raw(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it("refuses the encoded spellings in the handler itself, not only in the URL parser", async () => {
    // These survive URL parsing unchanged, so the handler is what stops them.
    for (const url of ["app://scorecard/%2E%2E%2Fsecret", "app://scorecard/assets/..%2f..%2fsecret"]) {
      expect(new URL(url).pathname).toContain("%2");
      expect((await get(url)).status).toBe(404);
    }
  });
});

describe("failures", () => {
  it("answers 500 with a plain body when the folder itself is missing", async () => {
    const missing = path.join(base, "not-built");
    const response = await createAppProtocolHandler(missing)(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).toBe("Internal Server Error");
    expect(body).not.toContain(base);
  });

  it("never throws, even for a request that cannot be read", async () => {
    const broken = {
      method: "GET",
      get url(): string {
        throw new Error(`boom at ${base}`);
      },
    } as Request;
    const response = await handle(broken);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe("Internal Server Error");
    expect((await raw("not a url")).status).toBe(500);
  });
});
