// Input rules for accounts, shared by the forms and the server so both say the same thing.
import { z } from "zod";

const COMMON_PASSWORDS = new Set([
  "password", "password1", "password123", "1234567890", "123456789012", "qwertyuiop",
  "letmein123", "iloveyou12", "welcome123", "changeme123", "passw0rd123", "administrator",
]);

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

/** Why a password is too weak to accept, or null when it is fine. */
export function passwordWeakness(password: string, email?: string): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return "That password is too common: choose one that is harder to guess.";
  if (new Set(lower).size < 4) return "Use a password with more different characters.";
  if (email && lower.includes(email.split("@")[0]!.toLowerCase()) && email.split("@")[0]!.length >= 4) {
    return "Your password should not contain your email name.";
  }
  return null;
}

export const passwordSchema = z.string({ error: "Enter a password." }).max(PASSWORD_MAX, {
  error: `Use at most ${PASSWORD_MAX} characters.`,
});

export const registerInput = z
  .object({
    name: z
      .string({ error: "Enter your name." })
      .trim()
      .min(1, { error: "Enter your name." })
      .max(100, { error: "Use at most 100 characters for your name." }),
    email: emailSchema,
    password: passwordSchema,
  })
  .superRefine((v, ctx) => {
    const weakness = passwordWeakness(v.password, v.email);
    if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: weakness });
  });

export const signInInput = z.object({
  email: emailSchema,
  password: z.string().min(1, { error: "Enter your password." }).max(PASSWORD_MAX),
});

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password." }).max(PASSWORD_MAX),
    newPassword: passwordSchema,
  })
  .superRefine((v, ctx) => {
    const weakness = passwordWeakness(v.newPassword);
    if (weakness) ctx.addIssue({ code: "custom", path: ["newPassword"], message: weakness });
  });
