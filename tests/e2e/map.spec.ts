/**
 * The strategy map through the harness: links added by dragging between cards reach the file,
 * downward and cyclic links are refused with the rule's message and leave the file byte for byte
 * as it was, dragged cards are saved and undone, the inspector edits the selected card, zoom and
 * fit, SVG and PNG exports that main accepts, hostile names shown as text, and screenshots.
 */
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import type { ScorecardDocument } from "../../shared/domain/types.ts";
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { sha256 } from "../support/files.ts";
import { mapDoc } from "../support/map-docs.ts";
import { type AppWindow, expect, test } from "./harness/fixture.ts";
import { RTL, writeHostileNames, XSS } from "./harness/hostile-names.ts";

const map = (page: Page) => page.getByRole("group", { name: "Strategy map" });
const card = (page: Page, name: string) =>
  map(page).getByRole("button", { name: new RegExp(`^Objective ${escapeRegExp(name)},`) });
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

async function openMap(app: AppWindow, file: string) {
  await app.launch(file);
  await app.page.getByRole("button", { name: "Strategy Map" }).click();
  await expect(map(app.page)).toHaveAttribute("data-layout", "ready");
}

/**
 * Opens the what-if view and raises the first investment by `pageUps` × 10 % of its base; returns
 * the projected map once some card on it shows a rise.
 */
async function openProjection(app: AppWindow, file: string, pageUps: number) {
  await app.launch(file);
  const page = app.page;
  await page.getByRole("button", { name: "What-If" }).click();
  const projected = page.getByRole("group", { name: "Strategy map (projection)" });
  await expect(projected).toHaveAttribute("data-layout", "ready");
  await page.getByRole("list", { name: "Spend per investment" }).getByRole("slider").first().focus();
  for (let i = 0; i < pageUps; i++) await page.keyboard.press("PageUp");
  await expect(projected.locator(".card-delta.delta-up").first()).toBeVisible();
  return projected;
}

async function center(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error("not visible");
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test("screenshots: light 1280×800 and dark 1920×1080", async ({ app, page, shell }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  await app.screenshot("map-light-1280x800");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByRole("button", { name: "Fit" }).click();
  await app.screenshot("map-dark-1920x1080");
});

type Objective = ScorecardDocument["objectives"][number];

const objectiveNamed = (doc: ScorecardDocument, name: string): Objective => {
  const o = doc.objectives.find((x) => x.name === name);
  if (!o) throw new Error(`no objective ${name}`);
  return o;
};
const orderOf = (doc: ScorecardDocument, o: Objective) =>
  doc.perspectives.find((p) => p.id === o.perspectiveId)?.order ?? -1;

/** Drags from the link handle on `from`'s card to the middle of `to`'s card, as a user would. */
async function dragLink(page: Page, from: Objective, to: Objective) {
  const handle = await center(page.locator(`[data-handle-for="${from.id}"] .handle-dot`));
  const target = await center(page.locator(`[data-card-id="${to.id}"] .card-body`));
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move((handle.x + target.x) / 2, (handle.y + target.y) / 2, { steps: 4 });
  // The rubber band follows the pointer while the link is drawn.
  await expect(page.locator(".map-rubber")).toBeVisible();
  await page.mouse.move(target.x, target.y, { steps: 4 });
  await page.mouse.up();
  await expect(page.locator(".map-rubber")).toHaveCount(0);
}

test("a link drawn from one card to another is in the file; downward and cyclic links are refused", async ({
  app,
  page,
  shell,
}) => {
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  const doc = app.fileDocument();
  const cause = objectiveNamed(doc, "Data and innovation capability");
  const effect = objectiveNamed(doc, "Protect the business");
  expect(orderOf(doc, cause)).toBeGreaterThan(orderOf(doc, effect));
  expect(doc.links.some((l) => l.fromId === cause.id && l.toId === effect.id)).toBe(false);

  await dragLink(page, cause, effect);
  await expect
    .poll(() => app.fileDocument().links.filter((l) => l.fromId === cause.id && l.toId === effect.id).length)
    .toBe(1);
  const added = app.fileDocument().links.find((l) => l.fromId === cause.id && l.toId === effect.id);
  expect(added?.strength).toBe(0.5);
  // The new link is selected: its strength is edited in the inspector, and the file follows.
  const inspector = page.getByRole("region", { name: "Inspector" });
  const strength = inspector.getByLabel("Strength", { exact: true });
  await expect(strength).toHaveValue("0.5");
  await strength.fill("0.8");
  await strength.press("Enter");
  await expect.poll(() => app.fileDocument().links.find((l) => l.id === added?.id)?.strength).toBe(0.8);
  await expect(map(page)).toHaveAttribute("data-layout", "ready");

  // Downward: from the top perspective to a lower one.
  const top = objectiveNamed(doc, "Enable business growth");
  const lower = objectiveNamed(doc, "Fast, safe change");
  const before = sha256(app.file());
  await dragLink(page, top, lower);
  await expect(page.getByRole("alert")).toContainText("cannot point from a higher perspective down to a lower one");
  expect(sha256(app.file())).toBe(before);

  // A cycle within one band: draw a → b, then b → a.
  const band = doc.objectives.filter((o) => o.perspectiveId === effect.perspectiveId);
  const [a, b] = band as [Objective, Objective];
  await page.getByRole("button", { name: "Dismiss message" }).click();
  await dragLink(page, a, b);
  await expect.poll(() => app.fileDocument().links.some((l) => l.fromId === a.id && l.toId === b.id)).toBe(true);
  await expect(map(page)).toHaveAttribute("data-layout", "ready");
  const beforeCycle = sha256(app.file());
  await dragLink(page, b, a);
  await expect(page.getByRole("alert")).toContainText(/cycle/i);
  expect(sha256(app.file())).toBe(beforeCycle);
  expect(app.fileDocument().links.some((l) => l.fromId === b.id && l.toId === a.id)).toBe(false);
});

test("a dragged card is saved in its band and undone with Ctrl+Z; arrow keys move it too", async ({
  app,
  page,
  shell,
}) => {
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  const doc = app.fileDocument();
  const o = objectiveNamed(doc, "Secure operations");
  expect(o.position).toBeNull();
  const body = page.locator(`[data-card-id="${o.id}"] .card-body`);
  const autoTransform = (await page.locator(`[data-card-id="${o.id}"]`).getAttribute("transform")) ?? "";
  const start = await center(body);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  // Far down and to the left: the card stays in its band (y is clamped), x follows the pointer.
  await page.mouse.move(start.x - 60, start.y + 400, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => app.fileDocument().objectives.find((x) => x.id === o.id)?.position).not.toBeNull();
  const placed = app.fileDocument().objectives.find((x) => x.id === o.id)?.position as { x: number; y: number };
  const zoom = Number.parseInt((await page.getByTestId("map-zoom").textContent()) ?? "100", 10) / 100;
  const band = page.locator(`[data-band-id="${o.perspectiveId}"] .band-fill`);
  const bandHeight = Number(await band.getAttribute("height"));
  expect(placed.y + 70).toBeLessThanOrEqual(bandHeight);
  // The card is drawn where the file says: x from the map's left, y from its band's top.
  const bandTop = Number(await band.getAttribute("y"));
  await expect(page.locator(`[data-card-id="${o.id}"]`)).toHaveAttribute(
    "transform",
    `translate(${placed.x} ${bandTop + placed.y})`,
  );
  expect(zoom).toBeGreaterThan(0);
  // The card is selected: the inspector opens beside the map and shows it.
  await expect(page.getByRole("region", { name: "Inspector" }).getByLabel("Name", { exact: true })).toHaveValue(o.name);

  // Arrow keys on the focused card, pressed faster than main answers (key repeat: three presses in
  // one task, before the first edit comes back): each press is one step of 10 map units and one
  // edit, so three presses move 30 and undo one by one.
  const xOf = () => app.fileDocument().objectives.find((x) => x.id === o.id)?.position?.x;
  await page.locator(`[data-card-id="${o.id}"]`).evaluate((el) => {
    (el as SVGElement).focus();
    for (let i = 0; i < 3; i++) {
      el.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowRight", bubbles: true, cancelable: true }));
    }
  });
  await expect.poll(xOf).toBe(placed.x + 30);
  await page.keyboard.press("Control+z");
  await expect.poll(xOf).toBe(placed.x + 20);
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await expect.poll(xOf).toBe(placed.x);

  // Undo once more: back to the automatic layout.
  await page.keyboard.press("Control+z");
  await expect.poll(() => app.fileDocument().objectives.find((x) => x.id === o.id)?.position ?? null).toBeNull();
  await expect
    .poll(async () => (await page.locator(`[data-card-id="${o.id}"]`).getAttribute("transform")) ?? "")
    .toBe(autoTransform);

  // Escape during a drag puts the card back and saves nothing.
  const fileBefore = sha256(app.file());
  const again = await center(body);
  await page.mouse.move(again.x, again.y);
  await page.mouse.down();
  await page.mouse.move(again.x + 120, again.y, { steps: 5 });
  await expect(page.locator(`[data-card-id="${o.id}"]`)).toHaveClass(/dragging/);
  await page.keyboard.press("Escape");
  await page.mouse.up();
  await expect.poll(async () => Math.round((await center(body)).x)).toBe(Math.round(again.x));
  await expect(page.locator(`[data-card-id="${o.id}"]`)).not.toHaveClass(/dragging/);
  expect(sha256(app.file())).toBe(fileBefore);

  // Auto-layout puts placed cards back in one step, and fits the map to the window again even
  // after a zoom.
  await page.locator(`[data-card-id="${o.id}"]`).focus();
  await page.keyboard.press("ArrowLeft");
  await expect.poll(() => app.fileDocument().objectives.find((x) => x.id === o.id)?.position).not.toBeNull();
  await page.getByRole("button", { name: "Fit" }).click();
  const fitted = await page.getByTestId("map-zoom").textContent();
  await page.getByRole("button", { name: "Zoom in" }).click();
  await expect(page.getByTestId("map-zoom")).not.toHaveText(fitted ?? "");
  await page.getByRole("button", { name: "Auto-layout" }).click();
  await expect.poll(() => app.fileDocument().objectives.every((x) => x.position === null)).toBe(true);
  await expect(page.getByRole("button", { name: "Undo Auto-layout the map" })).toBeEnabled();
  await expect(page.getByTestId("map-zoom")).toHaveText(fitted ?? "");
});

test("a drop that changes nothing redraws the card and its arrows as they were", async ({ app, page, shell }) => {
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  const o = objectiveNamed(app.fileDocument(), "Fast, safe change");
  const cardEl = page.locator(`[data-card-id="${o.id}"]`);
  // Placed on its band's top row (right under the heading): one step to the right.
  await cardEl.focus();
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => app.fileDocument().objectives.find((x) => x.id === o.id)?.position?.y).toBe(28);
  const placed = sha256(app.file());
  const related = app.fileDocument().links.filter((l) => l.fromId === o.id || l.toId === o.id);
  expect(related.length).toBeGreaterThan(0);
  const routesOf = () =>
    Promise.all(related.map((l) => page.locator(`[data-link-id="${l.id}"] .link-line`).getAttribute("d")));
  const before = await routesOf();
  const transform = await cardEl.getAttribute("transform");
  // Dragged straight up toward the band above: y stays clamped, x unchanged, so nothing to save.
  const start = await center(page.locator(`[data-card-id="${o.id}"] .card-body`));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y - 120, { steps: 6 });
  await expect(cardEl).toHaveClass(/dragging/);
  await page.mouse.up();
  await expect(cardEl).not.toHaveClass(/dragging/);
  await expect(cardEl).toHaveAttribute("transform", transform ?? "");
  // The arrows are routed again (around the cards), not left drawn straight through them.
  expect(await routesOf()).toEqual(before);
  expect(sha256(app.file())).toBe(placed);
});

test("a cancelled pointer (touch taken over, window switch) undoes the drag, link drag or pan and saves nothing", async ({
  app,
  page,
  shell,
}) => {
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  const doc = app.fileDocument();
  const o = objectiveNamed(doc, "Secure operations");
  const cardEl = page.locator(`[data-card-id="${o.id}"]`);
  const transform = await cardEl.getAttribute("transform");
  const before = sha256(app.file());
  const cancel = () =>
    map(page).evaluate((svg) => svg.dispatchEvent(new PointerEvent("pointercancel", { bubbles: true, pointerId: 1 })));

  // A card drag: the card goes back, no position is sent.
  const start = await center(page.locator(`[data-card-id="${o.id}"] .card-body`));
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + 120, start.y + 10, { steps: 5 });
  await expect(cardEl).toHaveClass(/dragging/);
  await cancel();
  await page.mouse.up();
  await expect(cardEl).not.toHaveClass(/dragging/);
  await expect(cardEl).toHaveAttribute("transform", transform ?? "");

  // A link drag that ends over another card: no link.
  const effect = objectiveNamed(doc, "Protect the business");
  const handle = await center(page.locator(`[data-handle-for="${o.id}"] .handle-dot`));
  const target = await center(page.locator(`[data-card-id="${effect.id}"] .card-body`));
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 6 });
  await expect(page.locator(".map-rubber")).toBeVisible();
  await cancel();
  await page.mouse.up();
  await expect(page.locator(".map-rubber")).toHaveCount(0);

  // A pan: the view goes back.
  const view = page.locator(".map-svg > g").first();
  const viewBefore = await view.getAttribute("transform");
  const box = await map(page).boundingBox();
  if (!box) throw new Error("no map");
  await page.mouse.move(box.x + 8, box.y + 8);
  await page.mouse.down();
  await page.mouse.move(box.x + 108, box.y + 58, { steps: 5 });
  await expect(view).not.toHaveAttribute("transform", viewBefore ?? "");
  await cancel();
  await page.mouse.up();
  await expect(view).toHaveAttribute("transform", viewBefore ?? "");

  // Give main time to have written anything that was (wrongly) sent.
  await page.waitForTimeout(300);
  expect(sha256(app.file())).toBe(before);
  expect(app.fileDocument().links).toHaveLength(doc.links.length);
});

test("after a delete from the map's inspector the focus is on the next card, the cause card or the map", async ({
  app,
  page,
  shell,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  const inspector = page.getByRole("region", { name: "Inspector" });
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      return {
        body: el === document.body || el === null,
        card: el?.getAttribute("data-card-id") ?? null,
        pressed: el?.getAttribute("aria-pressed") ?? null,
        canvas: el?.classList.contains("map-canvas") ?? false,
      };
    });

  // An objective: the card selected next (its neighbour) has the focus.
  const doc = app.fileDocument();
  const o = objectiveNamed(doc, "Secure operations");
  await card(page, "Secure operations").click();
  await inspector.getByRole("button", { name: "Delete objective" }).click();
  await expect.poll(() => app.fileDocument().objectives.some((x) => x.id === o.id)).toBe(false);
  await expect.poll(async () => (await focused()).card).not.toBeNull();
  expect(await focused()).toMatchObject({ body: false, pressed: "true" });

  // A link (an arrow selected on the map): its cause card is selected and has the focus.
  const link = app.fileDocument().links[0];
  if (!link) throw new Error("no link");
  await page.locator(`[data-link-id="${link.id}"] .link-hit`).dispatchEvent("click");
  await expect(inspector.getByRole("form", { name: "Link" })).toBeVisible();
  await inspector.getByRole("button", { name: "Delete link" }).click();
  await expect.poll(() => app.fileDocument().links.some((l) => l.id === link.id)).toBe(false);
  await expect.poll(async () => (await focused()).card).toBe(link.fromId);
  expect(await focused()).toMatchObject({ body: false, pressed: "true" });

  // A perspective (selected in the Framework view): no card stands for the next selection, so the map has the focus.
  const perspective = app.fileDocument().perspectives.find((p) => p.order === 0);
  if (!perspective) throw new Error("no perspective");
  await page.getByRole("button", { name: "Framework" }).click();
  await page.getByRole("treeitem", { name: perspective.name, exact: true }).click();
  await page.getByRole("button", { name: "Strategy Map" }).click();
  await inspector.getByRole("button", { name: "Delete perspective" }).click();
  await expect.poll(() => app.fileDocument().perspectives.some((p) => p.id === perspective.id)).toBe(false);
  await expect.poll(async () => (await focused()).body).toBe(false);
  expect((await focused()).canvas).toBe(true);
  await app.screenshot("map-focus-after-delete");
});

test("select a card, rename it in the inspector: the file and the card follow", async ({ app, page, shell }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  const o = objectiveNamed(app.fileDocument(), "Fast, safe change");
  await card(page, "Fast, safe change").click();
  await expect(card(page, "Fast, safe change")).toHaveAttribute("aria-pressed", "true");
  // Its arrows stand out, the others step back.
  const related = app.fileDocument().links.filter((l) => l.fromId === o.id || l.toId === o.id);
  expect(related.length).toBeGreaterThan(0);
  await expect(page.locator(".map-link.related")).toHaveCount(related.length);
  await app.screenshot("map-selected-1280x800");
  const name = page.getByRole("region", { name: "Inspector" }).getByLabel("Name", { exact: true });
  await name.fill("Fast and safe change");
  await name.press("Enter");
  await expect.poll(() => app.fileDocument().objectives.find((x) => x.id === o.id)?.name).toBe("Fast and safe change");
  await expect(card(page, "Fast and safe change")).toBeVisible();
  // The accessible name carries the score and status in words.
  await expect(card(page, "Fast and safe change")).toHaveAttribute(
    "aria-label",
    /^Objective Fast and safe change, \d+%, (on track|at risk|off track)$/,
  );
  // Clicking the background clears the selection.
  const box = await map(page).boundingBox();
  if (!box) throw new Error("no map");
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect(card(page, "Fast and safe change")).toHaveAttribute("aria-pressed", "false");
});

test("zoom by buttons, keys and wheel; pan; fit", async ({ app, page, shell }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  const zoom = page.getByTestId("map-zoom");
  const fitted = await zoom.textContent();
  const percent = async () => Number.parseInt((await zoom.textContent()) ?? "", 10);
  const first = await percent();
  await page.getByRole("button", { name: "Zoom in" }).click();
  expect(Math.abs((await percent()) - first * 1.25)).toBeLessThanOrEqual(1.5);
  await page.getByRole("button", { name: "Zoom out" }).click();
  await page.getByRole("button", { name: "Zoom out" }).click();
  expect(await percent()).toBeLessThan(first);
  // Ctrl+= on a focused card.
  const c = card(page, "Fast, safe change");
  await c.focus();
  const beforeKey = await percent();
  await page.keyboard.press("Control+=");
  expect(await percent()).toBeGreaterThan(beforeKey);
  // Ctrl+wheel zooms at the pointer; the plain wheel pans.
  const box = await map(page).boundingBox();
  if (!box) throw new Error("no map");
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const beforeWheel = await percent();
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await expect.poll(percent).toBeGreaterThan(beforeWheel);
  const cardBefore = await center(c);
  await page.mouse.wheel(0, 120);
  await expect.poll(async () => (await center(c)).y).toBeLessThan(cardBefore.y - 50);
  // Drag the background (the margin of the fitted map): pans.
  await page.getByRole("button", { name: "Fit" }).click();
  await expect(zoom).toHaveText(fitted ?? "");
  const at = await center(c);
  await page.mouse.move(box.x + 6, box.y + 6);
  await page.mouse.down();
  await page.mouse.move(box.x + 106, box.y + 46, { steps: 5 });
  await page.mouse.up();
  const panned = await center(c);
  expect(Math.round(panned.x - at.x)).toBe(100);
  expect(Math.round(panned.y - at.y)).toBe(40);
  await page.getByRole("button", { name: "Fit" }).click();
  await expect(zoom).toHaveText(fitted ?? "");
  // Fitted: the whole map is inside the canvas.
  const content = await page.locator(".map-content").boundingBox();
  if (!content) throw new Error("no content");
  expect(content.x).toBeGreaterThanOrEqual(box.x - 1);
  expect(content.y).toBeGreaterThanOrEqual(box.y - 1);
  expect(content.x + content.width).toBeLessThanOrEqual(box.x + box.width + 1);
  expect(content.y + content.height).toBeLessThanOrEqual(box.y + box.height + 1);
});

test("40 objectives after fit: every card on screen with names of at least 11 px", async ({ app, page, shell }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const file = `${shell.dir}/forty.scorecard`;
  writeFileAtomically(file, mapDoc(40));
  await openMap(app, file);
  // Nothing selected: no inspector beside the map, whose canvas takes the window's width.
  await expect(page.getByRole("region", { name: "Inspector" })).toHaveCount(0);
  const canvas = await page.locator(".map-canvas").boundingBox();
  expect(canvas?.width).toBeGreaterThan(1180);
  const sizes = await page.locator(".card-name").evaluateAll((els) =>
    els.map((el) => {
      const box = el.getBoundingClientRect();
      // The rendered size: the font size times the map's zoom (the scale of the text's box).
      const ctm = (el as SVGGraphicsElement).getScreenCTM();
      return {
        size: Number.parseFloat(getComputedStyle(el).fontSize) * (ctm?.a ?? 1),
        bottom: box.bottom,
        right: box.right,
      };
    }),
  );
  expect(sizes.length).toBeGreaterThanOrEqual(40);
  for (const s of sizes) {
    expect(s.size).toBeGreaterThanOrEqual(11);
    expect(s.bottom).toBeLessThanOrEqual(800);
    expect(s.right).toBeLessThanOrEqual(1280);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await app.screenshot("map-40-objectives-1280x800");
});

test("exports: a self-contained SVG main accepts, and a PNG at twice the map's size", async ({ app, page, shell }) => {
  const hostile = writeHostileNames(shell);
  await openMap(app, hostile.file);
  const svgFile = `${shell.dir}/map.svg`;
  shell.dialogs.save.push(svgFile);
  await page.getByRole("button", { name: "Export SVG" }).click();
  await expect.poll(() => fs.existsSync(svgFile)).toBe(true);
  const text = fs.readFileSync(svgFile, "utf8");
  // Names are escaped text, never markup; nothing refers outside the file; no CSS variables.
  expect(text).toContain("&lt;img src=x onerror=alert(1)&gt;");
  expect(text).not.toContain("<img");
  expect(text).not.toContain("var(--");
  expect(text).not.toMatch(/class=|href="(?!#)|url\((?!#)/);
  // Styles the page set in CSS are written out: band names keep their halo under the text.
  expect(text).toMatch(/<text[^>]*paint-order="stroke/);
  // The names were fitted to the cards in the map's font: the picture names the same family.
  const family = await map(page).getAttribute("font-family");
  expect(family).toContain("system-ui");
  expect(text).toContain(`font-family="${family?.replaceAll('"', "&quot;")}"`);
  expect(text).toContain(RTL.replace("\u202E", "\uFFFD"));
  const width = Number(await map(page).getAttribute("data-map-width"));
  const height = Number(await map(page).getAttribute("data-map-height"));
  const parsed = await page.evaluate((svg) => {
    const d = new DOMParser().parseFromString(svg, "image/svg+xml");
    const root = d.documentElement;
    return {
      error: d.querySelector("parsererror") !== null,
      root: root.localName,
      width: root.getAttribute("width"),
      height: root.getAttribute("height"),
      cards: d.querySelectorAll("text").length,
      texts: [...d.querySelectorAll("text")].map((t) => t.textContent),
    };
  }, text);
  expect(parsed.error).toBe(false);
  expect(parsed.root).toBe("svg");
  expect([Number(parsed.width), Number(parsed.height)]).toEqual([Math.ceil(width), Math.ceil(height)]);
  expect(parsed.texts).toContain(XSS);
  for (const o of app.fileDocument().objectives.slice(1)) expect(text).toContain(o.name.split(" ")[0] as string);

  const pngFile = `${shell.dir}/map.png`;
  shell.dialogs.save.push(pngFile);
  await page.getByRole("button", { name: "Export PNG" }).click();
  await expect.poll(() => fs.existsSync(pngFile)).toBe(true);
  const png = fs.readFileSync(pngFile);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(png.toString("latin1", 12, 16)).toBe("IHDR");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * Math.ceil(width), 2 * Math.ceil(height)]);
  // The picture is not blank: it is larger than a flat image of that size would compress to.
  expect(png.length).toBeGreaterThan(20_000);
});

test("hostile names are shown as text on the map", async ({ app, page, shell }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const hostile = writeHostileNames(shell);
  await openMap(app, hostile.file);
  await expect(page.locator(".map-svg img, .strategy-map img")).toHaveCount(0);
  await expect(page.locator(".band-label").first()).toHaveText(XSS);
  // The direction override is neutralised (plainText), the rest of the name is kept.
  const label = await page.locator(`[data-card-id="${hostile.objective.id}"]`).getAttribute("aria-label");
  expect(label).toContain("مؤشر رضا العملاء");
  expect(label).not.toContain("\u202E");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await app.screenshot("map-hostile");
});

test("projection mode: projected scores and deltas on read-only cards (what-if view)", async ({ app, page, shell }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const projected = await openProjection(app, shell.writeScorecard("Plan.scorecard", "demo"), 5);
  // Some card now shows a rise (openProjection waits for it), with the word-free delta in points.
  await expect(projected.getByRole("button", { name: /\d+\.\d% \+\d+\.\d pts projected/ }).first()).toBeVisible();
  // Points with one decimal and the arrow of their rounded direction, as the what-if bars write them.
  const deltas = await projected.locator(".card-delta").evaluateAll((els) =>
    els.map((el) => ({
      text: el.textContent ?? "",
      up: el.classList.contains("delta-up"),
      flat: el.classList.contains("delta-flat"),
    })),
  );
  expect(deltas.length).toBeGreaterThan(0);
  for (const d of deltas) {
    expect(d.text).toMatch(/^(↑ \+\d+\.\d|↓ \u2212\d+\.\d|→ ±0\.0) pts$/);
    expect(d.text.startsWith("↑")).toBe(d.up);
    expect(d.text.startsWith("→")).toBe(d.flat);
  }

  // Read-only: no link handles, no auto-layout or export buttons, and a drag does not move a card.
  await expect(projected.locator("[data-handle-for]")).toHaveCount(0);
  const first = projected.locator("[data-card-id]").first();
  const before = await center(first);
  await page.mouse.move(before.x, before.y);
  await page.mouse.down();
  await page.mouse.move(before.x + 80, before.y, { steps: 4 });
  await page.mouse.up();
  const after = await center(first);
  expect([Math.round(after.x), Math.round(after.y)]).toEqual([Math.round(before.x), Math.round(before.y)]);
  expect(app.fileDocument().objectives.every((o) => o.position === null)).toBe(true);
  await projected.scrollIntoViewIfNeeded();
  await app.screenshot("map-projection");
});

test("projection mode: a card with no score shows no arrow and no delta, only its status", async ({ app, shell }) => {
  const file = `${shell.dir}/projected.scorecard`;
  const doc = mapDoc(12, 7, 3);
  // An objective without measures: no score, base or projected, so no delta.
  const perspectiveId = doc.perspectives[1]?.id ?? "";
  const empty = { id: crypto.randomUUID(), perspectiveId, name: "Not measured", description: "", owner: "", weight: 1 };
  doc.objectives.push({ ...empty, position: null });
  writeFileAtomically(file, doc);
  const projected = await openProjection(app, file, 1);
  const none = projected.locator(".map-card.status-none");
  await expect(none.and(projected.locator(`[data-card-id="${empty.id}"]`))).toHaveCount(1);
  for (const el of await none.all()) {
    await expect(el.locator(".card-delta")).toHaveCount(0);
    await expect(el.locator(".card-score")).toHaveText("No data");
    await expect(el).toHaveAttribute("aria-label", /, no data$/);
  }
  await projected.scrollIntoViewIfNeeded();
  await app.screenshot("map-projection-no-score");
});

test("with nothing selected the inspector folds into a hint that names the keyboard way to add links", async ({
  app,
  page,
  shell,
}) => {
  await openMap(app, shell.writeScorecard("Plan.scorecard", "demo"));
  await expect(page.getByRole("region", { name: "Inspector" })).toHaveCount(0);
  await expect(page.locator(".map-hint")).toHaveText("Select a card or an arrow to edit it.");
  await page.getByText("How to", { exact: true }).click();
  await expect(page.locator(".map-help-text")).toContainText("Framework ▸ objective ▸ Cause and effect links");
  // A selection opens the inspector; clearing it folds it again.
  await card(page, "Fast, safe change").click();
  await expect(page.getByRole("region", { name: "Inspector" })).toBeVisible();
  await expect(page.locator(".map-hint")).toHaveCount(0);
  await page.keyboard.press("Escape");
  const box = await map(page).boundingBox();
  if (!box) throw new Error("no map");
  await page.mouse.click(box.x + 8, box.y + 8);
  await expect(page.getByRole("region", { name: "Inspector" })).toHaveCount(0);
});

test("a blank scorecard's map says where objectives come from", async ({ app, page, shell }) => {
  await openMap(app, shell.writeScorecard("Blank.scorecard", "blank"));
  await expect(page.locator(".map-empty")).toContainText("Framework view");
  await expect(page.locator("[data-card-id]")).toHaveCount(0);
});
