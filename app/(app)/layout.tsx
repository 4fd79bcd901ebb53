// The signed-in app: sends anonymous visitors to sign-in, then shows the navigation beside the page.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppNav } from "@/components/shell/app-nav";
import { auth } from "@/server/auth";
import { pagePathFrom } from "@/server/request-meta";
import { signOutAction } from "../(auth)/actions";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const session = await auth();
  if (!session?.user?.id) {
    redirect(`/sign-in?callbackUrl=${encodeURIComponent(pagePathFrom(await headers()))}`);
  }
  return (
    <div className="shell">
      <AppNav user={{ name: session.user.name ?? "", email: session.user.email ?? "" }} signOutAction={signOutAction} />
      <div className="main">{children}</div>
    </div>
  );
}
