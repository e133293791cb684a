/**
 * Workshop mode through the harness: entered from the header and from the menu (F5), the window
 * asked to fill the screen, large type, the map beside the what-if panel, one key per screen,
 * Escape to leave; and how it looks on a 1920×1080 screen and a 1280×720 projector.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "./harness/fixture.ts";

const fontSize = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e) => Number.parseFloat(getComputedStyle(e).fontSize));

test("enter, switch screens by key, leave; full screen follows", async ({ app, shell, page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.launch(shell.writeScorecard("Workshop.scorecard", "demo"));
  const normalTitle = await fontSize(page, ".document-name h1");
  await page.getByRole("button", { name: "Workshop" }).click();

  const workshop = page.getByTestId("workshop");
  await expect(workshop).toBeVisible();
  await expect.poll(() => shell.fullScreen.get(app.windowId)).toBe(true);
  // The stage has the focus, and the high-contrast colours are on the root, where canvas charts read them.
  await expect(page.getByRole("main", { name: "Workshop" })).toBeFocused();
  const muted = () =>
    page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue("--muted").trim());
  expect(await muted()).toBe("#30363d");
  // Large type: the title and the overall score are read from the back of the room.
  expect(await fontSize(page, ".workshop-bar h1")).toBeGreaterThanOrEqual(normalTitle * 1.4);
  expect(await fontSize(page, ".workshop-bar .overall-value")).toBeGreaterThanOrEqual(24);

  // The first screen: the map on the left, the what-if beside it.
  await page.keyboard.press("1");
  const map = page.getByRole("region", { name: "Strategy map, projected" });
  const whatIf = page.getByRole("region", { name: "What-if" });
  await expect(map).toBeVisible();
  await expect(whatIf).toBeVisible();
  const [m, w] = [await map.boundingBox(), await whatIf.boundingBox()];
  expect(m && w && m.x + m.width <= w.x + 1).toBe(true);
  await expect(page.getByRole("button", { name: /Map & What-If/ })).toHaveAttribute("aria-current", "page");

  // The map alone, full width: wider than beside the sliders.
  await page.keyboard.press("2");
  await expect(whatIf).toBeHidden();
  await expect(map).toBeVisible();
  expect((await map.boundingBox())?.width ?? 0).toBeGreaterThan((m?.width ?? 0) * 1.2);
  await expect(page.getByRole("button", { name: /Map$/ })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("3");
  await expect(workshop.getByRole("treegrid")).toBeVisible();
  await expect(page.getByRole("button", { name: /Scorecard/ })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("4");
  await expect(page.getByRole("button", { name: /Scenarios/ })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("5");
  await expect(page.getByRole("button", { name: /Framework/ })).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("1");
  await expect(map).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(workshop).toBeHidden();
  await expect(page.getByTestId("header-overall")).toBeVisible();
  // Back where the keyboard user left off, in the window's own colours.
  await expect(page.getByRole("button", { name: "Workshop" })).toBeFocused();
  expect(await muted()).toBe("#57606a");
  await expect.poll(() => shell.fullScreen.get(app.windowId)).toBe(false);
});

test("the menu's Workshop Mode command (F5) toggles it", async ({ app, shell, page }) => {
  await app.launch(shell.writeScorecard("Workshop.scorecard", "demo"));
  shell.host.send(app.windowId, { type: "command", command: "toggle-workshop" });
  await expect(page.getByTestId("workshop")).toBeVisible();
  await expect.poll(() => shell.fullScreen.get(app.windowId)).toBe(true);
  // Keys typed into a field stay the field's: "2" in a name does not switch screens.
  await page.keyboard.press("5");
  await page.getByRole("treeitem").first().dblclick();
  const rename = page.getByRole("textbox").first();
  await rename.press("End");
  await rename.pressSequentially("2");
  await expect(page.getByRole("button", { name: /Framework/ })).toHaveAttribute("aria-current", "page");
  await rename.press("Escape");
  shell.host.send(app.windowId, { type: "command", command: "toggle-workshop" });
  await expect(page.getByTestId("workshop")).toBeHidden();
  await expect.poll(() => shell.fullScreen.get(app.windowId)).toBe(false);
});

for (const theme of ["light", "dark"] as const)
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ] as const)
    test(`presenter layout, ${theme} ${size.width}x${size.height}`, async ({ app, shell, page }) => {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: theme });
      await app.launch(shell.writeScorecard("Northwind demo.scorecard", "demo"));
      await page.getByRole("button", { name: "Workshop" }).click();
      await page.keyboard.press("1");
      await expect(page.getByRole("region", { name: "Strategy map, projected" })).toBeVisible();
      // Nothing sideways, and the presenter bar stays one line.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      const bar = await page.locator(".workshop-bar").boundingBox();
      expect(bar?.height ?? 999).toBeLessThan(size.height / 8);
      await app.screenshot(`workshop-${theme}-${size.width}x${size.height}`);
      await page.keyboard.press("2");
      await app.screenshot(`workshop-map-${theme}-${size.width}x${size.height}`);
      if (theme === "light" && size.width === 1920) {
        await page.keyboard.press("3");
        // Scaled up as a whole: nothing in the tree runs out of its cell (its columns are sized for
        // its type). The STALE tag is left out: it reaches into the empty start of the next,
        // right-aligned cell in the window's own view too.
        const cut = await page.locator(".scorecard-tree td > :not(.stale)").evaluateAll(
          (parts) =>
            parts.filter((p) => {
              const cell = p.parentElement?.getBoundingClientRect();
              return cell !== undefined && p.getBoundingClientRect().right > cell.right + 1;
            }).length,
        );
        expect(cut).toBe(0);
        await app.screenshot(`workshop-scorecard-${theme}-${size.width}x${size.height}`);
      }
    });
