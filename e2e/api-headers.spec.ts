// Over real HTTP: tRPC answers carry the every-response security headers and the API's own policy (not a document),
// are never cached, and keep the request id; pages carry a nonce policy without 'unsafe-inline' scripts.
import { expect, test } from "@playwright/test";
import { send } from "./helpers/http";

const EXPECTED = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "strict-origin-when-cross-origin",
  "cache-control": "no-store",
};

test("tRPC answers (a result, a 401, a 400, a 404, a batch) have the security headers, no-store and a request id", async ({ baseURL }) => {
  const replies = [
    await send(baseURL!, "/api/trpc/health.ping"),
    await send(baseURL!, "/api/trpc/account.me"),
    await send(baseURL!, "/api/trpc/account.register", { method: "POST", body: "{not json", headers: { "content-type": "application/json" } }),
    await send(baseURL!, "/api/trpc/nothing.here"),
    await send(baseURL!, `/api/trpc/health.ping,account.me?batch=1&input=${encodeURIComponent("{}")}`),
  ];
  expect(replies.map((r) => r.status)).toEqual([200, 401, 400, 404, 207]);
  for (const reply of replies) {
    expect(reply.headers).toMatchObject(EXPECTED);
    expect(reply.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(String(reply.headers["permissions-policy"])).toContain("camera=()");
    expect(String(reply.headers["content-type"])).toContain("application/json");
    expect(String(reply.headers["x-request-id"])).toMatch(/^[0-9a-f-]{36}$/);
  }
});

test("pages get a fresh script nonce on every render, and Next's own inline scripts carry it", async ({ page, baseURL }) => {
  const first = await send(baseURL!, "/sign-in");
  const second = await send(baseURL!, "/sign-in");
  const policies = [first, second].map((r) => String(r.headers["content-security-policy"]));
  for (const policy of policies) {
    const scripts = policy.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scripts).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scripts).not.toContain("'unsafe-inline'");
  }
  expect(policies[0]).not.toBe(policies[1]);
  const nonce = /'nonce-([^']+)'/.exec(policies[0]!)![1]!;
  expect(first.body).toContain(`nonce="${nonce}"`);
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.com");
  await expect(page.getByLabel("Email")).toHaveValue("nobody@example.com");
  await page.goto("/");
  expect(violations).toEqual([]);
});
