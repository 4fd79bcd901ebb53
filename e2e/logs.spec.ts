// e2e: the server's structured log has request ids and never holds a password, a session cookie or a query string.
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { registerViaUi, signInViaUi } from "./helpers/accounts";

const logFile = path.join(process.env.E2E_DATA_DIR ?? "data/e2e", "server.log");

test("passwords, session cookies and query strings never reach the log", async ({ page, context }) => {
  const secretPassword = `Log-Canary-${Date.now()}-pass`;
  const account = await registerViaUi(page, { password: secretPassword });
  const cookie = (await context.cookies()).find((c) => c.name.includes("session-token"));
  expect(cookie?.value.length).toBeGreaterThan(20);
  await page.getByRole("button", { name: "Sign out" }).click();
  // Sign-out has ended the session once it lands on the sign-in page; going there sooner races it.
  await expect(page).toHaveURL(/\/sign-in\?signedOut=1/);
  await signInViaUi(page, account.email, `${secretPassword}-wrong`);
  await expect(page.getByTestId("form-error")).toBeVisible();
  await page.goto("/sign-in?callbackUrl=%2Fnotebooks%3Fsecret%3Dquery-canary");

  await expect.poll(() => fs.readFileSync(logFile, "utf8")).toContain('"path":"/sign-in"');
  const log = fs.readFileSync(logFile, "utf8");
  expect(log).not.toContain(secretPassword);
  expect(log).not.toContain(cookie!.value.slice(0, 40));
  expect(log).not.toContain("query-canary");
  const requestLines = log
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as { msg?: string; requestId?: string })
    .filter((l) => l.msg === "request");
  expect(requestLines.length).toBeGreaterThan(3);
  expect(requestLines.every((l) => typeof l.requestId === "string" && l.requestId.length >= 32)).toBe(true);
});
