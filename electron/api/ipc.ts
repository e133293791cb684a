/**
 * Registers the handler table on ipcMain (or anything with the same `handle`), checking every
 * message's sender first: it must be the top frame of one of the app's own windows, showing the
 * app's own page (app://scorecard). A message from anywhere else (an iframe, a page that got
 * navigated somewhere, a window we did not create) gets "forbidden" and runs nothing. Plain Node
 * with structural types, so the tests drive it with a fake ipcMain.
 */
import { channelOf, METHODS } from "../../shared/api/contract.ts";
import { type ApiResult, failure } from "../../shared/api/errors.ts";
import { APP_HOST, APP_SCHEME } from "../security/app-protocol.ts";
import type { HandlerTable } from "./handlers.ts";

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface InvokeEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
}

/** Maps a web contents to the app window it belongs to, or null for contents we did not create. */
export type WindowOfSender = (webContentsId: number) => number | null;

export function isAppFrame(frame: InvokeEventLike["senderFrame"]): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    // WHATWG URL gives custom schemes an opaque origin ("null"), so compare scheme and host.
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === "" && url.password === "";
  } catch {
    return false;
  }
}

export function registerHandlers(ipc: IpcMainLike, table: HandlerTable, windowOf: WindowOfSender): void {
  for (const method of METHODS) {
    const handler = table[method];
    ipc.handle(channelOf(method), async (event, ...args): Promise<ApiResult<unknown>> => {
      const windowId = windowOf(event.sender.id);
      if (windowId === null || !isAppFrame(event.senderFrame)) {
        return failure("forbidden", "This request did not come from a Scorecard Studio window.");
      }
      if (args.length !== 1) return failure("bad-request", `Malformed ${method} request: expected one payload`);
      return handler(windowId, args[0]);
    });
  }
}
