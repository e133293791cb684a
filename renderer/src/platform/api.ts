/**
 * The renderer's one way to reach main: the contract the preload exposes as `window.scorecard`
 * (in Electron) or the browser harness's bridge to the same handler table (in the e2e suite).
 */
import type { ScorecardApi } from "../../../shared/api/contract.ts";

declare global {
  interface Window {
    readonly scorecard?: ScorecardApi;
  }
}

/** The API, or null when the page was opened outside the app (then it says so instead of failing). */
export function platformApi(): ScorecardApi | null {
  return window.scorecard ?? null;
}
