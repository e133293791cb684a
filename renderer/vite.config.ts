/** Renderer build: renderer/ → dist/renderer, loadable from file:// or a custom protocol. */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Relative asset URLs: the page is not served from a web root.
  base: "./",
  plugins: [react()],
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    // Electron's and Debian's Chromium load modules natively; the polyfill would be dead weight.
    modulePreload: { polyfill: false },
  },
});
