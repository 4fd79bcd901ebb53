"use client";
// The registration form: creates the account over tRPC, shows field messages, then signs in.
import { useMutation } from "@tanstack/react-query";
import { useActionState, useState, useTransition } from "react";
import { PASSWORD_MIN } from "@/lib/validation/password-limits";
import { useTRPC } from "@/components/trpc/provider";

type FormState = { error?: string };
type Fields = { name: string; email: string; password: string };

export function RegisterForm({ signInAction }: { signInAction: (prev: FormState, data: FormData) => Promise<FormState> }) {
  const trpc = useTRPC();
  const register = useMutation(trpc.account.register.mutationOptions());
  const [signInState, signIn] = useActionState(signInAction, {});
  const [signingIn, startSignIn] = useTransition();
  const [fields, setFields] = useState<Fields>({ name: "", email: "", password: "" });
  const fieldErrors = register.error?.data?.fieldErrors ?? {};
  const formError = register.error && !register.error.data?.fieldErrors ? register.error.message : signInState.error;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    register.mutate(fields, {
      onSuccess: () => {
        const data = new FormData();
        data.set("email", fields.email);
        data.set("password", fields.password);
        data.set("callbackUrl", "/notebooks");
        startSignIn(() => signIn(data));
      },
    });
  }

  const field = (name: keyof Fields, label: string, type: string, autoComplete: string, hint?: string) => {
    const error = fieldErrors[name]?.[0];
    return (
      <div className="field">
        <label htmlFor={name}>{label}</label>
        <input
          id={name}
          name={name}
          type={type}
          className="input"
          autoComplete={autoComplete}
          value={fields[name]}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : hint ? `${name}-hint` : undefined}
          onChange={(e) => setFields((f) => ({ ...f, [name]: e.target.value }))}
        />
        {error ? (
          <span id={`${name}-error`} className="field-error">
            {error}
          </span>
        ) : hint ? (
          <span id={`${name}-hint`} className="field-hint">
            {hint}
          </span>
        ) : null}
      </div>
    );
  };

  const busy = register.isPending || signingIn;
  return (
    <form onSubmit={onSubmit} noValidate>
      {formError && (
        <div className="alert alert-error" role="alert" data-testid="form-error">
          {formError}
        </div>
      )}
      {field("name", "Name", "text", "name")}
      {field("email", "Email", "email", "email")}
      {field("password", "Password", "password", "new-password", `At least ${PASSWORD_MIN} characters.`)}
      <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
        {busy ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
