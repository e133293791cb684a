import fs from "node:fs";
import { writeFileAtomically } from "../../electron/file/copy.ts";
import { REALISTIC, syntheticScorecard } from "../bench/synthetic.ts";
import { test } from "../e2e/harness/fixture.ts";

test("profile", async ({ app, shell, page }) => {
  const doc = syntheticScorecard(REALISTIC);
  const file = `${shell.dir}/realistic.scorecard`;
  writeFileAtomically(file, doc);
  await app.launch(file);
  await page.getByRole("button", { name: "Actuals" }).click();
  const cell = page.locator(`td[data-row="0"][data-col="23"]`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const t0 = Date.now();
  for (let i = 0; i < 15; i++) {
    await cell.click();
    await page.keyboard.type(String(i % 2 ? 50 : 60));
    await page.keyboard.press("Enter");
    await page.waitForTimeout(150);
  }
  console.log("wall", Date.now() - t0);
  const { profile } = await cdp.send("Profiler.stop");
  fs.writeFileSync("/tmp/sc/profile.json", JSON.stringify(profile));
});
