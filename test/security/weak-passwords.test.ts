// Attack replay: registration used to accept guessable passwords (Password1!, qwertyuiop1) and any number of accounts from one address.
import { describe, expect, it } from "vitest";
import demoUser from "@/db/seed/demo-user.json";
import { passwordWeakness } from "@/lib/validation/account";
import { callerFor, makeUser, OTHER_STRONG_PASSWORD, STRONG_PASSWORD, trpcError } from "@/test/helpers";
import { createCaller } from "@/server/trpc/root";

const fromAddress = (clientIp: string) => createCaller({ user: null, requestId: "test", clientIp });
let n = 0;
const fresh = () => `weak${++n}@example.com`;

describe("registration refuses guessable passwords, and says why", () => {
  it.each([
    ["Password1!", /commonly used password/],
    ["qwertyuiop1", /commonly used password/],
    ["1234567890", /hundred most used passwords/],
    ["abcdefghij1", /Sequences/],
    ["Summer2026!", /commonly used password/],
    ["Welcome123!", /too easy to guess/],
  ])("refuses %j", async (password, reason) => {
    const error = await trpcError(() => fromAddress("10.80.0.1").account.register({ name: "Weak", email: fresh(), password }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(reason);
  });

  it("refuses a guessable new password on change too", async () => {
    const user = await makeUser("changer");
    const error = await trpcError(() => callerFor(user).account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: "Password1!" }));
    expect(error.message).toMatch(/commonly used password/);
  });

  it("accepts strong passwords, the demo user's included", async () => {
    for (const password of [STRONG_PASSWORD, OTHER_STRONG_PASSWORD, demoUser.password]) expect(passwordWeakness(password)).toBeNull();
    const created = await fromAddress("10.80.0.2").account.register({ name: "Strong", email: fresh(), password: STRONG_PASSWORD });
    expect(created.email).toMatch(/@example\.com$/);
  });
});

describe("registration is throttled per client address", () => {
  it("allows 10 an hour from one address, refuses the 11th with a message, and leaves other addresses alone", async () => {
    const caller = fromAddress("10.81.0.1");
    for (let i = 0; i < 10; i++) await caller.account.register({ name: "Farm", email: fresh(), password: STRONG_PASSWORD });
    const error = await trpcError(() => caller.account.register({ name: "Farm", email: fresh(), password: STRONG_PASSWORD }));
    expect(error.code).toBe("TOO_MANY_REQUESTS");
    expect(error.message).toMatch(/Too many accounts/);
    await expect(fromAddress("10.81.0.2").account.register({ name: "Other", email: fresh(), password: STRONG_PASSWORD })).resolves.toBeTruthy();
  });
});
