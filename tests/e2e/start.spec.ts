/** The start screen, through the harness: new from a template, open, recent, the demo. */
import fs from "node:fs";
import path from "node:path";
import { test as plain } from "@playwright/test";
import { TEMPLATES } from "../../shared/templates/index.ts";
import { withRecent } from "../../electron/documents/settings-file.ts";
import { expect, test } from "./harness/fixture.ts";

test("previews each template and creates one into the chosen file", async ({ app, shell }) => {
  await app.launch();
  const page = app.page;
  await expect(page.getByRole("heading", { name: "New from a template" })).toBeVisible();
  for (const template of TEMPLATES) {
    await page.getByRole("radio", { name: new RegExp(template.name) }).check();
    const preview = page.locator(".template-preview");
    await expect(preview.getByRole("heading")).toHaveText(template.name);
    await expect(preview.locator(".template-bands li")).toHaveCount(template.perspectives.length);
    await expect(preview).toContainText(`${template.measures.length} measures`);
  }
  await page.getByRole("radio", { name: /Van Grembergen/ }).check();
  const file = path.join(shell.dir, "Plan.scorecard");
  shell.dialogs.save.push(file);
  await page.getByRole("button", { name: /Create from/ }).click();
  await expect(page.locator(".file-name")).toHaveText("Plan.scorecard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(app.fileDocument(file).scorecard.title);
  expect(shell.dialogs.shown.at(-1)?.detail).toContain("Van Grembergen");
  await expect(page).toHaveTitle("Plan — Scorecard Studio");
  await expect(page.locator(".file-name")).toHaveText("Plan.scorecard");
  await expect(page.locator("[data-save-state]")).toHaveText("All changes saved");
  await expect(page.getByRole("button", { name: "Strategy Map" })).toBeEnabled();
  await expect(page.getByRole("button", { name: "Scorecard" })).toHaveAttribute("aria-current", "page");
});

test("a cancelled dialog changes nothing", async ({ app, shell }) => {
  await app.launch();
  await app.page.getByRole("button", { name: /Create from/ }).click();
  await app.page.getByRole("button", { name: "Open…" }).click();
  await expect(app.page.getByRole("heading", { name: "New from a template" })).toBeVisible();
  expect(shell.dialogs.shown.map((d) => d.kind)).toEqual(["save", "open"]);
  expect(fs.readdirSync(shell.dir).filter((f) => f.endsWith(".scorecard"))).toEqual([]);
});

test("opens a file chosen with Open…", async ({ app, shell, page }) => {
  const file = shell.writeScorecard("Budget 2026.scorecard", "kaplan-norton");
  await app.launch();
  await expect(page.getByText("No recent scorecards.")).toBeVisible();
  shell.dialogs.open.push(file);
  await page.getByRole("button", { name: "Open…" }).click();
  await expect(page.locator(".file-name")).toHaveText("Budget 2026.scorecard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(app.fileDocument(file).scorecard.title);
  expect(shell.settings.get().recent[0]).toBe(file);
});

test("opens a recent file, and drops one that has gone", async ({ app, shell, page }) => {
  const kept = shell.writeScorecard("Kept.scorecard", "kaplan-norton");
  const gone = shell.writeScorecard("Gone.scorecard", "blank");
  shell.settings.update({ recent: withRecent(withRecent([], kept), gone) });
  fs.rmSync(gone);
  await app.launch();
  const recent = page.locator(".recent-list");
  await expect(recent.getByRole("button")).toHaveCount(2);
  await recent.getByRole("button", { name: /Gone\.scorecard/ }).click();
  await expect(page.getByRole("alert")).toContainText("Could not open the file");
  await expect(recent.getByRole("button")).toHaveCount(1);
  await recent.getByRole("button", { name: /Kept\.scorecard/ }).click();
  await expect(page.locator(".file-name")).toHaveText("Kept.scorecard");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(app.fileDocument(kept).scorecard.title);
});

test("opens the demo scorecard, with its actuals", async ({ app, shell, page }) => {
  await app.launch();
  const file = path.join(shell.dir, "Northwind demo.scorecard");
  shell.dialogs.save.push(file);
  await page.getByRole("button", { name: "Open the demo scorecard…" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Northwind/);
  expect(app.fileDocument(file).actuals.length).toBeGreaterThan(100);
  await expect(page.getByTestId("header-overall")).not.toContainText("—");
});

test("a refused file is explained and the start screen stays", async ({ app, shell, page }) => {
  const file = path.join(shell.dir, "mail.scorecard");
  fs.writeFileSync(file, "this is not a scorecard");
  await app.launch();
  shell.dialogs.open.push(file);
  await page.getByRole("button", { name: "Open…" }).click();
  await expect(page.getByRole("alert")).toContainText("Could not open the file");
  await expect(page.getByRole("heading", { name: "New from a template" })).toBeVisible();
  expect(fs.readFileSync(file, "utf8")).toBe("this is not a scorecard");
});

plain("outside the app the page says where it belongs instead of failing", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByText(/opens inside the app/)).toBeVisible();
});
