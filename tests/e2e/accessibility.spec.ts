/**
 * Every main view, and workshop mode, checked by axe-core (WCAG 2.1 A and AA rules) in both themes:
 * labelled controls, names for every widget, valid ARIA, and colour contrast.
 */
import { axeViolations as violations } from "./harness/axe.ts";
import { expect, test } from "./harness/fixture.ts";

for (const theme of ["light", "dark"] as const)
  test(`no accessibility violations in any view, ${theme}`, async ({ app, shell, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await app.launch();
    expect(await violations(page), "start screen").toEqual([]);

    await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
    for (const view of ["Scorecard", "Framework", "Actuals", "Strategy Map", "What-If", "Scenarios"]) {
      await page.getByRole("button", { name: view, exact: true }).click();
      await expect(page.getByRole("main")).toHaveAttribute("aria-label", view);
      expect(await violations(page), view).toEqual([]);
    }

    // The map with a card selected: its inspector beside it, the card's arrows highlighted.
    await page.getByRole("button", { name: "Strategy Map", exact: true }).click();
    await page.locator("[data-card-id]").first().click();
    await expect(page.getByRole("region", { name: "Inspector" })).toBeVisible();
    expect(await violations(page), "strategy map, card selected").toEqual([]);

    await page.getByRole("button", { name: "Workshop" }).click();
    await expect(page.getByTestId("workshop")).toBeVisible();
    await page.keyboard.press("1");
    expect(await violations(page), "workshop: map and what-if").toEqual([]);
    await page.keyboard.press("3");
    expect(await violations(page), "workshop: scorecard").toEqual([]);
  });
