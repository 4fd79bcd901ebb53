"use client";
// Change password: checks the current one; every other session ends, this one stays signed in.
import { useActionState } from "react";
import { PASSWORD_MIN } from "@/lib/validation/password-limits";

type FormState = { error?: string; fieldErrors?: Record<string, string[] | undefined> };

export function ChangePasswordForm({ action }: { action: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction, pending] = useActionState(action, {});
  const fieldError = (name: string) => state.fieldErrors?.[name]?.[0];
  return (
    <form action={formAction} className="stack-sm" noValidate>
      {state.error && <div className="alert alert-error">{state.error}</div>}
      <div className="field">
        <label htmlFor="currentPassword">Current password</label>
        <input id="currentPassword" name="currentPassword" type="password" className="input" autoComplete="current-password" />
        {fieldError("currentPassword") && <span className="field-error">{fieldError("currentPassword")}</span>}
      </div>
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input id="newPassword" name="newPassword" type="password" className="input" autoComplete="new-password" />
        {fieldError("newPassword") ? (
          <span className="field-error">{fieldError("newPassword")}</span>
        ) : (
          <span className="field-hint">At least {PASSWORD_MIN} characters. Your other devices will be signed out.</span>
        )}
      </div>
      <div>
        <button type="submit" className="btn btn-primary" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
