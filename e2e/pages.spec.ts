// e2e: every page, at phone (390 px) and desktop (1280 px) width, fits the viewport (nothing wider than the screen) and has no text drawn over other text.
import { expect, test } from "@playwright/test";
import { everyPage, openSettled, PAGE_NAMES, sidewaysOverflow, textOverlaps, type Visit } from "./helpers/every-page";

let visits: Visit[] = [];
let storageState = "";

test.beforeAll(async ({ browser }, testInfo) => {
  ({ visits, storageState } = await everyPage(browser, testInfo.project.outputDir));
});

for (const name of PAGE_NAMES) {
  test(`${name}: fits 390 and 1280 px wide, no overlapping text`, async ({ browser }) => {
    const visit = visits.find((v) => v.name === name)!;
    for (const width of [390, 1280]) {
      const context = await browser.newContext({ viewport: { width, height: 860 }, ...(visit.signedIn ? { storageState } : {}) });
      const page = await context.newPage();
      await openSettled(page, visit);
      expect(await sidewaysOverflow(page), `${visit.path} at ${width} px is wider than the screen by`).toBe(0);
      expect(await textOverlaps(page), `${visit.path} at ${width} px`).toEqual([]);
      await context.close();
    }
  });
}

test("the leaderboard fits a phone without scrolling sideways, and is still a table of members by score", async ({ browser }) => {
  const visit = visits.find((v) => v.name === "leaderboard")!;
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 860 }, storageState });
    const page = await context.newPage();
    await openSettled(page, visit);
    const table = page.getByRole("table", { name: /members/ });
    await expect(table).toBeVisible();
    // Nothing in its box scrolls sideways (the page-wide check misses a box that scrolls on its own).
    const box = await page.getByTestId("leaderboard").evaluate((t) => {
      const wrap = t.parentElement!;
      return { scroll: wrap.scrollWidth, client: wrap.clientWidth, right: t.getBoundingClientRect().right, edge: wrap.getBoundingClientRect().right };
    });
    expect(box.scroll, `${width} px`).toBeLessThanOrEqual(box.client);
    expect(box.right, `${width} px`).toBeLessThanOrEqual(box.edge + 0.5);
    // Screen readers still find the columns and each member's row of cells.
    await expect(table.getByRole("columnheader")).toHaveText(["Rank", "Member", "Scored", "Peer", "Log", "Brier"]);
    const rows = table.getByRole("row");
    expect(await rows.count()).toBeGreaterThan(1);
    await expect(rows.nth(1).getByRole("cell")).toHaveCount(6);
    // Every score is on screen, its column named beside it on a phone.
    const brier = rows.nth(1).getByRole("cell").nth(5);
    await expect(brier).toBeInViewport();
    if (width === 390) await expect(brier.locator(".q-lb-label")).toBeVisible();
    else await expect(brier.locator(".q-lb-label")).toBeHidden();
    await context.close();
  }
});
