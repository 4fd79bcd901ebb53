// The sign-in page.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { currentCaller } from "@/server/http/current-caller";
import { demoSignIn } from "@/server/services/demo";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

type Search = Promise<{ callbackUrl?: string; signedOut?: string }>;

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  if (await currentCaller()) redirect(callbackUrl);
  const demo = demoSignIn();
  return (
    <div className="auth-card">
      <div className="stack-sm">
        <h1>Sign in to Quire</h1>
        <p className="muted">
          New here? <Link href={`/register`}>Create an account</Link>
        </p>
      </div>
      {params.signedOut && (
        <div className="alert alert-success" data-testid="signed-out">
          {params.signedOut === "everywhere" ? "You are signed out on every device." : "You are signed out."}
        </div>
      )}
      <SignInForm action={signInAction} callbackUrl={callbackUrl} />
      {demo && (
        <p className="demo-hint">
          Trying Quire? Sign in as <strong>{demo.email}</strong> with the password <strong>{demo.password}</strong>.
        </p>
      )}
    </div>
  );
}
