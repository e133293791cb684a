/**
 * Screenshots of each main view, in both themes at the two window sizes the app must fit
 * (1280×800, 1920×1080), saved to test-results/screenshots (not committed) for people to look at.
 * `npm run screenshots` runs only this file. Each shot also checks that the page has no
 * horizontal overflow: a layout break fails the test.
 */
import { expect, test } from "./harness/fixture.ts";

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ["light", "dark"] as const;

for (const theme of THEMES)
  for (const size of SIZES) {
    const suffix = `${theme}-${size.width}x${size.height}`;
    test(`main views, ${suffix}`, async ({ app, shell, page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      const fits = async () =>
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      await app.launch();
      await expect(page.getByRole("heading", { name: "New from a template" })).toBeVisible();
      await fits();
      await app.screenshot(`start-${suffix}`);

      await app.launch(shell.writeScorecard("Northwind demo.scorecard", "demo"));
      await expect(page.getByTestId("header-overall")).toBeVisible();
      await fits();
      await app.screenshot(`scorecard-${suffix}`);

      await page.getByRole("button", { name: "Framework" }).click();
      await fits();
      await app.screenshot(`editor-${suffix}`);

      await page.getByRole("button", { name: "Actuals" }).click();
      await fits();
      await app.screenshot(`actuals-${suffix}`);

      for (const [view, name] of [
        ["Strategy Map", "map"],
        ["What-If", "whatif"],
        ["Scenarios", "scenarios"],
      ] as const) {
        await page.getByRole("button", { name: view, exact: true }).click();
        await expect(page.getByRole("main")).toHaveAttribute("aria-label", view);
        await fits();
        await app.screenshot(`${name}-${suffix}`);
      }
    });
  }
