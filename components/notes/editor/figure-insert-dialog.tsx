"use client";
// The dialog that inserts a live figure (:value{series=… stat=…}) at the cursor: a series of the notebook, a statistic and the dates it needs, digits and sign, with the figure as it would show now (or why it cannot be computed).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/provider";
import { Dialog } from "@/components/ui/dialog";
import { useDebounced } from "@/components/ui/use-debounced";
import { FIGURE_STAT_LABELS, FIGURE_STATS, figureDirective, figureKey, figureSpecOf, type FigureSpec, type FigureStat } from "@/lib/figures/spec";
import { figureDetail } from "./use-figure-values";

type Form = { series: string; stat: FigureStat; over: string; date: string; from: string; to: string; digits: string; sign: "" | "true" | "false" };
type Field = "series" | "over" | "date" | "from" | "to";
type Checked = { ok: true; spec: FigureSpec } | { ok: false; field: Field | null; message: string };

type SeriesChoice = { id: string; key: string; name: string; unit: string; firstDate: string | null; lastDate: string | null };

/** Which dates each statistic takes, and whether the start is required. */
const DATES: Record<FigureStat, { date?: true; from?: "required" | "optional"; to?: true }> = {
  last: { to: true },
  value: { date: true },
  change: { from: "required", to: true },
  return: { from: "required", to: true },
  ytd: { to: true },
  ratio: { from: "required", to: true },
  drawdown: { from: "optional", to: true },
  high: { from: "optional", to: true },
  low: { from: "optional", to: true },
};

const DIGITS = ["0", "1", "2", "3", "4", "5", "6"];

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The form as a figure spec, or the first thing to fix (in the form's words, then in the directive's). */
export function checkFigureForm(form: Form): Checked {
  const dates = DATES[form.stat];
  if (!form.series) return { ok: false, field: "series", message: "Choose a series." };
  if (dates.date && !form.date) return { ok: false, field: "date", message: "Choose the date to read the value on." };
  if (dates.from === "required" && !form.from) return { ok: false, field: "from", message: "Choose the start date." };
  if (form.stat === "ratio" && !form.over) return { ok: false, field: "over", message: "Choose the series to divide by." };
  if (form.stat === "ratio" && form.over === form.series) return { ok: false, field: "over", message: "Choose a different series to divide by." };
  if (dates.from && form.from && dates.to && form.to && form.from >= form.to) return { ok: false, field: "to", message: "The end date must come after the start date." };
  const attributes: Record<string, string> = { series: form.series, stat: form.stat };
  if (dates.date) attributes.date = form.date;
  if (dates.from && form.from) attributes.from = form.from;
  if (dates.to && form.to) attributes.to = form.to;
  if (form.stat === "ratio") attributes.over = form.over;
  if (form.digits) attributes.digits = form.digits;
  if (form.sign) attributes.sign = form.sign;
  const read = figureSpecOf(attributes);
  return read.ok ? read : { ok: false, field: null, message: `${sentence(read.reason)}.` };
}

function matches(s: SeriesChoice, query: string): boolean {
  const text = `${s.key} ${s.name}`.toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => text.includes(w));
}

export function FigureInsertDialog({ open, notebookId, onClose, onInsert }: { open: boolean; notebookId: string; onClose: () => void; onInsert: (directive: string) => void }) {
  return (
    <Dialog open={open} onClose={onClose} title="Insert a figure">
      {open && <FigureForm notebookId={notebookId} onClose={onClose} onInsert={onInsert} />}
    </Dialog>
  );
}

function FigureForm({ notebookId, onClose, onInsert }: { notebookId: string; onClose: () => void; onInsert: (directive: string) => void }) {
  const trpc = useTRPC();
  const id = useId();
  const seriesList = useQuery(trpc.series.list.queryOptions({ notebookId }));
  const series: SeriesChoice[] = useMemo(() => seriesList.data ?? [], [seriesList.data]);
  const [form, setForm] = useState<Form>({ series: "", stat: "last", over: "", date: "", from: "", to: "", digits: "", sign: "" });
  const [query, setQuery] = useState("");
  const [touched, setTouched] = useState(false);
  const checked = checkFigureForm(form);
  const chosen = series.find((s) => s.key === form.series);
  const shown = series.filter((s) => s.key === form.series || matches(s, query));
  const dates = DATES[form.stat];
  const searchRef = useRef<HTMLInputElement>(null);
  const hasSeries = series.length > 0;
  const changed = useRef(false);
  // The search takes the focus once it is there: after the dialog has opened (its parent opens it after this runs), or when the list comes after a
  // wait, unless the person has already changed something.
  useEffect(() => {
    if (!hasSeries) return;
    const frame = requestAnimationFrame(() => {
      if (!changed.current) searchRef.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [hasSeries]);
  const fieldError = (field: Field) => (touched && !checked.ok && checked.field === field ? checked.message : null);

  const update = (change: (f: Form) => Form) => {
    changed.current = true;
    setForm(change);
  };
  const set = (patch: Partial<Form>) => update((f) => ({ ...f, ...patch }));
  const chooseSeries = (key: string) => {
    const s = series.find((x) => x.key === key);
    update((f) => ({ ...f, series: key, date: f.date || (f.stat === "value" ? (s?.lastDate ?? "") : ""), over: f.over === key ? "" : f.over }));
  };
  const chooseStat = (stat: FigureStat) => update((f) => ({ ...f, stat, date: f.date || (stat === "value" ? (chosen?.lastDate ?? "") : "") }));

  const key = checked.ok ? figureKey(checked.spec) : null;
  const previewKey = useDebounced(key, 250);
  const preview = useQuery({
    ...trpc.figures.evaluate.queryOptions({ notebookId, keys: previewKey ? [previewKey] : [] }),
    enabled: previewKey !== null,
    placeholderData: (previous) => previous,
  });
  const result = previewKey !== null && previewKey === key ? preview.data?.find((r) => r.key === key) : undefined;

  const ids = { search: `${id}-search`, stat: `${id}-stat`, over: `${id}-over`, date: `${id}-date`, from: `${id}-from`, to: `${id}-to`, digits: `${id}-digits`, sign: `${id}-sign` };
  const error = (field: Field) => {
    const message = fieldError(field);
    return message ? (
      <span className="field-error" id={`${id}-${field}-error`}>
        {message}
      </span>
    ) : null;
  };
  const invalid = (field: Field) => (fieldError(field) ? { "aria-invalid": true as const, "aria-describedby": `${id}-${field}-error` } : {});

  return (
    <form
      className="figure-dialog-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setTouched(true);
        if (checked.ok) onInsert(figureDirective(checked.spec));
      }}
    >
      <div className="dialog-body figure-dialog">
        <h2>Insert a figure</h2>
        <p className="field-hint">
          A number computed from the notebook’s data, inside your sentence. It is written <code>{":value{series=KEY stat=…}"}</code>; only figures written as
          directives are checked for staleness.
        </p>
        {seriesList.isPending ? (
          <div className="picker-empty">Loading series…</div>
        ) : seriesList.error ? (
          <div className="alert alert-error" role="alert">
            The series could not be loaded: {seriesList.error.message}
          </div>
        ) : series.length === 0 ? (
          <div className="picker-empty" data-testid="figure-no-series">
            This notebook has no series yet. <Link href="/data">Import or push data</Link>, then insert a figure here.
          </div>
        ) : (
          <fieldset className="field figure-series" aria-describedby={fieldError("series") ? `${id}-series-error` : undefined}>
            <legend>Series</legend>
            <input
              id={ids.search}
              className="input"
              type="search"
              aria-label="Find a series by key or name"
              placeholder="Find a series by key or name…"
              value={query}
              ref={searchRef}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== "Enter") return;
                e.preventDefault();
                const first = series.find((s) => matches(s, query));
                if (first) chooseSeries(first.key);
              }}
            />
            {shown.length === 0 ? (
              <div className="picker-empty">No series match “{query.trim()}”.</div>
            ) : (
              <ul className="figure-series-list" aria-label="Series">
                {shown.map((s) => (
                  <li key={s.id}>
                    <label className="figure-series-option">
                      <input type="radio" name={`${id}-series`} value={s.key} checked={form.series === s.key} onChange={() => chooseSeries(s.key)} />
                      <span className="figure-series-key">{s.key}</span>
                      <span className="figure-series-name" title={s.name}>
                        {s.name}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {error("series") ??
              (chosen && (
                <span className="field-hint">
                  {chosen.firstDate && chosen.lastDate ? `Values from ${chosen.firstDate} to ${chosen.lastDate}` : "No values yet"}
                  {chosen.unit ? `, in ${chosen.unit}.` : "."}
                </span>
              ))}
          </fieldset>
        )}

        <div className="field">
          <label htmlFor={ids.stat}>Statistic</label>
          <select id={ids.stat} className="input" value={form.stat} onChange={(e) => chooseStat(e.target.value as FigureStat)}>
            {FIGURE_STATS.map((s) => (
              <option key={s} value={s}>
                {FIGURE_STAT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>

        {form.stat === "ratio" && (
          <div className="field">
            <label htmlFor={ids.over}>Divided by</label>
            <select id={ids.over} className="input" value={form.over} onChange={(e) => set({ over: e.target.value })} {...invalid("over")}>
              <option value="">Choose a series…</option>
              {series
                .filter((s) => s.key !== form.series)
                .map((s) => (
                  <option key={s.id} value={s.key}>
                    {s.key}: {s.name}
                  </option>
                ))}
            </select>
            {error("over")}
          </div>
        )}

        {dates.date && (
          <div className="field">
            <label htmlFor={ids.date}>On</label>
            <input id={ids.date} className="input" type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} {...invalid("date")} />
            {error("date") ?? <span className="field-hint">The last value on or before this date.</span>}
          </div>
        )}
        {(dates.from || dates.to) && (
          <div className="field-row figure-dates">
            {dates.from && (
              <div className="field">
                <label htmlFor={ids.from}>From{dates.from === "optional" ? " (optional)" : ""}</label>
                <input id={ids.from} className="input" type="date" value={form.from} onChange={(e) => set({ from: e.target.value })} {...invalid("from")} />
                {error("from")}
              </div>
            )}
            {dates.to && (
              <div className="field">
                <label htmlFor={ids.to}>To (optional)</label>
                <input id={ids.to} className="input" type="date" value={form.to} onChange={(e) => set({ to: e.target.value })} {...invalid("to")} />
                {error("to")}
              </div>
            )}
          </div>
        )}
        {(dates.from || dates.to) && (
          <span className="field-hint figure-dates-hint">
            {dates.from === "optional" ? "Empty dates mean the whole history. " : ""}Without an end date, the figure follows the latest value.
          </span>
        )}

        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.digits}>Decimal places</label>
            <select id={ids.digits} className="input" value={form.digits} onChange={(e) => set({ digits: e.target.value })}>
              <option value="">Usual</option>
              {DIGITS.map((d) => (
                <option key={d} value={d}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.sign}>Plus sign</label>
            <select id={ids.sign} className="input" value={form.sign} onChange={(e) => set({ sign: e.target.value as Form["sign"] })}>
              <option value="">Usual</option>
              <option value="true">On every gain</option>
              <option value="false">Never</option>
            </select>
          </div>
        </div>

      </div>
      <div className="figure-preview" data-testid="figure-preview" aria-live="polite">
        <span className="figure-preview-label">Preview</span>
        {!checked.ok ? (
          <span className={touched && checked.field === null ? "field-error" : "faint"}>{checked.message}</span>
        ) : !result ? (
          preview.error && previewKey === key ? (
            <span className="field-error">The figure could not be computed: {preview.error.message}</span>
          ) : (
            <span className="faint" aria-busy="true">
              Computing…
            </span>
          )
        ) : result.ok ? (
          <>
            <span className="figure-preview-value" data-testid="figure-preview-value">
              {result.text}
            </span>
            <span className="faint">{figureDetail(result)}</span>
          </>
        ) : (
          <span className="field-error" data-testid="figure-preview-problem">
            This figure cannot be computed now: {result.reason}.
          </span>
        )}
        {checked.ok && (
          <span className="field-hint">
            Inserts <code>{figureDirective(checked.spec)}</code> at the cursor.
          </span>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="btn btn-primary">
          Insert figure
        </button>
      </div>
    </form>
  );
}
