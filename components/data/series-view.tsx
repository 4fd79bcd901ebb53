"use client";
// One series' page: header and actions, stats, a chart, values as of any moment, the latest observations, and REST instructions.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { format } from "date-fns";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { ChartFigure } from "@/components/charts/chart-figure";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { TimeAgo } from "@/components/ui/time-ago";
import { buildChartData } from "@/lib/charts/chart-data";
import { FREQUENCY_LABELS, formatValue, intervalLabel, isConnector, plural, SOURCE_LABELS } from "./format";
import { BulkImportDialog } from "./bulk-import-dialog";
import { ImportDialog, type ChosenFile } from "./import-dialog";
import { RestInstructions } from "./rest-instructions";
import { SeriesFormDialog } from "./series-form-dialog";
import type { SeriesDetail } from "./types";
import { useLiveSeries } from "@/components/charts/use-live-series";
import "./data.css";
import { ScrollBox } from "@/components/ui/scroll-box";

const TABLE_ROWS = 100;

/** "2026-03-01T12:00" (the datetime-local format) to a Date, or undefined when empty or invalid. */
function parseLocal(value: string): Date | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function SeriesView({ id, openImport = false }: { id: string; openImport?: boolean }) {
  const trpc = useTRPC();
  const [asOfText, setAsOfText] = useState("");
  const asOf = parseLocal(asOfText);
  const query = useQuery({ ...trpc.series.get.queryOptions(asOf ? { id, asOf } : { id }), placeholderData: keepPreviousData });
  const { live } = useLiveSeries();
  if (query.error && !query.data) {
    return (
      <div className="page">
        <div className="alert alert-error" role="alert">
          {query.error.message}
        </div>
        <Link href="/data">Back to Data</Link>
      </div>
    );
  }
  if (!query.data) return <div className="page" aria-busy="true" />;
  return <SeriesPage s={query.data} asOfText={asOfText} setAsOfText={setAsOfText} asOf={asOf} live={live} fetching={query.isFetching} openImport={openImport} />;
}

type PageProps = { s: SeriesDetail; asOfText: string; setAsOfText: (v: string) => void; asOf?: Date; live: boolean; fetching: boolean; openImport: boolean };

function SeriesPage({ s, asOfText, setAsOfText, asOf, live, fetching, openImport }: PageProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [dialog, setDialog] = useState<"import" | "edit" | "delete" | null>(openImport && s.canEdit ? "import" : null);
  const [showAll, setShowAll] = useState(false);
  const [bulkFile, setBulkFile] = useState<ChosenFile | null>(null);
  const refresh = useMutation(
    trpc.series.refresh.mutationOptions({ onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() }) }),
  );
  const remove = useMutation(
    trpc.series.remove.mutationOptions({
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: trpc.series.get.queryKey({ id: s.id }) });
        await queryClient.invalidateQueries({ queryKey: trpc.series.list.queryKey() });
        router.push("/data");
      },
    }),
  );
  const obs = s.observations;
  const newestFirst = useMemo(() => [...obs].reverse(), [obs]);
  const shown = showAll ? newestFirst : newestFirst.slice(0, TABLE_ROWS);
  const last = obs.at(-1);
  const first = obs[0];
  const connector = isConnector(s.source);
  const asOfShown = s.asOf ?? asOf;
  const chart = useMemo(
    () =>
      buildChartData(
        { title: s.name, description: "", kind: "line", series: [s.key], range: { preset: "max" }, annotations: [] },
        [{ key: s.key, name: s.name, unit: s.unit, points: obs }],
        { today: (asOfShown ?? new Date()).toISOString().slice(0, 10), width: 1000 },
      ),
    [s.name, s.key, s.unit, obs, asOfShown],
  );

  return (
    <div className="page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href="/data">Data</Link>
        <span aria-hidden="true">/</span>
        <Link href={`/data?notebook=${s.notebookId}`}>{s.notebookName}</Link>
        <span aria-hidden="true">/</span>
        <span className="breadcrumb-current">{s.key}</span>
      </nav>
      <div className="page-header">
        <div style={{ minWidth: 0 }}>
          <h1 data-testid="series-title">{s.name}</h1>
          <p className="muted series-subtitle">
            <span className="series-key">{s.key}</span>
            {s.unit && <span>{s.unit}</span>}
            <span>{FREQUENCY_LABELS[s.frequency] ?? s.frequency}</span>
            <span>
              {SOURCE_LABELS[s.source]}
              {s.sourceRef && <span className="mono"> {s.sourceRef}</span>}
              {connector && s.refreshIntervalMinutes !== null && `, refreshed ${intervalLabel(s.refreshIntervalMinutes)}`}
            </span>
            <span className="live-badge" data-live={live}>
              <span className="live-dot" aria-hidden="true" />
              {live ? "Live" : "Connecting"}
            </span>
          </p>
        </div>
        {s.canEdit && (
          <div className="row" style={{ flexWrap: "wrap" }}>
            <button type="button" className="btn btn-primary" onClick={() => setDialog("import")}>
              Import…
            </button>
            {connector && (
              <button type="button" className="btn" onClick={() => refresh.mutate({ id: s.id })} disabled={refresh.isPending}>
                {refresh.isPending ? "Refreshing…" : "Refresh now"}
              </button>
            )}
            <button type="button" className="btn" onClick={() => setDialog("edit")}>
              Edit
            </button>
            <button type="button" className="btn btn-ghost" onClick={() => setDialog("delete")}>
              Delete…
            </button>
          </div>
        )}
      </div>
      {s.notes && <p className="muted">{s.notes}</p>}

      {refresh.data &&
        (refresh.data.ok ? (
          <div className="alert alert-success" role="status">
            Refreshed from {SOURCE_LABELS[s.source]}: {refresh.data.inserted.toLocaleString("en-US")} new, {refresh.data.revised.toLocaleString("en-US")} revised,{" "}
            {refresh.data.unchanged.toLocaleString("en-US")} unchanged.
          </div>
        ) : (
          <div className="alert alert-error" role="alert">
            The refresh failed: {refresh.data.error}
          </div>
        ))}
      {refresh.error && (
        <div className="alert alert-error" role="alert">
          {refresh.error.message}
        </div>
      )}
      {s.lastError && !refresh.data && (
        <div className="series-error" role="note">
          <span aria-hidden="true">⚠</span> The last refresh failed{s.lastErrorAt && <> <TimeAgo date={s.lastErrorAt} /></>}: {s.lastError}
        </div>
      )}

      <dl className="stats">
        <div>
          <dt>Last value</dt>
          <dd data-testid="stat-last-value">
            {formatValue(last?.value)} {last && s.unit && <span className="faint">{s.unit}</span>}
          </dd>
          <dd className="faint">{last?.date ?? "no data yet"}</dd>
        </div>
        <div>
          <dt>Observations</dt>
          <dd data-testid="stat-rows">{obs.length.toLocaleString("en-US")}</dd>
          <dd className="faint">{first && last ? `${first.date} to ${last.date}` : "—"}</dd>
        </div>
        <div>
          <dt>Revisions</dt>
          <dd data-testid="stat-revisions">{s.revisionCount.toLocaleString("en-US")}</dd>
          <dd className="faint">earlier values kept</dd>
        </div>
        <div>
          <dt>{connector ? "Last refresh" : "Data changed"}</dt>
          <dd>
            {connector ? (s.lastRefreshAt ? <TimeAgo date={s.lastRefreshAt} /> : "never") : s.dataChangedAt ? <TimeAgo date={s.dataChangedAt} /> : "never"}
          </dd>
          <dd className="faint">{connector && s.nextRefreshAt ? <>next <TimeAgo date={s.nextRefreshAt} /></> : `version ${s.dataVersion}`}</dd>
        </div>
      </dl>

      <section className="card card-body stack" aria-label="Chart and values">
        <div className="row-between">
          <div className="field asof">
            <label htmlFor="series-asof">As of</label>
            <div className="row" style={{ gap: 6 }}>
              <input id="series-asof" type="datetime-local" className="input input-sm" value={asOfText} onChange={(e) => setAsOfText(e.target.value)} />
              {asOfText && (
                <button type="button" className="btn btn-sm" onClick={() => setAsOfText("")}>
                  Now
                </button>
              )}
            </div>
          </div>
          <span className="faint" aria-live="polite">
            {fetching ? "Loading…" : asOfShown ? `Values as known at ${format(asOfShown, "PPpp")}` : "Values as known now"}
          </span>
        </div>
        {asOfShown && (
          <div className="alert alert-warning" data-testid="asof-banner">
            You are looking at this series as it was known on {format(asOfShown, "PPpp")}: later values and revisions are hidden.
          </div>
        )}
        {obs.length === 0 ? (
          <div className="chart-empty">{asOfShown ? "Nothing was known at that moment." : "No observations to draw yet."}</div>
        ) : (
          <div className="series-chart">
            <ChartFigure data={chart} svg="" label={`${s.name}: ${plural(obs.length, "observation")} from ${first?.date} to ${last?.date}`} />
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="obs-title">
        <div className="card-header row-between">
          <h2 id="obs-title">Observations</h2>
          <span className="faint">{obs.length === 0 ? "" : showAll || obs.length <= TABLE_ROWS ? `all ${plural(obs.length, "row")}, newest first` : `latest ${TABLE_ROWS} of ${obs.length.toLocaleString("en-US")}, newest first`}</span>
        </div>
        {obs.length === 0 ? (
          <p className="muted card-body">{asOfShown ? "Nothing was known at that moment." : "No observations yet. Import a file or push from a script."}</p>
        ) : (
          <ScrollBox className="table-scroll obs-scroll" label="Observations">
            <table className="data-table" data-testid="observations-table">
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col" className="num">
                    Value{s.unit ? ` (${s.unit})` : ""}
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => (
                  <tr key={o.date}>
                    <td className="mono">{o.date}</td>
                    <td className="num mono">{formatValue(o.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
        {obs.length > TABLE_ROWS && (
          <div className="card-footer">
            <button type="button" className="btn btn-sm" onClick={() => setShowAll((v) => !v)}>
              {showAll ? `Show the latest ${TABLE_ROWS}` : `Show all ${obs.length.toLocaleString("en-US")}`}
            </button>
          </div>
        )}
      </section>

      <RestInstructions seriesKey={s.key} notebookName={s.notebookName} canEdit={s.canEdit} />

      {dialog === "import" && (
        <ImportDialog
          open
          onClose={() => {
            setDialog(null);
            if (openImport) router.replace(`/data/${s.id}`, { scroll: false });
          }}
          series={s}
          onImportAll={(file) => {
            setDialog(null);
            if (openImport) router.replace(`/data/${s.id}`, { scroll: false });
            setBulkFile(file);
          }}
        />
      )}
      {bulkFile && (
        <BulkImportDialog
          open
          onClose={() => setBulkFile(null)}
          notebooks={[{ id: s.notebookId, name: s.notebookName, role: "editor" }]}
          notebookId={s.notebookId}
          initial={bulkFile}
        />
      )}
      {dialog === "edit" && <SeriesFormDialog mode="edit" open onClose={() => setDialog(null)} series={s} />}
      <Dialog open={dialog === "delete"} onClose={() => setDialog(null)} title={`Delete ${s.key}`}>
        <div className="dialog-body">
          <h2>Delete {s.key}?</h2>
          <p className="muted">
            This deletes {s.name} and its {plural(s.rowCount, "observation")} with every earlier vintage. Charts that use it will show it as missing, and
            scripts pushing to it will get 404. This cannot be undone.
          </p>
          {remove.error && <div className="alert alert-error">{remove.error.message}</div>}
        </div>
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={() => setDialog(null)} autoFocus>
            Cancel
          </button>
          <button type="button" className="btn btn-danger" onClick={() => remove.mutate({ id: s.id })} disabled={remove.isPending}>
            {remove.isPending ? "Deleting…" : "Delete series"}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
