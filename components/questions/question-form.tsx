"use client";
// Create or edit a question: title, kind (fixed once created), criteria, details, resolve-by, tags, numeric range, and an optional data rule over the notebook's series.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { dataRuleSchema, describeRule, questionInputSchema, RULE_KIND, type DataRule, type QuestionKind } from "@/lib/questions/spec";
import type { QuestionDetail } from "./format";
import "./questions.css";
import { NotebookSelect } from "@/components/notebooks/notebook-select";

type RuleType = DataRule["type"];

const RULE_TYPES: Record<RuleType, string> = {
  "return-compare": "Return of A compared with return of B",
  "return-threshold": "Return of A compared with a threshold (%)",
  "value-threshold": "Value of A on a date compared with a threshold",
  "value-on-date": "Value of A on a date (the outcome)",
};

type RuleDraft = { type: RuleType; a: string; b: string; from: string; to: string; op: string; threshold: string; date: string };

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

function numOrUndefined(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

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
    },
  };
}

function ruleOf(r: RuleDraft): Record<string, unknown> {
  switch (r.type) {
    case "return-compare":
      return { type: r.type, a: r.a, b: r.b, from: r.from, to: r.to, op: r.op };
    case "return-threshold":
      return { type: r.type, a: r.a, from: r.from, to: r.to, op: r.op, threshold: numOrUndefined(r.threshold) };
    case "value-threshold":
      return { type: r.type, a: r.a, date: r.date, op: r.op, threshold: numOrUndefined(r.threshold) };
    case "value-on-date":
      return { type: r.type, a: r.a, date: r.date };
  }
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
  const ruleParsed = draft.useRule ? dataRuleSchema.safeParse(ruleOf(draft.rule)) : null;

  const onSaved = async (id: string) => {
    await queryClient.invalidateQueries({ queryKey: trpc.questions.pathKey() });
    router.push(`/questions/${id}`);
  };
  const create = useMutation(trpc.questions.create.mutationOptions({ onSuccess: (r) => onSaved(r.id) }));
  const update = useMutation(trpc.questions.update.mutationOptions({ onSuccess: (r) => onSaved(r.id) }));
  const mutation = editing ? update : create;
  const serverErrors = mutation.error?.data?.fieldErrors ?? {};
  const fieldError = (path: string) => (touched ? errors[path] : undefined) ?? serverErrors[path]?.[0];
  const ruleError = (k: string) => (touched ? (errors[`rule.${k}`] ?? (k === "type" ? errors.rule : undefined)) : undefined);

  const save = () => {
    setTouched(true);
    if (!parsed.success) return;
    if (editing) update.mutate({ id: editing.id, baseVersion: editing.version, ...parsed.data });
    else create.mutate({ notebookId, ...parsed.data });
  };
  const ruleTypes = (Object.keys(RULE_TYPES) as RuleType[]).filter((t) => RULE_KIND[t] === draft.kind);
  const returnRule = draft.rule.type === "return-compare" || draft.rule.type === "return-threshold";
  const withThreshold = draft.rule.type === "return-threshold" || draft.rule.type === "value-threshold";
  const ops = draft.rule.type === "value-threshold" ? [">", ">=", "<", "<="] : [">", "<"];
  const opLabel: Record<string, string> = { ">": "above", ">=": "at or above", "<": "below", "<=": "at or below" };

  const seriesSelect = (id: string, label: string, value: string, onChange: (v: string) => void, err?: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className="input" value={value} aria-invalid={err ? true : undefined} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a series…</option>
        {series.map((s) => (
          <option key={s.id} value={s.key}>
            {s.name} ({s.key})
          </option>
        ))}
      </select>
      {err && <span className="field-error">{err}</span>}
    </div>
  );

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
          <input id="q-resolve-by" type="date" className="input" value={draft.resolveBy} aria-invalid={fieldError("resolveBy") ? true : undefined} onChange={(e) => set({ resolveBy: e.target.value })} />
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
      <fieldset className="field q-rule-builder">
        <legend>Data rule (optional)</legend>
        <label className="check">
          <input type="checkbox" checked={draft.useRule} onChange={(e) => set({ useRule: e.target.checked })} />
          <span>Resolve this question from the notebook’s series when the data for the end date is in</span>
        </label>
        {draft.useRule &&
          (seriesList.isPending ? (
            <p className="faint">Loading series…</p>
          ) : series.length === 0 ? (
            <p className="faint">
              This notebook has no series yet. <Link href="/data">Import or push data</Link> first.
            </p>
          ) : (
            <div className="stack-sm">
              <div className="field">
                <label htmlFor="q-rule-type">Rule</label>
                <select id="q-rule-type" className="input" value={draft.rule.type} onChange={(e) => setRule({ type: e.target.value as RuleType, op: ">" })}>
                  {ruleTypes.map((t) => (
                    <option key={t} value={t}>
                      {RULE_TYPES[t]}
                    </option>
                  ))}
                </select>
                {ruleError("type") && <span className="field-error">{ruleError("type")}</span>}
              </div>
              <div className="field-row">
                {seriesSelect("q-rule-a", "Series A", draft.rule.a, (a) => setRule({ a }), ruleError("a"))}
                {draft.rule.type === "return-compare" && seriesSelect("q-rule-b", "Series B", draft.rule.b, (b) => setRule({ b }), ruleError("b"))}
              </div>
              {returnRule ? (
                <div className="field-row">
                  <div className="field">
                    <label htmlFor="q-rule-from">Return from</label>
                    <input id="q-rule-from" type="date" className="input" value={draft.rule.from} onChange={(e) => setRule({ from: e.target.value })} />
                    {ruleError("from") && <span className="field-error">{ruleError("from")}</span>}
                  </div>
                  <div className="field">
                    <label htmlFor="q-rule-to">Return to</label>
                    <input id="q-rule-to" type="date" className="input" value={draft.rule.to} onChange={(e) => setRule({ to: e.target.value })} />
                    {ruleError("to") && <span className="field-error">{ruleError("to")}</span>}
                  </div>
                </div>
              ) : (
                <div className="field">
                  <label htmlFor="q-rule-date">Value on</label>
                  <input id="q-rule-date" type="date" className="input" value={draft.rule.date} onChange={(e) => setRule({ date: e.target.value })} />
                  {ruleError("date") && <span className="field-error">{ruleError("date")}</span>}
                </div>
              )}
              {draft.rule.type !== "value-on-date" && (
                <div className="field-row">
                  <div className="field">
                    <label htmlFor="q-rule-op">Yes when A is</label>
                    <select id="q-rule-op" className="input" value={draft.rule.op} onChange={(e) => setRule({ op: e.target.value })}>
                      {ops.map((o) => (
                        <option key={o} value={o}>
                          {opLabel[o]}
                        </option>
                      ))}
                    </select>
                  </div>
                  {withThreshold && (
                    <div className="field">
                      <label htmlFor="q-rule-threshold">Threshold{draft.rule.type === "return-threshold" ? " (%)" : ""}</label>
                      <input id="q-rule-threshold" type="number" step="any" className="input" value={draft.rule.threshold} onChange={(e) => setRule({ threshold: e.target.value })} />
                      {ruleError("threshold") && <span className="field-error">{ruleError("threshold")}</span>}
                    </div>
                  )}
                </div>
              )}
              <p className="q-rule-preview" data-testid="rule-preview" aria-live="polite">
                {ruleParsed?.success ? (
                  <>
                    <span className="badge">Rule</span> {describeRule(ruleParsed.data, names)}
                    {draft.kind === "binary" ? " → yes" : " → the outcome"}
                  </>
                ) : (
                  <span className="faint">{ruleParsed?.error.issues[0]?.message ?? "Complete the rule to see it in words."}</span>
                )}
              </p>
            </div>
          ))}
        {serverErrors.rule?.[0] && <span className="field-error">{serverErrors.rule[0]}</span>}
      </fieldset>
      {mutation.error && !mutation.error.data?.fieldErrors && (
        <div className="alert alert-error" role="alert">
          {mutation.error.message}
        </div>
      )}
      {touched && !parsed.success && <p className="field-error">Fix the fields marked above.</p>}
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
