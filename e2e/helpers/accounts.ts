// Shared steps for e2e specs: unique accounts, register and sign in through the real pages.
import { expect, type Page } from "@playwright/test";

export const STRONG_PASSWORD = "correct-horse-battery-42";

let counter = 0;

/** An email no other test uses. */
export function uniqueEmail(prefix = "analyst"): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}@example.com`;
}

/** Registers through the register page and lands signed in on the notebooks page. */
export async function registerViaUi(page: Page, opts: { name?: string; email?: string; password?: string } = {}) {
  const account = { name: opts.name ?? "Ada Analyst", email: opts.email ?? uniqueEmail(), password: opts.password ?? STRONG_PASSWORD };
  await page.goto("/register");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/notebooks$/);
  return account;
}

/** Signs in through the sign-in page. */
export async function signInViaUi(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
