/**
 * The renderer's side of the API contract, built over any transport: Electron's ipcRenderer in the
 * preload, or the browser test harness's bridge to the same handler table. One method per entry
 * of the contract, so the exposed surface is exactly the contract and nothing else.
 */
import type { MainEvent, ScorecardApi } from "./contract.ts";
import { channelOf, EVENT_CHANNEL, METHODS } from "./methods.ts";
import { failure } from "./errors.ts";

export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Calls `listener` with every payload sent on `channel`; returns the unsubscribe. */
  listen(channel: string, listener: (payload: unknown) => void): () => void;
}

export function createApiClient(transport: Transport): ScorecardApi {
  const api: Record<string, unknown> = {};
  for (const method of METHODS) {
    const channel = channelOf(method);
    api[method] = async (request: unknown) => {
      try {
        return await transport.invoke(channel, request);
      } catch {
        // Main answers every request with a result; a rejection means the channel itself failed.
        return failure("internal", "The app could not reach its main process. Please try again.");
      }
    };
  }
  api.onEvent = (listener: (event: MainEvent) => void) =>
    transport.listen(EVENT_CHANNEL, (payload) => listener(payload as MainEvent));
  return api as ScorecardApi;
}
