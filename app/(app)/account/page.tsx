// The account page: who you are, change password, API tokens for scripts, sign out everywhere.
import type { Metadata } from "next";
import { ApiTokens } from "@/components/account/api-tokens";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { HydrateClient, caller, getQueryClient, trpc } from "@/server/trpc/server";
import { changePasswordAction, signOutEverywhereAction } from "../../(auth)/actions";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ passwordChanged?: string }> }) {
  const me = await caller.account.me();
  const { passwordChanged } = await searchParams;
  const queryClient = getQueryClient();
  await Promise.all([queryClient.prefetchQuery(trpc.tokens.list.queryOptions()), queryClient.prefetchQuery(trpc.notebooks.list.queryOptions())]);
  return (
    <div className="page" style={{ maxWidth: 720 }}>
      <div className="page-header">
        <div>
          <h1>Account</h1>
          <p className="muted">
            Signed in as <strong>{me.name}</strong> ({me.email})
          </p>
        </div>
      </div>
      {passwordChanged && (
        <div className="alert alert-success" role="status">
          Your password is changed, and your other sessions are signed out.
        </div>
      )}
      <section className="card card-body stack">
        <h2>Password</h2>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
      <HydrateClient>
        <ApiTokens />
      </HydrateClient>
      <section className="card card-body stack-sm">
        <h2>Sessions</h2>
        <p className="muted">Lost a laptop, or signed in on a shared computer? End every session of your account, this one included.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="btn btn-danger">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
