"use client";
// The app's navigation: a sidebar on wide screens, a top bar with a menu on narrow ones.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Brand } from "@/components/ui/brand";
import { InboxBadge } from "@/components/inbox/inbox-page";
import { BookIcon, ChartIcon, DataIcon, InboxIcon, LinkIcon, MenuIcon, NoteIcon, QuestionIcon, SearchIcon } from "@/components/ui/icons";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { QuickSwitcher } from "@/components/search/quick-switcher";
import { clearAllDrafts } from "@/lib/notes/local-draft";
import { initials } from "@/components/ui/initials";

const LINKS: Array<{ href: string; label: string; icon: ReactNode }> = [
  { href: "/inbox", label: "Inbox", icon: <InboxIcon /> },
  { href: "/notebooks", label: "Notebooks", icon: <BookIcon /> },
  { href: "/notes", label: "Notes", icon: <NoteIcon /> },
  { href: "/charts", label: "Charts", icon: <ChartIcon /> },
  { href: "/questions", label: "Questions", icon: <QuestionIcon /> },
  { href: "/data", label: "Data", icon: <DataIcon /> },
  { href: "/shares", label: "Shared links", icon: <LinkIcon /> },
  { href: "/search", label: "Search", icon: <SearchIcon /> },
];


export function AppNav({ user, signOutAction }: { user: { name: string; email: string }; signOutAction: () => Promise<void> }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  return (
    <>
      <header className="topbar">
        <Brand href="/notebooks" />
        <button type="button" className="btn btn-ghost btn-sm" aria-label="Open navigation" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <MenuIcon />
        </button>
      </header>
      <aside className="sidebar" data-open={open} aria-label="Main">
        <Brand href="/notebooks" />
        <QuickSwitcher />
        <nav className="nav">
          {LINKS.map((link) => {
            const active = pathname === link.href || pathname.startsWith(`${link.href}/`);
            return (
              <Link key={link.href} href={link.href} className="nav-link" aria-current={active ? "page" : undefined} onClick={() => setOpen(false)}>
                {link.icon}
                {link.label}
                {link.href === "/inbox" && <InboxBadge />}
              </Link>
            );
          })}
        </nav>
        <div className="sidebar-footer">
          <Link href="/account" className="user-chip" style={{ color: "inherit", textDecoration: "none" }}>
            <span className="visually-hidden">Your account: </span>
            <span className="avatar" aria-hidden="true">
              {initials(user.name) || "?"}
            </span>
            <span className="who">
              <div style={{ fontWeight: 600, fontSize: "0.88rem" }}>{user.name}</div>
              <div className="faint">{user.email}</div>
            </span>
          </Link>
          <ThemeToggle />
          <form
            action={signOutAction}
            onSubmit={() => {
              try {
                clearAllDrafts(window.localStorage);
              } catch {}
            }}
          >
            <button type="submit" className="btn btn-ghost btn-sm btn-block" style={{ justifyContent: "flex-start" }}>
              Sign out
            </button>
          </form>
        </div>
      </aside>
    </>
  );
}
