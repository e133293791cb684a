/** Opaque file tokens (electron/api/path-tokens.ts): once, one window, one purpose, for a while. */
import { describe, expect, it } from "vitest";
import { PathTokens, TokenRefused } from "../../electron/api/path-tokens.ts";

describe("PathTokens", () => {
  it("issues random, URL-safe, unguessable tokens that say nothing about the path", () => {
    const tokens = new PathTokens();
    const issued = Array.from({ length: 200 }, () => tokens.issue(1, "/home/cio/plan.scorecard", "open-document"));
    expect(new Set(issued).size).toBe(200);
    for (const t of issued) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(t).not.toContain("plan");
    }
  });

  it("redeems a token once, in its window, for its grant", () => {
    const tokens = new PathTokens();
    const t = tokens.issue(1, "/a.scorecard", "save-share");
    expect(() => tokens.redeem(2, t, "save-share")).toThrow(TokenRefused);
    expect(() => tokens.redeem(1, t, "save-document")).toThrow(TokenRefused);
    expect(tokens.redeem(1, t, "save-share")).toBe("/a.scorecard");
    expect(() => tokens.redeem(1, t, "save-share")).toThrow(TokenRefused);
  });

  it("refuses a token after its time, and one that was never issued", () => {
    let now = 1_000;
    const tokens = new PathTokens({ now: () => now, ttlMs: 60_000 });
    const t = tokens.issue(1, "/a.scorecard", "open-document");
    now += 60_000;
    expect(() => tokens.redeem(1, t, "open-document")).toThrow(TokenRefused);
    expect(() => tokens.redeem(1, "A".repeat(43), "open-document")).toThrow(TokenRefused);
    expect(() => tokens.redeem(1, "__proto__", "open-document")).toThrow(TokenRefused);
  });

  it("forgets a closed window's tokens, and keeps a bounded number per window", () => {
    const tokens = new PathTokens({ maxPerWindow: 3 });
    const first = tokens.issue(1, "/1", "open-document");
    const kept = [2, 3, 4].map((n) => tokens.issue(1, `/${n}`, "open-document"));
    const other = tokens.issue(2, "/other", "open-document");
    expect(() => tokens.redeem(1, first, "open-document")).toThrow(TokenRefused);
    expect(kept.map((t) => tokens.redeem(1, t, "open-document"))).toEqual(["/2", "/3", "/4"]);
    tokens.forgetWindow(2);
    expect(() => tokens.redeem(2, other, "open-document")).toThrow(TokenRefused);
  });
});
