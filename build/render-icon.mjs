/**
 * Renders build/icon.svg to build/icon.png (1024×1024, transparent corners), the icon that
 * electron-builder.yml names. Run it after editing the SVG: `node build/render-icon.mjs`. Uses Debian's
 * Chromium, since Playwright cannot download its own browsers here (see TOOLCHAIN.md).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";

const dir = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(dir, "icon.svg"), "utf8");
const browser = await chromium.launch({
  executablePath: "/usr/lib/chromium/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 } });
  await page.setContent(
    `<!doctype html><link rel="icon" href="data:,"><style>body{margin:0}svg{display:block}</style>${svg}`,
  );
  await page.locator("svg").screenshot({ path: path.join(dir, "icon.png"), omitBackground: true });
} finally {
  await browser.close();
}
