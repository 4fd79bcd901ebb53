"use client";
// Live figures in a rendered note: one figures.evaluate call per text (FigureValues), and each :value{…} as its figure with where it came from on hover, focus or tap.
import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { createContext, useContext, useId, useMemo, useState, type ReactNode } from "react";
import type { inferRouterOutputs } from "@trpc/server";
import { useTRPC } from "@/components/trpc/provider";
import { figureKeysOf } from "@/lib/figures/find";
import type { AppRouter } from "@/server/trpc/root";

export type FigureResult = inferRouterOutputs<AppRouter>["figures"]["evaluate"][number];

type FigureState = { loading: boolean; error: string | null; byKey: Map<string, FigureResult> };

const FiguresContext = createContext<FigureState | null>(null);

/** As the server's MAX_FIGURES_PER_CALL (the note page prefetches the same keys). */
const MAX_KEYS = 200;

/** Computes the figures a text holds (over the notebook's series, as known now or at `asOf`) for the LiveFigures inside. */
export function FigureValues({ notebookId, source, asOf, children }: { notebookId: string; source: string; asOf?: Date; children: ReactNode }) {
  const trpc = useTRPC();
  const keys = useMemo(() => figureKeysOf(source).slice(0, MAX_KEYS), [source]);
  const query = useQuery({ ...trpc.figures.evaluate.queryOptions({ notebookId, keys, asOf }), enabled: keys.length > 0, placeholderData: (previous) => previous });
  const state = useMemo<FigureState>(
    () => ({ loading: (query.isPending || query.isFetching) && keys.length > 0, error: query.error?.message ?? null, byKey: new Map((query.data ?? []).map((r) => [r.key, r])) }),
    [query.isPending, query.isFetching, query.error, query.data, keys.length],
  );
  return <FiguresContext.Provider value={state}>{children}</FiguresContext.Provider>;
}

const ROLE_LABELS: Record<string, string> = { start: "from", end: "to", value: "value", peak: "peak", trough: "trough", high: "high", low: "low" };

function Provenance({ figure }: { figure: Extract<FigureResult, { ok: true }> }) {
  return (
    <>
      <span className="figure-pop-title">{Object.entries(figure.series).map(([key, s]) => `${s.name} (${key})`).join(" ÷ ")}</span>
      <table className="figure-pop-table">
        <tbody>
          {figure.used.map((u, i) => (
            <tr key={i}>
              <th scope="row">{ROLE_LABELS[u.role] ?? u.role}</th>
              <td>{u.series}</td>
              <td>{u.date}</td>
              <td className="num">{u.value.toLocaleString("en-US", { maximumFractionDigits: 6 })}</td>
              <td className="faint figure-pop-known">{u.knownFrom ? `known since ${format(u.knownFrom, "yyyy-MM-dd HH:mm")}` : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {figure.notes.map((n) => (
        <span key={n} className="figure-pop-note">
          {n}
        </span>
      ))}
      <span className="figure-pop-note">{figure.asOf ? `Data as known on ${format(figure.asOf, "yyyy-MM-dd HH:mm")}.` : "Live: data as known now."}</span>
    </>
  );
}

/** A figure in running text: the value, or a marker that says why there is none; its provenance on hover, focus or tap. */
export function LiveFigure({ figureKey, source }: { figureKey: string; source: string }) {
  const state = useContext(FiguresContext);
  const [open, setOpen] = useState(false);
  const popId = useId();
  const result = state?.byKey.get(figureKey);
  if (!state) return <code>{source}</code>;
  if (!result) {
    if (state.error) return <FigureProblem reason={`Figures could not be loaded: ${state.error}`} />;
    if (!state.loading) return <FigureProblem reason="this figure was not computed: reload the page" />;
    return (
      <span className="figure figure-loading" aria-busy="true" data-testid="figure-loading">
        …
      </span>
    );
  }
  if (!result.ok) return <FigureProblem reason={result.reason} />;
  return (
    <span className="figure-wrap" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className={`figure${result.asOf ? " figure-pinned" : ""}`}
        data-testid="figure"
        data-figure-key={figureKey}
        aria-describedby={open ? popId : undefined}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => e.key === "Escape" && setOpen(false)}
      >
        {result.text}
      </button>
      {open && (
        <span className="figure-pop" role="tooltip" id={popId} data-testid="figure-provenance">
          <Provenance figure={result} />
        </span>
      )}
    </span>
  );
}

/** A figure that cannot be shown: a clear marker with the reason (never a blank or a made-up number). */
export function FigureProblem({ reason }: { reason: string }) {
  return (
    <span className="figure figure-error" data-testid="figure-error">
      <span aria-hidden="true">⚠ </span>
      <span className="sr-only">Figure unavailable: </span>
      {reason}
    </span>
  );
}
