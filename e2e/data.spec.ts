// e2e: the Data pages: create a series, import a real CSV (and refuse a bad one), API tokens pushing live values, revoking a token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { registerViaUi } from "./helpers/accounts";

const SP500 = path.resolve("node_modules/vega-datasets/data/sp500.csv");

async function createNotebook(page: Page, name: string) {
  await page.getByRole("button", { name: "Create a notebook" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create notebook" }).click();
  await expect(page.getByTestId("notebook-title")).toHaveText(name);
}

async function createSeries(page: Page, fields: { key: string; name: string; unit?: string; frequency?: string; source?: string }) {
  const dialog = page.getByRole("dialog", { name: "New series" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Key").fill(fields.key);
  await dialog.getByLabel("Name").fill(fields.name);
  if (fields.unit) await dialog.getByLabel("Unit (optional)").fill(fields.unit);
  if (fields.frequency) await dialog.getByLabel("Frequency").selectOption(fields.frequency);
  if (fields.source) await dialog.getByLabel("Source").selectOption(fields.source);
  await dialog.getByRole("button", { name: "Create series" }).click();
  await expect(page).toHaveURL(/\/data\/[a-z0-9]+/);
  await expect(page.getByTestId("series-title")).toHaveText(fields.name);
}

test("a series is created, a real CSV imported with a preview, and a bad file imports nothing", async ({ page }) => {
  await registerViaUi(page, { name: "Dana Data" });
  await createNotebook(page, "Index levels");
  await page.goto("/data");
  await expect(page.getByRole("heading", { name: "Bring in the series behind your charts" })).toBeVisible();
  await page.getByRole("button", { name: "New series" }).click();

  const dialog = page.getByRole("dialog", { name: "New series" });
  await dialog.getByLabel("Key").fill("S&P 500");
  await dialog.getByLabel("Name").fill("S&P 500 monthly");
  await dialog.getByRole("button", { name: "Create series" }).click();
  await expect(dialog.getByText(/is not a series key/)).toBeVisible();
  await expect(dialog.getByLabel("Key")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Key").fill("");
  await createSeries(page, { key: "SPX", name: "S&P 500 monthly", unit: "index", frequency: "monthly" });

  await page.getByRole("button", { name: "Import…" }).click();
  const importDialog = page.getByRole("dialog", { name: "Import into SPX" });
  await importDialog.getByLabel("Data file").setInputFiles(SP500);
  await expect(importDialog.getByTestId("detected-format")).toHaveText("CSV with a date column");
  await expect(importDialog.getByTestId("import-preview")).toContainText("123 data rows");
  await expect(importDialog.getByRole("table", { name: "First rows of the file" })).toContainText("Jan 1 2000");
  await expect(importDialog.getByLabel("Date column")).toHaveValue("date");
  await expect(importDialog.getByLabel("Value column")).toHaveValue("price");
  await expect(importDialog.getByTestId("import-check")).toContainText("123 observations from 2000-01-01 to 2010-03-01");
  await importDialog.getByRole("button", { name: "Import 123 observations" }).click();
  await expect(importDialog.getByTestId("import-result")).toContainText("123 new, 0 revised, 0 unchanged");
  await importDialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("stat-rows")).toHaveText("123");
  await expect(page.getByTestId("observations-table")).toContainText("2010-03-01");

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "quire-import-"));
  const bad = path.join(dir, "bad-prices.csv");
  fs.writeFileSync(bad, "date,price\n2010-04-01,1186.69\n2010-13-01,1089.41\n2010-06-01,n/a-ish\n2010-07-01,1101.6\n");
  await page.getByRole("button", { name: "Import…" }).click();
  await importDialog.getByLabel("Data file").setInputFiles(bad);
  const errors = importDialog.getByTestId("import-row-errors");
  await expect(errors).toContainText("2 rows have problems");
  await expect(errors).toContainText("Line 3");
  await expect(errors).toContainText("is not a date");
  await expect(errors).toContainText("Line 4");
  await expect(errors).toContainText("is not a number");
  await expect(importDialog.getByRole("button", { name: "Fix the file to import" })).toBeDisabled();
  await importDialog.getByRole("button", { name: "Cancel" }).click();
  fs.rmSync(dir, { recursive: true, force: true });

  await page.goto("/data");
  const row = page.locator('[data-testid="series-row"][data-key="SPX"]');
  await expect(row.getByTestId("series-row-count")).toHaveText("123 rows");
  await expect(row.getByTestId("series-last-value")).toHaveText("1,140.45");
  await expect(row).toContainText("Monthly");
});

test("an API token pushes values that appear live on the Data page, and stops working once revoked", async ({ page, request }) => {
  await registerViaUi(page, { name: "Sam Script" });
  await createNotebook(page, "Small caps");
  await page.goto("/data");
  await page.getByRole("button", { name: "New series" }).click();
  await createSeries(page, { key: "RUT", name: "Russell 2000", unit: "index", source: "api" });
  await expect(page.getByText("Push from your scripts")).toBeVisible();
  await expect(page.locator("pre").first()).toContainText("/api/v1/series/RUT/observations");

  await page.getByRole("link", { name: "Create an API token" }).click();
  await expect(page).toHaveURL(/\/account#api-tokens$/);
  const tokens = page.getByTestId("api-tokens");
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByText("Name the token after the script that uses it.")).toBeVisible();
  await tokens.getByLabel("Token name").fill("nightly-russell.py");
  await tokens.getByRole("button", { name: "Create token" }).click();
  await expect(tokens.getByTestId("new-token")).toContainText("shown only this once");
  const token = (await tokens.getByTestId("token-value").innerText()).trim();
  expect(token).toMatch(/^quire_/);
  await expect(tokens.getByTestId("token-list")).toContainText("nightly-russell.py");
  await expect(tokens.getByTestId("token-list")).toContainText("Small caps");
  await expect(tokens.getByTestId("token-list")).toContainText(`${token.slice(0, 12)}…`);

  await page.goto("/data");
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  const row = page.locator('[data-testid="series-row"][data-key="RUT"]');
  await expect(row.getByTestId("series-row-count")).toHaveText("0 rows");
  const push = await request.post("/api/v1/series/RUT/observations", {
    headers: { authorization: `Bearer ${token}` },
    data: { observations: [{ date: "2026-01-02", value: 2481.9 }, { date: "2026-01-05", value: 2502.37 }] },
  });
  expect(push.status(), await push.text()).toBe(200);
  await expect(row.getByTestId("series-last-value")).toHaveText("2,502.37");
  await expect(row.getByTestId("series-row-count")).toHaveText("2 rows");

  await page.goto("/account");
  await page.getByRole("button", { name: "Revoke nightly-russell.py" }).click();
  const confirm = page.getByRole("dialog", { name: "Revoke token" });
  await expect(confirm).toContainText("get 401");
  await confirm.getByRole("button", { name: "Revoke token" }).click();
  await expect(page.getByTestId("token-row").first()).toContainText("revoked");
  const after = await request.post("/api/v1/series/RUT/observations", {
    headers: { authorization: `Bearer ${token}` },
    data: { observations: [{ date: "2026-01-06", value: 2510 }] },
  });
  expect(after.status()).toBe(401);
  expect((await after.json()).error.message).toMatch(/revoked/);
});
