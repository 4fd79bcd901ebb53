"use client";
// The Charts page: every chart the user can see, by notebook, with what it draws and where it is embedded.
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";
import { CHART_KINDS } from "@/lib/charts/spec";

export function ChartList() {
  const trpc = useTRPC();
  const { data: charts } = useSuspenseQuery(trpc.charts.list.queryOptions({}));
  const { data: notebooks } = useSuspenseQuery(trpc.notebooks.list.queryOptions());
  const canCreate = notebooks.some((n) => n.role !== "viewer");
  const newButton = canCreate ? (
    <Link className="btn btn-primary" href="/charts/new">
      New chart
    </Link>
  ) : null;
  return (
    <div className="page stack">
      <div className="page-header">
        <div>
          <h1>Charts</h1>
          <p className="muted">Saved charts over your series. They redraw when new data arrives, in every note that embeds them.</p>
        </div>
        {charts.length > 0 && newButton}
      </div>
      {charts.length === 0 ? (
        <EmptyState icon={<ChartIcon />} title="No charts yet" action={newButton ?? undefined}>
          A chart draws series from a notebook: an index rebased to 100, the return since a date, the ratio of small caps to large caps, or bars of yearly
          returns. Bring in data on the <Link href="/data">Data</Link> page, then build a chart here.
        </EmptyState>
      ) : (
        <ul className="chart-grid" aria-label="Charts">
          {charts.map((c) => (
            <li key={c.id} className="card chart-tile">
              <Link href={`/charts/${c.id}`} className="chart-tile-title">
                {c.title}
              </Link>
              <span className="muted">
                {CHART_KINDS[c.kind]} · {c.series.join(", ") || "no series"}
              </span>
              <span className="faint">
                {c.notebookName} · {c.embedCount === 0 ? "not embedded" : `in ${c.embedCount} ${c.embedCount === 1 ? "note" : "notes"}`} · changed <TimeAgo date={c.updatedAt} />
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
