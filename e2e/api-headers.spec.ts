// Over real HTTP: tRPC answers carry the same security headers as every page, are never cached, and keep the request id.
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
    expect(String(reply.headers["content-security-policy"])).toContain("default-src 'self'");
    expect(String(reply.headers["content-type"])).toContain("application/json");
    expect(String(reply.headers["x-request-id"])).toMatch(/^[0-9a-f-]{36}$/);
  }
});
