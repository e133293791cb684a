/**
 * The framework editor through the harness: every edit is checked on the page and in the real
 * file (read back with the real store); a value the shared rules refuse is shown under its field
 * and leaves the file byte-for-byte as it was.
 */
import type { Locator, Page } from "@playwright/test";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { formatPercent } from "../../shared/display/numbers.ts";
import { STATUS_TEXT } from "../../shared/scoring/status.ts";
import { scorecardView } from "../../shared/scoring/view.ts";
import { OPERATIONS_VERSION } from "../../shared/operations/operation.ts";
import { sha256 } from "../support/files.ts";
import { type AppWindow, expect, test } from "./harness/fixture.ts";

const tree = (page: Page) => page.getByRole("tree", { name: "Framework outline" });
const row = (page: Page, name: string) => tree(page).getByRole("treeitem", { name, exact: true });
const inspector = (page: Page) => page.getByRole("region", { name: "Inspector" });

async function openFramework(app: AppWindow, template: string) {
  await app.launch(app.shell.writeScorecard("Plan.scorecard", template));
  await app.page.getByRole("button", { name: "Framework" }).click();
  await expect(tree(app.page)).toBeVisible();
}

/** Fills a field and commits it with Enter, then waits until the file has it. */
async function commit(field: Locator, value: string) {
  await field.fill(value);
  await field.press("Enter");
  await expect(field).not.toHaveAttribute("data-editing");
}

const measuresOf = (doc: ScorecardDocument, objectiveId: string) =>
  doc.measures.filter((m) => m.objectiveId === objectiveId).map((m) => m.name);

test("a target changed in the inspector reaches the file and the scorecard's scores", async ({ app, page }) => {
  await openFramework(app, "demo");
  const before = app.fileDocument();
  // A linear measure whose doubled distance to target moves the overall score as shown.
  const candidates = before.measures.filter((m) => m.method === "linear");
  const changed = candidates
    .map((m) => {
      const target = m.baseline + (m.target - m.baseline) * 2;
      const doc = { ...before, measures: before.measures.map((x) => (x.id === m.id ? { ...x, target } : x)) };
      return { m, target, overall: formatPercent(scorecardView(doc).overall.score) };
    })
    .find((c) => c.overall !== formatPercent(scorecardView(before).overall.score));
  if (!changed) throw new Error("the demo has no measure whose target moves the overall score");

  await row(page, changed.m.name).click();
  const target = inspector(page).getByLabel("Target", { exact: true });
  await expect(target).toHaveValue(String(changed.m.target));
  await target.fill(String(changed.target));
  await expect(target).toHaveAttribute("data-editing", "");
  await target.press("Enter");
  await expect.poll(() => app.fileDocument().measures.find((m) => m.id === changed.m.id)?.target).toBe(changed.target);
  await expect(target).not.toHaveAttribute("data-editing");
  await app.screenshot("editor-measure-light-1280x800");

  await page.getByRole("button", { name: "Scorecard", exact: true }).click();
  const expected = formatPercent(scorecardView(app.fileDocument()).overall.score);
  expect(expected).toBe(changed.overall);
  await expect(page.getByRole("region", { name: "Summary" }).getByTestId("overall-score")).toHaveText(expected);
});

test("add, rename, reorder by key and by drag, delete and undo", async ({ app, page }) => {
  await openFramework(app, "it-value");

  await page.getByRole("button", { name: "Add perspective" }).click();
  await expect(row(page, "New perspective")).toHaveAttribute("aria-selected", "true");
  const name = inspector(page).getByLabel("Name", { exact: true });
  await expect(name).toBeFocused();
  await commit(name, "Cloud Platform");
  await expect.poll(() => app.fileDocument().perspectives.at(-1)?.name).toBe("Cloud Platform");

  await row(page, "Cloud Platform").getByRole("button", { name: "Add objective to Cloud Platform" }).click();
  await expect(row(page, "New objective")).toHaveAttribute("aria-selected", "true");
  // Rename in place: F2 on the outline row.
  await row(page, "New objective").focus();
  await page.keyboard.press("F2");
  const rename = tree(page).getByRole("textbox", { name: "Rename New objective" });
  await rename.fill("Run on a modern platform");
  await rename.press("Enter");
  await expect(row(page, "Run on a modern platform")).toBeFocused();
  const objective = () => app.fileDocument().objectives.find((o) => o.name === "Run on a modern platform");
  await expect.poll(() => objective()?.perspectiveId).toBe(app.fileDocument().perspectives.at(-1)?.id);
  // No measures yet: nothing to expand, so the row claims no expanded state.
  await expect(row(page, "Run on a modern platform")).not.toHaveAttribute("aria-expanded");

  const addMeasure = row(page, "Run on a modern platform").getByRole("button", { name: /^Add measure to/ });
  await addMeasure.click();
  await commit(inspector(page).getByLabel("Name", { exact: true }), "First measure");
  // The row's add button shows on hover once the row is no longer the selected one.
  await row(page, "Run on a modern platform").hover();
  await addMeasure.click();
  await commit(inspector(page).getByLabel("Name", { exact: true }), "Second measure");
  const objectiveId = objective()?.id ?? "";
  await expect.poll(() => measuresOf(app.fileDocument(), objectiveId)).toEqual(["First measure", "Second measure"]);
  const created = app.fileDocument().measures.find((m) => m.name === "First measure");
  expect(created).toMatchObject({
    unit: "%",
    kind: "leading",
    direction: "higher",
    method: "linear",
    baseline: 0,
    target: 100,
    weight: 1,
    frequency: app.fileDocument().scorecard.periodKind,
  });

  // Keyboard: Alt+↓ moves "First measure" below its sibling.
  await row(page, "First measure").click();
  await page.keyboard.press("Alt+ArrowDown");
  await expect.poll(() => measuresOf(app.fileDocument(), objectiveId)).toEqual(["Second measure", "First measure"]);
  await expect(row(page, "First measure")).toBeFocused();
  // Drag: "First measure" dropped on the upper half of "Second measure" goes back above it.
  await row(page, "First measure").dragTo(row(page, "Second measure"), { targetPosition: { x: 60, y: 4 } });
  await expect.poll(() => measuresOf(app.fileDocument(), objectiveId)).toEqual(["First measure", "Second measure"]);
  const order = await tree(page)
    .getByRole("treeitem")
    .evaluateAll((items) => items.map((i) => i.querySelector(".row-label")?.textContent));
  expect(order.indexOf("First measure")).toBe(order.indexOf("Second measure") - 1);
  // Perspectives reorder too: Alt+↑ puts the new one above the last template perspective.
  await row(page, "Cloud Platform").click();
  await page.keyboard.press("Alt+ArrowUp");
  await expect.poll(() => app.fileDocument().perspectives.at(-2)?.name).toBe("Cloud Platform");
  expect(app.fileDocument().perspectives.map((p) => p.order)).toEqual([0, 1, 2, 3, 4]);
  await app.screenshot("editor-light-1280x800");
  await page.emulateMedia({ colorScheme: "dark" });
  await app.screenshot("editor-dark-1280x800");
  await page.emulateMedia({ colorScheme: "light" });

  // Delete with the Delete key; undo with Ctrl+Z while the outline (not a text field) has focus.
  const withSecond = app.fileDocument();
  await row(page, "Second measure").click();
  await page.keyboard.press("Delete");
  await expect(row(page, "Second measure")).toHaveCount(0);
  await expect.poll(() => measuresOf(app.fileDocument(), objectiveId)).toEqual(["First measure"]);
  await expect(page.getByRole("button", { name: "Undo Delete measure" })).toBeEnabled();
  await expect(row(page, "First measure")).toBeFocused();
  await page.keyboard.press("Control+z");
  await expect.poll(() => app.fileDocument().measures).toEqual(withSecond.measures);
  await expect(row(page, "Second measure")).toBeVisible();
});

test("a value the rules refuse is shown under its field and never sent", async ({ app, page }) => {
  await openFramework(app, "it-value");
  const doc = app.fileDocument();
  const bytes = sha256(app.file());
  const measure = doc.measures.find((m) => m.method === "linear" && m.direction === "higher");
  if (!measure) throw new Error("the template has no linear higher-is-better measure");
  await row(page, measure.name).click();

  const expectRefused = async (label: string, value: string, message: string, screenshot?: string) => {
    const field = inspector(page).getByLabel(label, { exact: true });
    await field.fill(value);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    await expect(page.locator(`[id="${describedBy.split(" ")[0]}"]`)).toHaveText(message);
    if (screenshot) {
      await app.screenshot(`${screenshot}-light-1280x800`);
      await page.emulateMedia({ colorScheme: "dark" });
      await app.screenshot(`${screenshot}-dark-1280x800`);
      await page.emulateMedia({ colorScheme: "light" });
    }
    await field.press("Enter");
    await field.blur();
    expect(sha256(app.file())).toBe(bytes);
    // Escape brings the committed value back.
    await field.focus();
    await field.press("Escape");
    await expect(field).not.toHaveAttribute("aria-invalid");
  };
  await expectRefused(
    "Target",
    String(measure.baseline),
    "must be above the baseline for a linear higher-is-better measure",
    "editor-invalid",
  );
  await expectRefused("Weight", "-1", "must be ≥ 0");
  await expectRefused("Weight", "1,5", "must be a number like 12.5 (use a point for decimals)");
  await expectRefused("Name", "x".repeat(201), "must be at most 200 characters");
  await expectRefused("Name", "   ", "must not be empty");

  await row(page, "Scorecard settings").click();
  await expectRefused("Over-achievement cap", "3", "must be ≤ 2");
  await expectRefused("Amber from", "0.95", "amber threshold must not exceed green");
  expect(app.fileDocument()).toEqual(doc);
});

test("links: add upward, change strength, remove; downward and cyclic links are refused", async ({ app, page }) => {
  await openFramework(app, "it-value");
  const doc = app.fileDocument();
  const [top, , , bottom] = doc.perspectives;
  const inPerspective = (id: string | undefined) => doc.objectives.filter((o) => o.perspectiveId === id);
  const linked = (a: string, b: string) =>
    doc.links.some((l) => (l.fromId === a && l.toId === b) || (l.fromId === b && l.toId === a));
  const low = inPerspective(bottom?.id);
  const pair = low
    .flatMap((a) => low.map((b) => [a, b] as const))
    .find(([a, b]) => a.id !== b.id && !linked(a.id, b.id));
  const high = inPerspective(top?.id).find((o) => pair && !linked(pair[0].id, o.id));
  if (!pair || !high) throw new Error("the template lacks unlinked objectives to test with");
  const [from, sibling] = pair;

  await row(page, from.name).click();
  const form = inspector(page).getByRole("group", { name: "Add a link" });
  const addLink = async (direction: string, other: string, strength: string) => {
    await form.getByLabel("This objective").selectOption({ label: direction });
    await form.getByLabel("Other objective").selectOption({ label: other });
    await form.getByLabel("Strength (0–1)").fill(strength);
    await form.getByRole("button", { name: "Add link" }).click();
  };
  const linkTo = (toId: string) => app.fileDocument().links.find((l) => l.fromId === from.id && l.toId === toId);

  // Upward: allowed.
  await addLink("drives →", high.name, "0.4");
  await expect.poll(() => linkTo(high.id)?.strength).toBe(0.4);
  const drives = inspector(page).getByRole("region", { name: "Drives" });
  const item = drives.getByRole("listitem", { name: `Drives ${high.name}` });
  await commit(item.getByLabel("Strength"), "0.8");
  await expect.poll(() => linkTo(high.id)?.strength).toBe(0.8);

  // Downward: refused with the rule's message, file unchanged.
  let bytes = sha256(app.file());
  await addLink("is driven by ←", high.name, "0.5");
  await expect(form.getByRole("alert")).toHaveText("a link cannot point from a higher perspective down to a lower one");
  expect(sha256(app.file())).toBe(bytes);

  // A cycle: from → sibling, then sibling → from.
  await addLink("drives →", sibling.name, "0.5");
  await expect.poll(() => linkTo(sibling.id)).toBeTruthy();
  bytes = sha256(app.file());
  await addLink("is driven by ←", sibling.name, "0.5");
  await expect(form.getByRole("alert")).toHaveText("closes a cycle of cause-and-effect links");
  expect(sha256(app.file())).toBe(bytes);
  await app.screenshot("editor-links-light-1280x800");

  await item.getByRole("button", { name: `Remove link drives ${high.name}` }).click();
  await expect.poll(() => linkTo(high.id)).toBeUndefined();
  await expect(item).toHaveCount(0);
});

test("scoring settings: thresholds and the missing-data policy re-score the scorecard", async ({
  app,
  page,
  shell,
}) => {
  const file = shell.writeScorecard("Plan.scorecard", "demo");
  // One measure without an actual in the latest period, so the policy matters.
  shell.documents.open(file, app.windowId);
  const loaded = shell.documents.storeOf(app.windowId).document();
  const latest = loaded.periods.at(-1)?.id;
  const gap = loaded.actuals.find((a) => a.periodId === latest);
  if (!gap) throw new Error("the demo has no actual in its latest period");
  await shell.value(app.windowId, "applyOperation", {
    message: {
      version: OPERATIONS_VERSION,
      operation: { type: "actual.clear", measureId: gap.measureId, periodId: gap.periodId },
    },
  });
  await app.launch();
  await page.getByRole("button", { name: "Framework" }).click();
  await row(page, "Scorecard settings").click();

  const policy = inspector(page).getByLabel("Missing actuals");
  await policy.selectOption({ label: "Count as zero" });
  await expect.poll(() => app.fileDocument().scorecard.scoring.missingPolicy).toBe("zero");
  await commit(inspector(page).getByLabel("Green from"), "0.99");
  await commit(inspector(page).getByLabel("Amber from"), "0.98");
  await expect.poll(() => app.fileDocument().scorecard.scoring.thresholds).toEqual({ green: 0.99, amber: 0.98 });
  await app.screenshot("editor-settings-light-1280x800");

  const zero = scorecardView(app.fileDocument());
  const carried = scorecardView({
    ...app.fileDocument(),
    scorecard: {
      ...app.fileDocument().scorecard,
      scoring: { ...app.fileDocument().scorecard.scoring, missingPolicy: "carry-forward" },
    },
  });
  expect(formatPercent(zero.overall.score)).not.toBe(formatPercent(carried.overall.score));
  await page.getByRole("button", { name: "Scorecard", exact: true }).click();
  await expect(page.getByRole("region", { name: "Summary" }).getByTestId("overall-score")).toHaveText(
    formatPercent(zero.overall.score),
  );
  await expect(page.getByRole("region", { name: "Summary" })).toContainText(STATUS_TEXT[zero.overall.status].label);
});

test("periods: add the next one, rename it, give a measure its own target there", async ({ app, page }) => {
  await openFramework(app, "it-value");
  const before = app.fileDocument().periods;
  const last = before.at(-1);
  await row(page, "Periods").click();
  await inspector(page).getByRole("button", { name: "Add period" }).click();
  await expect.poll(() => app.fileDocument().periods.length).toBe(before.length + 1);
  const added = app.fileDocument().periods.at(-1);
  expect(last?.label).toMatch(/^\d{4}-Q[1-4]$/);
  const [year, quarter] = (last?.label ?? "").split("-Q").map(Number) as [number, number];
  expect(added?.label).toBe(quarter === 4 ? `${year + 1}-Q1` : `${year}-Q${quarter + 1}`);
  await expect(row(page, added?.label ?? "")).toHaveAttribute("aria-selected", "true");

  const label = inspector(page).getByLabel("Label", { exact: true });
  await expect(label).toBeFocused();
  await commit(label, "FY-next Q1");
  await expect.poll(() => app.fileDocument().periods.at(-1)?.label).toBe("FY-next Q1");
  await expect(row(page, "FY-next Q1")).toBeVisible();

  // A per-period target for the new period, then cleared again (empty = the measure's own target).
  const measure = app.fileDocument().measures.find((m) => m.method === "linear" && m.direction === "higher");
  if (!measure) throw new Error("the template has no linear higher-is-better measure");
  await row(page, measure.name).click();
  await inspector(page).getByText("Targets by period").click();
  const own = inspector(page).getByLabel("FY-next Q1", { exact: true });
  await commit(own, String(measure.target + 1));
  await expect
    .poll(
      () =>
        app.fileDocument().periodTargets.find((t) => t.measureId === measure.id && t.periodId === added?.id)?.target,
    )
    .toBe(measure.target + 1);
  await app.screenshot("editor-period-targets-light-1280x800");
  await commit(own, "");
  await expect
    .poll(() => app.fileDocument().periodTargets.some((t) => t.measureId === measure.id && t.periodId === added?.id))
    .toBe(false);
});

test("fields committed back to back, before main answered the first, both reach the file", async ({
  app,
  page,
  shell,
}) => {
  await openFramework(app, "it-value");
  // Main answers slowly, so each second field is committed while the first is still on its way.
  const apply = shell.table.applyOperation;
  shell.table.applyOperation = async (windowId, payload) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    return apply(windowId, payload);
  };
  const quickly = async (first: Locator, a: string, second: Locator, b: string) => {
    await first.fill(a);
    await first.press("Enter");
    await second.fill(b);
    await second.press("Enter");
    await expect(first).toHaveAttribute("data-editing", "");
  };

  await row(page, "Scorecard settings").click();
  const old = app.fileDocument().scorecard.scoring.thresholds;
  // Each new value passes with the other's old one, so neither is held back by the inline check.
  const green = Number((old.green + 0.01).toFixed(2));
  const amber = Number((old.amber - 0.01).toFixed(2));
  await quickly(
    inspector(page).getByLabel("Green from"),
    String(green),
    inspector(page).getByLabel("Amber from"),
    String(amber),
  );
  await expect.poll(() => app.fileDocument().scorecard.scoring.thresholds).toEqual({ green, amber });

  const measure = app.fileDocument().measures.find((m) => m.thresholds === null);
  if (!measure) throw new Error("the template has no measure on the scorecard's thresholds");
  await row(page, measure.name).click();
  // A click, not check(): the box shows what the file holds, so it turns on only once main answered.
  await inspector(page).getByLabel("Own status thresholds").click();
  await expect.poll(() => app.fileDocument().measures.find((m) => m.id === measure.id)?.thresholds).toBeTruthy();
  await quickly(inspector(page).getByLabel("Green from"), "0.9", inspector(page).getByLabel("Amber from"), "0.6");
  await expect
    .poll(() => app.fileDocument().measures.find((m) => m.id === measure.id)?.thresholds)
    .toEqual({ green: 0.9, amber: 0.6 });
});

test("the focus stays in the editor after a delete", async ({ app, page }) => {
  await openFramework(app, "it-value");
  const doc = app.fileDocument();
  const objective = doc.objectives.find((o) => doc.measures.filter((m) => m.objectiveId === o.id).length >= 2);
  const [first, second] = doc.measures.filter((m) => m.objectiveId === objective?.id);
  if (!first || !second) throw new Error("the template has no objective with two measures");

  // From the inspector: the outline row of the next measure is selected and focused.
  await row(page, first.name).click();
  await inspector(page).getByRole("button", { name: "Delete measure" }).click();
  await expect.poll(() => app.fileDocument().measures.some((m) => m.id === first.id)).toBe(false);
  await expect(row(page, second.name)).toBeFocused();
  await expect(row(page, second.name)).toHaveAttribute("aria-selected", "true");

  // From the periods list: the next period's delete button.
  const [p1, p2] = doc.periods;
  if (!p1 || !p2) throw new Error("the template has fewer than two periods");
  await row(page, "Periods").click();
  await inspector(page)
    .getByRole("button", { name: `Delete period ${p1.label}` })
    .click();
  await expect.poll(() => app.fileDocument().periods.some((p) => p.id === p1.id)).toBe(false);
  await expect(inspector(page).getByRole("button", { name: `Delete period ${p2.label}` })).toBeFocused();
  await expect(page.locator(":focus")).not.toHaveCount(0);
});

test("a colour is committed once when picked, not on every move of the picker", async ({ app, page }) => {
  await openFramework(app, "it-value");
  const perspective = app.fileDocument().perspectives[0];
  if (!perspective) throw new Error("the template has no perspective");
  await row(page, perspective.name).click();
  const colour = inspector(page).getByLabel("Colour");
  const bytes = sha256(app.file());
  // Dragging in the picker: `input` events only (set through the native setter, as the picker does).
  await colour.evaluate((el: HTMLInputElement) => {
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value")?.set;
    for (const c of ["#112233", "#223344", "#336655"]) {
      setValue?.call(el, c);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  await expect(colour).toHaveValue("#336655");
  expect(sha256(app.file())).toBe(bytes);
  // Closing the picker: one `change`, one edit, one undo step.
  await colour.dispatchEvent("change");
  await expect.poll(() => app.fileDocument().perspectives[0]?.color).toBe("#336655");
  await page.getByRole("button", { name: "Undo Edit perspective" }).click();
  await expect.poll(() => app.fileDocument().perspectives[0]?.color).toBe(perspective.color);
  await expect(page.getByRole("button", { name: /^Undo/ })).toBeDisabled();
});

test("a toggle's hint is its description", async ({ app, page }) => {
  await openFramework(app, "it-value");
  const measure = app.fileDocument().measures.find((m) => m.thresholds === null);
  if (!measure) throw new Error("the template has no measure on the scorecard's thresholds");
  await row(page, measure.name).click();
  const toggle = inspector(page).getByLabel("Own status thresholds");
  await expect(toggle).toHaveAccessibleDescription(/^Uses the scorecard's: green from/);
});
