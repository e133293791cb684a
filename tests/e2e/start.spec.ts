/** The start screen, through the harness: new from a template, open, recent, the demo. */
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "./harness/fixture.ts";

test("creates a scorecard from a template into the chosen file", async ({ app, shell }) => {
  await app.launch();
  await expect(app.page.getByRole("heading", { name: "New from a template" })).toBeVisible();
  const file = path.join(shell.dir, "Plan.scorecard");
  shell.dialogs.save.push(file);
  await app.page.getByRole("button", { name: /Create from/ }).click();
  await expect(app.page.getByRole("heading", { level: 1 })).toHaveText("IT Value Scorecard");
  expect(fs.existsSync(file)).toBe(true);
  await expect(app.page).toHaveTitle("Plan — Scorecard Studio");
});
