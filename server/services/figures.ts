// Live figures in prose: computes `:value{…}` figures over a notebook's series (as known now or at a moment), with where each came from.
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { observations, series } from "@/db/schema";
import type { Point } from "@/lib/charts/align";
import { computeFigure, formatFigure, rangesFor, type FigureSeries, type FigureValue, type UsedPoint } from "@/lib/figures/compute";
import { figureKeysOf } from "@/lib/figures/find";
import { figureSpecOfKey, type FigureSpec } from "@/lib/figures/spec";
import type { StaticFigure } from "@/lib/notes/standalone-html";
import { assertNotebookAccess, type Actor } from "./access";
import { observationStats, readObservations } from "./observations";

/** A value a figure used, with when it became the known value for its date. */
export type UsedValue = UsedPoint & { knownFrom: Date | null };

/** One figure as a reader sees it, with its provenance; or why it cannot be shown. */
export type FigureResult =
  | {
      key: string;
      ok: true;
      text: string;
      value: number;
      style: FigureValue["style"];
      /** The series it read: key → name and unit, and its data version (which moves when its values change). */
      series: Record<string, { name: string; unit: string; dataVersion: number }>;
      used: UsedValue[];
      notes: string[];
      /** The moment the data was read as known at; null for "now". */
      asOf: Date | null;
    }
  | { key: string; ok: false; reason: string };

/** At most this many figures per call (a note with more is read in parts). */
export const MAX_FIGURES_PER_CALL = 200;

type SeriesInfo = { id: string; key: string; name: string; unit: string; dataVersion: number };

/** Series up to this many rows are read whole, once per call; longer ones in the ranges each figure needs. */
const WHOLE_SERIES_ROWS = 20_000;

/** The earlier of two moments (undefined = now, the latest). */
function earlier(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/** When each used value became known, read in one query per series and moment. */
async function knownFromOf(used: Array<{ seriesId: string; asOf: number | undefined; date: string }>): Promise<Map<string, Date>> {
  const groups = new Map<string, { seriesId: string; asOf: number | undefined; dates: Set<string> }>();
  for (const u of used) {
    const group = `${u.seriesId}@${u.asOf ?? "now"}`;
    if (!groups.has(group)) groups.set(group, { seriesId: u.seriesId, asOf: u.asOf, dates: new Set() });
    groups.get(group)!.dates.add(u.date);
  }
  const known = new Map<string, Date>();
  for (const [group, g] of groups) {
    const vintage =
      g.asOf === undefined ? isNull(observations.knownUntil) : and(lte(observations.knownFrom, g.asOf), or(isNull(observations.knownUntil), gt(observations.knownUntil, g.asOf)));
    const rows = await getDb()
      .select({ date: observations.date, knownFrom: observations.knownFrom })
      .from(observations)
      .where(and(eq(observations.seriesId, g.seriesId), inArray(observations.date, [...g.dates]), vintage));
    for (const r of rows) known.set(`${group}:${r.date}`, new Date(r.knownFrom));
  }
  return known;
}

/** Computed figures by what they depend on (see resultKey); a figure is computed again only when its data changes. */
const resultCache = new Map<string, FigureResult>();
const RESULT_CACHE_SIZE = 5_000;

/**
 * What a figure's result depends on: the figure, the moment, and each series it reads with its data version (which
 * moves whenever a value is added or revised), name and unit. Stable across servers: it comes from the database.
 */
function resultKey(notebookId: string, key: string, at: number | undefined, infos: SeriesInfo[]): string {
  return [notebookId, key, at ?? "now", ...infos.map((s) => `${s.id}:${s.dataVersion}:${s.name}:${s.unit}`)].join("|");
}

function remember(cacheKey: string, result: FigureResult): void {
  // The oldest entry goes first (a Map keeps insertion order).
  if (resultCache.size >= RESULT_CACHE_SIZE) resultCache.delete(resultCache.keys().next().value!);
  resultCache.set(cacheKey, result);
}

/**
 * Computes figures in a notebook, without an access check (callers check: the reader's role, or a share link's
 * reach). Each figure reads its series as known at the earlier of its own `asOf` and `asOf` here. One query finds the
 * series; a figure whose series have not changed since it was last computed comes from memory.
 */
export async function computeFigures(notebookId: string, keys: readonly string[], asOf?: Date): Promise<FigureResult[]> {
  const specs = keys.map((key) => ({ key, read: figureSpecOfKey(key) }));
  const seriesKeys = [...new Set(specs.flatMap(({ read }) => (read.ok ? [read.spec.series, ...(read.spec.over ? [read.spec.over] : [])] : [])))];
  const rows = seriesKeys.length === 0 ? [] : await getDb().select({ id: series.id, key: series.key, name: series.name, unit: series.unit, dataVersion: series.dataVersion }).from(series).where(and(eq(series.notebookId, notebookId), inArray(series.key, seriesKeys)));
  const byKey = new Map(rows.map((r) => [r.key, r]));

  let stats: Promise<Map<string, { rowCount: number; lastDate: string | null }>> | null = null;
  const statsOf = async (id: string) => {
    stats ??= observationStats(rows.map((r) => r.id));
    return (await stats).get(id) ?? { rowCount: 0, lastDate: null };
  };
  const pointsCache = new Map<string, Promise<Point[]>>();
  /** The series' values as known at `at`, in `ranges` (read once per range and moment), or whole. */
  const pointsOf = async (s: SeriesInfo, at: number | undefined, ranges: Array<{ from: string; to: string }> | null): Promise<FigureSeries> => {
    const asOfDate = at === undefined ? undefined : new Date(at);
    const read = (range: { from?: string; to?: string }) => {
      const cacheKey = `${s.id}@${at ?? "now"}:${range.from ?? ""}:${range.to ?? ""}`;
      if (!pointsCache.has(cacheKey)) pointsCache.set(cacheKey, readObservations(s.id, { ...range, asOf: asOfDate }));
      return pointsCache.get(cacheKey)!;
    };
    const parts = ranges === null ? [await read({})] : await Promise.all(ranges.map(read));
    const points = parts.length === 1 ? parts[0]! : [...new Map(parts.flat().map((p) => [p.date, p])).values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return { key: s.key, name: s.name, unit: s.unit, points };
  };

  const computed = await Promise.all(
    specs.map(async ({ key, read }) => {
      if (!read.ok) return { key, ok: false as const, reason: read.reason };
      const spec: FigureSpec = read.spec;
      const at = earlier(spec.asOf, asOf?.getTime());
      const infos = new Map<string, SeriesInfo>();
      for (const k of [spec.series, ...(spec.over ? [spec.over] : [])]) {
        const row = byKey.get(k);
        if (row) infos.set(k, row);
      }
      // A figure naming a series the notebook lacks is not remembered: the series may be made at any moment.
      const cacheKey = infos.size === (spec.over ? 2 : 1) ? resultKey(notebookId, key, at, [...infos.values()]) : null;
      const cached = cacheKey ? resultCache.get(cacheKey) : undefined;
      if (cached) return { key, ok: "cached" as const, result: cached };
      // A long series is read in the ranges the figure needs; if a value it needs lies outside them, whole.
      const computeOver = async (whole: boolean) => {
        const data = new Map<string, FigureSeries>();
        let windowed = false;
        for (const [k, info] of infos) {
          const { rowCount, lastDate } = await statsOf(info.id);
          const ranges = whole || rowCount <= WHOLE_SERIES_ROWS || lastDate === null ? null : rangesFor(spec, lastDate);
          windowed ||= ranges !== null;
          data.set(k, await pointsOf(info, at, ranges));
        }
        return { result: computeFigure(spec, (k) => data.get(k)), windowed };
      };
      const first = await computeOver(false);
      const result = !first.result.ok && first.windowed ? (await computeOver(true)).result : first.result;
      if (!result.ok) return { key, ok: false as const, reason: result.reason, cacheKey };
      return { key, ok: true as const, spec, at, infos, figure: result.figure, cacheKey };
    }),
  );

  const wanted = computed.flatMap((c) => (c.ok === true ? c.figure.used.map((u) => ({ seriesId: c.infos.get(u.series)!.id, asOf: c.at, date: u.date })) : []));
  const known = await knownFromOf(wanted);
  return computed.map((c): FigureResult => {
    if (c.ok === "cached") return c.result;
    if (c.ok === false) {
      const failed: FigureResult = { key: c.key, ok: false, reason: c.reason };
      if ("cacheKey" in c && c.cacheKey) remember(c.cacheKey, failed);
      return failed;
    }
    const seriesUsed = Object.fromEntries([...c.infos].map(([k, s]) => [k, { name: s.name, unit: s.unit, dataVersion: s.dataVersion }]));
    const used = c.figure.used.map((u) => ({ ...u, knownFrom: known.get(`${c.infos.get(u.series)!.id}@${c.at ?? "now"}:${u.date}`) ?? null }));
    const result: FigureResult = {
      key: c.key,
      ok: true,
      text: formatFigure(c.figure, c.spec),
      value: c.figure.value,
      style: c.figure.style,
      series: seriesUsed,
      used,
      notes: c.figure.notes,
      asOf: c.at === undefined ? null : new Date(c.at),
    };
    if (c.cacheKey) remember(c.cacheKey, result);
    return result;
  });
}

/** Figures for a reader of the notebook (the figures `keys` name, as `figureKey` writes them), as known now or at `asOf`. */
export async function evaluateFigures(actor: Actor, input: { notebookId: string; keys: string[]; asOf?: Date }): Promise<FigureResult[]> {
  await assertNotebookAccess(actor, input.notebookId, "read");
  return computeFigures(input.notebookId, [...new Set(input.keys)], input.asOf);
}

const ROLE_WORDS: Record<string, string> = { start: "from", end: "to", value: "on", peak: "peak", trough: "trough", high: "high", low: "low" };

/** A figure for a page without JavaScript (share page, export): its text, and its provenance as one line for a tooltip. */
export function staticFigureOf(result: FigureResult): StaticFigure {
  if (!result.ok) return { problem: result.reason };
  const names = Object.entries(result.series).map(([key, s]) => `${s.name} (${key})`).join(" ÷ ");
  const used = result.used.map((u) => `${ROLE_WORDS[u.role] ?? u.role} ${u.series} ${u.date}: ${u.value}`).join("; ");
  const when = result.asOf ? `data as known on ${result.asOf.toISOString().slice(0, 16).replace("T", " ")} UTC` : "data as known when this page was made";
  return { text: result.text, provenance: [names, used, ...result.notes, when].join(" · ") };
}

/** The figures of a text, for a page without JavaScript, keyed as the page's figure places name them. */
export async function staticFiguresOf(notebookId: string, body: string, asOf?: Date): Promise<Map<string, StaticFigure>> {
  const keys = figureKeysOf(body);
  if (keys.length === 0) return new Map();
  return new Map((await computeFigures(notebookId, keys, asOf)).map((r) => [r.key, staticFigureOf(r)]));
}
