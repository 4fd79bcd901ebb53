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
