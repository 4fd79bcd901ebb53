// e2e: build a chart, embed it in a note from the picker, watch it redraw in another browser when data arrives, look back "as of", and download the range shown.
import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { signInViaUi } from "./helpers/accounts";
import { newNote, signedInPage } from "./helpers/notes";

/** A tRPC mutation with the page's session; fails the test unless it succeeds. */
async function mutate<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = await response.json();
  expect(response.status(), JSON.stringify(body)).toBe(200);
  return body.result.data.json as T;
}

const RUT_CSV = "date,close\n2026-01-02,2500\n2026-01-15,2600\n2026-01-30,2675\n";
const SPX_CSV = "date,close\n2026-01-02,6800\n2026-01-15,6850\n2026-01-30,6900\n";

test("build a chart, embed it from the picker, see it redraw live in a second browser, and look back as of before the change", async ({ browser }) => {
  const { page, account, context } = await signedInPage(browser, "Chad Charter");
  const { id: noteId, notebookUrl } = await newNote(page, "Rotation data");
  const notebookId = notebookUrl.split("/").pop()!.split("?")[0]!;
  const rut = await mutate<{ id: string }>(page, "series.create", { notebookId, key: "RUT", name: "Russell 2000", unit: "index points" });
  const spx = await mutate<{ id: string }>(page, "series.create", { notebookId, key: "SPX", name: "S&P 500", unit: "index points" });
  await mutate(page, "series.import", { seriesId: rut.id, text: RUT_CSV, mapping: { dateColumn: "date", valueColumn: "close" } });
  await mutate(page, "series.import", { seriesId: spx.id, text: SPX_CSV, mapping: { dateColumn: "date", valueColumn: "close" } });

  // The builder: the preview draws as soon as the spec is valid; a bad custom range says what is wrong.
  await page.goto(`/charts/new?notebook=${notebookId}`);
  await page.getByLabel("Title").fill("Small caps against large caps, January 2026");
  await page.getByLabel("Kind").selectOption("rebased");
  await page.getByRole("checkbox", { name: /Russell 2000/ }).check();
  await page.getByRole("checkbox", { name: /S&P 500/ }).check();
  await page.getByLabel("Range", { exact: true }).selectOption("custom");
  await page.getByLabel("From").fill("2026-02-01");
  await page.getByLabel("To (empty: today)").fill("2026-01-01");
  await expect(page.locator(".field-error", { hasText: "The start date must be on or before the end date." })).toBeVisible();
  await page.getByLabel("From").fill("2026-01-01");
  await page.getByLabel("To (empty: today)").fill("2026-01-31");
  await page.getByRole("button", { name: "Add annotation" }).click();
  await page.getByLabel("Annotation 1 date").fill("2026-01-15");
  await page.getByLabel("Annotation 1 label").fill("CPI print");
  const preview = page.getByTestId("builder-preview");
  await expect(preview.locator("svg").first()).toBeVisible();
  await expect(preview).toContainText("CPI print");
  await page.getByRole("button", { name: "Create chart" }).click();
  await expect(page).toHaveURL(/\/charts\/[a-z0-9]+$/);
  const chartId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Small caps against large caps, January 2026");
  await expect(page.locator("figcaption")).toContainText("Russell 2000 stood at 107.0 on 2026-01-30");
  await expect(page.getByText("No note embeds it yet.")).toBeVisible();

  // Embed it from the editor's picker; the preview draws the chart.
  await page.goto(`/notes/${noteId}?edit`);
  await page.locator(".cm-content").click();
  await page.getByRole("button", { name: "Insert…" }).click();
  await page.getByRole("list", { name: "Charts" }).getByRole("button", { name: /Small caps against large caps/ }).click();
  const embedded = page.getByTestId("note-preview").locator(`figure[data-chart-id="${chartId}"]`);
  await expect(embedded.locator("svg").first()).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });

  // A second browser has the chart page open; new data redraws both pages without a reload.
  const other = await browser.newContext();
  const watcher = await other.newPage();
  await signInViaUi(watcher, account.email, account.password);
  await expect(watcher).toHaveURL(/\/notebooks/);
  await watcher.goto(`/charts/${chartId}`);
  const watched = watcher.locator(`figure[data-chart-id="${chartId}"]`);
  const versionBefore = await watched.getAttribute("data-data-version");
  await watcher.waitForTimeout(1_100); // the "before" moment below must differ from the revision's second
  const before = await watcher.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  });
  await watcher.waitForTimeout(1_100);
  await mutate(page, "series.import", { seriesId: rut.id, text: "date,close\n2026-01-30,2750\n", mapping: { dateColumn: "date", valueColumn: "close" } });
  await expect(watched).not.toHaveAttribute("data-data-version", versionBefore!, { timeout: 2_000 });
  await expect(watcher.locator("figcaption")).toContainText("Russell 2000 stood at 110.0 on 2026-01-30", { timeout: 2_000 });
  await expect(embedded).not.toHaveAttribute("data-data-version", versionBefore!, { timeout: 2_000 });

  // As of the moment before the revision, the chart shows what was known then.
  await watcher.getByLabel("Data as known at").fill(before);
  await expect(watcher.locator("figcaption")).toContainText("Russell 2000 stood at 107.0 on 2026-01-30");
  await watcher.getByRole("button", { name: "Back to live" }).click();
  await expect(watcher.locator("figcaption")).toContainText("Russell 2000 stood at 110.0 on 2026-01-30");

  // The chart page lists the note that embeds it.
  await watcher.reload();
  await expect(watcher.getByRole("region", { name: "Notes that embed this chart" }).getByRole("link")).toHaveText("Untitled note");
  await other.close();
  await context.close();
});

test("a chart in another notebook is not found, and a removed chart leaves a clear card in the note", async ({ browser }) => {
  const owner = await signedInPage(browser, "Olga Owner");
  const { id: noteId, notebookUrl } = await newNote(owner.page, "Private data");
  const notebookId = notebookUrl.split("/").pop()!.split("?")[0]!;
  const s = await owner.page.request.post("/api/trpc/series.create", { data: { json: { notebookId, key: "X", name: "Private series" } } });
  expect(s.status()).toBe(200);
  const chart = await mutate<{ id: string }>(owner.page, "charts.create", {
    notebookId,
    spec: { title: "Private chart", kind: "line", series: ["X"], range: { preset: "max" } },
  });

  const stranger = await signedInPage(browser, "Sam Stranger");
  const response = await stranger.page.goto(`/charts/${chart.id}`);
  expect(response?.status()).toBe(404);
  const api = await stranger.page.request.get(`/api/trpc/charts.get?input=${encodeURIComponent(JSON.stringify({ json: { id: chart.id } }))}`);
  expect(api.status()).toBe(404);

  await owner.page.goto(`/notes/${noteId}?edit`);
  await owner.page.locator(".cm-content").click();
  await owner.page.keyboard.insertText(`::chart{id=${chart.id}}\n`);
  await expect(owner.page.getByTestId("note-preview").locator(`figure[data-chart-id="${chart.id}"]`)).toContainText("No data in this range");
  await expect(owner.page.getByTestId("save-status")).toHaveAttribute("data-state", "saved", { timeout: 10_000 });
  await mutate(owner.page, "charts.remove", { id: chart.id });
  await owner.page.reload();
  await expect(owner.page.getByTestId("note-preview").locator(".embed-card")).toContainText("Chart not available");
  await owner.context.close();
  await stranger.context.close();
});

test("the builder draws a moving average on a log scale, saves both, and the chart page switches its view range", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Lola Logscale");
  const { notebookUrl } = await newNote(page, "Analyst charts");
  const notebookId = notebookUrl.split("/").pop()!.split("?")[0]!;
  const spx = await mutate<{ id: string }>(page, "series.create", { notebookId, key: "SPX", name: "S&P 500", unit: "index points" });
  await mutate(page, "series.import", { seriesId: spx.id, text: SPX_CSV, mapping: { dateColumn: "date", valueColumn: "close" } });

  await page.goto(`/charts/new?notebook=${notebookId}`);
  await page.getByLabel("Title").fill("S&P 500, smoothed");
  await page.getByRole("checkbox", { name: /S&P 500/ }).check();
  await page.getByLabel("Range", { exact: true }).selectOption("custom");
  await page.getByLabel("From").fill("2026-01-01");
  await page.getByLabel("To (empty: today)").fill("2026-01-31");
  await page.getByLabel("Transform").selectOption("ma");
  await page.getByLabel("Window (observations)").fill("1");
  await expect(page.locator(".field-error", { hasText: "A moving average needs a window of at least 2 observations." })).toBeVisible();
  await page.getByLabel("Window (observations)").fill("2");
  await page.getByRole("checkbox", { name: "Log scale" }).check();
  await page.getByRole("checkbox", { name: "Label last values" }).check();
  const preview = page.getByTestId("builder-preview");
  // (6850 + 6900) / 2 = 6875, labelled at the line's end.
  await expect(preview).toContainText("6,875.00");
  await page.getByRole("button", { name: "Create chart" }).click();
  await expect(page).toHaveURL(/\/charts\/[a-z0-9]+$/);
  const chartId = page.url().split("/").pop()!;
  await expect(page.locator("figcaption")).toContainText("moving average over 2 observations");

  // The saved spec keeps the options.
  await page.goto(`/charts/${chartId}/edit`);
  await expect(page.getByRole("checkbox", { name: "Log scale" })).toBeChecked();
  await expect(page.getByLabel("Transform")).toHaveValue("ma");
  await expect(page.getByLabel("Window (observations)")).toHaveValue("2");

  // The chart page views another range without changing the saved one.
  await page.goto(`/charts/${chartId}`);
  await page.getByRole("group", { name: "Range to view" }).getByRole("button", { name: "All" }).click();
  await expect(page.locator('figure[data-view="max"]')).toBeVisible();
  await expect(page.getByText(/the downloads and the data below give this range; the saved chart and the notes that embed it keep 2026-01-01 to 2026-01-31/)).toBeVisible();
  await context.close();
});

/** Clicks a download button and gives the file's name and text. */
async function download(page: Page, name: string): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.locator(".chart-tools").getByRole("button", { name, exact: true }).click()]);
  const bytes = fs.readFileSync((await file.path())!);
  return { name: file.suggestedFilename(), text: bytes.toString("utf8"), bytes };
}

test("a chart's page downloads what it shows: after choosing 1Y, the CSV, SVG and PNG are of the last year, and say so", async ({ browser }) => {
  const { page, context } = await signedInPage(browser, "Dora Downloader");
  const { notebookUrl } = await newNote(page, "Long data");
  const notebookId = notebookUrl.split("/").pop()!.split("?")[0]!;
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  // A point every 30 days for three years, up to today.
  const dates = Array.from({ length: 37 }, (_, i) => day(1080 - i * 30));
  const series = await mutate<{ id: string }>(page, "series.create", { notebookId, key: "LONG", name: "Long series", unit: "" });
  await mutate(page, "series.import", { seriesId: series.id, text: `date,value\n${dates.map((d, i) => `${d},${100 + i}`).join("\n")}\n`, mapping: { dateColumn: "date", valueColumn: "value" } });
  const chart = await mutate<{ id: string }>(page, "charts.create", {
    notebookId,
    spec: { title: "Three years", description: "", kind: "line", series: ["LONG"], range: { preset: "max" }, annotations: [] },
  });
  await page.goto(`/charts/${chart.id}`);
  const csvDates = (text: string) => text.trim().split(/\r?\n/).slice(1).map((line) => line.split(",")[0]!);

  // The saved range (all data): the files hold all three years.
  const fullCsv = await download(page, "CSV");
  expect(fullCsv.name).toBe("three-years.csv");
  expect(csvDates(fullCsv.text)).toEqual(dates);
  const fullSvg = await download(page, "SVG");

  // View the last year: the downloads say the range they give, and give it.
  await page.getByRole("group", { name: "Range to view" }).getByRole("button", { name: "1Y" }).click();
  await expect(page.locator('figure[data-view="1y"]:not(.is-stale)')).toBeVisible();
  const said = page.getByTestId("download-range");
  await expect(said).toHaveText(/^Download \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, as shown$/);
  const [, from, to] = /Download (\S+) to (\S+),/.exec((await said.textContent())!)!;
  const csv = await download(page, "CSV");
  expect(csv.name).toBe("three-years-1y.csv");
  const shown = csvDates(csv.text);
  expect(shown).toEqual(dates.filter((d) => d >= day(366)));
  expect(shown.length).toBeGreaterThan(10);
  expect(shown.length).toBeLessThan(dates.length);
  expect([shown[0], shown.at(-1)]).toEqual([from, to]);

  const svg = await download(page, "SVG");
  expect(svg.name).toBe("three-years-1y.svg");
  expect(svg.text).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg.text).not.toBe(fullSvg.text);
  // The drawing's x axis runs over the last year only: no tick of a year the view leaves out.
  const years = (text: string) => new Set([...text.matchAll(/>(20\d\d)</g)].map((m) => m[1]));
  expect([...years(svg.text)].every((y) => Number(y) >= Number(day(366).slice(0, 4)))).toBe(true);
  expect([...years(fullSvg.text)].some((y) => Number(y) < Number(day(366).slice(0, 4)))).toBe(true);
  const png = await download(page, "PNG");
  expect(png.name).toBe("three-years-1y.png");
  expect(png.bytes.subarray(1, 4).toString("ascii")).toBe("PNG");

  // The data table shows the same rows.
  await page.getByRole("button", { name: "Show data" }).click();
  await expect(page.locator(".chart-table-wrap tbody tr")).toHaveCount(shown.length);
  await expect(page.locator(".chart-table-wrap tbody tr").first().locator("td").first()).toHaveText(shown[0]!);
  await context.close();
});
