"use client";
// The sign-in form: email and password, with the server's message when sign-in fails.
import { useActionState } from "react";

type FormState = { error?: string };

export function SignInForm({
  action,
  callbackUrl,
  defaultEmail,
}: {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  callbackUrl: string;
  defaultEmail?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      {state.error && (
        <div className="alert alert-error" role="alert" data-testid="form-error">
          {state.error}
        </div>
      )}
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" className="input" autoComplete="email" defaultValue={defaultEmail} required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" className="input" autoComplete="current-password" required />
      </div>
      <button type="submit" className="btn btn-primary btn-block" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
