/**
 * The one Content-Security-Policy of the app. The app:// protocol sends it as a header; the
 * renderer build injects `metaPolicy()` into index.html so the page is covered even when it is
 * opened some other way (vite preview, file://, Playwright).
 * No network at all: everything the page needs ships with the app (SPEC §5).
 */

const DIRECTIVES: ReadonlyArray<readonly [name: string, sources: string]> = [
  ["default-src", "'self'"],
  ["script-src", "'self'"],
  // React writes style props through the CSSOM, which style-src does not govern: no 'unsafe-inline'.
  ["style-src", "'self'"],
  ["img-src", "'self' data: blob:"],
  ["font-src", "'self'"],
  ["connect-src", "'none'"],
  ["object-src", "'none'"],
  ["base-uri", "'none'"],
  ["form-action", "'none'"],
  ["frame-src", "'none'"],
  ["worker-src", "'self' blob:"],
  ["frame-ancestors", "'none'"],
];

/** Directives that a <meta> policy cannot carry: Chromium ignores them there and logs a warning. */
const HEADER_ONLY = new Set(["frame-ancestors", "report-uri", "sandbox"]);

function serialise(directives: typeof DIRECTIVES): string {
  return directives.map(([name, sources]) => `${name} ${sources}`).join("; ");
}

export const CONTENT_SECURITY_POLICY: string = serialise(DIRECTIVES);

/** The policy for `<meta http-equiv="Content-Security-Policy">`: the full one minus header-only directives. */
export function metaPolicy(): string {
  return serialise(DIRECTIVES.filter(([name]) => !HEADER_ONLY.has(name)));
}
