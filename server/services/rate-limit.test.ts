// Throttling in the database: attempts counted per account and per address (sign-in) and per address (registration), in fixed windows.
import { describe, expect, it } from "vitest";
import { registerLimits, signInSucceeded, SIGN_IN_LIMITS, takeRegistrationAttempt, takeSignInAttempt } from "./rate-limit";

const T0 = 1_750_000_000_000;
let n = 0;
/** A fresh email and address, so tests never share counters. */
function fresh() {
  n += 1;
  return { email: `rl${n}@example.com`, address: `10.0.0.${n}` };
}

describe("limits", () => {
  it("defaults to 5 per account and 20 per address in 15 minutes, and 10 registrations per address an hour", () => {
    expect(SIGN_IN_LIMITS).toEqual({ perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 });
    expect(registerLimits()).toEqual({ perAddress: 10, windowMs: 60 * 60 * 1000 });
  });
});

describe("sign-in, per account", () => {
  it("lets 5 attempts through, refuses the 6th, from any address", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < 5; i++) expect(await takeSignInAttempt(email, address, T0 + i)).toBe(0);
    expect(await takeSignInAttempt(email, address, T0 + 10)).toBeGreaterThan(0);
    expect(await takeSignInAttempt(email, "192.168.9.9", T0 + 10)).toBeGreaterThan(0);
    expect(await takeSignInAttempt(`other-${email}`, address, T0 + 10)).toBe(0);
  });

  it("tells how long to wait, and lets attempts through again when the window has passed", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < 5; i++) await takeSignInAttempt(email, address, T0 + i * 1000);
    const window = SIGN_IN_LIMITS.windowMs;
    expect(await takeSignInAttempt(email, address, T0 + 5000)).toBe(window - 5000);
    expect(await takeSignInAttempt(email, address, T0 + window - 1)).toBe(1);
    expect(await takeSignInAttempt(email, address, T0 + window)).toBe(0);
  });

  it("forgets the account's attempts after a success", async () => {
    const { email, address } = fresh();
    for (let i = 0; i < 5; i++) await takeSignInAttempt(email, address, T0);
    await signInSucceeded(email, address);
    expect(await takeSignInAttempt(email, "172.16.0.1", T0 + 1)).toBe(0);
  });
});

describe("sign-in, per address", () => {
  it("refuses an address after 20 attempts across different accounts, but not another address", async () => {
    const { address } = fresh();
    for (let i = 0; i < 20; i++) expect(await takeSignInAttempt(`spray${n}-${i}@example.com`, address, T0 + i)).toBe(0);
    expect(await takeSignInAttempt("victim@example.com", address, T0 + 100)).toBeGreaterThan(0);
    expect(await takeSignInAttempt("victim@example.com", "10.99.99.99", T0 + 100)).toBe(0);
  });

  it("gives back only the successful attempt: a success on one account does not clear the address", async () => {
    const { address } = fresh();
    for (let i = 0; i < 20; i++) await takeSignInAttempt(`many${n}-${i}@example.com`, address, T0);
    await signInSucceeded(`many${n}-0@example.com`, address);
    expect(await takeSignInAttempt(`many${n}-0@example.com`, address, T0 + 1)).toBe(0);
    expect(await takeSignInAttempt(`many${n}-1@example.com`, address, T0 + 2)).toBeGreaterThan(0);
  });
});

describe("registration, per address", () => {
  it("lets 10 registrations an hour through from one address, not an 11th", async () => {
    const { address } = fresh();
    for (let i = 0; i < 10; i++) expect(await takeRegistrationAttempt(address, T0 + i)).toBe(0);
    expect(await takeRegistrationAttempt(address, T0 + 10)).toBeGreaterThan(0);
    expect(await takeRegistrationAttempt("10.99.99.98", T0 + 10)).toBe(0);
    expect(await takeRegistrationAttempt(address, T0 + 60 * 60 * 1000)).toBe(0);
  });
});
