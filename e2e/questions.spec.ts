// e2e: create a question, forecast twice, cite it from a note and forecast from the note's embed, see the note's marker, resolve, see the score; viewers and strangers.
import { expect, test, type Page } from "@playwright/test";
import { newNote, signedInPage, expectSaved } from "./helpers/notes";

/** A tRPC mutation with the page's session; fails the test unless it succeeds. */
async function mutate<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result.data.json as T;
}

test("create a question, forecast twice, forecast again from a citing note, see the note on the chart, resolve it and see the score", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Quinn Questioner");
  const { id: noteId, notebookUrl } = await newNote(page, "Rates desk");
  const notebookId = notebookUrl.split("/").pop()!.split("?")[0]!;

  // Create it through the form; the zod messages show before anything is sent.
  await page.goto(`/questions/new?notebook=${notebookId}`);
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page.locator(".field-error", { hasText: "Give the question a title." })).toBeVisible();
  await page.getByLabel("Question", { exact: true }).fill("Will the Fed cut at least twice in 2030?");
  await page.getByLabel("Resolve by").fill("2030-12-31");
  await page.getByLabel("Resolution criteria").fill("Yes if the FOMC lowers the target range at two or more meetings in 2030.");
  await page.getByLabel("Tags (comma separated)").fill("rates, fed");
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page).toHaveURL(/\/questions\/[a-z0-9]+$/);
  const questionId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Will the Fed cut at least twice in 2030?");
  await expect(page.getByTestId("question-status")).toHaveText("Open");

  // Forecast twice from the question page.
  await page.getByLabel("Probability of yes").fill("30");
  await page.getByRole("button", { name: "Save forecast" }).click();
  await expect(page.getByTestId("my-forecast")).toContainText("30%");
  await page.getByLabel("Probability of yes").fill("45");
  await page.getByLabel("Rationale").fill("Payrolls softened.");
  await page.getByRole("button", { name: "Update forecast" }).click();
  await expect(page.getByTestId("my-forecast")).toContainText("45%");
  // Two forecasts on one day are one marker (not two drawn on one spot), named with both.
  await expect(page.locator('[data-marker="forecast"]')).toHaveCount(1);
  await expect(page.locator('[data-marker="forecast"]')).toHaveAttribute("aria-label", /^Quinn Questioner: 2 forecasts on \d{4}-\d{2}-\d{2}: \d\d:\d\d 30%; \d\d:\d\d 45%$/);

  // Cite it from the note through the Insert picker, then update the forecast from the embed.
  await page.goto(`/notes/${noteId}?edit`);
  await page.locator(".cm-content").click();
  await page.getByRole("button", { name: "Insert…" }).click();
  await page.getByRole("tab", { name: "Questions" }).click();
  await page.getByRole("list", { name: "Questions" }).getByRole("button", { name: /Will the Fed cut at least twice/ }).click();
  const embed = page.getByTestId("note-preview").locator(`[data-question-id="${questionId}"]`);
  await expect(embed.getByTestId("embed-forecast")).toHaveText("45%");
  await expectSaved(page);
  await embed.getByRole("button", { name: "Update forecast" }).click();
  await embed.getByLabel("Probability of yes").fill("70");
  await embed.getByLabel("Rationale (optional)").fill("This note's jobs data.");
  await embed.getByRole("button", { name: "Update forecast" }).click();
  await expect(embed.getByTestId("embed-forecast")).toHaveText("70%");

  // The question's chart marks the note (it cites the question and prompted a forecast), and lists it.
  await page.goto(`/questions/${questionId}`);
  await expect(page.getByTestId("my-forecast")).toContainText("70%");
  await expect(page.locator(`[data-marker="note"][data-note-id="${noteId}"]`).first()).toBeAttached();
  await expect(page.locator('[data-marker="forecast"]')).toHaveCount(1);
  await expect(page.locator('[data-marker="forecast"]')).toHaveAttribute("aria-label", /3 forecasts on .*30%; .*45%; .*70% · from “Untitled note”$/);
  await expect(page.locator(".q-forecast-counts")).toContainText("×3");
  // The chart's data table names each of them.
  await page.getByRole("button", { name: "Show data" }).click();
  const table = page.getByTestId("forecast-table");
  await expect(table.locator("tbody tr")).toHaveCount(3);
  await expect(table.locator("tbody tr").nth(2)).toContainText("70%");
  await expect(table.locator("tbody tr").nth(2)).toContainText("Untitled note");
  await expect(page.getByRole("list", { name: "Citing notes" }).getByRole("link", { name: "Untitled note" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Activity" })).toContainText("forecast 70% from Untitled note");

  // Resolve yes. The forecast that counts is the last one before the resolve-by date: 70%.
  // Brier = (0.70 − 1)² = 0.09.
  await page.getByRole("button", { name: "Resolve…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("radio", { name: "Yes" }).click();
  await dialog.getByLabel("Comment (optional)").fill("Two cuts by September.");
  await dialog.getByRole("button", { name: "Resolve question" }).click();
  await expect(page.getByTestId("question-status")).toHaveText("Resolved");
  await expect(page.getByTestId("outcome")).toHaveText("Yes");
  await expect(page.getByTestId("my-score")).toContainText("Your Brier score: 0.090");
  await expect(page.getByRole("button", { name: "Resolve…" })).toHaveCount(0);

  await page.goto("/questions/calibration");
  await expect(page.getByTestId("mean-brier")).toHaveText("0.090");
  await expect(page.getByTestId("resolved-table").locator(`tr[data-question-id="${questionId}"]`)).toContainText("Brier 0.090");
  await expect(page.getByTestId("resolved-table").locator(`tr[data-question-id="${questionId}"]`)).toContainText("70%");
  await context.close();
});

test("a viewer sees the question without edit or resolve controls and cannot resolve over HTTP; a stranger gets 404 and NOT_FOUND", async ({ browser }) => {
  const owner = await signedInPage(browser, "Olive Owner");
  const viewer = await signedInPage(browser, "Vic Viewer");
  const stranger = await signedInPage(browser, "Sam Stranger");
  const notebook = await mutate<{ id: string }>(owner.page, "notebooks.create", { name: "Shared rates" });
  await mutate(owner.page, "notebooks.members.add", { notebookId: notebook.id, email: viewer.account.email, role: "viewer" });
  const question = await mutate<{ id: string }>(owner.page, "questions.create", {
    notebookId: notebook.id,
    title: "Will 10-year yields end 2030 above 4%?",
    criteria: "The 10-year Treasury yield on the last trading day of 2030, per FRED DGS10.",
    resolveBy: "2030-12-31",
    kind: "binary",
  });

  await viewer.page.goto(`/questions/${question.id}`);
  await expect(viewer.page.getByRole("heading", { level: 1 })).toHaveText("Will 10-year yields end 2030 above 4%?");
  await expect(viewer.page.getByRole("button", { name: "Save forecast" })).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Resolve…" })).toHaveCount(0);
  await expect(viewer.page.getByRole("link", { name: "Edit" })).toHaveCount(0);
  const refused = await viewer.page.request.post("/api/trpc/questions.resolve", { data: { json: { id: question.id, outcome: "yes" } } });
  expect(refused.status()).toBe(403);
  expect((await viewer.page.goto(`/questions/${question.id}/edit`))?.status()).toBe(404);
  await viewer.page.goto("/questions");
  await expect(viewer.page.getByRole("link", { name: "New question" })).toHaveCount(0);

  const page = await stranger.page.goto(`/questions/${question.id}`);
  expect(page?.status()).toBe(404);
  const api = await stranger.page.request.get(`/api/trpc/questions.get?input=${encodeURIComponent(JSON.stringify({ json: { id: question.id } }))}`);
  expect(api.status()).toBe(404);
  expect((await api.json()).error.json.data.code).toBe("NOT_FOUND");

  // The owner's question is still open: nothing the viewer sent changed it.
  await owner.page.goto(`/questions/${question.id}`);
  await expect(owner.page.getByTestId("question-status")).toHaveText("Open");
  await Promise.all([owner.context.close(), viewer.context.close(), stranger.context.close()]);
});

test("a question embed with an unknown id says the question is not available", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Nadia Notes");
  await newNote(page, "Embeds");
  await page.locator(".cm-content").click();
  await page.keyboard.insertText("::question{id=no-such-question}\n");
  await expect(page.getByTestId("note-preview").locator('[data-embed-kind="question"]')).toContainText("Question not available");
  await context.close();
});

test("a new question takes a first forecast, its rule dates follow resolve-by, Ctrl+Enter forecasts, and rationales show in the activity", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Fern Forecaster");
  const { notebookUrl } = await newNote(page, "Small caps desk");
  const notebookId = notebookUrl.split("/").pop()!.split("?")[0]!;
  await mutate(page, "series.create", { notebookId, key: "RUT", name: "Russell 2000", unit: "index points" });
  await mutate(page, "series.create", { notebookId, key: "SPX", name: "S&P 500", unit: "index points" });

  await page.goto(`/questions/new?notebook=${notebookId}`);
  await page.getByLabel("Question", { exact: true }).fill("Will small caps beat large caps over 2030?");
  // Ticking the rule says nothing is wrong before anything is chosen.
  await page.getByRole("checkbox", { name: /Resolve this question from the notebook/ }).check();
  await expect(page.getByTestId("rule-preview")).toHaveText("Complete the rule to see it in words.");
  await expect(page.getByText(/is not a series key/)).toHaveCount(0);
  // The rule's dates follow resolve-by.
  await page.getByLabel("Resolve by").fill("2030-12-31");
  await expect(page.getByLabel("Return from")).toHaveValue("2030-01-01");
  await expect(page.getByLabel("Return to")).toHaveValue("2030-12-31");
  await page.getByLabel("Series A").selectOption("RUT");
  await page.getByLabel("Series B").selectOption("SPX");
  await expect(page.getByTestId("rule-preview")).toContainText("Russell 2000 return from 2030-01-01 to 2030-12-31 above S&P 500 return");
  await page.getByLabel("Resolution criteria").fill("Yes if the Russell 2000's 2030 price return beats the S&P 500's.");
  await page.getByLabel("Chance of yes, %").fill("35");
  await page.getByLabel("Why (optional)").fill("Small caps start cheap.");
  await page.getByRole("button", { name: "Create question" }).click();
  await expect(page).toHaveURL(/\/questions\/[a-z0-9]+$/);
  await expect(page.getByTestId("my-forecast")).toContainText("35%");
  await expect(page.getByTestId("activity-rationale")).toHaveText("Small caps start cheap.");

  // Ctrl+Enter in the forecast form saves it.
  await page.getByLabel("Probability of yes").fill("55");
  await page.getByLabel("Rationale").fill("Earnings turned.");
  await page.getByLabel("Rationale").press("Control+Enter");
  await expect(page.getByTestId("my-forecast")).toContainText("55%");
  await expect(page.getByTestId("activity-rationale").first()).toHaveText("Earnings turned.");
  await context.close();
});
