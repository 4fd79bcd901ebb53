// Sign-in throttling: per-account and per-address failure limits in a sliding window.
import { describe, expect, it } from "vitest";
import { clearAccountFailures, recordSignInFailure, signInBlockedFor, SIGN_IN_LIMITS } from "./rate-limit";

const T0 = 1_750_000_000_000;
let n = 0;
/** A fresh email and address, so tests never share buckets. */
function fresh() {
  n += 1;
  return { email: `rl${n}@example.com`, address: `10.0.0.${n}` };
}

describe("limits", () => {
  it("defaults to 5 per account and 20 per address in 15 minutes", () => {
    expect(SIGN_IN_LIMITS).toEqual({ perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 });
  });
});

describe("per account", () => {
  it("allows 4 failures, blocks at the 5th, from any address", () => {
    const { email, address } = fresh();
    for (let i = 0; i < 4; i++) recordSignInFailure(email, address, T0 + i);
    expect(signInBlockedFor(email, address, T0 + 10)).toBe(0);
    recordSignInFailure(email, address, T0 + 4);
    expect(signInBlockedFor(email, address, T0 + 10)).toBeGreaterThan(0);
    expect(signInBlockedFor(email, "192.168.9.9", T0 + 10)).toBeGreaterThan(0);
    expect(signInBlockedFor(`other-${email}`, address, T0 + 10)).toBe(0);
  });

  it("tells how long to wait, and lifts the block when the window slides past the failures", () => {
    const { email, address } = fresh();
    for (let i = 0; i < 5; i++) recordSignInFailure(email, address, T0 + i * 1000);
    const window = SIGN_IN_LIMITS.windowMs;
    expect(signInBlockedFor(email, address, T0 + 5000)).toBe(window - 5000);
    expect(signInBlockedFor(email, address, T0 + window - 1)).toBe(1);
    expect(signInBlockedFor(email, address, T0 + window)).toBe(0);
  });

  it("forgets the account's failures after a success", () => {
    const { email, address } = fresh();
    for (let i = 0; i < 5; i++) recordSignInFailure(email, address, T0);
    clearAccountFailures(email);
    expect(signInBlockedFor(email, "172.16.0.1", T0 + 1)).toBe(0);
  });
});

describe("per address", () => {
  it("blocks an address after 20 failures across different accounts, but not another address", () => {
    const { address } = fresh();
    for (let i = 0; i < 19; i++) recordSignInFailure(`spray${n}-${i}@example.com`, address, T0 + i);
    expect(signInBlockedFor("victim@example.com", address, T0 + 100)).toBe(0);
    recordSignInFailure(`spray${n}-19@example.com`, address, T0 + 19);
    expect(signInBlockedFor("victim@example.com", address, T0 + 100)).toBeGreaterThan(0);
    expect(signInBlockedFor("victim@example.com", "10.99.99.99", T0 + 100)).toBe(0);
  });

  it("is not cleared by a success on one account", () => {
    const { address } = fresh();
    for (let i = 0; i < 20; i++) recordSignInFailure(`many${n}-${i}@example.com`, address, T0);
    clearAccountFailures(`many${n}-0@example.com`);
    expect(signInBlockedFor(`many${n}-0@example.com`, address, T0 + 1)).toBeGreaterThan(0);
  });
});
