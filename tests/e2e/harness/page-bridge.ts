/**
 * Runs in the page before the app's script, in place of Electron's preload: it builds the same
 * API client (shared/api/client.ts) over a transport that calls the test process, where main's
 * real handler table answers. Bundled by esbuild into an init script (fixture.ts).
 */
import { createApiClient } from "../../../shared/api/client.ts";

interface BridgeWindow {
  /** Installed by Playwright's exposeBinding: runs main's handler for `channel` in the test process. */
  __scorecardInvoke(channel: string, payload: unknown): Promise<unknown>;
  /** Called by the test process with each event main sends this window. */
  __scorecardEmit?: (channel: string, payload: unknown) => void;
}

const page = window as unknown as BridgeWindow;
const listeners = new Map<string, Set<(payload: unknown) => void>>();
page.__scorecardEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};

const api = createApiClient({
  invoke: (channel, payload) => page.__scorecardInvoke(channel, payload),
  listen(channel, listener) {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    set.add(listener);
    return () => set.delete(listener);
  },
});
// As contextBridge does: a frozen object the page cannot replace.
Object.defineProperty(window, "scorecard", { value: Object.freeze(api), enumerable: true });
