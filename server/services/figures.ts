// Live figures in prose: computes `:value{…}` figures over a notebook's series (as known now or at a moment), with where each came from.
import { and, eq, gt, inArray, isNull, lte, or } from "drizzle-orm";
import { getDb } from "@/db/client";
import { observations } from "@/db/schema";
import { computeFigure, formatFigure, type FigureSeries, type FigureValue, type UsedPoint } from "@/lib/figures/compute";
import { figureKeysOf } from "@/lib/figures/find";
import { figureSpecOfKey, type FigureSpec } from "@/lib/figures/spec";
import type { StaticFigure } from "@/lib/notes/standalone-html";
import { assertNotebookAccess, type Actor } from "./access";
import { readObservations } from "./observations";
import { seriesByKey } from "./series";

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

/**
 * Computes figures in a notebook, without an access check (callers check: the reader's role, or a share link's
 * reach). Each figure reads its series as known at the earlier of its own `asOf` and `asOf` here.
 */
export async function computeFigures(notebookId: string, keys: readonly string[], asOf?: Date): Promise<FigureResult[]> {
  const seriesCache = new Map<string, Promise<SeriesInfo | null>>();
  const pointsCache = new Map<string, Promise<FigureSeries>>();
  const seriesOf = (key: string) => {
    if (!seriesCache.has(key)) seriesCache.set(key, seriesByKey(notebookId, key).then((s) => (s ? { id: s.id, key: s.key, name: s.name, unit: s.unit, dataVersion: s.dataVersion } : null)));
    return seriesCache.get(key)!;
  };
  const pointsOf = (s: SeriesInfo, at: number | undefined) => {
    const cacheKey = `${s.id}@${at ?? "now"}`;
    if (!pointsCache.has(cacheKey)) {
      pointsCache.set(
        cacheKey,
        readObservations(s.id, { asOf: at === undefined ? undefined : new Date(at) }).then((points) => ({ key: s.key, name: s.name, unit: s.unit, points })),
      );
    }
    return pointsCache.get(cacheKey)!;
  };

  const computed = await Promise.all(
    keys.map(async (key) => {
      const read = figureSpecOfKey(key);
      if (!read.ok) return { key, ok: false as const, reason: read.reason };
      const spec: FigureSpec = read.spec;
      const at = earlier(spec.asOf, asOf?.getTime());
      const infos = new Map<string, SeriesInfo>();
      for (const k of [spec.series, ...(spec.over ? [spec.over] : [])]) {
        const info = await seriesOf(k);
        if (info) infos.set(k, info);
      }
      const data = new Map<string, FigureSeries>();
      for (const [k, info] of infos) data.set(k, await pointsOf(info, at));
      const result = computeFigure(spec, (k) => data.get(k));
      if (!result.ok) return { key, ok: false as const, reason: result.reason };
      return { key, ok: true as const, spec, at, infos, figure: result.figure };
    }),
  );

  const wanted = computed.flatMap((c) => (c.ok ? c.figure.used.map((u) => ({ seriesId: c.infos.get(u.series)!.id, asOf: c.at, date: u.date })) : []));
  const known = await knownFromOf(wanted);
  return computed.map((c): FigureResult => {
    if (!c.ok) return c;
    const series = Object.fromEntries([...c.infos].map(([k, s]) => [k, { name: s.name, unit: s.unit, dataVersion: s.dataVersion }]));
    const used = c.figure.used.map((u) => ({ ...u, knownFrom: known.get(`${c.infos.get(u.series)!.id}@${c.at ?? "now"}:${u.date}`) ?? null }));
    return {
      key: c.key,
      ok: true,
      text: formatFigure(c.figure, c.spec),
      value: c.figure.value,
      style: c.figure.style,
      series,
      used,
      notes: c.figure.notes,
      asOf: c.at === undefined ? null : new Date(c.at),
    };
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
