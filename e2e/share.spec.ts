// e2e: read-only share links: snapshot against live after an edit, revoked and expired links 404 at once, a page with no way into the app.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectSaved, newNote, signedInPage, typeBody } from "./helpers/notes";

const logFile = path.join(process.env.E2E_DATA_DIR ?? "data/e2e", "server.log");

async function createLinkViaDialog(page: Page, label: string, mode: "Live" | "Snapshot"): Promise<string> {
  const dialog = page.getByRole("dialog", { name: "Share this note" });
  await dialog.getByLabel("Who is it for?").fill(label);
  await dialog.getByRole("radio", { name: new RegExp(`${mode}:`) }).check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("share-created")).toContainText(`Link for ${label}`);
  const url = await dialog.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  return url;
}

async function anonymousPage(browser: Browser, width = 1200) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  return { context, page: await context.newPage() };
}

test("a snapshot keeps the old text after an edit, a live link shows the new; revoked and expired links 404 at once; no way into the app", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context, page } = await signedInPage(browser, "Sasha Share");
  const { id: noteId, notebookUrl } = await newNote(page, "Client desk");
  const notebookId = notebookUrl.split("/").pop()!;
  const trpc = async (procedure: string, input: unknown) => {
    const reply = await page.request.post(`/api/trpc/${procedure}`, { data: { json: input } });
    expect(reply.status(), await reply.text()).toBe(200);
    return ((await reply.json()) as { result: { data: { json: Record<string, unknown> } } }).result.data.json;
  };
  const series = await trpc("series.create", { notebookId, key: "RUT", name: "Russell 2000", unit: "index points", source: "upload" });
  await trpc("series.import", { seriesId: series.id, text: "date,RUT\n2026-01-02,2000\n2026-01-05,2010.5\n2026-01-30,2140\n" });
  const spec = { title: "Russell 2000 in January", description: "", kind: "line", series: ["RUT"], range: { preset: "custom", from: "2026-01-01", to: "2026-01-31" }, annotations: [] };
  const chart = await trpc("charts.create", { notebookId, spec });
  await typeBody(page, `# Rotation\n\nOriginal text: small caps lead.\n\n::chart{id=${String(chart.id)}}\n\n[Back to the app](/notebooks) and [a source](https://example.com/report).`);
  await expectSaved(page);

  await page.getByRole("button", { name: "Share" }).click();
  // A missing label is said next to its field, in words (no raw field name).
  const shareDialog = page.getByRole("dialog", { name: "Share this note" });
  await shareDialog.getByRole("button", { name: "Create link" }).click();
  await expect(shareDialog.getByTestId("share-label-error")).toHaveText(/^Say who the link is for/);
  await expect(shareDialog.getByLabel("Who is it for?")).toHaveAttribute("aria-invalid", "true");
  await expect(shareDialog.getByRole("alert")).toHaveCount(0);
  const snapshotUrl = await createLinkViaDialog(page, "Client: Acme", "Snapshot");
  const liveUrl = await createLinkViaDialog(page, "Colleague", "Live");
  const dialog = page.getByRole("dialog", { name: "Share this note" });
  await expect(dialog.getByTestId("share-links").locator("tbody tr")).toHaveCount(2);
  await dialog.getByRole("button", { name: "Close" }).click();

  await typeBody(page, "# Rotation\n\nEdited text: large caps are back.");
  await expectSaved(page);

  const reader = await anonymousPage(browser);
  const snapshot = await reader.page.goto(snapshotUrl);
  expect(snapshot!.status()).toBe(200);
  await expect(reader.page.getByTestId("share-article")).toContainText("Original text: small caps lead.");
  await expect(reader.page.getByTestId("share-as-of")).toContainText("as of");
  // The chart is drawn on the server as inline SVG (wide here; a narrow drawing is for phones); the page loads no script at all.
  await expect(reader.page.locator("figure.chart svg")).toHaveCount(2);
  await expect(reader.page.locator("figure.chart .chart-wide svg")).toBeVisible();
  await expect(reader.page.locator("figure.chart .chart-narrow svg")).toBeHidden();
  await expect(reader.page.locator("figure.chart figcaption")).toHaveText("Russell 2000 in January");
  await expect(reader.page.locator("script")).toHaveCount(0);
  const headers = snapshot!.headers();
  expect(headers["x-robots-tag"]).toContain("noindex");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["content-security-policy"]).toContain("script-src 'none'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  await expect(reader.page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  // The note's own link into the app is text only; the external one stays, opening without a referrer.
  await expect(reader.page.locator('a[href^="/"]')).toHaveCount(0);
  await expect(reader.page.locator("button, textarea, input, select, form, [contenteditable]")).toHaveCount(0);
  await expect(reader.page.locator('a[href="https://example.com/report"]')).toHaveAttribute("rel", /noreferrer/);

  const live = await reader.page.goto(liveUrl);
  expect(live!.status()).toBe(200);
  await expect(reader.page.getByTestId("share-article")).toContainText("Edited text: large caps are back.");
  await expect(reader.page.getByTestId("share-article")).not.toContainText("Original text");
  await expect(reader.page.getByTestId("share-as-of")).toHaveCount(0);
  await expect(reader.page.locator('a[href^="/"]')).toHaveCount(0);

  // At mobile width.
  const mobile = await anonymousPage(browser, 390);
  await mobile.page.goto(snapshotUrl);
  await expect(mobile.page.getByTestId("share-article")).toContainText("Original text");
  await expect(mobile.page.locator("figure.chart .chart-narrow svg")).toBeVisible();
  await expect(mobile.page.locator("figure.chart .chart-wide svg")).toBeHidden();
  // The narrow drawing is drawn for the width: its text is not shrunk to half size.
  const scale = await mobile.page.locator("figure.chart .chart-narrow svg").evaluate((svg) => svg.getBoundingClientRect().width / Number(svg.getAttribute("width")));
  expect(scale).toBeGreaterThan(0.85);
  fs.mkdirSync("/tmp/shots/share", { recursive: true });
  await mobile.page.screenshot({ path: "/tmp/shots/share/snapshot-390.png", fullPage: true });
  const overflow = await mobile.page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  expect(overflow).toBe(false);

  // The owner opening the link is not a view; the reader's visit is.
  const notePath = new URL(page.url()).pathname;
  expect((await page.goto(liveUrl))!.status()).toBe(200);
  await page.goto(notePath);
  // The owner sees the views, then revokes the live link (asked once; "Keep" keeps it): another browser gets the 404 at once.
  await page.getByRole("button", { name: "Share" }).click();
  const liveRow = dialog.getByTestId("share-links").locator("tbody tr", { hasText: "Colleague" });
  await expect(liveRow.getByTestId("share-views")).toHaveText("1");
  await liveRow.getByRole("button", { name: "Revoke" }).click();
  await liveRow.getByRole("button", { name: "Keep" }).click();
  await expect(liveRow.getByTestId("share-status")).toHaveText("Active");
  await liveRow.getByRole("button", { name: "Revoke" }).click();
  await liveRow.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(liveRow.getByTestId("share-status")).toHaveText("Revoked");
  const revoked = await reader.page.goto(liveUrl);
  expect(revoked!.status()).toBe(404);
  await expect(reader.page.getByTestId("share-not-found")).toBeVisible();
  await expect(reader.page.locator('a[href^="/"]')).toHaveCount(0);
  const revokedText = await reader.page.getByTestId("share-not-found").innerText();

  // An unknown token gets the very same page.
  const unknown = await reader.page.goto(`/s/${"A".repeat(43)}`);
  expect(unknown!.status()).toBe(404);
  expect(await reader.page.getByTestId("share-not-found").innerText()).toBe(revokedText);

  // An expiring link (the API refuses a past expiry, so it expires a few seconds from now).
  const reply = await page.request.post("/api/trpc/share.create", {
    data: { json: { targetType: "note", targetId: noteId, label: "Short-lived", mode: "live", expiresAt: new Date(Date.now() + 4_000).toISOString() } },
  });
  expect(reply.status()).toBe(200);
  const { path: expiringPath } = ((await reply.json()) as { result: { data: { json: { path: string } } } }).result.data.json;
  expect((await reader.page.goto(expiringPath))!.status()).toBe(200);
  await expect
    .poll(async () => (await reader.page.goto(expiringPath))!.status(), { timeout: 15_000, intervals: [1_000] })
    .toBe(404);
  expect(await reader.page.getByTestId("share-not-found").innerText()).toBe(revokedText);

  // Tokens never reach the server's log: share paths are logged as /s/[token].
  const tokens = [snapshotUrl, liveUrl, expiringPath].map((u) => u.split("/s/")[1]!);
  await expect.poll(() => fs.readFileSync(logFile, "utf8")).toContain('"/s/[token]"');
  const log = fs.readFileSync(logFile, "utf8");
  for (const token of tokens) expect(log).not.toContain(token);

  await Promise.all([context.close(), reader.context.close(), mobile.context.close()]);
});
