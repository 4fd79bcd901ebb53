"use client";
// A chart's own page: the chart live (or as of a moment), its spec in words, downloads, the notes that embed it, and edit/delete.
import { keepPreviousData, useMutation, useQuery, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import { CHART_KINDS, RANGE_PRESETS } from "@/lib/charts/spec";
import { ChartDownloads } from "./chart-downloads";
import { ChartFigure } from "./chart-figure";
import { useLiveSeries } from "./use-live-series";
import { InsertFigureButton, InsertInNoteButton } from "@/components/notes/insert-in-note";

type ViewPreset = "ytd" | "1y" | "5y" | "max";
const VIEW_PRESETS: ViewPreset[] = ["ytd", "1y", "5y", "max"];
const VIEW_LABELS: Record<ViewPreset, string> = { ytd: "YTD", "1y": "1Y", "5y": "5Y", max: "All" };

/** A datetime-local input's value as a Date, or undefined when empty or unreadable. */
function asOfFrom(value: string): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function ChartPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { data: live } = useSuspenseQuery(trpc.charts.get.queryOptions({ id, withPoints: false }));
  useLiveSeries(live.notebookId);
  const [asOfText, setAsOfText] = useState("");
  const asOf = asOfFrom(asOfText);
  const past = useQuery({ ...trpc.charts.get.queryOptions({ id, asOf, withPoints: false }), enabled: asOf !== undefined });
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useMutation(
    trpc.charts.remove.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.charts.list.queryKey() });
        router.push("/charts");
      },
    }),
  );
  const spec = live.spec;
  const range = spec.range.preset === "custom" ? `${spec.range.from} to ${spec.range.to ?? "today"}` : RANGE_PRESETS[spec.range.preset];
  const [view, setView] = useState<ViewPreset | null>(null);
  const viewSpec = view && view !== spec.range.preset && !asOf ? { ...spec, range: { preset: view } } : null;
  const viewed = useQuery({
    ...trpc.charts.preview.queryOptions({ notebookId: live.notebookId, spec: viewSpec ?? spec, width: 720 }),
    enabled: viewSpec !== null,
    placeholderData: keepPreviousData,
  });
  const shown = asOf && past.data ? past.data : live;
  const override = viewSpec !== null && viewed.data ? viewed.data : null;

  return (
    <div className="page stack">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/charts">Charts</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/notebooks/${live.notebookId}`}>{live.notebookName}</Link>
        <span aria-hidden="true">/</span>
        <span className="breadcrumb-current">{live.title}</span>
      </nav>
      <div className="page-header">
        <div>
          <h1>{live.title}</h1>
          <p className="muted">
            {CHART_KINDS[spec.kind]} · {spec.series.join(", ")} · {range} · changed <TimeAgo date={live.updatedAt} />
          </p>
        </div>
        {live.canEdit && (
          <div className="row">
            <InsertInNoteButton chartId={live.id} notebookId={live.notebookId} />
            <InsertFigureButton seriesKeys={spec.series} from={spec.range.preset === "custom" ? (spec.range.from ?? null) : null} notebookId={live.notebookId} />
            <Link className="btn" href={`/charts/${live.id}/edit`}>
              Edit
            </Link>
            <button type="button" className="btn btn-ghost" onClick={() => setConfirmDelete(true)}>
              Delete
            </button>
          </div>
        )}
      </div>
      <section className="card card-body stack-sm">
        <div className="chart-asof">
          <label htmlFor="chart-asof">Data as known at</label>
          <input id="chart-asof" type="datetime-local" step={1} className="input" value={asOfText} onChange={(e) => setAsOfText(e.target.value)} />
          {asOfText ? (
            <button type="button" className="btn btn-sm btn-ghost" onClick={() => setAsOfText("")}>
              Back to live
            </button>
          ) : (
            <span className="badge badge-live">Live</span>
          )}
        </div>
        {!asOf && (
          <div className="chart-range-presets" role="group" aria-label="Range to view">
            <span className="faint">View</span>
            {VIEW_PRESETS.map((p) => {
              const on = (viewSpec?.range.preset ?? spec.range.preset) === p;
              return (
                <button key={p} type="button" className={on ? "btn btn-sm btn-toggle-on" : "btn btn-sm btn-ghost"} aria-pressed={on} onClick={() => setView(p)}>
                  {VIEW_LABELS[p]}
                </button>
              );
            })}
            {viewSpec && (
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => setView(null)}>
                Saved range
              </button>
            )}
          </div>
        )}
        {override ? (
          <figure className={viewed.isPlaceholderData ? "chart-card chart-card-page is-stale" : "chart-card chart-card-page"} data-chart-id={shown.id} data-view={viewSpec?.range.preset}>
            <ChartFigure data={override.data} svg={override.svg} />
            {override.data.missing.length > 0 && <p className="faint">No data in this range for: {override.data.missing.join(", ")}</p>}
            <figcaption className="faint">{override.data.description}</figcaption>
            <p className="faint">
              Viewing {RANGE_PRESETS[viewSpec!.range.preset].toLowerCase()}: the downloads and the data below give this range; the saved chart and the notes that embed it keep {range}.
            </p>
            <ChartDownloads chartId={shown.id} view={viewSpec!.range.preset} data={override.data} svg={override.svg} />
          </figure>
        ) : viewSpec && viewed.isError ? (
          <div className="alert alert-error">{viewed.error.message}</div>
        ) : asOf && past.isPending ? (
          <div className="chart-skeleton" aria-label="Loading the chart as of that moment" />
        ) : asOf && past.isError ? (
          <div className="alert alert-error">{past.error.message}</div>
        ) : (
          <figure className="chart-card chart-card-page" data-chart-id={shown.id} data-data-version={shown.dataVersion}>
            <ChartFigure data={shown.data} svg={shown.svg} lazy={{ chartId: shown.id, asOf }} />
            {shown.data.missing.length > 0 && <p className="faint">No data in this range for: {shown.data.missing.join(", ")}</p>}
            <figcaption className="faint">{shown.data.description}</figcaption>
            <ChartDownloads chartId={shown.id} asOf={asOf} data={shown.data} svg={shown.svg} />
          </figure>
        )}
      </section>
      <section className="card card-body stack-sm" aria-labelledby="embedded-in">
        <h2 id="embedded-in">Notes that embed this chart</h2>
        {live.embeddedIn.length === 0 ? (
          <p className="faint">
            No note embeds it yet. In a note, type <code>/chart</code> or use Insert, or paste <code>{`::chart{id=${live.id}}`}</code>.
          </p>
        ) : (
          <ul className="link-list">
            {live.embeddedIn.map((n) => (
              <li key={n.id}>
                <Link href={`/notes/${n.id}`}>{n.title || "Untitled"}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} title="Delete chart">
        <div className="dialog-body">
          <h2>Delete “{live.title}”?</h2>
          <p className="muted">
            {live.embeddedIn.length > 0
              ? `${live.embeddedIn.length} ${live.embeddedIn.length === 1 ? "note embeds" : "notes embed"} it; they will show that the chart was removed.`
              : "No note embeds it."}{" "}
            The series it draws are kept.
          </p>
          {remove.error && <div className="alert alert-error">{remove.error.message}</div>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setConfirmDelete(false)}>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate({ id: live.id })}>
            {remove.isPending ? "Deleting…" : "Delete chart"}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
