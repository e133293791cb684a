/**
 * The app:// protocol: serves the built renderer (dist/renderer) to the window instead of file://,
 * so the page has a real origin, gets the CSP as a header, and can read nothing but its own folder.
 * Electron's `protocol.handle` passes web-standard Request objects and takes Responses, so this
 * module is plain Node and never imports electron.
 */
import { type FileHandle, open, realpath } from "node:fs/promises";
import path from "node:path";
import { CONTENT_SECURITY_POLICY } from "./csp.ts";

export const APP_SCHEME = "app";
export const APP_HOST = "scorecard";
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The only file types the renderer build produces. Anything else is answered 404 rather than
 * application/octet-stream: a stray file in the folder is not served by accident.
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};

const ALLOWED_METHODS = "GET, HEAD";

// Errors that only mean "there is no such file here"; any other failure is a 500.
const NOT_FOUND_CODES = new Set(["ENOENT", "ENOTDIR", "EISDIR", "ELOOP", "ENAMETOOLONG", "EACCES", "EPERM"]);

function headers(contentType: string, extra: Record<string, string> = {}): Headers {
  return new Headers({
    "Content-Type": contentType,
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-store",
    ...extra,
  });
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, { status, headers: headers("text/plain; charset=utf-8", extra) });
}

const notFound = (): Response => plain(404, "Not Found");

/**
 * The URL path as file-name segments below the root, or undefined when it is not a plain relative
 * path. Each segment is percent-decoded exactly once (so `%252e%252e` stays the literal name
 * `%2e%2e`); the decoded segments must not smuggle in separators, parent steps, NUL or other control
 * characters, or a drive letter / NTFS stream (`C:`, `file:stream`).
 */
function pathSegments(pathname: string): string[] | undefined {
  if (pathname === "" || pathname === "/") return ["index.html"];
  if (!pathname.startsWith("/")) return undefined;
  const segments: string[] = [];
  for (const raw of pathname.slice(1).split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined; // malformed percent-encoding
    }
    // Only-dots also covers Windows, which strips trailing dots from names ("..." → "..").
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
    if (segment === "" || /^\.+$/.test(segment) || /[/\\:\u0000-\u001f\u007f]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  // `..foo` is a legitimate name; only a whole `..` step leaves the folder.
  const leaves = relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
  return relative !== "" && !leaves;
}

async function serveFile(rootDir: string, url: URL, method: string): Promise<Response> {
  const segments = pathSegments(url.pathname);
  if (!segments) return notFound();
  const contentType = CONTENT_TYPES[path.extname(segments.at(-1) ?? "").toLowerCase()];
  if (!contentType) return notFound();

  // A missing or unreadable root is a broken install, not a missing page: let it become a 500.
  const root = await realpath(rootDir);
  const candidate = path.join(root, ...segments);
  if (!isInside(root, candidate)) return notFound();

  let file: FileHandle | undefined;
  try {
    // Re-checked after resolving links: a symlink inside the folder must not lead out of it.
    const real = await realpath(candidate);
    if (!isInside(root, real)) return notFound();
    file = await open(real, "r");
    // Stat the opened handle, not the path, so the check and the read see the same file.
    const stats = await file.stat();
    if (!stats.isFile()) return notFound();
    const body = method === "HEAD" ? null : await file.readFile();
    return new Response(body, {
      status: 200,
      headers: headers(contentType, { "Content-Length": String(stats.size) }),
    });
  } catch (error) {
    if (NOT_FOUND_CODES.has((error as NodeJS.ErrnoException).code ?? "")) return notFound();
    throw error;
  } finally {
    await file?.close();
  }
}

/** The handler for `protocol.handle(APP_SCHEME, …)`, serving files from `rootDir`. Never throws. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      if (request.method !== "GET" && request.method !== "HEAD") {
        return plain(405, "Method Not Allowed", { Allow: ALLOWED_METHODS });
      }
      // Query and hash play no part in which file is served.
      const url = new URL(request.url);
      if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) {
        return notFound();
      }
      return await serveFile(rootDir, url, request.method);
    } catch {
      // Deliberately no detail: paths and stacks stay out of the renderer.
      return plain(500, "Internal Server Error");
    }
  };
}
