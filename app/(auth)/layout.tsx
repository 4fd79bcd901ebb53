// The layout of the sign-in and register pages: a brand panel beside the form.
import type { ReactNode } from "react";
import { Brand } from "@/components/ui/brand";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-wrap">
      <aside className="auth-side">
        <Brand />
        <blockquote>Commentary that carries its own evidence: live charts, tracked questions, and a record of how your view changed.</blockquote>
        <div className="points">
          <span>Notes in Markdown with charts that redraw as data arrives</span>
          <span>Open questions with forecasts, resolution and scoring</span>
          <span>Read-only links for clients, live or pinned</span>
        </div>
      </aside>
      <main className="auth-main">{children}</main>
    </div>
  );
}
