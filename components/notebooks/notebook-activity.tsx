"use client";
// A notebook's activity feed: who wrote, forecast, resolved, commented, shared what, by day, with person and kind filters in the URL and "Load more".
import { useInfiniteQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";
import { ACTIVITY_KINDS, type ActivityKind } from "@/lib/validation/activity";
import { activityFeedKey, activityFilters, activityHref, type ActivityFilters } from "./activity-filters";
import "./notebook-activity.css";
import { initials } from "@/components/ui/initials";

const PAGE = 30;


function dayLabel(date: Date, now = new Date()): string {
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const diff = Math.round((day(now) - day(date)) / 86_400_000);
  if (diff === 0) return "Today";
  if (diff === 1) return "Yesterday";
  return date.toLocaleDateString("en-US", { weekday: "short", month: "short", day: "numeric", ...(date.getFullYear() !== now.getFullYear() ? { year: "numeric" } : {}) });
}

export function NotebookActivity({ notebookId }: { notebookId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const params = useSearchParams();
  const filters = activityFilters({ person: params.get("person"), kind: params.get("kind") });
  const { data: notebook } = useSuspenseQuery(trpc.notebooks.get.queryOptions({ id: notebookId }));
  const input = { notebookId, ...filters };
  const feed = useInfiniteQuery({
    queryKey: activityFeedKey(input),
    queryFn: ({ pageParam }) => queryClient.fetchQuery(trpc.notebooks.activity.queryOptions({ ...input, limit: PAGE, ...(pageParam ? { before: pageParam } : {}) })),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const pages = feed.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const people = pages[0]?.people ?? [];
  const setFilter = (next: ActivityFilters) => router.replace(activityHref(notebookId, next), { scroll: false });
  const filtered = filters.actorId !== undefined || filters.kind !== undefined;

  const days: Array<{ label: string; items: typeof items }> = [];
  for (const item of items) {
    const label = dayLabel(item.at);
    if (days.at(-1)?.label === label) days.at(-1)!.items.push(item);
    else days.push({ label, items: [item] });
  }

  return (
    <div className="page stack activity-page" data-testid="activity-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/notebooks">Notebooks</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/notebooks/${notebookId}`}>{notebook.name}</Link>
        <span aria-hidden="true">/</span>
        <span className="breadcrumb-current">Activity</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>Activity</h1>
          <p className="muted">Who wrote, forecast, resolved, commented and shared what in {notebook.name}.</p>
        </div>
      </div>
      <form className="activity-filters card card-body" role="search" aria-label="Filter the activity" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="activity-person">Person</label>
          <select id="activity-person" className="input" value={filters.actorId ?? ""} onChange={(e) => setFilter({ ...filters, actorId: e.target.value || undefined })}>
            <option value="">Everyone</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {filters.actorId && !people.some((p) => p.id === filters.actorId) && <option value={filters.actorId}>Someone else</option>}
          </select>
        </div>
        <div className="field">
          <label htmlFor="activity-kind">Kind</label>
          <select id="activity-kind" className="input" value={filters.kind ?? ""} onChange={(e) => setFilter({ ...filters, kind: (e.target.value || undefined) as ActivityKind | undefined })}>
            <option value="">Everything</option>
            {(Object.keys(ACTIVITY_KINDS) as ActivityKind[]).map((k) => (
              <option key={k} value={k}>
                {ACTIVITY_KINDS[k]}
              </option>
            ))}
          </select>
        </div>
        {filtered && (
          <Link className="btn btn-ghost btn-sm activity-clear" href={activityHref(notebookId, {})} replace scroll={false}>
            Clear filters
          </Link>
        )}
      </form>

      {feed.isError ? (
        <div className="alert alert-error" role="alert">
          {feed.error.message}
        </div>
      ) : items.length === 0 && feed.isPending ? (
        <div className="skeleton" style={{ height: 240 }} aria-busy="true" aria-label="Loading the activity" />
      ) : items.length === 0 ? (
        <EmptyState icon={<UsersIcon />} title={filtered ? "Nothing matches these filters" : "No activity yet"}>
          {filtered ? (
            <p>
              Try another person or kind, or <Link href={activityHref(notebookId, {})}>see everything</Link>.
            </p>
          ) : (
            <p>When members write notes, forecast, resolve questions, comment or share, it shows here.</p>
          )}
        </EmptyState>
      ) : (
        <div className="stack" aria-busy={feed.isFetching}>
          {days.map((day) => (
            <section key={day.label} className="card activity-day" aria-label={day.label}>
              <h2 className="activity-day-title">{day.label}</h2>
              <ol className="activity-list">
                {day.items.map((item) => (
                  <li key={item.id} className="activity-item" data-kind={item.kind} data-action={item.action}>
                    <span className="activity-avatar" aria-hidden="true">
                      {item.actor ? initials(item.actor.name) : "·"}
                    </span>
                    <div className="activity-body">
                      <p className="activity-text">{item.href ? <Link href={item.href}>{item.text}</Link> : item.text}</p>
                      <p className="faint activity-meta">
                        <span className={`activity-kind activity-kind-${item.kind}`}>{ACTIVITY_KINDS[item.kind]}</span> · <TimeAgo date={item.at} />
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            </section>
          ))}
          {feed.hasNextPage && (
            <button type="button" className="btn activity-more" disabled={feed.isFetchingNextPage} onClick={() => feed.fetchNextPage()}>
              {feed.isFetchingNextPage ? "Loading…" : "Load more"}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
