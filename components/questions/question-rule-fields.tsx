"use client";
// The data-rule part of the question form: rule type, series, dates (defaulting from resolve-by), operator, threshold, and the rule in words.
import Link from "next/link";
import { dataRuleSchema, describeRule, RULE_KIND, type DataRule, type QuestionKind } from "@/lib/questions/spec";

/** A rule's type. */
export type RuleType = DataRule["type"];

const RULE_TYPES: Record<RuleType, string> = {
  "return-compare": "Return of A compared with return of B",
  "return-threshold": "Return of A compared with a threshold (%)",
  "value-threshold": "Value of A on a date compared with a threshold",
  "value-on-date": "Value of A on a date (the outcome)",
};

/** The rule as the form holds it: text fields, validated on save. */
export type RuleDraft = { type: RuleType; a: string; b: string; from: string; to: string; op: string; threshold: string; date: string; vintage: VintageChoice; vintageAt: string };

/** Which values the rule reads: as first published (the default for a new rule), as known when it resolves, or as known at a moment. */
export type VintageChoice = "first" | "latest" | "asOf";

const VINTAGES: Record<VintageChoice, string> = {
  first: "Values as first published (default)",
  latest: "Values as known when it resolves (revisions count)",
  asOf: "Values as known at a moment…",
};

/** The draft's vintage as the schema reads it (a moment typed in local time becomes UTC). */
function vintageOf(r: RuleDraft): unknown {
  if (r.vintage !== "asOf") return r.vintage;
  const at = new Date(r.vintageAt);
  return { asOf: Number.isNaN(at.getTime()) ? r.vintageAt : at.toISOString() };
}

/** The form's choice for a stored rule's vintage: a rule from before vintages reads values as known when it resolves. */
export function vintageChoiceOf(vintage: unknown): { vintage: VintageChoice; vintageAt: string } {
  if (vintage === "first") return { vintage: "first", vintageAt: "" };
  if (vintage && typeof vintage === "object" && typeof (vintage as { asOf?: unknown }).asOf === "string") {
    const at = new Date((vintage as { asOf: string }).asOf);
    const local = new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    return { vintage: "asOf", vintageAt: local };
  }
  return { vintage: "latest", vintageAt: "" };
}

/** What of the question draft the rule fields read. */
type DraftPart = { kind: QuestionKind; resolveBy: string; useRule: boolean; rule: RuleDraft };

/** Numeric text as a number: undefined when empty, NaN when unreadable (so the schema says so). */
export function numOrUndefined(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

/** The rule as the schema reads it. */
export function ruleOf(r: RuleDraft): Record<string, unknown> {
  switch (r.type) {
    case "return-compare":
      return { type: r.type, a: r.a, b: r.b, from: r.from, to: r.to, op: r.op, vintage: vintageOf(r) };
    case "return-threshold":
      return { type: r.type, a: r.a, from: r.from, to: r.to, op: r.op, threshold: numOrUndefined(r.threshold), vintage: vintageOf(r) };
    case "value-threshold":
      return { type: r.type, a: r.a, date: r.date, op: r.op, threshold: numOrUndefined(r.threshold), vintage: vintageOf(r) };
    case "value-on-date":
      return { type: r.type, a: r.a, date: r.date, vintage: vintageOf(r) };
  }
}

const FIELD_OF: Record<string, keyof RuleDraft> = { a: "a", b: "b", from: "from", to: "to", threshold: "threshold", date: "date" };

export function RuleFields({
  draft,
  touched,
  errors,
  series,
  seriesPending,
  names,
  serverError,
  onUseRule,
  setRule,
}: {
  draft: DraftPart;
  touched: boolean;
  errors: Record<string, string>;
  series: Array<{ id: string; key: string; name: string }>;
  seriesPending: boolean;
  names: Record<string, string>;
  serverError?: string;
  onUseRule: (on: boolean) => void;
  setRule: (patch: Partial<RuleDraft>) => void;
}) {
  const ruleParsed = draft.useRule ? dataRuleSchema.safeParse(ruleOf(draft.rule)) : null;
  const ruleError = (k: string) => (touched ? (errors[`rule.${k}`] ?? (k === "type" ? errors.rule : undefined)) : undefined);
  // Before the form is submitted, speak only of fields that hold something: an empty one is not wrong yet.
  const shownIssue = ruleParsed?.error?.issues.find((i) => {
    if (touched) return true;
    const field = FIELD_OF[String(i.path[0] ?? "")];
    return field !== undefined && draft.rule[field].trim() !== "";
  })?.message;
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
    <fieldset className="field q-rule-builder">
      <legend>Data rule (optional)</legend>
      <label className="series-pick">
        <input type="checkbox" checked={draft.useRule} onChange={(e) => onUseRule(e.target.checked)} />
        <span>Resolve this question from the notebook’s series when the data for the end date is in</span>
      </label>
      {draft.useRule &&
        (seriesPending ? (
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
            <div className="field">
              <label htmlFor="q-rule-vintage">Resolve on</label>
              <select id="q-rule-vintage" className="input" value={draft.rule.vintage} onChange={(e) => setRule({ vintage: e.target.value as VintageChoice })}>
                {(Object.keys(VINTAGES) as VintageChoice[]).map((v) => (
                  <option key={v} value={v}>
                    {VINTAGES[v]}
                  </option>
                ))}
              </select>
              {draft.rule.vintage === "asOf" && (
                <input id="q-rule-vintage-at" type="datetime-local" className="input" aria-label="Values as known at" value={draft.rule.vintageAt} onChange={(e) => setRule({ vintageAt: e.target.value })} />
              )}
              <span className="field-hint">A value revised after the question resolves never changes the resolution; the inbox says so, and an owner may reopen.</span>
              {ruleError("vintage") && <span className="field-error">{ruleError("vintage")}</span>}
            </div>
            <p className="q-rule-preview" data-testid="rule-preview" aria-live="polite">
              {ruleParsed?.success ? (
                <>
                  <span className="badge">Rule</span> {describeRule(ruleParsed.data, names)}
                  {draft.kind === "binary" ? " → yes" : " → the outcome"}
                </>
              ) : (
                <span className="faint">{shownIssue ?? "Complete the rule to see it in words."}</span>
              )}
            </p>
          </div>
        ))}
      {serverError && <span className="field-error">{serverError}</span>}
    </fieldset>
  );
}
