"use client";
// The values of the figures in the note being edited, for the editor's figure chips: figures.evaluate over the notebook's series, asked again only when the set of keys changes.
import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo } from "react";
import { useTRPC } from "@/components/trpc/provider";
import type { AppRouter } from "@/server/trpc/root";
import type { FigureChipValue, FigureValues } from "./figure-values";

type FigureResult = inferRouterOutputs<AppRouter>["figures"]["evaluate"][number];

/** figures.evaluate takes at most this many keys a call; a note with more different figures shows the rest as not computed. */
const MAX_KEYS = 200;

function formatNumber(value: number): string {
  return value.toLocaleString("en-US", { maximumFractionDigits: 6 });
}

/** Where a figure came from, in one line: the values used, and whether it is live or pinned. */
export function figureDetail(result: Extract<FigureResult, { ok: true }>): string {
  const used = result.used.map((u) => `${u.series} ${formatNumber(u.value)} on ${u.date}`).join(", ");
  const when = result.asOf ? `data as known on ${result.asOf.toISOString().slice(0, 10)}` : "live";
  return `From ${used} (${when}).`;
}

/**
 * The figures `keys` name (as figureKey writes them, sorted), computed over the notebook's series as known now. While
 * a new set loads, the figures of the previous set keep their values.
 */
export function useFigureValues(notebookId: string, keys: readonly string[]): FigureValues {
  const trpc = useTRPC();
  const asked = useMemo(() => keys.slice(0, MAX_KEYS), [keys]);
  const query = useQuery({
    ...trpc.figures.evaluate.queryOptions({ notebookId, keys: asked }),
    enabled: asked.length > 0,
    placeholderData: (previous) => previous,
  });
  return useMemo(() => {
    const byKey = new Map<string, FigureChipValue>();
    for (const r of query.data ?? []) byKey.set(r.key, r.ok ? { ok: true, text: r.text, detail: figureDetail(r) } : { ok: false, reason: r.reason });
    for (const key of keys.slice(MAX_KEYS)) byKey.set(key, { ok: false, reason: `the editor computes the first ${MAX_KEYS} different figures of a note` });
    return { error: query.error?.message ?? null, byKey };
  }, [query.data, query.error, keys]);
}
