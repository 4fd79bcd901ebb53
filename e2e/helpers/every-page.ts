// Every page of Quire as a list of paths (the demo account's notebook for the pages about one thing), a signed-in
// browser state to visit them with, and the layout checks the page-wide specs run on each.
import fs from "node:fs";
import path from "node:path";
import { expect, type Browser, type Page } from "@playwright/test";
import { signInViaUi } from "./accounts";

export const DEMO = { email: "demo@quire.local", password: "quire-demo-2026" };

export type Visit = { name: string; path: string; signedIn: boolean };

/** The pages every page-wide spec visits, by name, in the order a person meets them. */
export const PAGE_NAMES = [
  "landing",
  "sign-in",
  "register",
  "inbox",
  "notebooks",
  "a notebook",
  "notes list",
  "a note",
  "charts",
  "a chart",
  "questions",
  "a question",
  "calibration",
  "leaderboard",
  "data",
  "a series",
  "search",
  "shared links",
  "account",
  "a share page",
] as const;

type Json = Record<string, unknown>;

async function query(page: Page, procedure: string, input: unknown): Promise<Json[]> {
  const reply = await page.request.get(`/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`);
  expect(reply.status(), await reply.text()).toBe(200);
  return ((await reply.json()) as { result: { data: { json: Json[] } } }).result.data.json;
}

/**
 * Signs the demo user in once, saves the browser state under the test output, and finds the demo notebook's first
 * note, chart, question and series, and makes a share link to the note (the share page to visit).
 */
export async function everyPage(browser: Browser, outputDir: string): Promise<{ visits: Visit[]; storageState: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaUi(page, DEMO.email, DEMO.password);
  await expect(page).toHaveURL(/\/notebooks$/);
  const storageState = path.join(outputDir, "demo-state.json");
  fs.mkdirSync(outputDir, { recursive: true });
  await context.storageState({ path: storageState });

  const [notebook] = await query(page, "notebooks.list", undefined);
  const notebookId = String(notebook!.id);
  const [note] = await query(page, "notes.list", { notebookId });
  const [chart] = await query(page, "charts.list", { notebookId });
  const [question] = await query(page, "questions.list", { notebookId });
  const [series] = await query(page, "series.list", { notebookId });
  const share = await page.request.post("/api/trpc/share.create", { data: { json: { targetType: "note", targetId: note!.id, label: "Page-wide checks", mode: "live" } } });
  expect(share.status(), await share.text()).toBe(200);
  const sharePath = String(((await share.json()) as { result: { data: { json: Json } } }).result.data.json.path);
  await context.close();

  const paths: Record<(typeof PAGE_NAMES)[number], string> = {
    landing: "/",
    "sign-in": "/sign-in",
    register: "/register",
    inbox: "/inbox",
    notebooks: "/notebooks",
    "a notebook": `/notebooks/${notebookId}`,
    "notes list": "/notes",
    "a note": `/notes/${String(note!.id)}`,
    charts: "/charts",
    "a chart": `/charts/${String(chart!.id)}`,
    questions: "/questions",
    "a question": `/questions/${String(question!.id)}`,
    calibration: "/questions/calibration",
    leaderboard: `/notebooks/${notebookId}/leaderboard`,
    data: "/data",
    "a series": `/data/${String(series!.id)}`,
    search: "/search?q=small%20caps",
    "shared links": "/shares",
    account: "/account",
    "a share page": sharePath,
  };
  const signedOut = new Set(["landing", "sign-in", "register", "a share page"]);
  return { visits: PAGE_NAMES.map((name) => ({ name, path: paths[name], signedIn: !signedOut.has(name) })), storageState };
}

/** Opens the page and waits until it has settled (network quiet, no skeleton left, fonts loaded). */
export async function openSettled(page: Page, visit: Visit): Promise<void> {
  const reply = await page.goto(visit.path);
  expect(reply?.status(), visit.path).toBe(200);
  await page.waitForLoadState("networkidle");
  await expect(page.locator(".skeleton")).toHaveCount(0, { timeout: 15_000 });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** How much wider than the viewport the document is (0 when it fits). */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

export type Overlap = { a: string; b: string; area: number };

/**
 * Pairs of visible text boxes inside the page's main region (the share page's article) that overlap: each text
 * node's line boxes, compared with those of every other element's, ignoring drawings (SVG) and text that is hidden,
 * clipped away or only for screen readers. Overlaps under 2 px either way are ignored (anti-aliasing, descenders).
 */
export function textOverlaps(page: Page): Promise<Overlap[]> {
  return page.evaluate(() => {
    const root = document.querySelector("main") ?? document.body;
    const boxes: Array<{ el: Element; rect: DOMRect; label: string }> = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const el = node.parentElement;
      if (!text || !el || el.closest("svg, script, style, template, .visually-hidden, [aria-hidden='true'], .cm-editor")) continue;
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width < 2 || rect.height < 2) continue;
        // Only the part its scrolling or hidden-overflow ancestors leave on screen.
        let [left, top, right, bottom] = [rect.left, rect.top, rect.right, rect.bottom];
        for (let up: Element | null = el; up && up !== document.documentElement; up = up.parentElement) {
          const style = getComputedStyle(up);
          if (style.overflowX === "visible" && style.overflowY === "visible") continue;
          const clip = up.getBoundingClientRect();
          [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
        }
        if (right - left < 2 || bottom - top < 2) continue;
        boxes.push({ el, rect: new DOMRect(left, top, right - left, bottom - top), label: `${el.tagName.toLowerCase()}${el.className && typeof el.className === "string" ? `.${el.className.split(" ")[0]}` : ""} “${text.slice(0, 40)}”` });
      }
    }
    const overlaps: Array<{ a: string; b: string; area: number }> = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i]!;
        const q = boxes[j]!;
        if (p.el === q.el) continue;
        const w = Math.min(p.rect.right, q.rect.right) - Math.max(p.rect.left, q.rect.left);
        const h = Math.min(p.rect.bottom, q.rect.bottom) - Math.max(p.rect.top, q.rect.top);
        if (w > 2 && h > 2) overlaps.push({ a: p.label, b: q.label, area: Math.round(w * h) });
      }
    }
    return overlaps.slice(0, 10);
  });
}
