"use client";
// The forecast control: a probability (slider and number, in %) or a value with an 80% interval, plus a rationale; on a note, the note is the evidence.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { forecastSchemaFor } from "@/lib/questions/spec";
import { errorText } from "./format";

type Mine = { probability: number | null; value: number | null; low: number | null; high: number | null } | null;

/** Numeric text as a number, or undefined when empty or unreadable. */
function num(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

export function ForecastForm({
  question,
  mine,
  noteId,
  compact = false,
  onDone,
}: {
  question: { id: string; kind: "binary" | "numeric"; unit: string; rangeMin: number | null; rangeMax: number | null };
  mine: Mine;
  noteId?: string;
  compact?: boolean;
  onDone?: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const uid = useId();
  const [percent, setPercent] = useState(String(Math.round((mine?.probability ?? 0.5) * 100)));
  const mid = question.rangeMin !== null && question.rangeMax !== null ? (question.rangeMin + question.rangeMax) / 2 : 0;
  const [value, setValue] = useState(String(mine?.value ?? mid));
  const [low, setLow] = useState(String(mine?.low ?? question.rangeMin ?? ""));
  const [high, setHigh] = useState(String(mine?.high ?? question.rangeMax ?? ""));
  const [rationale, setRationale] = useState("");
  const [clientError, setClientError] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const forecast = useMutation(
    trpc.questions.forecast.mutationOptions({
      onSuccess: async () => {
        setRationale("");
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.questions.pathKey() });
        onDone?.();
      },
    }),
  );
  const pct = num(percent);
  const candidate =
    question.kind === "binary"
      ? { probability: pct === undefined ? undefined : pct / 100, rationale, noteId }
      : { value: num(value), low: num(low), high: num(high), rationale, noteId };

  const submit = () => {
    setSaved(false);
    const parsed = forecastSchemaFor(question.kind).safeParse(candidate);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message.replace("between 0 and 1 (0.65 for 65%)", "from 0% to 100%");
      setClientError(errors);
      return;
    }
    setClientError({});
    forecast.mutate({ questionId: question.id, ...parsed.data });
  };
  const serverFields = forecast.error?.data?.fieldErrors ?? {};
  const fieldError = (k: string) => clientError[k] ?? serverFields[k]?.[0];
  const unit = question.unit ? ` (${question.unit})` : "";

  return (
    <form
      className={compact ? "forecast-form forecast-form-compact" : "forecast-form"}
      noValidate
      aria-label="Your forecast"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          if (!forecast.isPending) submit();
        }
      }}
    >
      {question.kind === "binary" ? (
        <div className="field">
          <label htmlFor={`${uid}-p`}>Probability of yes</label>
          <div className="forecast-prob">
            <input type="range" min={0} max={100} step={1} value={pct ?? 50} aria-label="Probability slider" onChange={(e) => setPercent(e.target.value)} />
            <span className="forecast-prob-number">
              <input id={`${uid}-p`} className="input" type="number" min={0} max={100} step={1} inputMode="numeric" value={percent} aria-invalid={fieldError("probability") ? true : undefined} onChange={(e) => setPercent(e.target.value)} />
              <span aria-hidden="true">%</span>
            </span>
          </div>
          {fieldError("probability") && <span className="field-error">{fieldError("probability")}</span>}
        </div>
      ) : (
        <div className="forecast-numeric" role="group" aria-label={`Forecast${unit}`}>
          {question.unit && <span className="field-hint forecast-unit">In {question.unit}</span>}
          <div className="field">
            <label htmlFor={`${uid}-v`}>Forecast</label>
            <input id={`${uid}-v`} className="input" type="number" step="any" value={value} aria-invalid={fieldError("value") ? true : undefined} onChange={(e) => setValue(e.target.value)} />
            {fieldError("value") && <span className="field-error">{fieldError("value")}</span>}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-l`}>80% low</label>
            <input id={`${uid}-l`} className="input" type="number" step="any" value={low} aria-invalid={fieldError("low") ? true : undefined} onChange={(e) => setLow(e.target.value)} />
            {fieldError("low") && <span className="field-error">{fieldError("low")}</span>}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-h`}>80% high</label>
            <input id={`${uid}-h`} className="input" type="number" step="any" value={high} aria-invalid={fieldError("high") ? true : undefined} onChange={(e) => setHigh(e.target.value)} />
            {fieldError("high") && <span className="field-error">{fieldError("high")}</span>}
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${uid}-r`}>Rationale{compact ? " (optional)" : ""}</label>
        <textarea id={`${uid}-r`} className="input" rows={compact ? 1 : 2} maxLength={5000} value={rationale} placeholder={noteId ? "What in this note moved you?" : "Why this number?"} onChange={(e) => setRationale(e.target.value)} />
      </div>
      {forecast.error && !forecast.error.data?.fieldErrors && (
        <div className="alert alert-error" role="alert">
          {errorText(forecast.error)}
        </div>
      )}
      <div className="row">
        <button type="submit" className="btn btn-primary btn-sm" disabled={forecast.isPending}>
          {forecast.isPending ? "Saving…" : mine ? "Update forecast" : "Save forecast"}
        </button>
        <span className="faint forecast-shortcut">or Ctrl+Enter</span>
        {saved && !forecast.isPending && (
          <span className="faint" role="status">
            Saved{noteId ? " with this note as evidence" : ""}.
          </span>
        )}
      </div>
    </form>
  );
}
