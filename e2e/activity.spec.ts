// e2e: a notebook's activity lists who forecast and shared what, the person filter narrows it, a stranger gets the not-found page;
// a question with a data rule draws its series with the threshold, and a chart can overlay that question.
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./helpers/notes";

async function call(page: Page, path: string, input: unknown) {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.ok(), JSON.stringify(body.error?.json?.message ?? body)).toBe(true);
  return body.result.data.json;
}

async function notebookWithRuleQuestion(page: Page, name: string) {
  const { id: notebookId } = await call(page, "notebooks.create", { name, description: "" });
  const { id: seriesId } = await call(page, "series.create", { notebookId, key: "RUT", name: "Russell 2000" });
  await call(page, "series.import", { seriesId, text: "date,RUT\n2026-01-02,2000\n2026-03-02,2050\n2026-06-01,2080\n2026-09-01,2150\n2026-11-02,2140\n" });
  const { id: questionId } = await call(page, "questions.create", {
    notebookId,
    title: "Will the Russell 2000 close 2026 above 2,100?",
    criteria: "YES if the Russell 2000 closes 2026 above 2,100.",
    resolveBy: "2026-12-31",
    kind: "binary",
    rule: { type: "value-threshold", a: "RUT", date: "2026-12-31", op: ">", threshold: 2100 },
  });
  const { id: noteId } = await call(page, "notes.create", { notebookId, title: "Small caps in 2026", body: "The Russell 2000 leads." });
  return { notebookId, questionId, noteId };
}

test("the activity lists a forecast and a share with names; the person filter narrows it; a stranger gets not-found", async ({ browser }) => {
  test.setTimeout(90_000);
  const ann = await signedInPage(browser, "Ann Activity");
  const bo = await signedInPage(browser, "Bo Forecaster");
  const { notebookId, questionId, noteId } = await notebookWithRuleQuestion(ann.page, "Activity desk");
  await call(ann.page, "notebooks.members.add", { notebookId, email: bo.account.email, role: "editor" });
  await call(bo.page, "questions.forecast", { questionId, probability: 0.65, rationale: "Breadth is improving." });
  await call(ann.page, "share.create", { targetType: "note", targetId: noteId, label: "Client: Acme", mode: "live" });

  await ann.page.goto(`/notebooks/${notebookId}`);
  await ann.page.getByRole("link", { name: "Activity", exact: true }).click();
  await expect(ann.page).toHaveURL(new RegExp(`/notebooks/${notebookId}/activity$`));
  const feed = ann.page.getByTestId("activity-page");
  await expect(feed.getByText("Bo Forecaster forecast 65% on “Will the Russell 2000 close 2026 above 2,100?”")).toBeVisible();
  await expect(feed.getByText("Ann Activity shared the note “Small caps in 2026” with a live link")).toBeVisible();
  await expect(feed.getByRole("link", { name: /Bo Forecaster forecast 65%/ })).toHaveAttribute("href", `/questions/${questionId}`);

  await ann.page.getByLabel("Person").selectOption({ label: "Bo Forecaster" });
  await expect(ann.page).toHaveURL(/\?person=[a-z0-9]+$/);
  await expect(feed.locator(".activity-item")).toHaveCount(1);
  await expect(feed.locator(".activity-item")).toContainText("Bo Forecaster forecast 65%");
  await ann.page.getByLabel("Kind").selectOption({ label: "Sharing" });
  await expect(feed.getByTestId("empty-state")).toContainText("Nothing matches these filters");
  await ann.page.reload();
  await expect(ann.page.getByLabel("Kind")).toHaveValue("shared");
  await expect(feed.getByTestId("empty-state")).toBeVisible();

  const stranger = await signedInPage(browser, "Sam Stranger");
  await stranger.page.goto(`/notebooks/${notebookId}/activity`);
  await expect(stranger.page.getByText("This page does not exist, or you do not have access to it.")).toBeVisible();
  await expect(stranger.page.getByText("Bo Forecaster")).toHaveCount(0);
});

test("a question with a data rule draws its series with the threshold, and a chart overlays it", async ({ browser }) => {
  test.setTimeout(60_000);
  const ann = await signedInPage(browser, "Ann Rules");
  const { notebookId, questionId } = await notebookWithRuleQuestion(ann.page, "Rules desk");

  await ann.page.goto(`/questions/${questionId}`);
  const chart = ann.page.getByTestId("question-data-chart");
  await expect(chart.locator("svg text", { hasText: "Yes above 2,100.00" }).first()).toBeVisible();
  await expect(chart.locator("svg text", { hasText: "Read on · Resolve by" }).first()).toBeVisible();
  await expect(chart.getByTestId("rule-standing")).toHaveText("Latest (2026-11-02): Russell 2000 2,140.00. Yes needs above 2,100.00 on 2026-12-31; if it ended there: Yes.");

  const { id: chartId } = await call(ann.page, "charts.create", {
    notebookId,
    spec: { title: "Russell 2000 in 2026", kind: "line", series: ["RUT"], range: { preset: "custom", from: "2026-01-01" }, questions: [questionId] },
  });
  await ann.page.goto(`/charts/${chartId}`);
  await expect(ann.page.locator(".chart-figure svg text", { hasText: "Will the Russell 2000 close 2026…: above 2,100.00" }).first()).toBeVisible();

  const other = await signedInPage(browser, "Oz Other");
  const { id: otherNotebook } = await call(other.page, "notebooks.create", { name: "Other desk", description: "" });
  const response = await other.page.request.post("/api/trpc/charts.create", {
    data: { json: { notebookId: otherNotebook, spec: { title: "Borrowed", kind: "line", series: ["RUT"], range: { preset: "ytd" }, questions: [questionId] } } },
  });
  expect(response.status()).toBe(400);
  expect((await response.json()).error.json.message).toContain("only questions of its own notebook");
});
