// The signed-in app: sends anonymous visitors to sign-in, then shows the navigation beside the page.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppNav } from "@/components/shell/app-nav";
import { currentCaller } from "@/server/http/current-caller";
import { pagePathFrom } from "@/server/request-meta";
import { signOutAction } from "../(auth)/actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const caller = await currentCaller();
  if (!caller) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(pagePathFrom(await headers()))}`);
  }
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AppNav user={{ name: caller.user.name, email: caller.user.email }} signOutAction={signOutAction} />
      <main className="main" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
