"use client";
// The "New series" and "Edit series" dialog: key, name, unit, frequency, source (and a connector's id and refresh interval), with the server's field messages beside each field.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { SERIES_FREQUENCIES, SERIES_SOURCES, type SeriesSource } from "@/lib/validation/series";
import { FREQUENCY_LABELS, isConnector, SOURCE_LABELS } from "./format";
import type { NotebookOption, SeriesSummary } from "./types";

const INTERVALS: Array<[number, string]> = [
  [15, "Every 15 minutes"],
  [60, "Every hour"],
  [360, "Every 6 hours"],
  [1440, "Daily"],
  [10080, "Weekly"],
];

const SOURCE_HINTS: Record<SeriesSource, string> = {
  manual: "You will add values by importing files now and then.",
  upload: "You will import a CSV file (FRED, Yahoo, Stooq or any dated CSV) next.",
  api: "Your own scripts push observations with an API token.",
  fred: "Fetched from FRED on a schedule, e.g. DGS10 or SP500.",
  yahoo: "Fetched from Yahoo's chart API on a schedule, e.g. ^RUT or SPY.",
};

type Fields = {
  notebookId: string;
  key: string;
  name: string;
  unit: string;
  frequency: (typeof SERIES_FREQUENCIES)[number];
  source: SeriesSource;
  sourceRef: string;
  refreshIntervalMinutes: number;
  notes: string;
};

type Props =
  | { mode: "create"; open: boolean; onClose: () => void; notebooks: NotebookOption[]; defaultNotebookId?: string; defaultSource?: SeriesSource; onCreated: (id: string, source: SeriesSource) => void }
  | { mode: "edit"; open: boolean; onClose: () => void; series: SeriesSummary };

function initialFields(props: Props): Fields {
  if (props.mode === "edit") {
    const s = props.series;
    return {
      notebookId: s.notebookId,
      key: s.key,
      name: s.name,
      unit: s.unit,
      frequency: s.frequency,
      source: s.source,
      sourceRef: s.sourceRef,
      refreshIntervalMinutes: s.refreshIntervalMinutes ?? 1440,
      notes: s.notes,
    };
  }
  const writable = props.notebooks.filter((n) => n.role !== "viewer");
  const notebookId = writable.find((n) => n.id === props.defaultNotebookId)?.id ?? writable[0]?.id ?? "";
  return { notebookId, key: "", name: "", unit: "", frequency: "daily", source: props.defaultSource ?? "manual", sourceRef: "", refreshIntervalMinutes: 1440, notes: "" };
}

export function SeriesFormDialog(props: Props) {
  return (
    <Dialog open={props.open} onClose={props.onClose} title={props.mode === "create" ? "New series" : "Edit series"}>
      <SeriesForm {...props} />
    </Dialog>
  );
}

function SeriesForm(props: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [f, setF] = useState<Fields>(() => initialFields(props));
  const set = <K extends keyof Fields>(k: K, v: Fields[K]) => setF((prev) => ({ ...prev, [k]: v }));
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.series.pathKey() });
  };
  const create = useMutation(trpc.series.create.mutationOptions({ onSuccess: done }));
  const update = useMutation(trpc.series.update.mutationOptions({ onSuccess: done }));
  const mutation = props.mode === "create" ? create : update;
  const error = mutation.error;
  const fieldErrors: Record<string, string[] | undefined> = { ...(error?.data?.fieldErrors ?? {}) };
  if (error?.data?.code === "CONFLICT") fieldErrors.key = [error.message];
  const generalError = error && !error.data?.fieldErrors && error.data?.code !== "CONFLICT" ? error.message : null;
  const connector = isConnector(f.source);
  const writable = props.mode === "create" ? props.notebooks.filter((n) => n.role !== "viewer") : [];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = { name: f.name, unit: f.unit, frequency: f.frequency, notes: f.notes };
    if (props.mode === "create") {
      create.mutate(
        {
          notebookId: f.notebookId,
          key: f.key,
          ...common,
          source: f.source,
          sourceRef: connector ? f.sourceRef : "",
          refreshIntervalMinutes: connector ? f.refreshIntervalMinutes : null,
        },
        { onSuccess: ({ id }) => props.onCreated(id, f.source) },
      );
    } else {
      update.mutate(
        { id: props.series.id, ...common, ...(connector ? { sourceRef: f.sourceRef, refreshIntervalMinutes: f.refreshIntervalMinutes } : {}) },
        { onSuccess: () => props.onClose() },
      );
    }
  };

  const err = (name: string) =>
    fieldErrors[name]?.[0] ? (
      <span className="field-error" id={`series-${name}-error`}>
        {fieldErrors[name]![0]}
      </span>
    ) : null;
  const invalid = (name: string) => (fieldErrors[name]?.[0] ? { "aria-invalid": true as const, "aria-describedby": `series-${name}-error` } : {});

  return (
    <form onSubmit={submit} noValidate>
      <div className="dialog-body">
        <h2>{props.mode === "create" ? "New series" : `Edit ${props.series.key}`}</h2>
        {props.mode === "create" && (
          <p className="muted">A series is one line of dated values (an index, a yield, a count), which charts and questions draw on.</p>
        )}
        {generalError && <div className="alert alert-error">{generalError}</div>}
        {props.mode === "create" && writable.length === 0 && (
          <div className="alert alert-warning">You can only read the notebooks you belong to. Create a notebook of your own first.</div>
        )}
        {props.mode === "create" && writable.length > 1 && (
          <div className="field">
            <label htmlFor="series-notebook">Notebook</label>
            <select id="series-notebook" className="input" value={f.notebookId} onChange={(e) => set("notebookId", e.target.value)} {...invalid("notebookId")}>
              {writable.map((n) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
            {err("notebookId")}
          </div>
        )}
        <div className="form-grid">
          <div className="field">
            <label htmlFor="series-key">Key</label>
            <input
              id="series-key"
              className="input mono"
              value={f.key}
              autoFocus={props.mode === "create"}
              readOnly={props.mode === "edit"}
              placeholder="e.g. RUT"
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set("key", e.target.value)}
              {...invalid("key")}
            />
            {err("key") ?? <span className="field-hint">{props.mode === "create" ? "Charts and scripts refer to it; it cannot change." : "The key cannot change."}</span>}
          </div>
          <div className="field">
            <label htmlFor="series-name">Name</label>
            <input id="series-name" className="input" value={f.name} autoFocus={props.mode === "edit"} placeholder="e.g. Russell 2000" onChange={(e) => set("name", e.target.value)} {...invalid("name")} />
            {err("name")}
          </div>
          <div className="field">
            <label htmlFor="series-unit">Unit (optional)</label>
            <input id="series-unit" className="input" value={f.unit} placeholder="index, %, USD" onChange={(e) => set("unit", e.target.value)} {...invalid("unit")} />
            {err("unit")}
          </div>
          <div className="field">
            <label htmlFor="series-frequency">Frequency</label>
            <select id="series-frequency" className="input" value={f.frequency} onChange={(e) => set("frequency", e.target.value as Fields["frequency"])} {...invalid("frequency")}>
              {SERIES_FREQUENCIES.map((fr) => (
                <option key={fr} value={fr}>
                  {FREQUENCY_LABELS[fr]}
                </option>
              ))}
            </select>
            {err("frequency")}
          </div>
        </div>
        {props.mode === "create" ? (
          <div className="field">
            <label htmlFor="series-source">Source</label>
            <select id="series-source" className="input" value={f.source} onChange={(e) => set("source", e.target.value as SeriesSource)} {...invalid("source")}>
              {SERIES_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {s === "manual" ? "Manual" : s === "upload" ? "File upload" : s === "api" ? "API push (scripts)" : SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
            {err("source") ?? <span className="field-hint">{SOURCE_HINTS[f.source]}</span>}
          </div>
        ) : (
          <p className="faint">Source: {SOURCE_LABELS[f.source]}</p>
        )}
        {connector && (
          <div className="form-grid">
            <div className="field">
              <label htmlFor="series-source-ref">{f.source === "fred" ? "FRED series id" : "Yahoo symbol"}</label>
              <input
                id="series-source-ref"
                className="input mono"
                value={f.sourceRef}
                placeholder={f.source === "fred" ? "DGS10" : "^RUT"}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => set("sourceRef", e.target.value)}
                {...invalid("sourceRef")}
              />
              {err("sourceRef")}
            </div>
            <div className="field">
              <label htmlFor="series-interval">Refresh</label>
              <select id="series-interval" className="input" value={f.refreshIntervalMinutes} onChange={(e) => set("refreshIntervalMinutes", Number(e.target.value))} {...invalid("refreshIntervalMinutes")}>
                {INTERVALS.map(([m, label]) => (
                  <option key={m} value={m}>
                    {label}
                  </option>
                ))}
              </select>
              {err("refreshIntervalMinutes")}
            </div>
          </div>
        )}
        <div className="field">
          <label htmlFor="series-notes">Notes (optional)</label>
          <textarea id="series-notes" className="input" rows={2} value={f.notes} placeholder="Where it comes from, caveats" onChange={(e) => set("notes", e.target.value)} {...invalid("notes")} />
          {err("notes")}
        </div>
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending || (props.mode === "create" && writable.length === 0)}>
          {props.mode === "create" ? (create.isPending ? "Creating…" : "Create series") : update.isPending ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
