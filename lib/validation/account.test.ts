// Account input rules: email normalisation, password strength messages, register and change-password schemas.
import { describe, expect, it } from "vitest";
import { changePasswordInput, emailSchema, passwordWeakness, registerInput, signInInput } from "./account";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-limits";

function firstMessage(result: { success: boolean; error?: { issues: Array<{ message: string; path: PropertyKey[] }> } }) {
  return result.success ? null : { path: result.error!.issues[0]!.path.join("."), message: result.error!.issues[0]!.message };
}

describe("emailSchema", () => {
  it("trims and lower-cases a valid address", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
  });

  it.each([
    ["not an email", /valid email/],
    ["", /valid email/],
    [`${"a".repeat(250)}@example.com`, /too long/],
  ])("refuses %j", (email, message) => {
    const result = emailSchema.safeParse(email);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.message).toMatch(message);
  });

  it("asks for an email when it is not a string", () => {
    expect(emailSchema.safeParse(42).error!.issues[0]!.message).toBe("Enter your email address.");
  });
});

describe("passwordWeakness", () => {
  it("accepts a long, varied password", () => {
    expect(passwordWeakness("violet kettle drums quietly")).toBeNull();
  });

  it.each([
    ["a1b2c3d4e", `Use at least ${PASSWORD_MIN} characters.`],
    ["x".repeat(PASSWORD_MAX - 3) + "abcd", `Use at most ${PASSWORD_MAX} characters.`],
  ])("refuses %j", (password, message) => {
    expect(passwordWeakness(password)).toBe(message);
  });

  it.each([
    ["Password123", /commonly used password/],
    ["abcabcabcabc", /Repeated groups of characters/],
    ["aaaaaabcde", /Repeated characters/],
  ])("refuses the guessable %j and says why", (password, message) => {
    expect(passwordWeakness(password)).toMatch(message);
  });

  it("refuses a password containing the email name only when that name has 4+ characters", () => {
    expect(passwordWeakness("my-Margaret-pass", { email: "margaret@example.com" })).toBe("Your password should not contain your email name.");
    expect(passwordWeakness("my-bob-password!", { email: "bob@example.com" })).toBeNull();
  });
});

describe("registerInput", () => {
  const valid = { name: " Ada ", email: "ADA@example.com", password: "violet kettle drums quietly" };

  it("parses a valid registration", () => {
    expect(registerInput.parse(valid)).toEqual({ name: "Ada", email: "ada@example.com", password: valid.password });
  });

  it.each([
    [{ ...valid, name: "   " }, "name", "Enter your name."],
    [{ ...valid, name: "n".repeat(101) }, "name", "Use at most 100 characters for your name."],
    [{ ...valid, email: "nope" }, "email", "Enter a valid email address, like name@example.com."],
    [{ ...valid, password: "short" }, "password", `Use at least ${PASSWORD_MIN} characters.`],
    [{ ...valid, email: "Margaret@example.com", password: "margaret-is-my-name" }, "password", "Your password should not contain your email name."],
    [{ name: "Ada", email: "ada@example.com" }, "password", "Enter a password."],
  ])("refuses %j on %s", (input, path, message) => {
    expect(firstMessage(registerInput.safeParse(input))).toEqual({ path, message });
  });

  it("does not crash on wrong types for the password", () => {
    for (const password of [null, 12345, ["x"], { a: 1 }]) {
      const result = registerInput.safeParse({ ...valid, password });
      expect(result.success).toBe(false);
    }
  });
});

describe("signInInput and changePasswordInput", () => {
  it("signInInput needs a password but does not judge its strength", () => {
    expect(signInInput.safeParse({ email: "a@example.com", password: "x" }).success).toBe(true);
    expect(firstMessage(signInInput.safeParse({ email: "a@example.com", password: "" }))).toEqual({ path: "password", message: "Enter your password." });
  });

  it("changePasswordInput needs the current password and a strong new one", () => {
    expect(changePasswordInput.safeParse({ currentPassword: "old", newPassword: "violet kettle drums quietly" }).success).toBe(true);
    expect(firstMessage(changePasswordInput.safeParse({ currentPassword: "", newPassword: "violet kettle drums quietly" }))).toEqual({
      path: "currentPassword",
      message: "Enter your current password.",
    });
    expect(firstMessage(changePasswordInput.safeParse({ currentPassword: "old", newPassword: "password123" }))?.path).toBe("newPassword");
  });
});
