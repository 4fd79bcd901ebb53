"use client";
// The Shared links page: every read-only link the user made, what each shares, its views and status; filter active or all; revoke.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkIcon } from "@/components/ui/icons";
import { ShareLinksTable } from "./share-links-table";
import "./share.css";

type Filter = "active" | "all";

/** The page's shape while the links load. */
export function ShareLinksSkeleton() {
  return (
    <div className="card share-page-card" aria-busy="true" aria-label="Loading links">
      {[0, 1, 2].map((i) => (
        <div key={i} className="skeleton" style={{ height: 46, margin: "12px 0" }} />
      ))}
    </div>
  );
}

export function ShareLinksPage() {
  const trpc = useTRPC();
  const links = useQuery(trpc.share.listMine.queryOptions());
  const [filter, setFilter] = useState<Filter>("active");

  if (links.isPending) return <ShareLinksSkeleton />;
  if (links.isError) {
    return (
      <div className="alert alert-error row-between" role="alert" data-testid="share-links-error">
        <span>The links could not be loaded: {links.error.message}</span>
        <button type="button" className="btn btn-sm" disabled={links.isFetching} onClick={() => void links.refetch()}>
          {links.isFetching ? "Retrying…" : "Try again"}
        </button>
      </div>
    );
  }
  if (links.data.length === 0) {
    return (
      <div className="card">
        <EmptyState icon={<LinkIcon />} title="You have not shared anything yet" action={<Link className="btn btn-primary" href="/notebooks">Go to notebooks</Link>}>
          <p>
            To send a read-only link to someone without an account, open a note, a question or a notebook you can edit and press <strong>Share</strong>, next to
            its title. Every link you make is listed here, with its views, until you revoke it.
          </p>
        </EmptyState>
      </div>
    );
  }

  const active = links.data.filter((l) => l.status === "active" || l.status === "paused");
  const shown = filter === "active" ? active : links.data;
  return (
    <div className="stack">
      <div className="segmented share-filter" role="group" aria-label="Show">
        {(["active", "all"] as const).map((f) => (
          <button key={f} type="button" className="segmented-option" aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {f === "active" ? `Active (${active.length})` : `All (${links.data.length})`}
          </button>
        ))}
      </div>
      <div className="card share-page-card">
        <ShareLinksTable links={shown} showTarget empty="No active links. Expired and revoked ones are under All." />
      </div>
    </div>
  );
}
