// Input rules for accounts, shared by the forms and the server so both say the same thing.
import { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-limits";
import { guessability } from "./password-strength";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .max(254, { error: "That email address is too long." })
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com." }));

export type PasswordOwner = { email?: string; name?: string };

/** Why a password is too weak to accept (length, the email's name in it, or guessable, with advice), or null when it is fine. */
export function passwordWeakness(password: string, owner: PasswordOwner = {}): string | null {
  if (password.length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const emailName = owner.email?.split("@")[0]?.toLowerCase() ?? "";
  if (emailName.length >= 4 && password.toLowerCase().includes(emailName)) return "Your password should not contain your email name.";
  return guessability(password, [owner.email ?? "", owner.name ?? ""]);
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
    const weakness = passwordWeakness(v.password, { email: v.email, name: v.name });
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
