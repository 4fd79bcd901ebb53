// Accounts: registration rules, indistinguishable sign-in failures, throttling, session versions, password change.
import { describe, expect, it } from "vitest";
import { makeUser, OTHER_STRONG_PASSWORD, rowCounts, STRONG_PASSWORD, trpcError } from "@/test/helpers";
import { authenticate, changePassword, currentSessionVersion, EMAIL_TAKEN, me, register, signOutEverywhere } from "./accounts";

describe("register", () => {
  it("creates a user with a lower-cased email and returns no secret", async () => {
    const user = await register({ name: "  Ada Analyst ", email: "  Ada.Analyst@Example.COM ", password: STRONG_PASSWORD });
    expect(user).toEqual({ id: expect.stringMatching(/^[a-z0-9]{16}$/), email: "ada.analyst@example.com", name: "Ada Analyst" });
    expect(await me(user)).toEqual(user);
    expect(await currentSessionVersion(user.id)).toBe(1);
  });

  it.each([
    ["short1", /at least 10 characters/],
    ["password123", /commonly used password/],
    ["aaaaabbbbbaaaaabbbbb", /Repeated groups of characters/],
    ["weakling-xyz-2026", /email name/],
    ["x".repeat(201) + "abcd", /at most 200/],
  ])("refuses the weak password %j with a clear message", async (password, message) => {
    const counts = await rowCounts();
    const error = await trpcError(() => register({ name: "Weak", email: "weakling@example.com", password }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(message);
    expect(await rowCounts()).toEqual(counts);
  });

  it("refuses a taken email, whatever its case, with CONFLICT and a message", async () => {
    await register({ name: "First", email: "taken@example.com", password: STRONG_PASSWORD });
    const counts = await rowCounts();
    const error = await trpcError(() => register({ name: "Second", email: "TAKEN@example.com", password: OTHER_STRONG_PASSWORD }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe(EMAIL_TAKEN);
    expect(await rowCounts()).toEqual(counts);
  });
});

describe("authenticate", () => {
  it("signs in with the right password, from any case of the email", async () => {
    const user = await makeUser("signin");
    const result = await authenticate(user.email.toUpperCase(), STRONG_PASSWORD, "10.1.0.1");
    expect(result).toEqual({ kind: "ok", user: { ...user, sessionVersion: 1 } });
  });

  it("gives the same answer for an unknown email as for a wrong password", async () => {
    const user = await makeUser("same");
    const wrong = await authenticate(user.email, "not the password at all", "10.1.0.2");
    const unknown = await authenticate("nobody-here@example.com", "not the password at all", "10.1.0.2");
    expect(wrong).toEqual({ kind: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("refuses even the right password, from another address, after 5 failures on the account", async () => {
    const user = await makeUser("locked");
    for (let i = 0; i < 5; i++) {
      expect((await authenticate(user.email, `wrong guess ${i}`, "10.2.0.1")).kind).toBe("invalid");
    }
    const result = await authenticate(user.email, STRONG_PASSWORD, "10.2.0.99");
    expect(result.kind).toBe("rate_limited");
    expect(result.kind === "rate_limited" && result.retryAfterMs).toBeGreaterThan(0);
  });

  it("refuses an address after 20 failures across accounts, but not another address", async () => {
    const victim = await makeUser("victim");
    for (let i = 0; i < 20; i++) {
      expect((await authenticate(`spray${i}@example.com`, "guess-guess-guess", "10.3.0.1")).kind).toBe("invalid");
    }
    expect((await authenticate(victim.email, STRONG_PASSWORD, "10.3.0.1")).kind).toBe("rate_limited");
    expect((await authenticate(victim.email, STRONG_PASSWORD, "10.3.0.2")).kind).toBe("ok");
  });

  it("clears the account's count after a success", async () => {
    const user = await makeUser("clears");
    for (let i = 0; i < 4; i++) await authenticate(user.email, "wrong password here", "10.4.0.1");
    expect((await authenticate(user.email, STRONG_PASSWORD, "10.4.0.1")).kind).toBe("ok");
    for (let i = 0; i < 4; i++) await authenticate(user.email, "wrong password here", "10.4.0.2");
    expect((await authenticate(user.email, STRONG_PASSWORD, "10.4.0.3")).kind).toBe("ok");
  });
});

describe("session versions", () => {
  it("signOutEverywhere moves the session version on each time", async () => {
    const user = await makeUser("everywhere");
    expect(await signOutEverywhere(user)).toEqual({ sessionVersion: 2 });
    expect(await currentSessionVersion(user.id)).toBe(2);
    await signOutEverywhere(user);
    expect(await currentSessionVersion(user.id)).toBe(3);
    const signedIn = await authenticate(user.email, STRONG_PASSWORD, "10.5.0.1");
    expect(signedIn.kind === "ok" && signedIn.user.sessionVersion).toBe(3);
  });

  it("is null for a user that does not exist", async () => {
    expect(await currentSessionVersion("nosuchuser000000")).toBeNull();
    await expect(signOutEverywhere({ id: "nosuchuser000000" })).rejects.toThrow(expect.objectContaining({ kind: "UNAUTHORIZED" }));
  });
});

describe("changePassword", () => {
  it("requires the current password and changes nothing without it", async () => {
    const user = await makeUser("changer");
    const error = await trpcError(() => changePassword(user, { currentPassword: "not my password", newPassword: OTHER_STRONG_PASSWORD }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/current password/);
    expect(await currentSessionVersion(user.id)).toBe(1);
    expect((await authenticate(user.email, OTHER_STRONG_PASSWORD, "10.6.0.1")).kind).toBe("invalid");
  });

  it("refuses a weak new password", async () => {
    const user = await makeUser("weaknew");
    const error = await trpcError(() => changePassword(user, { currentPassword: STRONG_PASSWORD, newPassword: "password123" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/commonly used password/);
    expect(await currentSessionVersion(user.id)).toBe(1);
  });

  it("changes the password and bumps the session version", async () => {
    const user = await makeUser("changed");
    await changePassword(user, { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD });
    expect(await currentSessionVersion(user.id)).toBe(2);
    expect((await authenticate(user.email, STRONG_PASSWORD, "10.7.0.1")).kind).toBe("invalid");
    expect(await authenticate(user.email, OTHER_STRONG_PASSWORD, "10.7.0.1")).toMatchObject({ kind: "ok", user: { sessionVersion: 2 } });
  });
});
