// e2e: finding and organising notes: restore an old revision, Ctrl/Cmd+K by a word in the body, tags, trash, export.
import { expect, test } from "@playwright/test";
import { expectSaved, newNote, openSwitcher, serverNote, signedInPage, typeBody } from "./helpers/notes";

test("restore an old revision from the history: the old text comes back as a new revision", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "Hana History");
  const { id } = await newNote(page, "History desk");
  await typeBody(page, "First take: small caps lead.");
  await expectSaved(page);
  await page.getByRole("button", { name: "Checkpoint" }).click();
  await expect(page.getByTestId("note-notice")).toBeVisible();
  await typeBody(page, "Second take: Big Tech is back.");
  await expectSaved(page);
  const before = await serverNote(page, id);

  await page.getByRole("button", { name: "History" }).click();
  const rows = page.getByTestId("revision-list").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText("Checkpoint");
  await expect(page.getByTestId("revision-list")).not.toContainText("Edited · v2");
  await expect(page.getByTestId("revision-diff")).toContainText("- First take: small caps lead.");
  await expect(page.getByTestId("revision-diff")).toContainText("+ Second take: Big Tech is back.");
  await page.getByRole("button", { name: /^Restore v/ }).click();

  await expect(page.locator(".cm-content")).toContainText("First take: small caps lead.");
  const after = await serverNote(page, id);
  expect(after.body).toBe("First take: small caps lead.");
  expect(after.version).toBe(before.version + 1);
  await page.getByRole("button", { name: "History" }).click();
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId("revision-list")).toContainText("Restored");
  await context.close();
});

test("Ctrl/Cmd+K finds a note by a word in its body and opens it; the search page highlights it", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "Quinn Quick");
  const { id } = await newNote(page, "Switcher desk");
  await page.getByTestId("note-title").fill("Copper and the cycle");
  await typeBody(page, "Watch the zephyrine indicator before the next payrolls print.");
  await expectSaved(page);

  await page.goto("/notebooks");
  await (await openSwitcher(page)).fill("zephyr");
  const results = page.getByTestId("switcher-results");
  await expect(results.getByRole("option")).toHaveCount(1);
  await expect(results.locator("mark")).toHaveText("zephyrine");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/notes/${id}$`));

  await page.goto("/search?q=zephyrine");
  await expect(page.getByTestId("search-results").locator("mark").first()).toHaveText("zephyrine");
  await page.getByLabel("Search notes").fill('"next payrolls" AND');
  await expect(page.getByTestId("search-results")).toContainText("Copper and the cycle");
  await page.getByLabel("Search notes").fill("nothingmatchesthis");
  await expect(page.getByText("Nothing matches")).toBeVisible();
  await context.close();
});

test("tag a note, filter the notebook by the tag, trash the note, restore it, export it", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "Tara Tags");
  const { id, notebookUrl } = await newNote(page, "Tag desk");
  await page.getByTestId("note-title").fill("Staples lead the week");
  await typeBody(page, "Consumer staples rose 3.7% in a week.");
  await expectSaved(page);
  await page.getByLabel("Add a tag").fill("sectors");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("note-tags")).toContainText("#sectors");

  const markdown = await page.request.get(`/api/notes/${id}/export?format=md`);
  expect(markdown.headers()["content-disposition"]).toContain("staples-lead-the-week.md");
  expect(await markdown.text()).toContain("Consumer staples rose 3.7% in a week.");
  const html = await page.request.get(`/api/notes/${id}/export?format=html`);
  expect(await html.text()).toContain("<title>Staples lead the week</title>");

  await page.goto(notebookUrl);
  await page.getByRole("navigation", { name: "Filter by tag" }).getByRole("link", { name: /#sectors/ }).click();
  await expect(page).toHaveURL(/\?tag=sectors$/);
  await expect(page.getByTestId("note-list")).toContainText("Staples lead the week");

  await page.goto(`/notes/${id}`);
  await page.getByRole("button", { name: "Move to trash" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(page).toHaveURL(notebookUrl);
  await page.goto(`${notebookUrl}?tab=trash`);
  await expect(page.getByTestId("trash-list")).toContainText("Staples lead the week");
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText("The trash is empty")).toBeVisible();
  await page.goto(notebookUrl);
  await expect(page.getByTestId("note-list")).toContainText("Staples lead the week");
  await context.close();
});
