"use client";
// A ::chart{id=…} embed inside a note: the chart (server SVG first, then interactive), or a clear card when it cannot be shown.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/provider";
import { formatDistanceToNowStrict } from "date-fns";
import { useChartCompareAt } from "./chart-as-of";
import { ChartDownloads } from "./chart-downloads";
import { ChartFigure } from "./chart-figure";

function EmbedState({ id, title, note }: { id: string; title: string; note: string }) {
  return (
    <div className="embed-card embed-chart" data-embed-kind="chart" data-embed-id={id}>
      <span className="embed-card-title">{title}</span> <span className="embed-card-note">{note}</span>
    </div>
  );
}

/** One chart, live or as known at `asOf`. */
export function ChartView({ id, asOf, compact }: { id: string; asOf?: Date; compact?: boolean }) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.charts.get.queryOptions({ id, asOf, withPoints: false }), retry: false });
  if (query.isPending) {
    return <div className="chart-skeleton" aria-busy="true" aria-label="Loading chart" />;
  }
  if (query.isError) {
    const missing = query.error.data?.code === "NOT_FOUND" || query.error.data?.code === "BAD_REQUEST";
    return (
      <EmbedState
        id={id}
        title={missing ? "Chart not available" : "The chart could not be loaded"}
        note={missing ? `No chart “${id}” in this notebook, or it was removed.` : query.error.message}
      />
    );
  }
  const chart = query.data;
  return (
    <figure className="chart-card" data-chart-id={chart.id} data-data-version={chart.dataVersion}>
      <figcaption className="chart-card-head">
        <Link href={`/charts/${chart.id}`} className="chart-card-title">
          {chart.title}
        </Link>
        <span className="faint">{asOf ? `as known ${formatDistanceToNowStrict(asOf, { addSuffix: true })}` : "live"}</span>
      </figcaption>
      <ChartFigure data={chart.data} svg={chart.svg} lazy={{ chartId: chart.id, asOf }} />
      {chart.data.missing.length > 0 && <p className="faint">No data in range for: {chart.data.missing.join(", ")}</p>}
      {!compact && <ChartDownloads chartId={chart.id} asOf={asOf} data={chart.data} svg={chart.svg} />}
    </figure>
  );
}

/** The chart with this id, live; beside it the same chart as known at the compare moment when one is set. */
export function ChartEmbed({ id }: { id: string }) {
  const compareAt = useChartCompareAt();
  if (!compareAt) return <ChartView id={id} />;
  return (
    <div className="chart-compare">
      <ChartView id={id} asOf={compareAt} compact />
      <ChartView id={id} compact />
    </div>
  );
}
