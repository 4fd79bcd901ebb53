// e2e: a note opens as a reading view with Edit one key away; the editor shows embed titles; the picker searches; a chart's page inserts it in a note.
import { expect, test, type Page } from "@playwright/test";
import { expectSaved, newNote, serverNote, signedInPage, typeBody } from "./helpers/notes";

/** A tRPC mutation with the page's session; fails the test unless it succeeds. */
async function mutate<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result.data.json as T;
}

const BODY = ["## Small caps lead", "", "| Index | YTD |", "|:--|--:|", "| Russell 2000 | 7.1% |", "| S&P 500 | 1.4% |", "", "Breadth widened on 2025-01-02[^src].", "", "[^src]: Equal-weight index, our own reading."].join("\n");

test("a note opens as a reading view; Edit and the e key open the editor, Done goes back; the footnotes stay inside the preview", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Rhea Reader");
  const { id } = await newNote(page, "Reading desk");
  await page.getByTestId("note-title").fill("Breadth in January");
  await typeBody(page, BODY);
  await expectSaved(page);

  await page.goto(`/notes/${id}`);
  const read = page.getByTestId("note-read");
  await expect(read.locator("h2").first()).toHaveText("Small caps lead");
  await expect(page.getByTestId("note-title")).toHaveText("Breadth in January");
  await expect(page.locator(".cm-content")).toHaveCount(0);
  await expect(read.locator("td").nth(1)).toHaveCSS("text-align", "right");
  await expect(read.locator("sup a[data-footnote-ref]")).toHaveAttribute("href", /^#user-content-fn-src$/);

  await page.keyboard.press("e");
  await expect(page.locator(".cm-content")).toBeVisible();
  await expect(page).toHaveURL(/\?edit$/);
  await page.getByTestId("note-done").click();
  await expect(read).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/notes/${id}$`));
  await page.getByTestId("note-edit").click();
  await expect(page.locator(".cm-content")).toContainText("Russell 2000");

  // Split, then Preview: the screen-reader heading of the footnotes lies inside the preview box, not below the page.
  for (const mode of ["Split", "Preview"]) {
    await page.locator(".md-editor").getByRole("button", { name: mode, exact: true }).click();
    const preview = page.getByTestId("note-preview");
    const pane = (await preview.boundingBox())!;
    const heading = (await preview.locator("#footnote-label").boundingBox())!;
    expect(heading.y + heading.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
    expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThan(200);
  }
  await context.close();
});

test("on a phone the note opens to read, and the editor offers Edit and Preview but no Split", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Pia Phone");
  const { id } = await newNote(page, "Phone desk");
  await typeBody(page, BODY);
  await expectSaved(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/notes/${id}`);
  await expect(page.getByTestId("note-read").locator("table")).toBeVisible();
  await page.getByTestId("note-edit").click();
  const modes = page.locator(".md-editor").getByRole("group", { name: "View" });
  await expect(modes.getByRole("button")).toHaveText(["Edit", "Preview"]);
  await context.close();
});

test("the editor shows embed titles, a click reveals the directive; the picker searches with thumbnails; a chart's page inserts it in a note", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Emil Embed");
  const { id, notebookUrl } = await newNote(page, "Embed desk");
  const notebookId = new URL(notebookUrl).pathname.split("/").pop()!;
  const rut = await mutate<{ id: string }>(page, "series.create", { notebookId, key: "RUT", name: "Russell 2000", unit: "index points" });
  await mutate(page, "series.import", { seriesId: rut.id, text: "date,close\n2026-01-02,2500\n2026-01-15,2600\n2026-01-30,2675\n", mapping: { dateColumn: "date", valueColumn: "close" } });
  const chart = await mutate<{ id: string }>(page, "charts.create", { notebookId, spec: { title: "Russell 2000 in January", kind: "line", series: ["RUT"], range: { preset: "max" } } });
  await mutate(page, "charts.create", { notebookId, spec: { title: "Another view", kind: "line", series: ["RUT"], range: { preset: "max" } } });
  await typeBody(page, `Intro line.\n\n::chart{id=${chart.id}}\n\n::chart{id=no-such-chart}\n\nClosing line.`);
  await expectSaved(page);
  await page.reload();

  const title = page.locator(`[data-testid="embed-title"][data-embed-id="${chart.id}"]`);
  await expect(title).toContainText("Russell 2000 in January");
  await expect(page.locator('[data-testid="embed-title"][data-embed-id="no-such-chart"]')).toContainText("not found");
  await expect(page.locator(".cm-content")).not.toContainText(`::chart{id=${chart.id}}`);
  await title.click();
  await expect(page.locator(".cm-content")).toContainText(`::chart{id=${chart.id}}`);
  await page.locator(".cm-line").last().click();
  await expect(title).toBeVisible();

  await page.getByRole("button", { name: "Insert…" }).click();
  const list = page.getByRole("list", { name: "Charts" });
  await expect(list.getByRole("button")).toHaveCount(2);
  await expect(list.locator(".picker-thumb svg").first()).toBeVisible();
  await page.getByTestId("embed-picker-search").fill("another");
  await expect(list.getByRole("button")).toHaveText([/Another view/]);
  await page.keyboard.press("Escape");

  const { id: second } = await mutate<{ id: string }>(page, "notes.create", { notebookId, title: "Second note", body: "Some text." });
  await page.goto(`/charts/${chart.id}`);
  await page.getByTestId("insert-in-note").click();
  await page.getByRole("dialog").getByRole("button", { name: /Second note/ }).click();
  await expect(page).toHaveURL(new RegExp(`/notes/${second}\\?edit$`));
  await expect(page.locator(`[data-testid="embed-title"][data-embed-id="${chart.id}"]`)).toContainText("Russell 2000 in January");
  expect((await serverNote(page, second)).body).toBe(`Some text.\n\n::chart{id=${chart.id}}\n`);
  expect((await serverNote(page, id)).body).toContain("Closing line.");
  await context.close();
});
