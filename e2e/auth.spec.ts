// e2e: accounts in a real browser: register, sign in and out, messages, redirects, sign out everywhere.
import { expect, test, type Browser } from "@playwright/test";
import { registerViaUi, signInViaUi, STRONG_PASSWORD, uniqueEmail } from "./helpers/accounts";

test("register, create a notebook, rename it, sign out, sign back in", async ({ page }) => {
  const account = await registerViaUi(page, { name: "Rita Rotation" });
  await expect(page.getByRole("heading", { name: "Start your first notebook" })).toBeVisible();

  await page.getByRole("button", { name: "Create a notebook" }).click();
  await page.getByLabel("Name").fill("Small caps 2026");
  await page.getByRole("button", { name: "Create notebook" }).click();
  await expect(page.getByTestId("notebook-title")).toHaveText("Small caps 2026");

  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Notebook name").fill("Small caps vs large caps 2026");
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByTestId("notebook-title")).toHaveText("Small caps vs large caps 2026");
  await page.reload();
  await expect(page.getByTestId("notebook-title")).toHaveText("Small caps vs large caps 2026");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await page.goto("/notebooks");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fnotebooks/);

  await signInViaUi(page, account.email, account.password);
  await expect(page).toHaveURL(/\/notebooks$/);
  await expect(page.getByRole("link", { name: /Small caps vs large caps 2026/ })).toBeVisible();
});

test("an anonymous visitor to an app page is sent to sign-in, and back after signing in", async ({ page }) => {
  await page.goto("/notebooks?tab=members");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fnotebooks%3Ftab%3Dmembers/);
  await expect(page.getByRole("heading", { name: "Sign in to Quire" })).toBeVisible();
  await page.getByLabel("Email").fill("demo@quire.local");
  await page.getByLabel("Password").fill("quire-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/notebooks\?tab=members$/);
  await expect(page.getByRole("link", { name: /Market rotation 2026/ })).toBeVisible();
});

test("the demo notebook's welcome note renders", async ({ page }) => {
  await signInViaUi(page, "demo@quire.local", "quire-demo-2026");
  await page.getByRole("link", { name: /Market rotation 2026/ }).click();
  await page.getByRole("link", { name: /Welcome to Quire/ }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Quire", level: 1 })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Russell 2000, year to date" })).toBeVisible();
});

test("wrong password and unknown email get the same message; taken email and weak password are explained", async ({ page }) => {
  const account = await registerViaUi(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  // Sign-out has ended the session once it lands on the sign-in page; going there sooner races it.
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);

  await signInViaUi(page, account.email, "not-the-right-password");
  const wrongPassword = await page.getByTestId("form-error").textContent();
  await signInViaUi(page, uniqueEmail("nobody"), "not-the-right-password");
  const unknownEmail = await page.getByTestId("form-error").textContent();
  expect(wrongPassword).toContain("do not match");
  expect(unknownEmail).toBe(wrongPassword);

  await page.goto("/register");
  await page.getByLabel("Name").fill("Copy Cat");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("form-error")).toContainText("already exists");

  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page).toHaveURL(/\/register$/);
});

/** One account signed in from two separate browser contexts (two devices). */
async function oneAccountTwoBrowsers(browser: Browser) {
  const first = await browser.newContext();
  const second = await browser.newContext();
  const pageA = await first.newPage();
  const pageB = await second.newPage();
  const account = await registerViaUi(pageA);
  await signInViaUi(pageB, account.email, account.password);
  await expect(pageB).toHaveURL(/\/notebooks$/);
  return { first, second, pageA, pageB, account };
}

test("sign out everywhere ends the session in a second browser context", async ({ browser }) => {
  const { first, second, pageA, pageB } = await oneAccountTwoBrowsers(browser);

  await pageA.goto("/account");
  await pageA.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(pageA).toHaveURL(/signedOut=everywhere/);

  await pageB.goto("/notebooks");
  await expect(pageB).toHaveURL(/\/sign-in/);
  const status = await pageB.evaluate(async () => (await fetch("/api/trpc/notebooks.list")).status);
  expect(status).toBe(401);
  await first.close();
  await second.close();
});

test("a password change keeps this session and ends the other one", async ({ browser }) => {
  const { first, second, pageA, pageB, account } = await oneAccountTwoBrowsers(browser);

  await pageA.goto("/account");
  await pageA.getByLabel("Current password").fill(account.password);
  await pageA.getByLabel("New password").fill("a-brand-new-passphrase-7");
  await pageA.getByRole("button", { name: "Change password" }).click();
  await expect(pageA.getByText("Your password is changed")).toBeVisible();
  await pageA.goto("/notebooks");
  await expect(pageA).toHaveURL(/\/notebooks$/);

  await pageB.goto("/notebooks");
  await expect(pageB).toHaveURL(/\/sign-in/);
  await first.close();
  await second.close();
});
