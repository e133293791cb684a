/**
 * Opaque file tokens: the renderer never names a path (SPEC §5). When the user picks a file in a
 * dialog, or the recent list is shown, main keeps the path and gives the window a random token.
 * A token is good once, only in the window it was issued to, only for what it was issued for
 * (a file chosen to open can never be written), and only for a while.
 */
import { randomBytes } from "node:crypto";

/** What the user chose the file for: reading a document, or writing one of these outputs. */
export type Grant =
  | "open-document"
  | "open-import"
  | "save-document"
  | "save-share"
  | "save-export-json"
  | "save-export-csv"
  | "save-export-xlsx"
  | "save-export-pdf"
  | "save-export-svg"
  | "save-export-png";

export class TokenRefused extends Error {
  constructor() {
    super("That file choice is no longer valid. Please choose the file again.");
    this.name = "TokenRefused";
  }
}

interface Issued {
  windowId: number;
  path: string;
  grant: Grant;
  expires: number;
}

export interface PathTokenOptions {
  now?: () => number;
  /** How long a token stays good (default 30 minutes: a dialog answer, not a bookmark). */
  ttlMs?: number;
  /** Tokens a window may hold at once; the oldest go first (a recent list is issued on every show). */
  maxPerWindow?: number;
}

export class PathTokens {
  private readonly issued = new Map<string, Issued>();
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly maxPerWindow: number;

  constructor(opts: PathTokenOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.ttlMs = opts.ttlMs ?? 30 * 60_000;
    this.maxPerWindow = opts.maxPerWindow ?? 64;
  }

  issue(windowId: number, path: string, grant: Grant): string {
    this.dropExpired();
    const mine = [...this.issued].filter(([, t]) => t.windowId === windowId);
    for (const [token] of mine.slice(0, Math.max(0, mine.length - this.maxPerWindow + 1))) this.issued.delete(token);
    const token = randomBytes(32).toString("base64url");
    this.issued.set(token, { windowId, path, grant, expires: this.now() + this.ttlMs });
    return token;
  }

  /** The path behind a token, used up by this call. A token of another window is refused and left alone. */
  redeem(windowId: number, token: string, grant: Grant): string {
    const entry = this.issued.get(token);
    if (!entry || entry.windowId !== windowId || entry.grant !== grant) throw new TokenRefused();
    this.issued.delete(token);
    if (entry.expires <= this.now()) throw new TokenRefused();
    return entry.path;
  }

  /** A closed window's tokens die with it (window ids can be reused by the runtime). */
  forgetWindow(windowId: number): void {
    for (const [token, t] of this.issued) if (t.windowId === windowId) this.issued.delete(token);
  }

  private dropExpired(): void {
    const now = this.now();
    for (const [token, t] of this.issued) if (t.expires <= now) this.issued.delete(token);
  }
}
