"use client";
// The Data page: every series the user can read, grouped by notebook, with a sparkline, the last value and the refresh state; live.
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { EmptyState } from "@/components/ui/empty-state";
import { DataIcon, PlusIcon } from "@/components/ui/icons";
import { TimeAgo } from "@/components/ui/time-ago";
import type { SeriesSource } from "@/lib/validation/series";
import { FREQUENCY_LABELS, formatValue, intervalLabel, isConnector, plural, SOURCE_LABELS } from "./format";
import { AddSourceDialog } from "./add-source-dialog";
import { BulkImportDialog } from "./bulk-import-dialog";
import { SeriesFormDialog } from "./series-form-dialog";
import { Sparkline } from "./sparkline";
import type { SeriesSummary } from "./types";
import { useLiveSeries } from "@/components/charts/use-live-series";
import "./data.css";

export function DataCatalogue({ notebookId }: { notebookId?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data: series } = useSuspenseQuery(trpc.series.list.queryOptions(notebookId ? { notebookId } : {}));
  const { data: notebooks = [] } = useQuery(trpc.notebooks.list.queryOptions());
  const { live } = useLiveSeries(notebookId);
  const [creating, setCreating] = useState<SeriesSource | null>(null);
  const [other, setOther] = useState<"bulk" | "source" | null>(null);
  const canCreate = notebooks.some((n) => n.role !== "viewer");

  const groups = new Map<string, { name: string; rows: SeriesSummary[] }>();
  for (const s of series) {
    const g = groups.get(s.notebookId) ?? { name: s.notebookName, rows: [] };
    g.rows.push(s);
    groups.set(s.notebookId, g);
  }
  const filterName = notebookId ? notebooks.find((n) => n.id === notebookId)?.name : undefined;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>Data</h1>
          <p className="muted">
            The series behind your charts and questions: imported files, pushes from your scripts, FRED and Yahoo.{" "}
            <span className="live-badge" data-live={live} title={live ? "New data appears here as it arrives" : "Connecting to live updates…"}>
              <span className="live-dot" aria-hidden="true" />
              {live ? "Live" : "Connecting"}
            </span>
          </p>
        </div>
        <div className="row" style={{ flexWrap: "wrap" }}>
          {notebooks.length > 1 && (
            <label className="row faint" htmlFor="data-notebook-filter" style={{ gap: 6 }}>
              Notebook
              <select
                id="data-notebook-filter"
                className="input input-sm"
                value={notebookId ?? ""}
                onChange={(e) => router.push(e.target.value ? `/data?notebook=${encodeURIComponent(e.target.value)}` : "/data")}
              >
                <option value="">All notebooks</option>
                {notebooks.map((n) => (
                  <option key={n.id} value={n.id}>
                    {n.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          {series.length > 0 && canCreate && (
            <>
              <button type="button" className="btn" onClick={() => setOther("bulk")}>
                Import…
              </button>
              <button type="button" className="btn" onClick={() => setOther("source")}>
                Add from FRED or Yahoo…
              </button>
              <button type="button" className="btn btn-primary" onClick={() => setCreating("manual")}>
                <PlusIcon /> New series
              </button>
            </>
          )}
        </div>
      </div>

      {series.length === 0 ? (
        <div className="card">
          <EmptyState
            icon={<DataIcon />}
            title={filterName ? `No series in ${filterName} yet` : "Bring in the series behind your charts"}
            action={
              canCreate ? (
                <div className="row" style={{ flexWrap: "wrap", justifyContent: "center" }}>
                  <button type="button" className="btn btn-primary" onClick={() => setOther("bulk")}>
                    Import a CSV file
                  </button>
                  <button type="button" className="btn" onClick={() => setOther("source")}>
                    Add from FRED or Yahoo
                  </button>
                  <button type="button" className="btn" onClick={() => setCreating("manual")}>
                    <PlusIcon /> New series
                  </button>
                </div>
              ) : (
                <Link className="btn btn-primary" href="/notebooks">
                  Create a notebook first
                </Link>
              )
            }
          >
            <p>
              A series is one line of dated values: an index, an ETF&apos;s price, a yield, a count of rate cuts. Charts draw on series, and questions can
              resolve from them.
            </p>
            <ol className="steps">
              <li>Import a CSV from FRED, Yahoo, Stooq, or any file with a date column.</li>
              <li>Or push observations from your own scripts with an API token.</li>
              <li>Or let Quire fetch a FRED series or a Yahoo symbol on a schedule.</li>
            </ol>
            <p className="faint" style={{ marginTop: 8 }}>
              Every revision is kept, so you can always see what was known when.
            </p>
          </EmptyState>
        </div>
      ) : (
        [...groups].map(([id, g]) => (
          <section key={id} className="stack-sm" aria-labelledby={`nb-${id}`}>
            <div className="row-between">
              <h2 id={`nb-${id}`} className="group-title">
                <Link href={`/notebooks/${id}`}>{g.name}</Link>
                <span className="faint"> · {plural(g.rows.length, "series", "series")}</span>
              </h2>
              {!notebookId && (
                <Link className="faint" href={`/data?notebook=${id}`}>
                  Only this notebook
                </Link>
              )}
            </div>
            <div className="card list" data-testid="series-list">
              {g.rows.map((s) => (
                <SeriesRow key={s.id} s={s} />
              ))}
            </div>
          </section>
        ))
      )}

      {other === "bulk" && <BulkImportDialog open onClose={() => setOther(null)} notebooks={notebooks} notebookId={notebookId} />}
      {other === "source" && <AddSourceDialog open onClose={() => setOther(null)} notebooks={notebooks} notebookId={notebookId} onAdded={(id) => router.push(`/data/${id}`)} />}
      {creating && (
        <SeriesFormDialog
          mode="create"
          open
          onClose={() => setCreating(null)}
          notebooks={notebooks}
          defaultNotebookId={notebookId}
          defaultSource={creating}
          onCreated={(id, source) => router.push(`/data/${id}${source === "upload" ? "?import=1" : ""}`)}
        />
      )}
    </div>
  );
}

function SeriesRow({ s }: { s: SeriesSummary }) {
  return (
    <Link href={`/data/${s.id}`} className="series-row" data-testid="series-row" data-key={s.key}>
      <div className="series-title">
        <span className="series-key">{s.key}</span>
        <span className="series-name">{s.name}</span>
      </div>
      <Sparkline values={s.sparkline} label={`${s.key}, last year`} />
      <div className="series-last">
        <strong data-testid="series-last-value">{formatValue(s.lastValue)}</strong>
        {s.unit && s.lastValue !== null && <span className="faint"> {s.unit}</span>}
        <div className="faint">{s.lastDate ?? "no data yet"}</div>
      </div>
      <div className="series-meta faint">
        <span data-testid="series-row-count">{plural(s.rowCount, "row")}</span>
        <span>{FREQUENCY_LABELS[s.frequency] ?? s.frequency}</span>
        <span>
          {SOURCE_LABELS[s.source]}
          {s.sourceRef && <span className="mono"> {s.sourceRef}</span>}
          {isConnector(s.source) && s.refreshIntervalMinutes !== null && `, ${intervalLabel(s.refreshIntervalMinutes)}`}
        </span>
        {s.lastRefreshAt && (
          <span>
            refreshed <TimeAgo date={s.lastRefreshAt} />
          </span>
        )}
        {!s.lastRefreshAt && s.dataChangedAt && (
          <span>
            updated <TimeAgo date={s.dataChangedAt} />
          </span>
        )}
      </div>
      {s.lastError && (
        <div className="series-error" role="note">
          <span aria-hidden="true">⚠</span> Last refresh failed{s.lastErrorAt && <> <TimeAgo date={s.lastErrorAt} /></>}: {s.lastError}
        </div>
      )}
    </Link>
  );
}
