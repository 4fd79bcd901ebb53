// e2e: notebooks shared between people: members and roles, what a viewer sees, deletion, a stranger's 404.
import { expect, test, type Browser } from "@playwright/test";
import { registerViaUi } from "./helpers/accounts";

async function signedInPage(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const account = await registerViaUi(page, { name });
  return { context, page, account };
}

test("an owner adds a viewer, who can read but not change the notebook; then deletes it", async ({ browser }) => {
  const owner = await signedInPage(browser, "Olive Owner");
  const viewer = await signedInPage(browser, "Victor Viewer");

  await owner.page.getByRole("button", { name: "Create a notebook" }).click();
  await owner.page.getByLabel("Name").fill("Fed path 2026");
  await owner.page.getByRole("button", { name: "Create notebook" }).click();
  await expect(owner.page.getByTestId("notebook-title")).toHaveText("Fed path 2026");
  const notebookUrl = owner.page.url();

  await owner.page.getByRole("link", { name: /Members/ }).click();
  await owner.page.getByLabel("Email").fill("nobody-here@example.com");
  await owner.page.getByRole("button", { name: "Add member" }).click();
  await expect(owner.page.getByText("No Quire account uses that email")).toBeVisible();

  await owner.page.getByLabel("Email").fill(viewer.account.email);
  await owner.page.getByLabel("Role", { exact: true }).selectOption("viewer");
  await owner.page.getByRole("button", { name: "Add member" }).click();
  await expect(owner.page.getByTestId("member-list")).toContainText(viewer.account.email);

  await viewer.page.goto(notebookUrl);
  await expect(viewer.page.getByTestId("notebook-title")).toHaveText("Fed path 2026");
  await viewer.page.getByRole("link", { name: /Members/ }).click();
  await expect(viewer.page.getByText("Only the notebook's owners can add or remove members.")).toBeVisible();
  await expect(viewer.page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await viewer.page.getByRole("link", { name: "Settings" }).click();
  await expect(viewer.page.getByRole("button", { name: "Rename" })).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: /Delete/ })).toHaveCount(0);

  await owner.page.getByRole("link", { name: "Settings" }).click();
  await owner.page.getByRole("button", { name: "Delete notebook…" }).click();
  await expect(owner.page.getByTestId("deletion-impact")).toContainText("0 notes");
  await expect(owner.page.getByTestId("deletion-impact")).toContainText("2 members");
  const confirm = owner.page.getByRole("button", { name: "Delete forever" });
  await expect(confirm).toBeDisabled();
  await owner.page.getByLabel(/Type .* to confirm/).fill("Fed path 2026");
  await confirm.click();
  await expect(owner.page).toHaveURL(/\/notebooks$/);
  await expect(owner.page.getByRole("heading", { name: "Start your first notebook" })).toBeVisible();

  await viewer.page.goto(notebookUrl);
  await expect(viewer.page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await owner.context.close();
  await viewer.context.close();
});

test("a stranger sees the same 404 for someone else's notebook as for one that does not exist", async ({ browser }) => {
  const owner = await signedInPage(browser, "Priya Private");
  await owner.page.getByRole("button", { name: "Create a notebook" }).click();
  await owner.page.getByLabel("Name").fill("Private research");
  await owner.page.getByRole("button", { name: "Create notebook" }).click();
  await expect(owner.page.getByTestId("notebook-title")).toHaveText("Private research");
  const notebookUrl = owner.page.url();

  const stranger = await signedInPage(browser, "Sam Stranger");
  const existing = await stranger.page.goto(notebookUrl);
  const existingText = await stranger.page.locator("body").innerText();
  const missing = await stranger.page.goto("/notebooks/doesnotexist0000");
  const missingText = await stranger.page.locator("body").innerText();
  expect(existing?.status()).toBe(404);
  expect(missing?.status()).toBe(404);
  expect(existingText).toBe(missingText);
  expect(existingText).not.toContain("Private research");
  await owner.context.close();
  await stranger.context.close();
});
