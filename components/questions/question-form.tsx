"use client";
// Create or edit a question: title, kind (fixed once created), criteria, details, resolve-by, tags, numeric range, and an optional data rule over the notebook's series.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { questionInputSchema, type DataRule, type QuestionKind } from "@/lib/questions/spec";
import { EMPTY_FIRST_FORECAST, FirstForecastFields, parseFirstForecast, type FirstForecast } from "./first-forecast-fields";
import { withRuleDefaults } from "@/lib/questions/rule-defaults";
import { numOrUndefined, ruleOf, RuleFields, vintageChoiceOf, type RuleDraft, type RuleType } from "./question-rule-fields";
import type { QuestionDetail } from "./format";
import "./questions.css";
import { NotebookSelect } from "@/components/notebooks/notebook-select";

type Draft = {
  title: string;
  kind: QuestionKind;
  criteria: string;
  details: string;
  resolveBy: string;
  tags: string;
  unit: string;
  rangeMin: string;
  rangeMax: string;
  useRule: boolean;
  rule: RuleDraft;
};

function draftOf(q?: QuestionDetail): Draft {
  const r = (q?.rule ?? null) as (Partial<DataRule> & Record<string, unknown>) | null;
  return {
    title: q?.title ?? "",
    kind: q?.kind ?? "binary",
    criteria: q?.criteria ?? "",
    details: q?.details ?? "",
    resolveBy: q?.resolveBy ?? "",
    tags: q?.tags.join(", ") ?? "",
    unit: q?.unit ?? "",
    rangeMin: q?.rangeMin?.toString() ?? "",
    rangeMax: q?.rangeMax?.toString() ?? "",
    useRule: r !== null,
    rule: {
      type: (r?.type as RuleType) ?? (q?.kind === "numeric" ? "value-on-date" : "return-compare"),
      a: String(r?.a ?? ""),
      b: String(r?.b ?? ""),
      from: String(r?.from ?? ""),
      to: String(r?.to ?? ""),
      op: String(r?.op ?? ">"),
      threshold: r?.threshold !== undefined ? String(r.threshold) : "",
      date: String(r?.date ?? ""),
      // A new rule reads values as first published; a stored rule keeps what it reads.
      ...(r ? vintageChoiceOf(r.vintage) : { vintage: "first" as const, vintageAt: "" }),
    },
  };
}

function inputOf(d: Draft) {
  return {
    title: d.title,
    kind: d.kind,
    criteria: d.criteria,
    details: d.details,
    resolveBy: d.resolveBy,
    tags: d.tags
      .split(/[,\s]+/)
      .map((t) => t.trim())
      .filter(Boolean),
    unit: d.kind === "numeric" ? d.unit : "",
    ...(d.kind === "numeric" ? { rangeMin: numOrUndefined(d.rangeMin), rangeMax: numOrUndefined(d.rangeMax) } : {}),
    ...(d.useRule ? { rule: ruleOf(d.rule) } : {}),
  };
}

export function QuestionForm({ notebooks, initial }: { notebooks: Array<{ id: string; name: string }>; initial: { notebookId: string; question?: QuestionDetail } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const editing = initial.question;
  const [notebookId, setNotebookId] = useState(initial.notebookId);
  const [draft, setDraft] = useState<Draft>(() => draftOf(editing));
  const [touched, setTouched] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRule = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, rule: { ...d.rule, ...patch } }));
  const seriesList = useQuery(trpc.series.list.queryOptions({ notebookId }));
  const series = useMemo(() => seriesList.data ?? [], [seriesList.data]);
  const names = useMemo(() => Object.fromEntries(series.map((s) => [s.key, s.name])), [series]);

  const parsed = useMemo(() => questionInputSchema.safeParse(inputOf(draft)), [draft]);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[issue.path.join(".")] ??= issue.message;
  const [first, setFirst] = useState<FirstForecast>(EMPTY_FIRST_FORECAST);
  const firstParsed = parseFirstForecast(draft.kind, first);
  const firstErrors = firstParsed.ok ? {} : firstParsed.errors;

  const onSaved = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.questions.pathKey() });
    router.push(`/questions/${id}`);
  };
  // The question and the first forecast are made in one call, so neither lands without the other.
  const create = useMutation(trpc.questions.create.mutationOptions({ onSuccess: (r) => onSaved(r.id) }));
  const update = useMutation(trpc.questions.update.mutationOptions({ onSuccess: (r) => onSaved(r.id) }));
  const mutation = editing ? update : create;
  const serverErrors = mutation.error?.data?.fieldErrors ?? {};
  const fieldError = (path: string) => (touched ? errors[path] : undefined) ?? serverErrors[path]?.[0];

  const save = () => {
    setTouched(true);
    if (!parsed.success || (!editing && !firstParsed.ok)) return;
    if (editing) update.mutate({ id: editing.id, baseVersion: editing.version, ...parsed.data });
    else create.mutate({ notebookId, ...parsed.data, ...(firstParsed.ok && firstParsed.forecast ? { firstForecast: firstParsed.forecast } : {}) });
  };
  return (
    <form
      className="card card-body stack q-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      {!editing && notebooks.length > 1 && (
        <NotebookSelect id="q-notebook" notebooks={notebooks} value={notebookId} onChange={(next) => (setNotebookId(next), setRule({ a: "", b: "" }))} />
      )}
      <div className="field">
        <label htmlFor="q-title">Question</label>
        <input id="q-title" className="input" value={draft.title} maxLength={200} placeholder="e.g. Will the Russell 2000 beat the S&P 500 over 2026?" aria-invalid={fieldError("title") ? true : undefined} onChange={(e) => set({ title: e.target.value })} />
        {fieldError("title") && <span className="field-error">{fieldError("title")}</span>}
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="q-kind">Kind</label>
          <select
            id="q-kind"
            className="input"
            value={draft.kind}
            disabled={Boolean(editing)}
            onChange={(e) => {
              const kind = e.target.value as QuestionKind;
              set({ kind, rule: { ...draft.rule, type: kind === "numeric" ? "value-on-date" : "return-compare" } });
            }}
          >
            <option value="binary">Binary: a probability of yes</option>
            <option value="numeric">Numeric: a value with an 80% interval</option>
          </select>
          {editing && <span className="field-hint">The kind is fixed once a question exists.</span>}
        </div>
        <div className="field">
          <label htmlFor="q-resolve-by">Resolve by</label>
          <input id="q-resolve-by" type="date" className="input" value={draft.resolveBy} aria-invalid={fieldError("resolveBy") ? true : undefined} onChange={(e) => {
              const resolveBy = e.target.value;
              setDraft((d) => (d.useRule ? withRuleDefaults({ ...d, resolveBy }, d.resolveBy) : { ...d, resolveBy }));
            }} />
          {fieldError("resolveBy") && <span className="field-error">{fieldError("resolveBy")}</span>}
        </div>
      </div>
      <div className="field">
        <label htmlFor="q-criteria">Resolution criteria</label>
        <textarea id="q-criteria" className="input" rows={3} maxLength={5000} value={draft.criteria} placeholder="What has to happen, measured how, for this to resolve yes (or to which value)." aria-invalid={fieldError("criteria") ? true : undefined} onChange={(e) => set({ criteria: e.target.value })} />
        {fieldError("criteria") && <span className="field-error">{fieldError("criteria")}</span>}
        {editing && <span className="field-hint">A change of criteria is kept in the activity, with the old text.</span>}
      </div>
      <div className="field">
        <label htmlFor="q-details">Details (Markdown, optional)</label>
        <textarea id="q-details" className="input q-mono" rows={5} maxLength={20000} value={draft.details} onChange={(e) => set({ details: e.target.value })} />
        {fieldError("details") && <span className="field-error">{fieldError("details")}</span>}
      </div>
      <div className="field">
        <label htmlFor="q-tags">Tags (comma separated)</label>
        <input id="q-tags" className="input" value={draft.tags} placeholder="e.g. rates, fed" aria-invalid={fieldError("tags") || errors["tags.0"] ? true : undefined} onChange={(e) => set({ tags: e.target.value })} />
        {(fieldError("tags") ?? Object.entries(errors).find(([k]) => k.startsWith("tags."))?.[1]) && <span className="field-error">{fieldError("tags") ?? Object.entries(errors).find(([k]) => k.startsWith("tags."))?.[1]}</span>}
      </div>
      {draft.kind === "numeric" && (
        <div className="field-row q-field-row-3">
          <div className="field">
            <label htmlFor="q-unit">Unit</label>
            <input id="q-unit" className="input" value={draft.unit} maxLength={40} placeholder="e.g. cuts" onChange={(e) => set({ unit: e.target.value })} />
            {fieldError("unit") && <span className="field-error">{fieldError("unit")}</span>}
          </div>
          <div className="field">
            <label htmlFor="q-min">Plausible min</label>
            <input id="q-min" className="input" type="number" step="any" value={draft.rangeMin} aria-invalid={fieldError("rangeMin") ? true : undefined} onChange={(e) => set({ rangeMin: e.target.value })} />
            {fieldError("rangeMin") && <span className="field-error">{fieldError("rangeMin")}</span>}
          </div>
          <div className="field">
            <label htmlFor="q-max">Plausible max</label>
            <input id="q-max" className="input" type="number" step="any" value={draft.rangeMax} aria-invalid={fieldError("rangeMax") ? true : undefined} onChange={(e) => set({ rangeMax: e.target.value })} />
            {fieldError("rangeMax") && <span className="field-error">{fieldError("rangeMax")}</span>}
          </div>
        </div>
      )}
      <RuleFields
        draft={draft}
        touched={touched}
        errors={errors}
        series={series}
        seriesPending={seriesList.isPending}
        names={names}
        serverError={serverErrors.rule?.[0]}
        onUseRule={(useRule) => setDraft((d) => withRuleDefaults({ ...d, useRule }, d.resolveBy))}
        setRule={setRule}
      />
      {!editing && <FirstForecastFields kind={draft.kind} unit={draft.unit} value={first} onChange={setFirst} errors={touched ? firstErrors : {}} />}
      {mutation.error && !mutation.error.data?.fieldErrors && (
        <div className="alert alert-error" role="alert">
          {mutation.error.message}
        </div>
      )}
      {touched && (!parsed.success || (!editing && !firstParsed.ok)) && <p className="field-error">Fix the fields marked above.</p>}
      <div className="builder-actions">
        <button type="submit" className="btn btn-primary" disabled={mutation.isPending}>
          {mutation.isPending ? "Saving…" : editing ? "Save question" : "Create question"}
        </button>
        <Link className="btn btn-ghost" href={editing ? `/questions/${editing.id}` : "/questions"}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
