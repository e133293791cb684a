/**
 * Locks down every web contents the app creates: the page can never navigate away from the app,
 * follow a redirect, attach a <webview> or open a window. A link the user clicks that leads
 * outside (window.open, target=_blank) is not loaded in the app; if it is an https/mailto link,
 * the user is asked whether to open it in their browser. Structural types, tested with fakes.
 */
import { externalUrlVerdict } from "./external-links.ts";

interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(
    event: "will-navigate" | "will-frame-navigate" | "will-redirect" | "will-attach-webview",
    listener: (event: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: "deny" }): void;
}

/** Asks the user, then opens an allowed link outside the app. */
export type OpenOutside = (url: string) => void;

export function lockDownContents(contents: WebContentsLike, openOutside: OpenOutside): void {
  const deny = (event: PreventableEvent) => event.preventDefault();
  contents.on("will-navigate", deny);
  contents.on("will-frame-navigate", deny);
  contents.on("will-redirect", deny);
  contents.on("will-attach-webview", deny);
  contents.setWindowOpenHandler(({ url }) => {
    const verdict = externalUrlVerdict(url);
    if (verdict.allowed) openOutside(verdict.url);
    return { action: "deny" };
  });
}
