/**
 * Preload (Electron adapter): exposes exactly the API contract to the page as `window.scorecard`,
 * and nothing else — no ipcRenderer, no channel names, no Node. It runs sandboxed; main checks
 * the sender and validates every payload, so this only forwards.
 */
import { contextBridge, type IpcRendererEvent, ipcRenderer } from "electron";
import { createApiClient } from "../shared/api/client.ts";

contextBridge.exposeInMainWorld(
  "scorecard",
  createApiClient({
    invoke: (channel, payload) => ipcRenderer.invoke(channel, payload),
    listen(channel, listener) {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => ipcRenderer.removeListener(channel, forward);
    },
  }),
);
