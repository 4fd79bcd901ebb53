"use client";
// Optional fields on the new-question form: your first forecast (a probability, or a value with an 80% interval) and its rationale.
import { forecastSchemaFor, type QuestionKind } from "@/lib/questions/spec";

/** The first forecast as typed: all text, all optional. */
export type FirstForecast = { percent: string; value: string; low: string; high: string; rationale: string };

/** No first forecast typed. */
export const EMPTY_FIRST_FORECAST: FirstForecast = { percent: "", value: "", low: "", high: "", rationale: "" };

function num(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

/**
 * The first forecast as the forecast procedure takes it, `null` when none was typed, or the errors by
 * field (probability, value, low, high) when it does not validate.
 */
export function parseFirstForecast(
  kind: QuestionKind,
  f: FirstForecast,
): { ok: true; forecast: { probability?: number; value?: number; low?: number; high?: number; rationale: string } | null } | { ok: false; errors: Record<string, string> } {
  const typed = kind === "binary" ? f.percent.trim() !== "" : [f.value, f.low, f.high].some((v) => v.trim() !== "");
  if (!typed) return { ok: true, forecast: null };
  const pct = num(f.percent);
  const candidate =
    kind === "binary"
      ? { probability: pct === undefined ? undefined : pct / 100, rationale: f.rationale }
      : { value: num(f.value), low: num(f.low), high: num(f.high), rationale: f.rationale };
  const parsed = forecastSchemaFor(kind).safeParse(candidate);
  if (parsed.success) return { ok: true, forecast: parsed.data };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "probability")] ??= issue.message.replace("between 0 and 1 (0.65 for 65%)", "from 0% to 100%");
  return { ok: false, errors };
}

export function FirstForecastFields({
  kind,
  unit,
  value,
  onChange,
  errors,
}: {
  kind: QuestionKind;
  unit: string;
  value: FirstForecast;
  onChange: (next: FirstForecast) => void;
  errors: Record<string, string>;
}) {
  const set = (patch: Partial<FirstForecast>) => onChange({ ...value, ...patch });
  const u = unit.trim() ? ` (${unit.trim()})` : "";
  const numberField = (id: string, label: string, k: "value" | "low" | "high") => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} className="input" type="number" step="any" value={value[k]} aria-invalid={errors[k] ? true : undefined} onChange={(e) => set({ [k]: e.target.value })} />
      {errors[k] && <span className="field-error">{errors[k]}</span>}
    </div>
  );
  return (
    <fieldset className="field q-first-forecast">
      <legend>Your first forecast (optional)</legend>
      {kind === "binary" ? (
        <div className="field">
          <label htmlFor="q-first-p">Chance of yes, %</label>
          <input id="q-first-p" className="input q-first-p" type="number" min={0} max={100} step={1} inputMode="numeric" value={value.percent} aria-invalid={errors.probability ? true : undefined} onChange={(e) => set({ percent: e.target.value })} />
          {errors.probability && <span className="field-error">{errors.probability}</span>}
        </div>
      ) : (
        <div className="field-row q-field-row-3">
          {numberField("q-first-v", `First forecast${u}`, "value")}
          {numberField("q-first-l", "80% low", "low")}
          {numberField("q-first-h", "80% high", "high")}
        </div>
      )}
      <div className="field">
        <label htmlFor="q-first-r">Why (optional)</label>
        <textarea id="q-first-r" className="input" rows={2} maxLength={5000} value={value.rationale} onChange={(e) => set({ rationale: e.target.value })} />
      </div>
    </fieldset>
  );
}
