"use client";
// The chart builder: pick a notebook's series, a kind, a range and annotations, see the chart redraw as you go, then save.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { useDebounced } from "@/components/ui/use-debounced";
import { BAR_PERIODS, CHART_KINDS, CHART_TRANSFORMS, MAX_ANNOTATIONS, MAX_MA_WINDOW, MAX_OVERLAID_QUESTIONS, MAX_SERIES, RANGE_PRESETS, chartSpecSchema, type ChartKind, type ChartSpec, type RangePreset } from "@/lib/charts/spec";
import { ChartFigure } from "./chart-figure";
import { NotebookSelect } from "@/components/notebooks/notebook-select";
import "./chart-builder-questions.css";

type Draft = {
  title: string;
  description: string;
  kind: ChartKind;
  series: string[];
  preset: RangePreset;
  from: string;
  to: string;
  since: string;
  period: "month" | "quarter" | "year";
  annotations: Array<{ date: string; end?: string; label: string }>;
  log: boolean;
  tickers: boolean;
  lastValues: boolean;
  transform: "none" | "ma" | "yoy";
  window: string;
  rebase: boolean;
  questions: string[];
};

function draftOf(spec?: ChartSpec): Draft {
  return {
    title: spec?.title ?? "",
    description: spec?.description ?? "",
    kind: spec?.kind ?? "line",
    series: spec?.series ?? [],
    preset: spec?.range.preset ?? "ytd",
    from: spec?.range.preset === "custom" ? spec.range.from : "",
    to: spec?.range.preset === "custom" ? (spec.range.to ?? "") : "",
    since: spec?.since ?? "",
    period: spec?.period ?? "year",
    annotations: spec?.annotations ?? [],
    log: spec?.scale === "log",
    tickers: spec?.legend === "key",
    lastValues: spec?.lastValues ?? false,
    transform: spec?.transform?.type ?? "none",
    window: spec?.transform?.type === "ma" ? String(spec.transform.window) : "20",
    rebase: spec?.rebase ?? false,
    questions: spec?.questions ?? [],
  };
}

/** The spec a draft describes, as the schema reads it (errors keyed by field path). */
function specOf(d: Draft) {
  const candidate = {
    title: d.title,
    description: d.description,
    kind: d.kind,
    series: d.series,
    range: d.preset === "custom" ? { preset: "custom", from: d.from, ...(d.to ? { to: d.to } : {}) } : { preset: d.preset },
    ...(d.since && (d.kind === "return" || d.kind === "rebased" || (d.kind === "ratio" && d.rebase)) ? { since: d.since } : {}),
    ...(d.kind === "bars" ? { period: d.period } : {}),
    annotations: d.annotations.map((a) => (a.end ? a : { date: a.date, label: a.label })),
    ...(d.log && d.kind !== "bars" && d.kind !== "return" ? { scale: "log" } : {}),
    ...(d.tickers ? { legend: "key" } : {}),
    ...(d.lastValues && d.kind !== "bars" ? { lastValues: true } : {}),
    ...((d.kind === "line" || d.kind === "ratio") && d.transform !== "none"
      ? { transform: d.transform === "ma" ? { type: "ma", window: d.window.trim() === "" ? NaN : Number(d.window) } : { type: "yoy" } }
      : {}),
    ...(d.kind === "ratio" && d.rebase ? { rebase: true } : {}),
    ...(d.questions.length > 0 ? { questions: d.questions } : {}),
  };
  return chartSpecSchema.safeParse(candidate);
}

function errorsOf(result: ReturnType<typeof specOf>): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!result.success) for (const issue of result.error.issues) errors[issue.path.join(".")] ??= issue.message;
  return errors;
}

export function ChartBuilder({
  notebooks,
  initial,
}: {
  notebooks: Array<{ id: string; name: string }>;
  initial: { notebookId: string; chartId?: string; version?: number; spec?: ChartSpec };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [notebookId, setNotebookId] = useState(initial.notebookId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial.spec));
  const [touched, setTouched] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const seriesList = useQuery(trpc.series.list.queryOptions({ notebookId }));
  const questionList = useQuery(trpc.questions.list.queryOptions({ notebookId }));
  const parsed = useMemo(() => specOf(draft), [draft]);
  const errors = errorsOf(parsed);
  // The preview needs a title to validate; give it a stand-in so it draws before one is typed.
  const previewSpec = useMemo(() => specOf({ ...draft, title: draft.title.trim() || "Untitled chart" }), [draft]);
  const debouncedSpec = useDebounced(previewSpec.success ? previewSpec.data : null, 250);
  const preview = useQuery({
    ...trpc.charts.preview.queryOptions({ notebookId, spec: debouncedSpec!, width: 720 }),
    enabled: debouncedSpec !== null,
    placeholderData: keepPreviousData,
  });

  const onSaved = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.charts.pathKey() });
    router.push(`/charts/${id}`);
  };
  const create = useMutation(trpc.charts.create.mutationOptions({ onSuccess: (r) => onSaved(r.id), onError: (e) => setSaveError(e.message) }));
  const update = useMutation(trpc.charts.update.mutationOptions({ onSuccess: (r) => onSaved(r.id), onError: (e) => setSaveError(e.message) }));
  const saving = create.isPending || update.isPending;

  const save = () => {
    setTouched(true);
    setSaveError(null);
    if (!parsed.success) return;
    if (initial.chartId) update.mutate({ id: initial.chartId, spec: parsed.data, baseVersion: initial.version });
    else create.mutate({ notebookId, spec: parsed.data });
  };

  const toggleSeries = (key: string) => set({ series: draft.series.includes(key) ? draft.series.filter((k) => k !== key) : [...draft.series, key] });
  const fieldError = (path: string) => (touched || path !== "title" ? errors[path] : undefined);
  const available = seriesList.data ?? [];

  return (
    <div className="builder">
      <form
        className="builder-form card card-body stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {!initial.chartId && notebooks.length > 1 && (
          <NotebookSelect id="chart-notebook" notebooks={notebooks} value={notebookId} onChange={(next) => (setNotebookId(next), set({ series: [], questions: [] }))} />
        )}
        <div className="field">
          <label htmlFor="chart-title">Title</label>
          <input id="chart-title" className="input" value={draft.title} maxLength={200} placeholder="e.g. Small caps against large caps, 2026" aria-invalid={fieldError("title") ? true : undefined} onChange={(e) => set({ title: e.target.value })} />
          {fieldError("title") && <span className="field-error">{fieldError("title")}</span>}
        </div>
        <div className="field">
          <label htmlFor="chart-kind">Kind</label>
          <select id="chart-kind" className="input" value={draft.kind} onChange={(e) => set({ kind: e.target.value as ChartKind })}>
            {(Object.keys(CHART_KINDS) as ChartKind[]).map((k) => (
              <option key={k} value={k}>
                {CHART_KINDS[k]}
              </option>
            ))}
          </select>
          {draft.kind === "ratio" && <span className="field-hint">Pick two series: the first is divided by the second.</span>}
        </div>
        <fieldset className="field">
          <legend>Series {draft.series.length > 0 && <span className="faint">({draft.series.length} of at most {MAX_SERIES})</span>}</legend>
          {seriesList.isPending ? (
            <p className="faint">Loading series…</p>
          ) : available.length === 0 ? (
            <p className="faint">
              This notebook has no series yet. <Link href="/data">Import or push data</Link> first.
            </p>
          ) : (
            <ul className="series-picks">
              {available.map((s) => {
                const order = draft.series.indexOf(s.key);
                return (
                  <li key={s.id}>
                    <label className="series-pick">
                      <input type="checkbox" checked={order >= 0} onChange={() => toggleSeries(s.key)} />
                      <span>
                        {s.name} <code className="faint">{s.key}</code>
                      </span>
                      {order >= 0 && draft.series.length > 1 && <span className="badge">{order + 1}</span>}
                    </label>
                  </li>
                );
              })}
            </ul>
          )}
          {(touched || draft.series.length > 0) && errors.series && <span className="field-error">{errors.series}</span>}
        </fieldset>
        <div className="field">
          <label htmlFor="chart-range">Range</label>
          <select id="chart-range" className="input" value={draft.preset} onChange={(e) => set({ preset: e.target.value as RangePreset })}>
            {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((p) => (
              <option key={p} value={p}>
                {RANGE_PRESETS[p]}
              </option>
            ))}
          </select>
        </div>
        {draft.preset === "custom" && (
          <div className="field-row">
            <div className="field">
              <label htmlFor="chart-from">From</label>
              <input id="chart-from" type="date" className="input" value={draft.from} onChange={(e) => set({ from: e.target.value })} aria-invalid={errors["range.from"] ? true : undefined} />
              {errors["range.from"] && <span className="field-error">{errors["range.from"]}</span>}
            </div>
            <div className="field">
              <label htmlFor="chart-to">To (empty: today)</label>
              <input id="chart-to" type="date" className="input" value={draft.to} onChange={(e) => set({ to: e.target.value })} aria-invalid={errors["range.to"] ? true : undefined} />
              {errors["range.to"] && <span className="field-error">{errors["range.to"]}</span>}
            </div>
          </div>
        )}
        {(draft.kind === "line" || draft.kind === "ratio") && (
          <div className="field-row">
            <div className="field">
              <label htmlFor="chart-transform">Transform</label>
              <select id="chart-transform" className="input" value={draft.transform} onChange={(e) => set({ transform: e.target.value as Draft["transform"] })}>
                {(Object.keys(CHART_TRANSFORMS) as Array<keyof typeof CHART_TRANSFORMS>).map((t) => (
                  <option key={t} value={t}>
                    {CHART_TRANSFORMS[t]}
                  </option>
                ))}
              </select>
            </div>
            {draft.transform === "ma" && (
              <div className="field">
                <label htmlFor="chart-window">Window (observations)</label>
                <input id="chart-window" type="number" min={2} max={MAX_MA_WINDOW} step={1} className="input" value={draft.window} aria-invalid={errors["transform.window"] ? true : undefined} onChange={(e) => set({ window: e.target.value })} />
                {errors["transform.window"] && <span className="field-error">{errors["transform.window"]}</span>}
              </div>
            )}
          </div>
        )}
        {(draft.kind === "return" || draft.kind === "rebased" || (draft.kind === "ratio" && draft.rebase)) && (
          <div className="field">
            <label htmlFor="chart-since">{draft.kind === "return" ? "Return since" : "Rebase to 100 on"} (empty: start of range)</label>
            <input id="chart-since" type="date" className="input" value={draft.since} onChange={(e) => set({ since: e.target.value })} />
            {errors.since && <span className="field-error">{errors.since}</span>}
          </div>
        )}
        {draft.kind === "bars" && (
          <div className="field">
            <label htmlFor="chart-period">Return per</label>
            <select id="chart-period" className="input" value={draft.period} onChange={(e) => set({ period: e.target.value as Draft["period"] })}>
              {(Object.keys(BAR_PERIODS) as Array<keyof typeof BAR_PERIODS>).map((p) => (
                <option key={p} value={p}>
                  {BAR_PERIODS[p]}
                </option>
              ))}
            </select>
          </div>
        )}
        <fieldset className="field">
          <legend>Display</legend>
          <div className="builder-options">
            {draft.kind === "ratio" && (
              <label className="series-pick">
                <input type="checkbox" checked={draft.rebase} onChange={(e) => set({ rebase: e.target.checked })} /> Rebase the ratio to 100
              </label>
            )}
            {draft.kind !== "bars" && draft.kind !== "return" && (
              <label className="series-pick">
                <input type="checkbox" checked={draft.log} onChange={(e) => set({ log: e.target.checked })} /> Log scale
              </label>
            )}
            {draft.kind !== "bars" && (
              <label className="series-pick">
                <input type="checkbox" checked={draft.lastValues} onChange={(e) => set({ lastValues: e.target.checked })} /> Label last values
              </label>
            )}
            <label className="series-pick">
              <input type="checkbox" checked={draft.tickers} onChange={(e) => set({ tickers: e.target.checked })} /> Keys (tickers) in the legend
            </label>
          </div>
        </fieldset>
        <fieldset className="field">
          <legend>Annotations</legend>
          <span className="field-hint">An end date draws a shaded band (a recession, a crisis).</span>
          {draft.annotations.map((a, i) => (
            <div className="annotation-row" key={i}>
              <input type="date" className="input annotation-date" aria-label={`Annotation ${i + 1} date`} value={a.date} onChange={(e) => set({ annotations: draft.annotations.map((x, j) => (j === i ? { ...x, date: e.target.value } : x)) })} />
              <input type="date" className="input annotation-end" aria-label={`Annotation ${i + 1} end date (optional)`} title="End date (optional): draws a band" value={a.end ?? ""} onChange={(e) => set({ annotations: draft.annotations.map((x, j) => (j === i ? { ...x, end: e.target.value || undefined } : x)) })} />
              <input className="input annotation-label" aria-label={`Annotation ${i + 1} label`} placeholder="e.g. Fed cuts" maxLength={80} value={a.label} onChange={(e) => set({ annotations: draft.annotations.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)) })} />
              <button type="button" className="btn btn-sm btn-ghost" aria-label={`Remove annotation ${i + 1}`} onClick={() => set({ annotations: draft.annotations.filter((_, j) => j !== i) })}>
                Remove
              </button>
              {(errors[`annotations.${i}.date`] || errors[`annotations.${i}.end`] || errors[`annotations.${i}.label`]) && (
                <span className="field-error">{errors[`annotations.${i}.date`] ?? errors[`annotations.${i}.end`] ?? errors[`annotations.${i}.label`]}</span>
              )}
            </div>
          ))}
          {draft.annotations.length < MAX_ANNOTATIONS && (
            <button type="button" className="btn btn-sm" onClick={() => set({ annotations: [...draft.annotations, { date: "", label: "" }] })}>
              Add annotation
            </button>
          )}
        </fieldset>
        <fieldset className="field" data-testid="builder-questions">
          <legend>Questions</legend>
          <span className="field-hint">Overlay a question: its threshold (where the chart reads in its terms) and its resolve-by date, labelled with its title.</span>
          {draft.questions.length > 0 && (
            <ul className="builder-questions">
              {draft.questions.map((qid) => {
                const question = questionList.data?.find((x) => x.id === qid);
                return (
                  <li key={qid} className="builder-question">
                    <span className="builder-question-title">{question?.title ?? "A question of this notebook"}</span>
                    <button type="button" className="btn btn-sm btn-ghost" aria-label={`Stop overlaying ${question?.title ?? "this question"}`} onClick={() => set({ questions: draft.questions.filter((x) => x !== qid) })}>
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {errors.questions && <span className="field-error">{errors.questions}</span>}
          {draft.questions.length < MAX_OVERLAID_QUESTIONS && (questionList.data?.some((x) => !draft.questions.includes(x.id)) ?? false) && (
            <select
              id="chart-overlay-question"
              className="input"
              aria-label="Overlay a question"
              value=""
              onChange={(e) => e.target.value && set({ questions: [...draft.questions, e.target.value] })}
            >
              <option value="">Overlay a question…</option>
              {questionList.data
                ?.filter((x) => !draft.questions.includes(x.id))
                .map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.title} (by {x.resolveBy})
                  </option>
                ))}
            </select>
          )}
          {questionList.data?.length === 0 && <p className="faint">This notebook has no questions yet.</p>}
        </fieldset>
        <div className="field">
          <label htmlFor="chart-description">Description for screen readers (empty: written for you)</label>
          <textarea id="chart-description" className="input" rows={2} maxLength={1000} value={draft.description} onChange={(e) => set({ description: e.target.value })} />
        </div>
        {saveError && (
          <div className="alert alert-error" role="alert">
            {saveError}
          </div>
        )}
        <div className="builder-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? "Saving…" : initial.chartId ? "Save chart" : "Create chart"}
          </button>
          <Link className="btn btn-ghost" href={initial.chartId ? `/charts/${initial.chartId}` : "/charts"}>
            Cancel
          </Link>
        </div>
      </form>
      <section className="builder-preview card card-body" aria-label="Preview" aria-busy={preview.isFetching}>
        <h2 className="builder-preview-title">{draft.title.trim() || "Untitled chart"}</h2>
        {!debouncedSpec ? (
          <p className="faint" data-testid="builder-hint">
            {draft.series.length === 0 ? "Choose one or more series to see the chart." : (Object.values(errors).find(Boolean) ?? "Finish the form to see the chart.")}
          </p>
        ) : preview.isError ? (
          <div className="alert alert-error">{preview.error.message}</div>
        ) : preview.data ? (
          <div data-testid="builder-preview" className={preview.isPlaceholderData ? "is-stale" : undefined}>
            <ChartFigure data={preview.data.data} svg={preview.data.svg} />
            {preview.data.data.missing.length > 0 && <p className="faint">No data in this range for: {preview.data.data.missing.join(", ")}</p>}
          </div>
        ) : (
          <div className="chart-skeleton" aria-label="Drawing the chart" />
        )}
      </section>
    </div>
  );
}
