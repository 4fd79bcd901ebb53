// e2e: the team's forecast on a question moves when a second member forecasts (median 30% → 50%), the chart draws the team's line, the dashboard shows Team beside Yours, and the leaderboard's "Hide my name" hides a name from others.
import { expect, test, type Page } from "@playwright/test";
import { signedInPage } from "./helpers/notes";

/** A tRPC mutation with the page's session; fails the test unless it succeeds. */
async function mutate<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result.data.json as T;
}

test("the team's median moves from 30% to 50% when a second member forecasts 70%", async ({ browser }) => {
  const first = await signedInPage(browser, "Tess Team");
  const second = await signedInPage(browser, "Uma Team");
  const notebook = await mutate<{ id: string }>(first.page, "notebooks.create", { name: "Team rates" });
  await mutate(first.page, "notebooks.members.add", { notebookId: notebook.id, email: second.account.email, role: "editor" });
  const question = await mutate<{ id: string }>(first.page, "questions.create", {
    notebookId: notebook.id,
    title: "Will the Fed cut three times in 2031?",
    criteria: "Yes if the FOMC lowers the target range at three or more meetings in 2031.",
    resolveBy: "2031-12-31",
    kind: "binary",
  });

  // Nobody has forecast: the panel says how the team's forecast is made.
  await first.page.goto(`/questions/${question.id}`);
  await expect(first.page.getByTestId("team-empty")).toBeVisible();

  // The first member forecasts 30%: the team is that forecast.
  await first.page.getByLabel("Probability of yes").fill("30");
  await first.page.getByRole("button", { name: "Save forecast" }).click();
  await expect(first.page.getByTestId("my-forecast")).toContainText("30%");
  await expect(first.page.getByTestId("team-median")).toHaveText("30%");
  await expect(first.page.getByTestId("team-logodds")).toHaveText("30%");
  await expect(first.page.getByTestId("team-count")).toContainText("1 of 2 members");

  // The second member forecasts 70%: median (30 + 70) / 2 = 50%, and the mean of log-odds of 30% and 70% is 50% too.
  await second.page.goto(`/questions/${question.id}`);
  await expect(second.page.getByTestId("team-median")).toHaveText("30%");
  await second.page.getByLabel("Probability of yes").fill("70");
  await second.page.getByRole("button", { name: "Save forecast" }).click();
  await expect(second.page.getByTestId("team-median")).toHaveText("50%");
  await expect(second.page.getByTestId("team-logodds")).toHaveText("50%");
  await expect(second.page.getByTestId("team-yours")).toHaveText("70%");
  await expect(second.page.getByTestId("team-count")).toContainText("2 of 2 members");

  // The first member sees it move too, with the team's line on the chart and in its legend.
  await first.page.reload();
  await expect(first.page.getByTestId("team-median")).toHaveText("50%");
  await expect(first.page.getByTestId("team-yours")).toHaveText("30%");
  await expect(first.page.locator(".q-chart[data-drawn=true] .q-team-line")).toBeAttached();
  await expect(first.page.locator(".q-chart")).toContainText("Team (median)");
  // With a legend the chart is a <figure>: each member's forecast is still a labelled marker on the chart itself.
  await expect(first.page.locator('.q-chart [data-marker="forecast"][role="img"]')).toHaveCount(2);
  // Extremizing keeps a symmetric pair at 50% and says by how much.
  await first.page.getByTestId("team-extremize").check();
  await expect(first.page.getByText("Mean of log-odds, extremized ×1.5")).toBeVisible();

  // The dashboard shows the team's median beside yours.
  await first.page.goto("/questions");
  const row = first.page.locator(`li[data-question-id="${question.id}"]`);
  await expect(row.getByTestId("row-forecast")).toHaveText("30%");
  await expect(row.getByTestId("row-team")).toHaveText("50%");

  // The leaderboard: nothing resolved yet; the second member hides their name.
  await second.page.goto(`/notebooks/${notebook.id}/leaderboard`);
  await expect(second.page.getByRole("heading", { name: "Nothing resolved yet" })).toBeVisible();
  await second.page.getByTestId("hide-my-name").check();
  await expect(second.page.getByText("Others see you as “A member”")).toBeVisible();

  // Resolved: both are scored, and the first member sees the second only as "A member".
  await mutate(first.page, "questions.resolve", { id: question.id, outcome: "yes" });
  await first.page.goto(`/notebooks/${notebook.id}/leaderboard`);
  const board = first.page.getByTestId("leaderboard");
  await expect(board).toContainText("A member");
  await expect(board).not.toContainText("Uma Team");
  await expect(board.locator('tr[data-you="true"]')).toContainText("Tess Team");
  await second.page.reload();
  await expect(second.page.getByTestId("leaderboard").locator('tr[data-you="true"]')).toContainText("Uma Team");
  await Promise.all([first.context.close(), second.context.close()]);
});
