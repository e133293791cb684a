/** The one Content-Security-Policy: its directives, and that the built renderer carries it as a meta tag. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { afterAll, describe, expect, it } from "vitest";
import { CONTENT_SECURITY_POLICY, metaPolicy } from "../../electron/security/csp.ts";

const EXPECTED: Record<string, string[]> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'"],
  "connect-src": ["'none'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "form-action": ["'none'"],
  "frame-src": ["'none'"],
  "worker-src": ["'self'", "blob:"],
  "frame-ancestors": ["'none'"],
};

/** Directive name → sources, failing on a directive given twice (browsers silently ignore the second). */
function parsePolicy(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(directives, `duplicate ${name}`).not.toHaveProperty(name);
    directives[name.toLowerCase()] = sources;
  }
  return directives;
}

function decodeAttribute(value: string): string {
  const named: Record<string, string> = { amp: "&", quot: '"', apos: "'", lt: "<", gt: ">" };
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(Number(body.slice(1)));
    return named[body.toLowerCase()] ?? entity;
  });
}

describe("CONTENT_SECURITY_POLICY", () => {
  it("has exactly the required directives and sources", () => {
    expect(parsePolicy(CONTENT_SECURITY_POLICY)).toEqual(EXPECTED);
  });

  it.each([
    ["the header policy", CONTENT_SECURITY_POLICY],
    ["the meta policy", metaPolicy()],
  ])("%s allows no inline or eval'd code and no network source", (_which, policy) => {
    expect(policy).not.toMatch(/unsafe/i);
    for (const sources of Object.values(parsePolicy(policy))) {
      for (const source of sources) {
        expect(source).toMatch(/^('self'|'none'|data:|blob:)$/);
      }
    }
    expect(policy).not.toMatch(/https?:|wss?:|\*/i);
  });

  it("leaves out of the meta policy only what a meta tag cannot carry", () => {
    const { "frame-ancestors": _headerOnly, ...rest } = EXPECTED;
    expect(parsePolicy(metaPolicy())).toEqual(rest);
    expect(CONTENT_SECURITY_POLICY.startsWith(metaPolicy())).toBe(true);
  });
});

describe("built renderer", () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), "csp-build-"));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("carries exactly metaPolicy() in one meta tag ahead of every script and stylesheet", async () => {
    // Built to a temp folder so it cannot clash with a build of dist/renderer running alongside.
    await build({
      configFile: fileURLToPath(new URL("../../renderer/vite.config.ts", import.meta.url)),
      logLevel: "silent",
      build: { outDir, emptyOutDir: true },
    });
    const html = readFileSync(path.join(outDir, "index.html"), "utf8");

    const metas = [...html.matchAll(/<meta\b[^>]*http-equiv="Content-Security-Policy"[^>]*>/gi)];
    expect(metas).toHaveLength(1);
    const content = /\bcontent="([^"]*)"/.exec(metas[0]![0])?.[1];
    expect(decodeAttribute(content ?? "")).toBe(metaPolicy());

    const metaAt = metas[0]!.index;
    const firstResource = html.search(/<script\b|<link\b[^>]*rel="(stylesheet|modulepreload)"/i);
    expect(firstResource).toBeGreaterThan(metaAt);
  }, 20_000);
});
