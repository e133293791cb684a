/**
 * The start view in a real browser: what it shows must be what the scoring engine computes.
 * The engine runs here too, on its own copy of the demo document (fresh ids, same numbers).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { scorecardView, type ScorecardView } from "../../shared/scoring/view.ts";
import { STATUS_TEXT, type Status } from "../../shared/scoring/status.ts";
import { demoScorecard } from "../../shared/templates/demo.ts";
import { formatPercent, formatValue } from "../../shared/display/numbers.ts";

const demo = demoScorecard({ newId: () => crypto.randomUUID(), now: new Date().toISOString(), appVersion: "test" });
const { periods } = scorecardView(demo);
const screenshotDir = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/** Every test fails if the page logs an error (a CSP violation, a 404, an exception). */
const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") errors.push(message.text());
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** Name and score of each table row, top to bottom, as the page shows them and as the engine says. */
async function shownRows(page: Page) {
  return page
    .locator("table.scorecard tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.querySelector("th")?.textContent ?? "",
        row.querySelector(".score-text")?.textContent ?? "",
      ]),
    );
}
function expectedRows(view: ScorecardView) {
  return view.perspectives.flatMap((p) => [
    [p.name, formatPercent(p.score)],
    ...p.objectives.flatMap((o) => [
      [o.name, formatPercent(o.score)],
      ...o.measures.map((m) => [m.name, formatPercent(m.score)]),
    ]),
  ]);
}

test.beforeEach(async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(demo.scorecard.title);
});

test("shows the engine's scores for the latest period", async ({ page }) => {
  const view = scorecardView(demo);
  expect(view.overall.score, "the demo scores its latest period").not.toBeNull();
  await expect(page.getByLabel("Period")).toHaveValue(String(periods.length - 1));
  await expect(page.getByTestId("overall-score")).toHaveText(formatPercent(view.overall.score));
  await expect(page.getByTestId("leading-index")).toHaveText(formatPercent(view.leadingIndex));
  await expect(page.getByTestId("lagging-index")).toHaveText(formatPercent(view.laggingIndex));
  expect(await shownRows(page)).toEqual(expectedRows(view));
});

test("re-scores when another period is chosen", async ({ page }) => {
  const latest = formatPercent(scorecardView(demo).overall.score);
  // The most recent earlier period whose overall score reads differently, so the change is visible.
  let k = periods.length - 2;
  while (k >= 0 && formatPercent(scorecardView(demo, k).overall.score) === latest) k--;
  expect(k, "the demo has a period with a different overall score").toBeGreaterThanOrEqual(0);
  const view = scorecardView(demo, k);

  await page.getByLabel("Period").selectOption({ label: periods[k]?.label ?? "" });
  await expect(page.getByTestId("overall-score")).toHaveText(formatPercent(view.overall.score));
  await expect(page.locator("table.scorecard caption")).toContainText(periods[k]?.label ?? "");
  expect(await shownRows(page)).toEqual(expectedRows(view));
});

test("shows measure values with units and marks stale ones", async ({ page }) => {
  const measures = scorecardView(demo).perspectives.flatMap((p) => p.objectives.flatMap((o) => o.measures));
  expect(
    measures.some((m) => m.stale),
    "the demo has a stale value in its latest period",
  ).toBe(true);
  const shown = await page.locator("table.scorecard tr.row-measure").evaluateAll((rows) =>
    rows.map((row) => {
      const cell = row.querySelector("td.value"); // the value; the second one is the target
      return [cell?.firstChild?.textContent ?? "", cell?.querySelector(".stale") !== null];
    }),
  );
  expect(shown).toEqual(measures.map((m) => [formatValue(m.value, m.unit), m.stale]));
});

test("shows every status as an icon and words, not colour alone", async ({ page }) => {
  const view = scorecardView(demo);
  const expected = [
    view.overall.status,
    ...view.perspectives.flatMap((p) => [
      p.status,
      ...p.objectives.flatMap((o) => [o.status, ...o.measures.map((m) => m.status)]),
    ]),
  ];
  const shown = await page.locator(".status").evaluateAll((badges) =>
    badges.map((badge) => ({
      status: badge.getAttribute("data-status") as Status,
      text: badge.textContent,
      icon: badge.querySelector("svg.status-icon") !== null,
    })),
  );
  expect(shown).toEqual(expected.map((status) => ({ status, text: STATUS_TEXT[status].label, icon: true })));
});

test("carries a strict content security policy that blocks network access", async ({ page, consoleErrors }) => {
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
  ]) {
    expect(csp).toContain(directive);
  }
  expect(csp).not.toMatch(/unsafe-(inline|eval)/);

  const outcome = await page.evaluate(() =>
    fetch("./index.html").then(
      () => "loaded",
      () => "blocked",
    ),
  );
  expect(outcome).toBe("blocked");
  // Chromium reports the refused request as a console error: expected here, so taken off the list.
  const reported = consoleErrors.splice(0);
  expect(reported.length).toBeGreaterThan(0);
  for (const error of reported) expect(error).toMatch(/Content Security Policy|Failed to fetch/);
});

test("screenshots in light and dark, at 1280×800 and 1920×1080", async ({ page }) => {
  mkdirSync(screenshotDir, { recursive: true });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: path.join(screenshotDir, `start-${colorScheme}-${width}x${height}.png`) });
    }
  }
});
