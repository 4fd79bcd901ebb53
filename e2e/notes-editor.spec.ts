// e2e: the note editor: write with a live preview, autosave, conflicts between two tabs, the local draft, read-only views.
import { expect, test } from "@playwright/test";
import { STRONG_PASSWORD, registerViaUi, signInViaUi } from "./helpers/accounts";
import { expectSaved, newNote, serverNote, signedInPage, typeBody } from "./helpers/notes";

const TABLE_AND_FOOTNOTE = [
  "## Small caps versus large caps",
  "",
  "| Index | YTD |",
  "|---|---:|",
  "| Russell 2000 | 7.1% |",
  "| S&P 500 | 1.4% |",
  "",
  "Small caps lead by a wide margin[^breadth].",
  "",
  "- [x] check the breadth data",
  "- [ ] compare with 2021",
  "",
  "[^breadth]: Breadth measured by the equal-weight index.",
].join("\n");

test("write a note with a table and a footnote, see the preview, reload and find it saved", async ({ page }) => {
  await registerViaUi(page, { name: "Wren Writer" });
  const { id } = await newNote(page, "Rotation 2026");

  await page.getByTestId("note-title").fill("Small caps lead");
  await typeBody(page, TABLE_AND_FOOTNOTE);

  const preview = page.getByTestId("note-preview");
  await expect(preview.locator("table td").first()).toHaveText("Russell 2000");
  await expect(preview.locator("table th").nth(1)).toHaveText("YTD");
  await expect(preview.locator("sup a[data-footnote-ref]")).toHaveText("1");
  await expect(preview.locator("section.footnotes li")).toContainText("Breadth measured by the equal-weight index.");
  await expect(preview.locator("input[type=checkbox]")).toHaveCount(2);
  await expectSaved(page);

  expect(await serverNote(page, id)).toMatchObject({ title: "Small caps lead", body: TABLE_AND_FOOTNOTE });
  await page.reload();
  await expect(page.getByTestId("note-title")).toHaveValue("Small caps lead");
  await expect(page.locator(".cm-content")).toContainText("Russell 2000");
  await expect(page.getByTestId("note-preview").locator("table td").first()).toHaveText("Russell 2000");
  await expect(page.getByTestId("note-preview").locator("section.footnotes")).toBeVisible();
  await expect(page.getByTestId("draft-offer")).toHaveCount(0);
});

test("shortcuts format, save at once, toggle the preview; the picker and /chart insert embeds", async ({ page }) => {
  await registerViaUi(page, { name: "Kai Keys" });
  const { id } = await newNote(page, "Shortcuts");
  await typeBody(page, "Rates");
  await page.keyboard.press("Shift+Home");
  await page.keyboard.press("ControlOrMeta+b");
  await page.keyboard.press("End");
  await page.keyboard.insertText(" and ");
  await page.keyboard.press("ControlOrMeta+i");
  await page.keyboard.insertText("cuts");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.press("ControlOrMeta+k");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.keyboard.insertText("FRED");
  await page.keyboard.press("ControlOrMeta+s");
  await expectSaved(page);
  expect((await serverNote(page, id)).body).toBe("**Rates** and _cuts_\n[FRED](https://)");

  const preview = page.getByTestId("note-preview");
  await expect(preview.locator("strong")).toHaveText("Rates");
  await preview.click();
  await page.keyboard.press("ControlOrMeta+k");
  await expect(page.getByRole("dialog")).toHaveCount(1);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+Shift+p");
  await expect(page.locator(".md-editor")).toHaveAttribute("data-mode", "preview");
  await expect(page.locator(".cm-content")).toBeHidden();
  await page.keyboard.press("ControlOrMeta+Shift+p");
  await expect(page.locator(".cm-content")).toBeVisible();

  await page.getByRole("button", { name: "Insert…" }).click();
  await expect(page.getByTestId("embed-picker-empty")).toHaveText("This notebook has no charts yet. Make one on the Charts page, then insert it here.");
  await page.getByRole("tab", { name: "Questions" }).click();
  await expect(page.getByTestId("embed-picker-empty")).toHaveText("This notebook has no questions yet. Add one on the Questions page, then insert it here.");
  await page.getByLabel("Or insert by id").fill("cuts-2026");
  await page.getByRole("button", { name: "Insert question" }).click();
  await expect(preview.locator('.embed-card[data-embed-kind="question"]')).toContainText("Question not available");

  await page.keyboard.insertText("/cha");
  await expect(page.getByRole("listbox", { name: "Embed" })).toContainText("/chart");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("embed-picker-empty")).toHaveText("This notebook has no charts yet. Make one on the Charts page, then insert it here.");
  await page.getByLabel("Or insert by id").fill("rut-spx");
  await page.getByRole("button", { name: "Insert chart" }).click();
  await expect(preview.locator('.embed-card[data-embed-kind="chart"]')).toContainText("Chart not available");
  await expectSaved(page);
  const body = (await serverNote(page, id)).body;
  expect(body).toContain("\n\n::question{id=cuts-2026}\n\n::chart{id=rut-spx}\n");
  expect(body).not.toContain("/cha");
});

test("the same note edited in two contexts: the conflict view, a merge, then keep mine", async ({ browser }) => {
  const a = await signedInPage(browser, "Ada Tab");
  const { id } = await newNote(a.page, "Two tabs");
  const url = a.page.url();
  await a.page.getByTestId("note-title").fill("Shared draft");
  await typeBody(a.page, "Line one\nLine two\nLine three");
  await expectSaved(a.page);

  const bContext = await browser.newContext();
  const b = await bContext.newPage();
  await signInViaUi(b, a.account.email, STRONG_PASSWORD);
  await expect(b).toHaveURL(/\/notebooks$/);
  await b.goto(url);
  await expect(b.locator(".cm-content")).toContainText("Line three");

  await typeBody(a.page, "Line one, edited in A\nLine two\nLine three");
  await expectSaved(a.page);

  await typeBody(b, "Line one\nLine two\nLine three, edited in B");
  const dialog = b.getByTestId("conflict-dialog");
  await expect(dialog).toBeVisible({ timeout: 10_000 });
  await expect(b.getByTestId("save-status")).toHaveAttribute("data-state", "conflict");
  await expect(dialog.getByTestId("conflict-mine")).toContainText("Line three, edited in B");
  await expect(dialog.getByTestId("conflict-theirs")).toContainText("Line one, edited in A");
  await expect(dialog.getByTestId("conflict-theirs")).toContainText("Saved by Ada Tab");
  await dialog.getByRole("button", { name: "Merge…" }).click();
  await expect(b.getByTestId("merge-text")).toHaveValue("Line one, edited in A\nLine two\nLine three, edited in B");
  await b.getByTestId("merge-text").fill("Line one, edited in A\nLine two, merged\nLine three, edited in B");
  await b.getByRole("button", { name: "Save merged text" }).click();
  await expect(dialog).toBeHidden();
  await expectSaved(b);
  expect((await serverNote(b, id)).body).toBe("Line one, edited in A\nLine two, merged\nLine three, edited in B");
  await b.reload();
  await expect(b.locator(".cm-content")).toContainText("Line two, merged");

  // A is now behind: its next edit conflicts, and it keeps its own text on top.
  await typeBody(a.page, "A wins this round");
  const aDialog = a.page.getByTestId("conflict-dialog");
  await expect(aDialog).toBeVisible({ timeout: 10_000 });
  await expect(aDialog.getByTestId("conflict-theirs")).toContainText("Line two, merged");
  await aDialog.getByRole("button", { name: "Keep mine" }).click();
  await expectSaved(a.page);
  await a.page.reload();
  await expect(a.page.locator(".cm-content")).toHaveText("A wins this round");
  expect((await serverNote(a.page, id)).body).toBe("A wins this round");
  await a.context.close();
  await bContext.close();
});

test("text the server never confirmed stays in the browser and is offered back after a reload", async ({ page }) => {
  await registerViaUi(page, { name: "Dana Draft" });
  const { id } = await newNote(page, "Drafts");
  await typeBody(page, "Confirmed text.");
  await expectSaved(page);

  await page.route("**/api/trpc/notes.update**", (route) => route.abort("internetdisconnected"));
  await page.locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.insertText("\n\nWritten while the saves fail.");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "offline", { timeout: 10_000 });
  await expect(page.getByTestId("save-status")).toContainText("Offline · not saved");
  const stored = await page.evaluate((noteId) => localStorage.getItem(`quire:note-draft:${noteId}`), id);
  expect(JSON.parse(stored!)).toMatchObject({ body: "Confirmed text.\n\nWritten while the saves fail." });

  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.type());
    void d.accept();
  });
  await page.reload();
  expect(dialogs).toContain("beforeunload");
  await page.unroute("**/api/trpc/notes.update**");

  const offer = page.getByTestId("draft-offer");
  await expect(offer).toBeVisible();
  await expect(page.locator(".cm-content")).toHaveText("Confirmed text.");
  await offer.getByRole("button", { name: "Restore draft" }).click();
  await expect(offer).toBeHidden();
  await expect(page.locator(".cm-content")).toContainText("Written while the saves fail.");
  await expectSaved(page);
  expect((await serverNote(page, id)).body).toBe("Confirmed text.\n\nWritten while the saves fail.");
  expect(await page.evaluate((noteId) => localStorage.getItem(`quire:note-draft:${noteId}`), id)).toBeNull();
  await page.reload();
  await expect(page.getByTestId("draft-offer")).toHaveCount(0);
  await expect(page.locator(".cm-content")).toContainText("Written while the saves fail.");
});

test("viewers and trashed notes get the rendered note, read-only", async ({ browser }) => {
  const owner = await signedInPage(browser, "Olga Owner");
  const viewer = await signedInPage(browser, "Vic Viewer");
  const { notebookUrl } = await newNote(owner.page, "Read only");
  const noteUrl = owner.page.url();
  await owner.page.getByTestId("note-title").fill("For viewers");
  await typeBody(owner.page, "| a | b |\n|---|---|\n| 1 | 2 |");
  await expectSaved(owner.page);

  await owner.page.goto(`${notebookUrl}?tab=members`);
  await owner.page.getByLabel("Email").fill(viewer.account.email);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await owner.page.getByRole("button", { name: "Add member" }).click();
  await expect(owner.page.getByTestId("member-list")).toContainText(viewer.account.email);

  await viewer.page.goto(notebookUrl);
  await expect(viewer.page.getByRole("button", { name: "New note" })).toHaveCount(0);
  await viewer.page.goto(noteUrl);
  await expect(viewer.page.getByTestId("note-read").locator("table td").first()).toHaveText("1");
  await expect(viewer.page.getByText("View only")).toBeVisible();
  await expect(viewer.page.locator(".cm-content")).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: "Checkpoint" })).toHaveCount(0);

  await owner.page.goto(noteUrl);
  await owner.page.getByRole("button", { name: "Move to trash" }).click();
  await owner.page.getByRole("dialog").getByRole("button", { name: "Move to trash" }).click();
  await expect(owner.page).toHaveURL(notebookUrl);
  await owner.page.goto(noteUrl);
  await expect(owner.page.getByTestId("trash-banner")).toContainText("This note is in the trash");
  await expect(owner.page.locator(".cm-content")).toHaveCount(0);
  await expect(owner.page.getByTestId("note-read").locator("table")).toBeVisible();
  await owner.page.getByRole("button", { name: "Restore note" }).click();
  await expect(owner.page.locator(".cm-content")).toContainText("| 1 | 2 |");
  await owner.context.close();
  await viewer.context.close();
});
