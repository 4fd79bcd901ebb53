// e2e: share links to a question and to a whole notebook from their pages (live against snapshot), then the Shared links page lists them and revokes one at once.
import { expect, test, type Browser, type Locator, type Page } from "@playwright/test";
import { signedInPage } from "./helpers/notes";

/** A tRPC mutation with the page's session; fails the test unless it succeeds. */
async function mutate<T = Record<string, unknown>>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result.data.json as T;
}

/** Creates a link in the open Share dialog and returns its URL (shown once). */
async function createLink(dialog: Locator, label: string, mode: "Live" | "Snapshot"): Promise<string> {
  await dialog.getByLabel("Who is it for?").fill(label);
  await dialog.getByRole("radio", { name: new RegExp(`^${mode}:`) }).check();
  await dialog.getByRole("button", { name: "Create link" }).click();
  await expect(dialog.getByTestId("share-created")).toContainText(`Link for ${label}`);
  const url = await dialog.getByTestId("share-url").inputValue();
  expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
  return url;
}

async function anonymousPage(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  return { context, page: await context.newPage() };
}

/** A share page shows nothing to edit with, runs no script, and has no link into the app. */
async function expectReadOnly(page: Page, allowSharePaths = false) {
  await expect(page.locator("script")).toHaveCount(0);
  await expect(page.locator("button, textarea, input, select, form, [contenteditable]")).toHaveCount(0);
  const inside = await page.locator('a[href^="/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(inside.filter((href) => !(allowSharePaths && href.startsWith("/s/")))).toEqual([]);
}

test("share a question and a notebook live and as snapshots from their pages, then list and revoke them on the Shared links page", async ({ browser }) => {
  test.setTimeout(150_000);
  const { context, page, account } = await signedInPage(browser, "Morgan Sharer");

  // A notebook made through the UI, a question and two notes through the API.
  await page.getByRole("button", { name: "Create a notebook" }).click();
  await page.getByLabel("Name").fill("Rotation desk");
  await page.getByRole("button", { name: "Create notebook" }).click();
  await expect(page.getByTestId("notebook-title")).toHaveText("Rotation desk");
  const notebookUrl = page.url();
  const notebookId = notebookUrl.split("/").pop()!.split("?")[0]!;
  const question = await mutate<{ id: string }>(page, "questions.create", {
    notebookId,
    title: "Will small caps beat large caps in 2030?",
    criteria: "Yes if the Russell 2000 total return beats the S&P 500's over 2030.",
    resolveBy: "2030-12-31",
    kind: "binary",
  });
  const smallCaps = await mutate<{ id: string }>(page, "notes.create", { notebookId, title: "Small caps lead", body: "Breadth is improving: the Russell 2000 is up 7% YTD." });
  const rates = await mutate<{ id: string }>(page, "notes.create", { notebookId, title: "Rates outlook", body: "Two cuts priced for 2030." });

  // The question: forecast 30%, share it live and as a snapshot, then forecast 65%.
  await page.goto(`/questions/${question.id}`);
  await page.getByLabel("Probability of yes").fill("30");
  await page.getByRole("button", { name: "Save forecast" }).click();
  await expect(page.getByTestId("my-forecast")).toContainText("30%");
  await page.getByRole("button", { name: "Share" }).click();
  const questionDialog = page.getByRole("dialog", { name: "Share this question" });
  const questionLive = await createLink(questionDialog, "Question live", "Live");
  const questionSnapshot = await createLink(questionDialog, "Question snapshot", "Snapshot");
  await expect(questionDialog.getByTestId("share-links").locator("tbody tr")).toHaveCount(2);
  await questionDialog.getByRole("button", { name: "Close" }).click();
  await page.getByLabel("Probability of yes").fill("65");
  await page.getByRole("button", { name: "Update forecast" }).click();
  await expect(page.getByTestId("my-forecast")).toContainText("65%");

  const reader = await anonymousPage(browser);
  expect((await reader.page.goto(questionLive))!.status()).toBe(200);
  const liveArticle = reader.page.getByTestId("share-article");
  await expect(liveArticle.locator("h1")).toHaveText("Will small caps beat large caps in 2030?");
  await expect(reader.page.getByTestId("share-criteria")).toContainText("Russell 2000 total return");
  await expect(liveArticle.locator(".q-figure")).toContainText("Latest: 65%");
  await expect(liveArticle.locator("tbody tr")).toHaveCount(2);
  await expect(reader.page.getByTestId("share-as-of")).toHaveCount(0);
  await expect(reader.page.locator("body")).not.toContainText(account.name);
  await expect(liveArticle).toContainText("Forecaster A");
  await expectReadOnly(reader.page);

  expect((await reader.page.goto(questionSnapshot))!.status()).toBe(200);
  const snapArticle = reader.page.getByTestId("share-article");
  await expect(reader.page.getByTestId("share-as-of")).toContainText("as of");
  await expect(snapArticle.locator(".q-figure")).toContainText("Latest: 30%");
  await expect(snapArticle).not.toContainText("65%");
  await expect(snapArticle.locator("tbody tr")).toHaveCount(1);
  await expect(reader.page.locator("body")).not.toContainText(account.name);
  await expectReadOnly(reader.page);

  // The notebook: share it from its page, live and as a snapshot.
  await page.goto(notebookUrl);
  await page.getByRole("button", { name: "Share" }).click();
  const notebookDialog = page.getByRole("dialog", { name: "Share this notebook" });
  const notebookLive = await createLink(notebookDialog, "Notebook live", "Live");
  const notebookSnapshot = await createLink(notebookDialog, "Notebook snapshot", "Snapshot");
  await notebookDialog.getByRole("button", { name: "Close" }).click();

  expect((await reader.page.goto(notebookLive))!.status()).toBe(200);
  const index = reader.page.getByTestId("share-index");
  await expect(reader.page.locator("h1")).toHaveText("Rotation desk");
  await expect(index.getByRole("link")).toHaveText(["Rates outlook", "Small caps lead"]);
  await expectReadOnly(reader.page, true);
  await index.getByRole("link", { name: "Small caps lead" }).click();
  await expect(reader.page).toHaveURL(`${notebookLive}/${smallCaps.id}`);
  await expect(reader.page.getByTestId("share-article")).toContainText("the Russell 2000 is up 7% YTD");
  await expectReadOnly(reader.page, true);

  // Trash one note through its page, add another: the live index follows, the snapshot keeps its notes.
  await page.goto(`/notes/${rates.id}`);
  await page.getByRole("button", { name: "Move to trash" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(notebookUrl);
  await mutate(page, "notes.create", { notebookId, title: "Breadth after the cut", body: "Written after the snapshot." });

  await reader.page.goto(notebookLive);
  await expect(index.getByRole("link")).toHaveText(["Breadth after the cut", "Small caps lead"]);
  expect((await reader.page.goto(`${notebookLive}/${rates.id}`))!.status()).toBe(404);
  await expect(reader.page.getByTestId("share-not-found")).toBeVisible();
  expect((await reader.page.goto(notebookSnapshot))!.status()).toBe(200);
  await expect(reader.page.getByTestId("share-as-of")).toBeVisible();
  await expect(index).toContainText("Small caps lead");
  await expect(index).not.toContainText("Breadth after the cut");
  await expectReadOnly(reader.page, true);

  // The Shared links page, from the navigation: every link, what it shares, views; revoke one there.
  await page.getByRole("navigation").getByRole("link", { name: "Shared links" }).click();
  await expect(page).toHaveURL(/\/shares$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Shared links");
  const table = page.getByTestId("share-links");
  await expect(table.locator("tbody tr")).toHaveCount(4);
  const liveQuestionRow = table.locator("tbody tr", { hasText: "Question live" });
  await expect(liveQuestionRow.getByRole("link", { name: "Will small caps beat large caps in 2030?" })).toHaveAttribute("href", `/questions/${question.id}`);
  await expect(liveQuestionRow.getByRole("link", { name: "Rotation desk" })).toHaveAttribute("href", `/notebooks/${notebookId}`);
  await expect(liveQuestionRow.getByTestId("share-mode")).toHaveText("Live");
  await expect(liveQuestionRow.getByTestId("share-views")).toHaveText("1");
  await expect(table.locator("tbody tr", { hasText: "Question snapshot" }).getByTestId("share-mode")).toContainText("Snapshot as of");
  const liveNotebookRow = table.locator("tbody tr", { hasText: "Notebook live" });
  await expect(liveNotebookRow.getByRole("link", { name: "Rotation desk" })).toHaveAttribute("href", `/notebooks/${notebookId}`);
  await expect(liveNotebookRow.getByTestId("share-status")).toHaveText("Active");

  await liveNotebookRow.getByRole("button", { name: "Revoke" }).click();
  await liveNotebookRow.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByTestId("share-revoked")).toContainText("Notebook live");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  expect((await reader.page.goto(notebookLive))!.status()).toBe(404);
  await expect(reader.page.getByTestId("share-not-found")).toBeVisible();
  expect((await reader.page.goto(`${notebookLive}/${smallCaps.id}`))!.status()).toBe(404);
  expect((await reader.page.goto(notebookSnapshot))!.status()).toBe(200);

  await page.getByRole("button", { name: /^All/ }).click();
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await expect(table.locator("tbody tr", { hasText: "Notebook live" }).getByTestId("share-status")).toHaveText("Revoked");
  await expect(table.locator("tbody tr", { hasText: "Notebook live" }).getByRole("button", { name: "Revoke" })).toHaveCount(0);

  await Promise.all([context.close(), reader.context.close()]);
});

test("the Shared links page, before anything is shared, says where the Share buttons are", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "Nadia Newcomer");
  await page.goto("/shares");
  await expect(page.getByTestId("empty-state")).toContainText("You have not shared anything yet");
  await expect(page.getByTestId("empty-state")).toContainText("Share");
  await expect(page.getByTestId("empty-state").getByRole("link", { name: "Go to notebooks" })).toHaveAttribute("href", "/notebooks");
  await context.close();
});
