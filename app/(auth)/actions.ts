"use server";
// Server actions for the session cookie: sign in, sign out, sign out everywhere, change password.
import { AuthError, CredentialsSignin } from "next-auth";
import { redirect } from "next/navigation";
import { changePasswordInput, signInInput } from "@/lib/validation/account";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { signIn, signOut, SIGN_IN_MESSAGES } from "@/server/auth";
import { currentCaller } from "@/server/http/current-caller";
import { changePassword, signOutEverywhere } from "@/server/services/accounts";

export type FormState = { error?: string; fieldErrors?: Record<string, string[] | undefined>; ok?: boolean };

function messageFor(error: unknown): string | null {
  if (error instanceof CredentialsSignin) return SIGN_IN_MESSAGES[error.code] ?? SIGN_IN_MESSAGES.invalid_credentials!;
  if (error instanceof AuthError) return "Signing in failed. Try again in a moment.";
  return null;
}

/** Signs in with email and password, then goes to the page the user came from. */
export async function signInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const parsed = signInInput.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Enter your email and password." };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
  } catch (error) {
    const message = messageFor(error);
    if (message) return { error: message };
    throw error;
  }
  return { ok: true };
}

/** Ends this browser's session, on the server too (Auth.js's signOut event ends the session row). */
export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}

/** Ends every session of the signed-in user, on every device, this one included. */
export async function signOutEverywhereAction(): Promise<void> {
  const caller = await currentCaller();
  if (caller) await signOutEverywhere(caller.user);
  await signOut({ redirectTo: "/sign-in?signedOut=everywhere" });
}

/** Changes the password; other sessions end, and this one signs in again with the new password. */
export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const caller = await currentCaller();
  if (!caller) redirect("/sign-in");
  const parsed = changePasswordInput.safeParse({
    currentPassword: formData.get("currentPassword") ?? "",
    newPassword: formData.get("newPassword") ?? "",
  });
  if (!parsed.success) return { fieldErrors: parsed.error.flatten().fieldErrors };
  try {
    await changePassword(caller.user, parsed.data);
  } catch (error) {
    return { error: error instanceof Error ? error.message : "The password could not be changed." };
  }
  await signIn("credentials", { email: caller.user.email, password: parsed.data.newPassword, redirectTo: "/account?passwordChanged=1" });
  return { ok: true };
}
