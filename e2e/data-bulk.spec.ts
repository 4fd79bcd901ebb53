// e2e: many series at once (wide and long files create and update series; a bad file imports nothing), the single import's way out of a many-series file, and adding from a source.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { registerViaUi } from "./helpers/accounts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-bulk-"));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WIDE = "date,IWM,SPY\n2026-01-05,250.1,690.2\n2026-01-06,252.3,691\n2026-01-07,253,692.5\n";
const LONG = "date,symbol,close\n2026-01-07,IWM,254\n2026-01-08,IWM,255.5\n2026-01-07,QQQ,610\n2026-01-08,QQQ,612.25\n";
const BAD = "date,symbol,close\n2026-01-09,IWM,256\n2026-01-09,S&P 500,6900\n2026-01-09,QQQ,n/a?\n";

async function newNotebook(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: "Create a notebook" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create notebook" }).click();
  await expect(page.getByTestId("notebook-title")).toHaveText(name);
  return page.url().split("/").pop()!.split("?")[0]!;
}

async function rowCounts(page: Page): Promise<Record<string, string>> {
  await page.goto("/data");
  const rows = page.getByTestId("series-row");
  await expect(rows.first()).toBeVisible();
  const out: Record<string, string> = {};
  for (const row of await rows.all()) out[(await row.getAttribute("data-key"))!] = (await row.getByTestId("series-row-count").textContent())!;
  return out;
}

test("a wide file and a long file create and update many series at once; a bad file imports nothing", async ({ page }) => {
  await registerViaUi(page, { name: "Bea Bulk" });
  const notebookId = await newNotebook(page, "ETF closes");
  await page.goto("/data");
  await page.getByRole("button", { name: "Import a CSV file" }).click();

  const dialog = page.getByRole("dialog", { name: "Import many series" });
  await dialog.getByLabel("File of many series").setInputFiles(file("wide.csv", WIDE));
  await expect(dialog.getByTestId("bulk-layout")).toHaveText("Wide: one series per column");
  await expect(dialog.locator('[data-testid="bulk-series"][data-key="IWM"]')).toContainText("New");
  await expect(dialog.locator('[data-testid="bulk-series"][data-key="SPY"]')).toContainText("3");
  await expect(dialog.getByTestId("bulk-check")).toHaveText("2 new series, 0 series to update.");
  await dialog.getByRole("button", { name: "Import 2 series" }).click();
  await expect(dialog.getByTestId("bulk-result")).toContainText("2 created, 0 updated");
  await dialog.getByRole("button", { name: "Done" }).click();
  expect(await rowCounts(page)).toEqual({ IWM: "3 rows", SPY: "3 rows" });

  await page.getByRole("button", { name: "Import…" }).click();
  await dialog.getByLabel("File of many series").setInputFiles(file("long.csv", LONG));
  await expect(dialog.getByTestId("bulk-layout")).toHaveText("Long: one series per symbol");
  await expect(dialog.locator('[data-testid="bulk-series"][data-key="IWM"]')).toContainText("Update");
  await expect(dialog.locator('[data-testid="bulk-series"][data-key="QQQ"]')).toContainText("New");
  await dialog.getByRole("button", { name: "Import 2 series" }).click();
  await expect(dialog.getByTestId("bulk-result")).toContainText("1 created, 1 updated");
  await dialog.getByRole("button", { name: "Done" }).click();
  // IWM had 5, 6 and 7 January; the long file revised the 7th and added the 8th.
  expect(await rowCounts(page)).toEqual({ IWM: "4 rows", QQQ: "2 rows", SPY: "3 rows" });

  await page.getByRole("button", { name: "Import…" }).click();
  await dialog.getByLabel("File of many series").setInputFiles(file("bad.csv", BAD));
  await expect(dialog.getByTestId("bulk-check")).toHaveText("2 problems; nothing will be imported until the file is fixed.");
  await expect(dialog.locator('[data-testid="bulk-series"][data-key="S&P-500"]')).toContainText("Problem");
  await expect(dialog.locator('[data-testid="bulk-series-problems"][data-key="S&P-500"]')).toContainText("is not a series key");
  await expect(dialog.locator('[data-testid="bulk-series-problems"][data-key="QQQ"]')).toContainText("line 4: “n/a?” is not a number");
  await expect(dialog.getByRole("button", { name: "Fix the file to import" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // The server refuses it too, whole: IWM's valid row is not written either.
  const refused = await page.request.post("/api/trpc/series.importMany", { data: { json: { notebookId, text: BAD } } });
  expect(refused.status()).toBe(400);
  expect((await refused.json()).error.json.message).toMatch(/2 problems in the file; nothing was imported/);
  expect(await rowCounts(page)).toEqual({ IWM: "4 rows", QQQ: "2 rows", SPY: "3 rows" });
});

test("the single import leads a many-series file to one symbol or to the many-series import, and ?import=1 leaves the URL", async ({ page }) => {
  await registerViaUi(page, { name: "Sol Single" });
  await newNotebook(page, "One at a time");
  await page.goto("/data");
  await page.getByRole("button", { name: "New series" }).click();
  const form = page.getByRole("dialog", { name: "New series" });
  await form.getByLabel("Key").fill("IWM");
  await form.getByLabel("Name").fill("iShares Russell 2000");
  await form.getByLabel("Source").selectOption("upload");
  await form.getByRole("button", { name: "Create series" }).click();
  await expect(page).toHaveURL(/\/data\/[a-z0-9]+\?import=1$/);

  const dialog = page.getByRole("dialog", { name: "Import into IWM" });
  await dialog.getByLabel("Data file").setInputFiles(file("long-one.csv", LONG));
  const check = dialog.getByTestId("import-check");
  await expect(check).toContainText("This file holds 2 series");
  await expect(check).not.toContainText("observations");
  await expect(dialog.getByRole("button", { name: "Choose one symbol to import" })).toBeDisabled();
  await check.getByRole("button", { name: "Choose one symbol" }).click();
  await expect(dialog.getByLabel("Only rows where (optional)")).toHaveValue("symbol");
  await dialog.getByLabel("equals").selectOption("IWM");
  await expect(check).toContainText("2 observations from 2026-01-07 to 2026-01-08");
  await dialog.getByRole("button", { name: "Import 2 observations" }).click();
  await expect(dialog.getByTestId("import-result")).toContainText("2 new");
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page).toHaveURL(/\/data\/[a-z0-9]+$/);
  await page.reload();
  await expect(page.getByRole("dialog", { name: "Import into IWM" })).toBeHidden();

  await page.getByRole("button", { name: "Import…" }).click();
  await dialog.getByLabel("Data file").setInputFiles(file("long-two.csv", LONG));
  await dialog.getByTestId("import-check").getByRole("button", { name: "Import all 2 series…" }).click();
  const bulk = page.getByRole("dialog", { name: "Import many series" });
  await expect(bulk.locator('[data-testid="bulk-series"][data-key="IWM"]')).toContainText("Update");
  await bulk.getByRole("button", { name: "Import 2 series" }).click();
  await expect(bulk.getByTestId("bulk-result")).toContainText("1 created, 1 updated");
});

test("adding from Yahoo shows the connector's error and creates nothing when the fetch fails", async ({ page }) => {
  await registerViaUi(page, { name: "Cy Connector" });
  await newNotebook(page, "Sources");
  await page.goto("/data");
  await page.getByRole("button", { name: "Add from FRED or Yahoo" }).click();
  const dialog = page.getByRole("dialog", { name: "Add from FRED or Yahoo" });
  await dialog.getByLabel("Source").selectOption("yahoo");
  await dialog.getByLabel("Yahoo symbol").fill("QUIRE-NO-SUCH-SYMBOL");
  await dialog.getByRole("button", { name: "Fetch and add" }).click();
  await expect(dialog.getByTestId("add-source-error")).toContainText("Yahoo QUIRE-NO-SUCH-SYMBOL: ");
  await expect(dialog.getByTestId("add-source-error")).toContainText("Nothing was created");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Bring in the series behind your charts" })).toBeVisible();
});
