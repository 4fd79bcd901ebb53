// e2e: two members discuss a passage of a note: a comment on a selection in the reading view with an @mention, the inbox, a reply, resolving; the editor's marks and @ completions; share pages show mentions, never comments; comments on a question and a forecast; the size cap.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { expectSaved, newNote, signedInPage, typeBody } from "./helpers/notes";

async function trpcMutation(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  return { ok: response.ok(), data: body.result?.data?.json, error: body.error?.json as { message: string } | undefined };
}

/** Selects `text` inside the reading view, as a mouse drag would. */
async function selectInReading(page: Page, text: string) {
  await page.evaluate((wanted) => {
    const root = document.querySelector('[data-testid="note-read"] .prose')!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the reading view`);
  }, text);
}

const BODY = "# Rotation\n\nThe **Russell 2000** is up 7% this year while the S&P 500 is up 1%. Small caps lead when rates fall.\n\nWe expect two cuts by June.";

test("a passage selected before the page's script has run gets its Comment button once it runs", async ({ browser }) => {
  const ann = await signedInPage(browser, "Ann Early");
  const { id: noteId } = await newNote(ann.page, "Early desk");
  await typeBody(ann.page, BODY);
  await expectSaved(ann.page);
  // Hold the page's scripts while the passage is selected, as on a slow connection.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await ann.page.route("**/_next/static/**/*.js", async (route) => {
    await held;
    await route.continue();
  });
  await ann.page.goto(`/notes/${noteId}`, { waitUntil: "commit" });
  await expect(ann.page.getByTestId("note-read")).toContainText("Small caps lead");
  await selectInReading(ann.page, "Small caps lead when rates fall");
  await expect(ann.page.getByTestId("comment-on-selection")).toHaveCount(0);
  release();
  await ann.page.getByTestId("comment-on-selection").click();
  await expect(ann.page.getByTestId("comment-draft").locator("blockquote")).toHaveText("Small caps lead when rates fall");
  await ann.context.close();
});

test("two members discuss a passage: comment with a mention, inbox, reply, resolve", async ({ browser }) => {
  test.setTimeout(90_000);
  const ann = await signedInPage(browser, "Ann Author");
  const bo = await signedInPage(browser, "Bo Reviewer");
  const { id: noteId, notebookUrl } = await newNote(ann.page, "Rotation desk");
  await typeBody(ann.page, BODY);
  await expectSaved(ann.page);
  const notebookId = notebookUrl.split("/").pop()!;
  expect((await trpcMutation(ann.page, "notebooks.members.add", { notebookId, email: bo.account.email, role: "editor" })).ok).toBe(true);

  // Ann selects a passage in the reading view and comments on it, mentioning Bo through the @ list.
  await ann.page.goto(`/notes/${noteId}`);
  await expect(ann.page.getByTestId("note-read")).toContainText("Small caps lead");
  await expect(ann.page.getByTestId("comment-count")).toHaveCount(0);
  await selectInReading(ann.page, "Small caps lead when rates fall");
  await ann.page.getByTestId("comment-on-selection").click();
  const draft = ann.page.getByTestId("comment-draft");
  await expect(draft.locator("blockquote")).toHaveText("Small caps lead when rates fall");
  const input = draft.getByTestId("comment-input");
  await expect(input).toBeFocused();
  await input.pressSequentially("Is this still true, @Bo");
  const menu = draft.getByTestId("mention-menu");
  await expect(menu.getByRole("option")).toHaveText(["BRBo Reviewer"]);
  await input.press("Enter");
  await expect(menu).toHaveCount(0);
  await expect(input).toHaveValue(/^Is this still true, @\[Bo Reviewer\]\(mention:[A-Za-z0-9_-]+\) $/);
  await input.pressSequentially("? Check the **2025** cuts.");
  await draft.getByRole("button", { name: "Comment", exact: true }).click();

  const thread = ann.page.getByTestId("comment-thread");
  await expect(thread).toHaveCount(1);
  await expect(thread.locator(".mention")).toHaveText("@Bo Reviewer");
  await expect(thread.locator(".comment-body strong")).toHaveText("2025");
  await expect(thread.locator(".comment-body a")).toHaveCount(0);
  await expect(ann.page.getByTestId("comment-count")).toHaveText("1");
  const threadId = await thread.getAttribute("data-thread-id");
  await expect(ann.page).toHaveURL(new RegExp(`#comment-${threadId}$`));
  // The passage is highlighted in the reading view.
  await expect.poll(() => ann.page.evaluate(() => CSS.highlights.get("quire-comment-active")?.size ?? 0)).toBe(1);
  // Clicking the highlighted passage opens its thread again once the panel is closed.
  await ann.page.getByRole("button", { name: "Close comments" }).click();
  await expect(ann.page.getByTestId("comments-panel")).toHaveCount(0);
  const box = await ann.page.evaluate(() => {
    const range = [...(CSS.highlights.get("quire-comment-active") as unknown as Set<Range>)][0]!;
    const r = range.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  });
  await ann.page.mouse.click(box.x, box.y);
  await expect(ann.page.getByTestId("comment-thread")).toHaveAttribute("data-active", "true");

  // Bo finds the mention in the inbox, opens it (the thread opens), and replies.
  await bo.page.goto("/inbox");
  const item = bo.page.getByTestId("inbox-item").filter({ hasText: "Mentioned" });
  await expect(item).toContainText("Ann Author");
  await expect(item).toContainText("Is this still true, @Bo Reviewer");
  await item.getByRole("link", { name: "Open the mention" }).click();
  await expect(bo.page).toHaveURL(new RegExp(`/notes/${noteId}#comment-${threadId}$`));
  const boThread = bo.page.locator(`#comment-${threadId}`);
  await expect(boThread).toHaveAttribute("data-active", "true");
  await expect(boThread.locator("button.comment-quote")).toHaveText("Small caps lead when rates fall");
  await boThread.getByRole("button", { name: "Reply" }).click();
  await boThread.getByTestId("comment-input").fill("Checked: the cuts came in September. @[Ann Author](mention:nobody) see the chart.");
  await boThread.getByRole("button", { name: "Reply" }).click();
  await expect(boThread.getByTestId("comment")).toHaveCount(2);

  // Ann sees the reply without reloading, and resolves the thread.
  await expect(thread.getByTestId("comment")).toHaveCount(2, { timeout: 12_000 });
  await expect(thread.getByTestId("comment").nth(1)).toContainText("Checked: the cuts came in September.");
  await thread.getByRole("button", { name: "Resolve" }).click();
  await expect(thread).toHaveAttribute("data-resolved", "true");
  await expect(thread.getByTestId("comment-resolved")).toContainText("by Ann Author");
  await expect(ann.page.getByTestId("comment-count")).toHaveCount(0);

  // Bo sees it resolved; after a reload it is behind "Show resolved", and Reopen brings it back.
  await expect(boThread).toHaveAttribute("data-resolved", "true", { timeout: 12_000 });
  await bo.page.goto(`/notes/${noteId}`);
  await bo.page.getByTestId("comments-toggle").click();
  await expect(bo.page.getByTestId("comment-thread")).toHaveCount(0);
  await expect(bo.page.getByTestId("comments-empty")).toHaveText("Every thread here is resolved.");
  await bo.page.getByTestId("show-resolved").check();
  await expect(bo.page.getByTestId("comment-thread")).toHaveCount(1);
  await bo.page.getByRole("button", { name: "Reopen" }).click();
  await expect(bo.page.getByTestId("comment-thread")).toHaveAttribute("data-resolved", "false");
  await expect(bo.page.getByTestId("comment-count")).toHaveText("1");

  await ann.context.close();
  await bo.context.close();
});

test("in the editor: a selection gets a Comment button, passages are marked, @ completes a member; a deleted passage detaches", async ({ browser }) => {
  test.setTimeout(60_000);
  const ann = await signedInPage(browser, "Ann Editor");
  const { id: noteId } = await newNote(ann.page, "Editor comments");
  await typeBody(ann.page, BODY);
  await expectSaved(ann.page);

  // Select "two cuts" in CodeMirror with the keyboard, then comment with Ctrl+Alt+M.
  await ann.page.locator(".cm-content").click();
  await ann.page.keyboard.press("ControlOrMeta+End");
  for (let i = 0; i < "by June.".length; i += 1) await ann.page.keyboard.press("ArrowLeft");
  for (let i = 0; i < "two cuts ".length; i += 1) await ann.page.keyboard.press("Shift+ArrowLeft");
  await expect(ann.page.getByTestId("comment-on-selection")).toBeVisible();
  await ann.page.keyboard.press("Control+Alt+m");
  const draft = ann.page.getByTestId("comment-draft");
  await expect(draft.locator("blockquote")).toHaveText("two cuts");
  await draft.getByTestId("comment-input").fill("Source for two?");
  await draft.getByTestId("comment-input").press("Control+Enter");
  await expect(ann.page.getByTestId("comment-thread")).toHaveCount(1);
  await expect(ann.page.locator(".cm-comment-passage")).toHaveText("two cuts ");

  // @ in the note's text offers the notebook's members.
  await ann.page.locator(".cm-content").click();
  await ann.page.keyboard.press("ControlOrMeta+End");
  await ann.page.keyboard.type(" Ask @Ann");
  await expect(ann.page.locator(".cm-tooltip-autocomplete")).toContainText("@Ann Editor");
  // CodeMirror ignores Enter for 75 ms after the list opens (its interactionDelay), so that a fast typist's Enter is a new line.
  await ann.page.waitForTimeout(200);
  await ann.page.keyboard.press("Enter");
  await expect(ann.page.locator(".cm-content")).toContainText("Ask @[Ann Editor](mention:");
  await expectSaved(ann.page);

  // A share page renders the mention as @Name and shows no comments.
  const share = await trpcMutation(ann.page, "share.create", { targetType: "note", targetId: noteId, label: "Client", mode: "live" });
  expect(share.ok, share.error?.message).toBe(true);
  await ann.page.goto(`/s/${share.data.token}`);
  await expect(ann.page.locator(".mention")).toHaveText("@Ann Editor");
  await expect(ann.page.locator("body")).toContainText("We expect two cuts by June.");
  await expect(ann.page.locator("body")).not.toContainText("Source for two?");
  expect(await ann.page.locator("a[href^='mention:']").count()).toBe(0);
  await ann.page.goto(`/notes/${noteId}?edit`);
  await expect(ann.page.locator(".cm-content")).toBeVisible();

  // Deleting the passage detaches the thread: it keeps its quote, marked as deleted.
  await typeBody(ann.page, "# Rotation\n\nNothing about rates any more.");
  await expectSaved(ann.page);
  await ann.page.goto(`/notes/${noteId}`);
  await ann.page.getByTestId("comments-toggle").click();
  const thread = ann.page.getByTestId("comment-thread");
  await expect(thread.getByTestId("comment-detached")).toHaveText("The passage was deleted");
  await expect(thread.locator("blockquote")).toHaveText("two cuts");
  await ann.context.close();
});

test("comments on a question and on one forecast; a comment over the size cap is refused with a message", async ({ browser }) => {
  test.setTimeout(60_000);
  const ann = await signedInPage(browser, "Ann Forecaster");
  const { notebookUrl } = await newNote(ann.page, "Questions desk");
  const notebookId = notebookUrl.split("/").pop()!;
  const created = await trpcMutation(ann.page, "questions.create", {
    notebookId,
    title: "Two Fed cuts by June 2026?",
    kind: "binary",
    criteria: "Resolves yes if the upper bound is at least 50 bp lower on 30 June 2026 than on 1 January 2026.",
    resolveBy: "2026-06-30",
  });
  expect(created.ok, created.error?.message).toBe(true);
  const questionId = created.data.id as string;
  expect((await trpcMutation(ann.page, "questions.forecast", { questionId, probability: 0.35, rationale: "Sticky services inflation." })).ok).toBe(true);

  await ann.page.goto(`/questions/${questionId}`);
  const discussion = ann.page.getByTestId("question-discussion");
  await expect(discussion.getByTestId("comments-empty")).toBeVisible();
  await discussion.getByTestId("comment-input").fill("What would move this above 50%?");
  await discussion.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(discussion.getByTestId("comment-thread")).toHaveCount(1);
  await expect(discussion.getByTestId("comment-input")).toHaveValue("");

  const forecast = ann.page.getByTestId("forecast-comments").first();
  await forecast.getByRole("button", { name: "Comment" }).click();
  await forecast.getByTestId("comment-input").fill("Why so low?");
  await forecast.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(forecast.getByTestId("comment-thread")).toHaveCount(1);
  await expect(forecast.getByRole("button", { name: "1 comment" })).toHaveAttribute("aria-expanded", "true");
  await forecast.getByRole("button", { name: "1 comment" }).click();
  await expect(forecast.getByTestId("comment-thread")).toHaveCount(0);
  // The forecast's thread is not in the question's own discussion.
  await expect(discussion.getByTestId("comment-thread")).toHaveCount(1);

  // Over 10,000 characters: the box says so, and so does the server to a direct call.
  const long = "x".repeat(10_001);
  await discussion.getByTestId("comment-input").fill(long);
  await expect(discussion.getByTestId("comment-error")).toContainText("at most 10,000 characters");
  await discussion.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(discussion.getByTestId("comment-thread")).toHaveCount(1);
  const refused = await trpcMutation(ann.page, "comments.create", { targetType: "question", targetId: questionId, body: long });
  expect(refused.ok).toBe(false);
  expect(refused.error?.message).toContain("at most 10,000 characters");
  await ann.context.close();
});

test("the comments panel, a thread, the @ list and a question's discussion have no serious axe violation, light and dark", async ({ browser }) => {
  test.setTimeout(60_000);
  const ann = await signedInPage(browser, "Ann Access");
  const { id: noteId, notebookUrl } = await newNote(ann.page, "Access desk");
  await typeBody(ann.page, BODY);
  await expectSaved(ann.page);
  const notebookId = notebookUrl.split("/").pop()!;
  const thread = await trpcMutation(ann.page, "comments.create", { targetType: "note", targetId: noteId, body: "Is **this** right?", anchor: { quote: "Small caps lead" } });
  expect(thread.ok, thread.error?.message).toBe(true);
  const question = await trpcMutation(ann.page, "questions.create", { notebookId, title: "Two cuts by June?", kind: "binary", criteria: "Resolves yes on two cuts.", resolveBy: "2026-06-30" });
  await trpcMutation(ann.page, "comments.create", { targetType: "question", targetId: question.data.id, body: "Why?" });
  const serious = async (...within: string[]) => {
    const builder = new AxeBuilder({ page: ann.page });
    for (const selector of within) builder.include(selector);
    const { violations } = await builder.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  };
  for (const theme of ["light", "dark"]) {
    await ann.page.evaluate((t) => localStorage.setItem("quire-theme", t), theme);
    await ann.page.goto(`/notes/${noteId}#comment-${thread.data.threadId}`);
    await expect(ann.page.getByTestId("comment-thread")).toHaveAttribute("data-active", "true");
    await ann.page.getByTestId("comment-thread").getByRole("button", { name: "Reply" }).click();
    await ann.page.getByTestId("comment-input").pressSequentially("@A");
    await expect(ann.page.getByTestId("mention-menu")).toBeVisible();
    expect(await serious(), `note (${theme})`).toEqual([]);
    await ann.page.goto(`/questions/${question.data.id}`);
    await expect(ann.page.getByTestId("question-discussion").getByTestId("comment-thread")).toHaveCount(1);
    // Only the comments' parts of the question page: the rest is other features' (and the accessibility spec's).
    expect(await serious('[data-testid="question-discussion"]', ".q-activity-card"), `question (${theme})`).toEqual([]);
  }
  await ann.context.close();
});
