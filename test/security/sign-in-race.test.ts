// Attack replay: 100 concurrent wrong passwords for one account, with the right one among them, must not outrun the limit of 5.
import { describe, expect, it, vi } from "vitest";
import { makeUser, STRONG_PASSWORD } from "@/test/helpers";
import { authenticate } from "@/server/services/accounts";
import type * as passwords from "@/server/services/passwords";
import { verifyPassword } from "@/server/services/passwords";
import { SIGN_IN_LIMITS } from "@/server/services/rate-limit";

vi.mock("@/server/services/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const calls = vi.mocked(verifyPassword).mock.calls;

/** 100 wrong passwords and the right one at `rightAt`, all sent at once from one address. */
async function burst(email: string, rightAt: number, address: string) {
  const passwords = Array.from({ length: 100 }, (_, i) => `wrong guess number ${i}`);
  passwords.splice(rightAt, 0, STRONG_PASSWORD);
  const before = calls.length;
  const results = await Promise.all(passwords.map((password) => authenticate(email, password, address)));
  return { results, right: results[rightAt]!, checked: calls.length - before };
}

describe("a burst of concurrent sign-ins for one account", () => {
  it("checks at most 5 passwords, and the right one arriving late is refused as rate-limited", async () => {
    const user = await makeUser("race");
    const { results, right, checked } = await burst(user.email, 50, "10.66.0.1");
    expect(checked).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(results.filter((r) => r.kind !== "rate_limited").length).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(right.kind).toBe("rate_limited");
  });

  it("lets the right password in when it arrives among the first 5, and a burst after it still checks no more than 5", async () => {
    const user = await makeUser("race");
    // Which of a hundred concurrent requests reaches the database first is up to the pool (on PostgreSQL), so the order
    // is made explicit: two wrong guesses together, then the right password, then a burst of 98.
    await Promise.all([0, 1].map((i) => authenticate(user.email, `early wrong guess ${i}`, "10.66.0.2")));
    expect((await authenticate(user.email, STRONG_PASSWORD, "10.66.0.2")).kind).toBe("ok");
    const before = calls.length;
    const rest = await Promise.all(Array.from({ length: 98 }, (_, i) => authenticate(user.email, `late wrong guess ${i}`, "10.66.0.2")));
    expect(calls.length - before).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(rest.filter((r) => r.kind === "rate_limited").length).toBeGreaterThanOrEqual(98 - SIGN_IN_LIMITS.perAccount);
  });

  it("spreads over many addresses without help: the account limit holds across them", async () => {
    const user = await makeUser("race");
    const before = calls.length;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) => authenticate(user.email, i === 70 ? STRONG_PASSWORD : `guess ${i} wrong`, `10.67.${i}.1`)),
    );
    expect(calls.length - before).toBeLessThanOrEqual(SIGN_IN_LIMITS.perAccount);
    expect(results[70]!.kind).toBe("rate_limited");
  });
});
