/**
 * File ▸ Share… through the harness: the header button and the menu command open the dialog; the
 * chosen parts go into the copy main writes and shows in the file manager; "Write email…" asks
 * main to open a mailto: draft (which it confirms first); errors stay in the dialog; and the copy,
 * opened in the app, shows the same overall score as the original.
 */
import path from "node:path";
import type { Page } from "@playwright/test";
import { quote } from "../../shared/domain/readable-path.ts";
import { axeViolations } from "./harness/axe.ts";
import { expect, test } from "./harness/fixture.ts";
import { HOSTILE_TITLE, RTL, writeHostileNames, XSS } from "./harness/hostile-names.ts";

/** WCAG 2.1 A/AA rules (accessibility.spec.ts checks the views) over the open dialog. */
const dialogViolations = (page: Page) => axeViolations(page, { include: "dialog.modal" });

test("Share… from the header: leave out scenarios, save, reveal, write the email", async ({ app, shell, page }) => {
  await app.launch(shell.writeScorecard("Demo.scorecard", "demo"));
  const original = app.fileDocument();
  expect(original.scenarios.length).toBeGreaterThan(0);
  const shareButton = page.getByRole("button", { name: "Share…" });
  await shareButton.click();
  const dialog = page.getByRole("dialog", { name: "Share a copy" });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByText(/^The copy will hold \d+ measures, [\d,]+ actuals, \d+ notes and 2 scenarios\.$/),
  ).toBeVisible();
  await app.screenshot("share-dialog");

  await dialog.getByLabel("Include scenarios").uncheck();
  await expect(dialog.getByText(/notes and no scenarios\.$/)).toBeVisible();
  const copy = path.join(shell.dir, "Demo for the board.scorecard");
  shell.dialogs.save.push(copy);
  await dialog.getByRole("button", { name: "Save copy…" }).click();
  await expect(dialog.getByRole("status")).toHaveText(
    "Saved “Demo for the board.scorecard” and showed it in your file manager.",
  );
  await expect(
    dialog.getByText("Attach “Demo for the board.scorecard” from the folder that just opened."),
  ).toBeVisible();
  const writeEmail = dialog.getByRole("button", { name: "Write email…" });
  await expect(writeEmail).toBeFocused();
  expect(shell.revealed).toEqual([copy]);
  expect(shell.dialogs.shown.at(-1)?.detail).toBe(".scorecard Demo (shared).scorecard");

  // The copy holds the framework and the actuals as the file has them, and no scenarios.
  const shared = app.fileDocument(copy);
  expect({ ...shared, scenarios: original.scenarios }).toEqual(original);
  expect(shared.scenarios).toEqual([]);
  expect(app.file()).toBe(path.join(shell.dir, "Demo.scorecard"));
  await app.screenshot("share-done");
  expect(await dialogViolations(page)).toEqual([]);

  shell.dialogs.confirm.push(true);
  await writeEmail.click();
  await expect(dialog.getByText("The draft is open in your email app.")).toBeVisible();
  const mail = shell.opened.filter((u) => u.startsWith("mailto:"));
  expect(mail).toHaveLength(1);
  expect(mail[0]).toMatch(
    new RegExp(`^mailto:\\?subject=${encodeURIComponent(`Scorecard: ${original.scorecard.title}`)}&body=`),
  );
  expect(decodeURIComponent(mail[0] ?? "")).toContain("attach “Demo for the board.scorecard”");
  expect(shell.dialogs.shown.at(-1)).toMatchObject({ kind: "confirm", detail: mail[0] });

  // Escape closes the dialog and gives the focus back to the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(shareButton).toBeFocused();
});

test("Share… from the menu: errors stay in the dialog, a declined email is quiet, the copy opens with the same score", async ({
  app,
  shell,
  page,
}) => {
  await page.emulateMedia({ colorScheme: "dark" });
  const file = shell.writeScorecard("Demo.scorecard", "demo");
  await app.launch(file);
  const overall = await page.getByTestId("header-overall").textContent();
  expect(overall).toMatch(/\d+%/);

  shell.host.send(app.windowId, { type: "command", command: "share" });
  const dialog = page.getByRole("dialog", { name: "Share a copy" });
  await expect(dialog).toBeVisible();
  // The window's own file cannot be the copy: said in the dialog, which stays open to try again.
  shell.dialogs.save.push(file);
  await dialog.getByRole("button", { name: "Save copy…" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Could not save the copy");
  await expect(dialog.getByRole("alert")).toContainText("Demo.scorecard is open in a window");
  expect(await dialogViolations(page), "dark, with an error").toEqual([]);
  expect(shell.revealed).toEqual([]);

  const copy = path.join(shell.dir, "Copy.scorecard");
  shell.dialogs.save.push(copy);
  await dialog.getByRole("button", { name: "Save copy…" }).click();
  await expect(dialog.getByRole("status")).toContainText("Saved “Copy.scorecard”");
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  shell.dialogs.confirm.push(false);
  await dialog.getByRole("button", { name: "Write email…" }).click();
  await expect.poll(() => shell.dialogs.shown.at(-1)?.kind).toBe("confirm");
  expect(shell.opened.filter((u) => u.startsWith("mailto:"))).toEqual([]);
  await expect(dialog.getByText("The draft is open in your email app.")).toHaveCount(0);
  await expect(dialog.getByRole("alert")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  // The round trip: the user closes the original and opens the copy in this window.
  shell.documents.removed(app.windowId);
  shell.documents.added(app.windowId);
  await app.launch(copy);
  expect(app.file()).toBe(copy);
  await expect(page.getByTestId("header-overall")).toHaveText(overall ?? "");
});

test("a hostile title stays text in the dialog and plain in the email draft main accepts", async ({ app, page }) => {
  const { file } = writeHostileNames(app.shell);
  const alerts: string[] = [];
  page.on("dialog", (d) => {
    alerts.push(d.message());
    void d.dismiss();
  });
  await app.launch(file);
  await page.getByRole("button", { name: "Share…" }).click();
  const dialog = page.getByRole("dialog", { name: "Share a copy" });
  await expect(dialog.locator("bdi")).toHaveText(quote(HOSTILE_TITLE));
  expect(await dialog.evaluate((d) => d.scrollWidth <= d.clientWidth)).toBe(true);
  await app.screenshot("share-dialog-hostile");

  app.shell.dialogs.save.push(path.join(app.shell.dir, "hostile copy.scorecard"));
  await dialog.getByRole("button", { name: "Save copy…" }).click();
  app.shell.dialogs.confirm.push(true);
  await dialog.getByRole("button", { name: "Write email…" }).click();
  await expect(dialog.getByText("The draft is open in your email app.")).toBeVisible();
  const mail = app.shell.opened.find((u) => u.startsWith("mailto:")) ?? "";
  const subject = decodeURIComponent(/^mailto:\?subject=([^&]*)&body=/.exec(mail)?.[1] ?? "");
  // The override character is gone, the markup is just text, and the long title is shortened.
  expect(subject.startsWith(`Scorecard: ${XSS} ${RTL.slice(1)} xxx`)).toBe(true);
  expect(subject.endsWith("x…")).toBe(true);
  expect(alerts).toEqual([]);
});
