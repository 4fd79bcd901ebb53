// The account router: register with form-grade errors, me, change password and sign out everywhere.
import { describe, expect, it } from "vitest";
import { currentSessionVersion } from "@/server/services/accounts";
import { callerFor, formatted, makeUser, OTHER_STRONG_PASSWORD, rowCounts, STRONG_PASSWORD, trpcError } from "@/test/helpers";

describe("account.register", () => {
  it("registers and the new user can read their profile", async () => {
    const user = await callerFor(null).account.register({ name: "Grace", email: "Grace@Example.com", password: STRONG_PASSWORD });
    expect(user).toEqual({ id: expect.any(String), name: "Grace", email: "grace@example.com" });
    await expect(callerFor(user).account.me()).resolves.toEqual(user);
  });

  it("explains a weak password on the password field", async () => {
    const input = { name: "Weak", email: "weak@example.com", password: "password123" };
    const counts = await rowCounts();
    const error = await trpcError(() => callerFor(null).account.register(input));
    const shape = formatted(error, "account.register", input);
    expect(shape.data.code).toBe("BAD_REQUEST");
    expect(shape.message).toBe("password: That is a commonly used password. Add more words that are less common.");
    expect(shape.data.fieldErrors).toEqual({ password: ["That is a commonly used password. Add more words that are less common."] });
    expect(await rowCounts()).toEqual(counts);
  });

  it("answers CONFLICT with a message for a taken email", async () => {
    const taken = await makeUser("taken");
    const input = { name: "Again", email: taken.email, password: OTHER_STRONG_PASSWORD };
    const error = await trpcError(() => callerFor(null).account.register(input));
    expect(error.code).toBe("CONFLICT");
    expect(formatted(error, "account.register", input).message).toMatch(/already exists/);
  });
});

describe("signed-in account procedures", () => {
  it("signOutEverywhere bumps the session version", async () => {
    const user = await makeUser("sout");
    await expect(callerFor(user).account.signOutEverywhere()).resolves.toEqual({ sessionVersion: 2 });
    expect(await currentSessionVersion(user.id)).toBe(2);
  });

  it("changePassword needs the current password, then bumps the session version", async () => {
    const user = await makeUser("chpw");
    const caller = callerFor(user);
    const wrong = await trpcError(() => caller.account.changePassword({ currentPassword: "nope nope nope", newPassword: OTHER_STRONG_PASSWORD }));
    expect(wrong.code).toBe("BAD_REQUEST");
    expect(await currentSessionVersion(user.id)).toBe(1);
    await caller.account.changePassword({ currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD });
    expect(await currentSessionVersion(user.id)).toBe(2);
  });

  it("me says UNAUTHORIZED when the account is gone", async () => {
    const error = await trpcError(() => callerFor({ id: "gone000000000000", email: "gone@example.com", name: "Gone" }).account.me());
    expect(error.code).toBe("UNAUTHORIZED");
  });
});
