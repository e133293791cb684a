/** Renderer build: renderer/ → dist/renderer, served by the app:// protocol (or vite preview in e2e). */
import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { metaPolicy } from "../electron/security/csp.ts";

/** Writes the CSP meta from electron/security/csp.ts, so the header and the page cannot drift apart. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: "scorecard:csp-meta",
    transformIndexHtml: () => [
      // Prepended so the policy is in force before the first stylesheet or script is seen.
      {
        tag: "meta",
        attrs: { "http-equiv": "Content-Security-Policy", content: metaPolicy() },
        injectTo: "head-prepend",
      },
    ],
  };
}

export default defineConfig({
  root: fileURLToPath(new URL(".", import.meta.url)),
  // Relative asset URLs: the page is not served from a web root.
  base: "./",
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: "../dist/renderer",
    emptyOutDir: true,
    // Electron's and Debian's Chromium load modules natively; the polyfill would be dead weight.
    modulePreload: { polyfill: false },
  },
});
