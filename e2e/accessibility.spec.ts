// e2e: axe finds no serious or critical violation on any page, light or dark, desktop or phone width (nothing allowed); the main actions are reachable with Tab alone.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { everyPage, openSettled, PAGE_NAMES, type Visit } from "./helpers/every-page";

let visits: Visit[] = [];
let storageState = "";

test.beforeAll(async ({ browser }, testInfo) => {
  ({ visits, storageState } = await everyPage(browser, testInfo.project.outputDir));
});

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

for (const name of PAGE_NAMES) {
  test(`${name}: no serious or critical axe violation, light and dark, 1280 and 390 px`, async ({ browser }) => {
    test.setTimeout(120_000);
    const visit = visits.find((v) => v.name === name)!;
    // At a phone's width too: tables and code that scroll there must be reachable with the keyboard.
    for (const [colorScheme, width] of [["light", 1280], ["dark", 1280], ["light", 390], ["dark", 390]] as const) {
      const context = await browser.newContext({ colorScheme, viewport: { width, height: 860 }, ...(visit.signedIn ? { storageState } : {}) });
      const page = await context.newPage();
      await openSettled(page, visit);
      // The share page has no script: it follows the system scheme through CSS alone.
      if (visit.name !== "a share page") await expect(page.locator("html")).toHaveAttribute("data-theme", colorScheme);
      expect(await seriousViolations(page), `${visit.path} (${colorScheme}, ${width} px)`).toEqual([]);
      await context.close();
    }
  });
}

test("a note being edited (the editor's scroller and toolbar): no serious or critical axe violation, light and dark", async ({ browser }) => {
  test.setTimeout(60_000);
  const note = visits.find((v) => v.name === "a note")!;
  for (const colorScheme of ["light", "dark"] as const) {
    const context = await browser.newContext({ colorScheme, viewport: { width: 1280, height: 860 }, storageState });
    const page = await context.newPage();
    await openSettled(page, { ...note, path: `${note.path}?edit` });
    await expect(page.locator(".cm-scroller")).toBeVisible();
    expect(await seriousViolations(page), `${note.path}?edit (${colorScheme})`).toEqual([]);
    await context.close();
  }
});

/** Presses Tab until the focused element matches `accessibleName` (or gives up after `limit` presses); true when reached. */
async function tabTo(page: Page, accessibleName: RegExp, limit = 60): Promise<boolean> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return "";
      const labelled = el.getAttribute("aria-label") ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
      return (labelled ?? el.innerText ?? "").trim();
    });
    if (accessibleName.test(name)) return true;
  }
  return false;
}

test("the main actions are reachable with the keyboard alone: skip link, navigation, a notebook's actions, search", async ({ browser }) => {
  test.setTimeout(60_000);
  const byName = (n: string) => visits.find((v) => v.name === n)!;
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, storageState });
  const page = await context.newPage();

  await openSettled(page, byName("notebooks"));
  expect(await tabTo(page, /^Skip to content$/, 2)).toBe(true);
  await page.keyboard.press("Enter");
  expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
  expect(await tabTo(page, /New notebook/)).toBe(true);

  await openSettled(page, byName("notebooks"));
  for (const link of [/Quick find/, /^Notebooks$/, /^Charts$/, /^Questions$/, /^Data$/, /^Shared links$/, /^Search$/, /Switch to .* theme/, /^Sign out$/]) {
    expect(await tabTo(page, link), String(link)).toBe(true);
  }

  await openSettled(page, byName("a notebook"));
  for (const action of [/^Share$/, /^Overview$/, /^Members/, /^New note$/]) expect(await tabTo(page, action), String(action)).toBe(true);

  await openSettled(page, byName("a note"));
  expect(await tabTo(page, /^Share$/)).toBe(true);

  await page.keyboard.press("ControlOrMeta+k");
  await expect(page.getByRole("combobox", { name: /Find a note/ })).toBeFocused();
  await page.keyboard.press("Escape");
  await context.close();
});
