// e2e: a live figure read in a note (its provenance on hover), made stale by a revised value pushed over REST: the note's "figures changed" panel, the inbox, taking the new value, and the note as of before the revision.
import { expect, test, type Page } from "@playwright/test";
import { expectSaved, newNote, signedInPage, typeBody } from "./helpers/notes";

async function call(page: Page, procedure: string, input: unknown) {
  const reply = await page.request.post(`/api/trpc/${procedure}`, { data: { json: input } });
  expect(reply.status(), await reply.text()).toBe(200);
  return (await reply.json()).result.data.json;
}

async function notebookIdOf(page: Page): Promise<string> {
  const reply = await page.request.get(`/api/trpc/notebooks.list?input=${encodeURIComponent(JSON.stringify({ json: undefined }))}`);
  return ((await reply.json()).result.data.json as Array<{ id: string }>)[0]!.id;
}

test("a figure reads from the data, shows where it came from, goes stale on a revision, and the author takes the new value", async ({ browser }) => {
  const { context, page } = await signedInPage(browser, "Figure Writer");
  const { id } = await newNote(page, "Figures desk");
  const notebookId = await notebookIdOf(page);
  const rut = await call(page, "series.create", { notebookId, key: "RUT", name: "Russell 2000", unit: "index", source: "manual" });
  await call(page, "series.import", { seriesId: rut.id, text: "date,value\n2025-12-31,100\n2026-01-30,107\n" });

  await typeBody(page, "Small caps are up :value{series=RUT stat=ytd} this year, and :value{series=IWM stat=last} is not a series here.");
  await expectSaved(page);
  const written = new Date();
  await page.getByTestId("note-done").click();

  // Read: the figure and its provenance; the unknown series is a marker with the reason.
  const figure = page.getByTestId("note-read").getByTestId("figure");
  await expect(figure).toHaveText("7.0%");
  await expect(page.getByTestId("note-read").getByTestId("figure-error")).toContainText("no series “IWM” in this notebook");
  await figure.hover();
  const provenance = page.getByTestId("figure-provenance");
  await expect(provenance).toContainText("Russell 2000 (RUT)");
  await expect(provenance).toContainText("2025-12-31");
  await expect(provenance).toContainText("107");
  await expect(provenance).toContainText("Live: data as known now.");
  await expect(page.getByTestId("figure-changes")).toHaveCount(0);

  // A script pushes a revision of the value the figure used, through the REST API with a token.
  await new Promise((r) => setTimeout(r, 50));
  const { token } = await call(page, "tokens.create", { notebookId, name: "nightly push" });
  const pushed = await page.request.post("/api/v1/series/RUT/observations", {
    headers: { authorization: `Bearer ${token}`, "content-type": "text/csv" },
    data: "date,value\n2026-01-30,106.4\n",
  });
  expect(pushed.status(), await pushed.text()).toBe(200);
  await page.reload();
  await expect(page.getByTestId("note-read").getByTestId("figure")).toHaveText("6.4%");
  const panel = page.getByTestId("figure-changes");
  await expect(panel).toContainText("1 figure changed since you wrote it.");
  await panel.getByRole("button", { name: "Review" }).click();
  await expect(panel.getByTestId("figure-change")).toContainText("7.0%");
  await expect(panel.getByTestId("figure-change")).toContainText("6.4%");
  await expect(panel.getByTestId("figure-change")).toContainText("RUT for 2026-01-30 was revised from 107 to 106.4");

  // The inbox lists it, with a count in the navigation.
  await page.goto("/inbox");
  const item = page.getByTestId("inbox-item").filter({ hasText: "Figures changed" });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText("7.0% → 6.4%");
  await expect(page.getByTestId("inbox-badge")).toHaveText("1");
  await item.getByRole("link", { name: "Review the figures" }).click();
  await expect(page).toHaveURL(new RegExp(`/notes/${id}$`));

  // Take the new value: the panel and the inbox item go.
  await page.getByTestId("figure-changes").getByRole("button", { name: "Review" }).click();
  await page.getByRole("button", { name: "Use the new value" }).click();
  await expect(page.getByTestId("figure-changes")).toHaveCount(0);
  await page.goto("/inbox");
  await expect(page.getByTestId("empty-state")).toContainText("Nothing needs you");

  // The note as of the moment it was written: the figure as known then, and what moved since.
  await page.goto(`/notes/${id}/as-of?at=${encodeURIComponent(written.toISOString())}`);
  await expect(page.getByTestId("as-of-banner")).toBeVisible();
  await expect(page.getByTestId("note-read").locator('[data-figure-key="series=RUT stat=ytd"]')).toHaveText("7.0%");
  await expect(page.getByTestId("as-of-since")).toContainText("7.0% then, 6.4% now");

  // From a chart of the series: insert a figure in the note, which opens in the editor with the figure as a chip.
  const chart = await call(page, "charts.create", { notebookId, spec: { title: "Small caps", kind: "line", series: ["RUT"], range: { preset: "max" } } });
  await page.goto(`/charts/${chart.id}`);
  await page.getByTestId("insert-figure-in-note").click();
  const dialog = page.getByRole("dialog", { name: "Insert a figure in a note" });
  await dialog.getByLabel("Figure").selectOption({ label: "RUT: latest value" });
  await dialog.getByRole("button", { name: /Untitled note/ }).click();
  await expect(page).toHaveURL(new RegExp(`/notes/${id}\\?edit$`));
  await expect(page.getByTestId("figure-chip").last()).toHaveText("106.40");
  await context.close();
});
