// e2e: one search for everything: a question, a chart and a series found from Ctrl+K and from the search page, each opening its own page.
import { expect, test } from "@playwright/test";
import { openSwitcher, signedInPage } from "./helpers/notes";

test("Ctrl+K and the search page find questions, charts and series by title, key or name, grouped by kind", async ({ browser }) => {
  test.setTimeout(60_000);
  const { context, page } = await signedInPage(browser, "Una Universal");
  const trpc = async (procedure: string, input: unknown) => {
    const reply = await page.request.post(`/api/trpc/${procedure}`, { data: { json: input } });
    expect(reply.status(), await reply.text()).toBe(200);
    return ((await reply.json()) as { result: { data: { json: Record<string, unknown> } } }).result.data.json;
  };
  const notebook = await trpc("notebooks.create", { name: "Breadth desk" });
  const notebookId = String(notebook.id);
  const series = await trpc("series.create", { notebookId, key: "RSPW", name: "Quokka equal-weight index", unit: "index points", source: "upload" });
  await trpc("series.import", { seriesId: series.id, text: "date,RSPW\n2026-01-02,100\n2026-01-05,101.5\n" });
  const chart = await trpc("charts.create", {
    notebookId,
    spec: { title: "Quokka breadth since January", description: "", kind: "line", series: ["RSPW"], range: { preset: "max" }, annotations: [] },
  });
  const question = await trpc("questions.create", {
    notebookId,
    title: "Will quokka breadth hold above 100 by June?",
    details: "",
    criteria: "YES if the index closes above 100 on 30 June 2026.",
    resolveBy: "2026-06-30",
    tags: [],
    kind: "binary",
  });

  // Ctrl+K: one word finds all three, each in its own group; Enter opens the chosen one.
  await page.goto("/notebooks");
  await (await openSwitcher(page)).fill("quokka");
  const results = page.getByTestId("switcher-results");
  await expect(results.getByRole("group", { name: "Questions" }).getByRole("option")).toHaveText(/Will quokka breadth hold above 100 by June\?/);
  await expect(results.getByRole("group", { name: "Charts" }).getByRole("option")).toHaveText(/Quokka breadth since January/);
  await expect(results.getByRole("group", { name: "Series" }).getByRole("option")).toHaveText(/RSPW · Quokka equal-weight index/);
  await expect(results.locator("mark").first()).toHaveText(/quokka/i);
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/charts/${String(chart.id)}$`));

  // A series by its key.
  await (await openSwitcher(page)).fill("rspw");
  await expect(results.getByRole("option")).toHaveCount(1);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/data/${String(series.id)}$`));

  // The search page: the same three, under their headings, each linking to its page.
  await page.goto("/search?q=quokka");
  const found = page.getByTestId("search-results");
  await expect(found.getByRole("region", { name: "Questions" }).getByRole("link")).toHaveAttribute("href", `/questions/${String(question.id)}`);
  await expect(found.getByRole("region", { name: "Charts" }).getByRole("link")).toHaveAttribute("href", `/charts/${String(chart.id)}`);
  await expect(found.getByRole("region", { name: "Series" }).getByRole("link")).toHaveAttribute("href", `/data/${String(series.id)}`);
  await found.getByRole("region", { name: "Questions" }).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/questions/${String(question.id)}$`));

  // Another account finds none of it.
  const stranger = await signedInPage(browser, "Sam Stranger");
  await stranger.page.goto("/search?q=quokka");
  await expect(stranger.page.getByText("Nothing matches")).toBeVisible();
  await stranger.context.close();
  await context.close();
});
