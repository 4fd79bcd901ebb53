"use client";
// The inbox page: what needs the user across their notebooks, each item with where to act and a way to dismiss it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";

const KIND_LABELS = {
  "stale-figures": "Figures changed",
  mention: "Mentioned",
  "revised-resolution": "Resolved on revised data",
  "against-forecast": "Data against your forecast",
  "forecast-reminder": "Time to look again",
  "resolve-by": "Resolve-by date",
  resolved: "Resolved",
} as const;
const ACTIONS = {
  "stale-figures": "Review the figures",
  mention: "Open the mention",
  "revised-resolution": "Review the resolution",
  "against-forecast": "Update your forecast",
  "forecast-reminder": "Update your forecast",
  "resolve-by": "Open the question",
  resolved: "See the outcome",
} as const;

export function InboxSkeleton() {
  return (
    <div className="stack-sm" aria-busy="true" aria-label="Loading the inbox">
      {[0, 1, 2].map((i) => (
        <div key={i} className="skeleton" style={{ height: 76 }} />
      ))}
    </div>
  );
}

export function InboxPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const inbox = useQuery(trpc.inbox.list.queryOptions());
  const dismiss = useMutation(trpc.inbox.dismiss.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.inbox.list.queryKey() }) }));
  if (inbox.isPending) return <InboxSkeleton />;
  if (inbox.isError) return <div className="alert alert-error">The inbox could not be loaded: {inbox.error.message}</div>;
  if (inbox.data.length === 0) {
    return (
      <EmptyState icon={<InboxIcon />} title="Nothing needs you">
        Figures in your notes that new data or a revision has changed, questions whose data now argues against your forecast, resolve-by dates and resolutions show up here.
      </EmptyState>
    );
  }
  return (
    <>
      {dismiss.error && <div className="alert alert-error">{dismiss.error.message}</div>}
      <ul className="inbox-list" data-testid="inbox-list">
        {inbox.data.map((item) => (
          <li key={item.key} className="card inbox-item" data-testid="inbox-item" data-kind={item.kind}>
            <div className="inbox-item-head">
              <span className={`badge inbox-kind inbox-kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span>
              <span className="faint">
                {item.notebookName} · <TimeAgo date={item.at} />
              </span>
            </div>
            <Link href={item.href} className="inbox-item-title">
              {item.title}
            </Link>
            <p className="inbox-item-detail">{item.detail}</p>
            <div className="inbox-item-actions">
              <Link href={item.href} className="btn btn-sm btn-primary">
                {ACTIONS[item.kind]}
              </Link>
              <button type="button" className="btn btn-sm btn-ghost" disabled={dismiss.isPending} onClick={() => dismiss.mutate({ key: item.key })}>
                Dismiss
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The number of inbox items, for the navigation's badge (nothing while loading or when there are none). */
export function InboxBadge() {
  const trpc = useTRPC();
  const inbox = useQuery({ ...trpc.inbox.list.queryOptions(), staleTime: 60_000 });
  const count = inbox.data?.length ?? 0;
  if (count === 0) return null;
  return (
    <span className="nav-badge" data-testid="inbox-badge" aria-label={`${count} ${count === 1 ? "item" : "items"}`}>
      {count > 99 ? "99+" : count}
    </span>
  );
}
