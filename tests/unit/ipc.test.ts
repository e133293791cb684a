/**
 * The IPC adapter (electron/api/ipc.ts) with a fake ipcMain: every channel of the contract is
 * registered, and every one refuses a message that does not come from the top frame of an app
 * window showing app://scorecard, without running its handler.
 */
import { describe, expect, it } from "vitest";
import { channelOf, METHODS } from "../../shared/api/methods.ts";
import type { HandlerTable } from "../../electron/api/handlers.ts";
import { type InvokeEventLike, isAppFrame, registerHandlers } from "../../electron/api/ipc.ts";

type Listener = (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;

/** The app window 1 is web contents 7. */
const APP_CONTENTS = 7;

function setup() {
  const listeners = new Map<string, Listener>();
  const calls: { method: string; windowId: number; payload: unknown }[] = [];
  const table = Object.fromEntries(
    METHODS.map((method) => [
      method,
      async (windowId: number, payload: unknown) => {
        calls.push({ method, windowId, payload });
        return { ok: true, value: method };
      },
    ]),
  ) as HandlerTable;
  registerHandlers(
    {
      handle(channel, listener) {
        if (listeners.has(channel)) throw new Error(`${channel} registered twice`);
        listeners.set(channel, listener);
      },
    },
    table,
    (id) => (id === APP_CONTENTS ? 1 : null),
  );
  return { listeners, calls };
}

const event = (senderId: number, url: string | null, parent: unknown = null): InvokeEventLike => ({
  sender: { id: senderId },
  senderFrame: url === null ? null : { url, parent },
});

const FOREIGN: [string, InvokeEventLike][] = [
  ["a web contents the app did not create", event(99, "app://scorecard/index.html")],
  ["a frame that is gone", event(APP_CONTENTS, null)],
  ["an iframe inside the app window", event(APP_CONTENTS, "app://scorecard/index.html", { url: "app://scorecard/" })],
  ["a page navigated to the web", event(APP_CONTENTS, "https://evil.example/index.html")],
  ["a file:// page", event(APP_CONTENTS, "file:///home/cio/index.html")],
  ["another app:// host", event(APP_CONTENTS, "app://evil/index.html")],
  ["a look-alike host", event(APP_CONTENTS, "app://scorecard.evil/index.html")],
  ["a data: page", event(APP_CONTENTS, "data:text/html,<script></script>")],
  ["devtools", event(APP_CONTENTS, "devtools://devtools/bundled/inspector.html")],
  ["an unparseable URL", event(APP_CONTENTS, "not a url")],
];

describe("registerHandlers", () => {
  it("registers exactly one handler per method of the contract", () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(METHODS.map(channelOf).sort());
  });

  describe.each(METHODS)("%s", (method) => {
    it.each(FOREIGN)("refuses %s and runs nothing", async (_what, foreign) => {
      const { listeners, calls } = setup();
      const result = await listeners.get(channelOf(method))?.(foreign, {});
      expect(result).toMatchObject({ ok: false, error: { kind: "forbidden" } });
      expect(calls).toEqual([]);
    });

    it("refuses a message without exactly one payload", async () => {
      const { listeners, calls } = setup();
      const listener = listeners.get(channelOf(method))!;
      const ok = event(APP_CONTENTS, "app://scorecard/index.html");
      expect(await listener(ok)).toMatchObject({ ok: false, error: { kind: "bad-request" } });
      expect(await listener(ok, {}, {})).toMatchObject({ ok: false, error: { kind: "bad-request" } });
      expect(calls).toEqual([]);
    });

    it("passes the app window's message to the handler with the window's id", async () => {
      const { listeners, calls } = setup();
      const payload = { any: "thing" };
      const result = await listeners.get(channelOf(method))?.(
        event(APP_CONTENTS, "app://scorecard/index.html#x"),
        payload,
      );
      expect(result).toEqual({ ok: true, value: method });
      expect(calls).toEqual([{ method, windowId: 1, payload }]);
    });
  });

  it("isAppFrame accepts only the top frame of app://scorecard", () => {
    expect(isAppFrame({ url: "app://scorecard/", parent: null })).toBe(true);
    // Chromium hands over canonical URLs (lower-case scheme and host); anything else is not ours.
    expect(isAppFrame({ url: "app://SCORECARD/index.html", parent: null })).toBe(false);
    expect(isAppFrame({ url: "app://scorecard:8080/", parent: null })).toBe(false);
    expect(isAppFrame({ url: "app://user@scorecard/", parent: null })).toBe(false);
    expect(isAppFrame({ url: "app://scorecard/", parent: { url: "app://scorecard/" } })).toBe(false);
  });
});
