// The registration page.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { RegisterForm } from "@/components/auth/register-form";
import { currentCaller } from "@/server/http/current-caller";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Create an account" };

export default async function RegisterPage() {
  if (await currentCaller()) redirect("/notebooks");
  return (
    <div className="auth-card">
      <div className="stack-sm">
        <h1>Create your Quire account</h1>
        <p className="muted">
          Already have one? <Link href="/sign-in">Sign in</Link>
        </p>
      </div>
      <RegisterForm signInAction={signInAction} />
    </div>
  );
}
