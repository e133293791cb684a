/**
 * The preload as it ships: bundled by esbuild like build-main.mjs does, then run against a fake
 * `electron`. It may require nothing else (a sandboxed preload cannot) and must expose exactly the
 * API contract, never ipcRenderer itself.
 */
import path from "node:path";
import vm from "node:vm";
import { build } from "esbuild";
import { BUNDLES } from "../../build/build-main.mjs";
import { beforeAll, describe, expect, it } from "vitest";
import { REQUESTS } from "../../shared/api/contract.ts";
import { channelOf, EVENT_CHANNEL, METHODS } from "../../shared/api/methods.ts";

const root = path.resolve(import.meta.dirname, "../..");

type Listener = (event: unknown, payload: unknown) => void;

let code: string;
let bundledInputs: string[];

beforeAll(async () => {
  // Bundled exactly as `npm run build:main` bundles it, in memory.
  const result = await build({
    ...BUNDLES.preload,
    write: false,
    metafile: true,
    absWorkingDir: root,
    logLevel: "silent",
  });
  code = result.outputFiles[0]!.text;
  bundledInputs = Object.keys(result.metafile.inputs);
});

/** Runs the bundle once with a fake electron; `invoke` decides what main answers. */
function loadPreload(invoke: (channel: string, payload: unknown) => Promise<unknown> = async () => undefined) {
  const exposed: [string, Record<string, unknown>][] = [];
  const invoked: [string, unknown][] = [];
  const subscribed: [string, Listener][] = [];
  const removed: [string, Listener][] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: {
      exposeInMainWorld(name: string, api: Record<string, unknown>) {
        exposed.push([name, api]);
      },
    },
    ipcRenderer: {
      invoke(channel: string, payload: unknown) {
        invoked.push([channel, payload]);
        return invoke(channel, payload);
      },
      on(channel: string, fn: Listener) {
        subscribed.push([channel, fn]);
      },
      removeListener(channel: string, fn: Listener) {
        removed.push([channel, fn]);
      },
    },
  };
  const fakeRequire = (name: string) => {
    required.push(name);
    if (name === "electron") return electron;
    throw new Error(`a sandboxed preload cannot require ${name}`);
  };
  const module = { exports: {} };
  vm.compileFunction(code, ["require", "module", "exports"])(fakeRequire, module, module.exports);
  return { exposed, invoked, subscribed, removed, required };
}

type Api = Record<string, (arg?: unknown) => unknown>;

function exposedApi(loaded: ReturnType<typeof loadPreload>): Api {
  expect(loaded.exposed).toHaveLength(1);
  return loaded.exposed[0]![1] as Api;
}

describe("preload bundle", () => {
  it("needs nothing but electron", () => {
    expect(loadPreload().required).toEqual(["electron"]);
  });

  it("does not bundle the schemas or any package (main validates, the preload only forwards)", () => {
    expect(bundledInputs).toContain("electron/preload.ts");
    expect(bundledInputs.filter((f) => f.includes("node_modules"))).toEqual([]);
    expect(bundledInputs).not.toContain("shared/api/contract.ts");
  });

  it("exposes one object, window.scorecard, with exactly the contract's methods and onEvent", () => {
    const loaded = loadPreload();
    expect(loaded.exposed.map(([name]) => name)).toEqual(["scorecard"]);
    const api = exposedApi(loaded);
    expect(Object.keys(api).sort()).toEqual([...METHODS, "onEvent"].sort());
    for (const key of Object.keys(api)) expect(api[key], key).toBeTypeOf("function");
    for (const leak of ["ipcRenderer", "invoke", "send", "on", "sendSync"]) expect(api).not.toHaveProperty(leak);
    // Nothing subscribed or sent just by loading.
    expect(loaded.invoked).toEqual([]);
    expect(loaded.subscribed).toEqual([]);
  });
});

describe("methods", () => {
  it("forward the request on the method's channel and return main's answer", async () => {
    const answer = { ok: true, value: { kind: "focused" } };
    const loaded = loadPreload(async () => answer);
    const api = exposedApi(loaded);
    const request = { file: "x" };
    await expect(api.openDocument!(request)).resolves.toBe(answer);
    expect(loaded.invoked).toEqual([["scorecard:openDocument", request]]);
    expect(loaded.invoked[0]![1]).toBe(request);
  });

  it("each use their own channel", async () => {
    const loaded = loadPreload();
    const api = exposedApi(loaded);
    for (const method of METHODS) await api[method]!({ method });
    expect(loaded.invoked).toEqual(METHODS.map((method) => [channelOf(method), { method }]));
  });

  it("turn a failed channel into an internal error without main's internals", async () => {
    const secret = "Error invoking remote method: ENOENT at /home/dev/scorecard/electron/main.ts:42:7";
    const loaded = loadPreload(() => Promise.reject(new Error(secret)));
    const result = await exposedApi(loaded).openDocument!({ file: "x" });
    expect(result).toMatchObject({ ok: false, error: { kind: "internal", message: expect.any(String) } });
    const text = JSON.stringify(result);
    for (const part of ["ENOENT", "/home/dev", "main.ts", "remote method"]) expect(text).not.toContain(part);
  });
});

describe("onEvent", () => {
  it("subscribes on the event channel, passes only the payload, and unsubscribes the same function", () => {
    const loaded = loadPreload();
    const api = exposedApi(loaded);
    const received: unknown[][] = [];
    const unsubscribe = api.onEvent!((...args: unknown[]) => received.push(args)) as () => void;
    expect(loaded.subscribed.map(([channel]) => channel)).toEqual([EVENT_CHANNEL]);
    expect(EVENT_CHANNEL).toBe("scorecard:event");

    const forward = loaded.subscribed[0]![1];
    const ipcEvent = { sender: { secret: true }, ports: [] };
    const payload = { type: "command", command: "undo" };
    forward(ipcEvent, payload);
    expect(received).toEqual([[payload]]);
    expect(received[0]![0]).toBe(payload);

    expect(loaded.removed).toEqual([]);
    unsubscribe();
    expect(loaded.removed).toHaveLength(1);
    expect(loaded.removed[0]![0]).toBe(EVENT_CHANNEL);
    expect(loaded.removed[0]![1]).toBe(forward);
  });
});

describe("contract", () => {
  it("has one request schema per method, and no other", () => {
    expect(Object.keys(REQUESTS).sort()).toEqual([...METHODS].sort());
    expect(new Set(METHODS).size).toBe(METHODS.length);
  });
});
