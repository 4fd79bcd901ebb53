// Turns a chart spec into chart data and a server-side SVG (with the questions it overlays), cached per state of the spec, its questions and the series it reads; long series are read thinned from their tiers.
import { setImmediate as nextTurn } from "node:timers/promises";
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { questions, series } from "@/db/schema";
import { buildChartData, chartRange, chartSince, thinnable, type ChartData, type ChartInput } from "@/lib/charts/chart-data";
import { targetPoints } from "@/lib/charts/downsample";
import { renderChartSvg } from "@/lib/charts/figure";
import { createServerDocument } from "@/lib/charts/server-document";
import type { ChartSpec } from "@/lib/charts/spec";
import { questionOverlay, withOverlay, type ChartOverlay, type OverlayQuestion } from "@/lib/questions/rule-chart";
import { dataRuleSchema } from "@/lib/questions/spec";
import { keepTiers, readObservations, readTiers, type SeriesTiers } from "./observations";

/** How long the server spent on a chart, in ms: reading observations, building the chart data, drawing the SVG (all 0 from the cache). */
export type RenderTiming = { readMs: number; buildMs: number; drawMs: number };

/** A chart ready to show, with the server's own timing of making it. */
export type RenderedChart = { data: ChartData; svg: string; dataVersion: string; timing: RenderTiming };

const CACHED: RenderTiming = { readMs: 0, buildMs: 0, drawMs: 0 };
const ms = (from: number, to: number) => Math.round((to - from) * 100) / 100;

const CACHE_LIMIT = 300;
const globalForCache = globalThis as unknown as { quireChartCache?: Map<string, RenderedChart> };
const cache = (globalForCache.quireChartCache ??= new Map());

/** A width the server renders at: clamped and rounded to 80 px so the cache is reused. */
export function renderWidth(width: number | undefined): number {
  return Math.min(1600, Math.max(320, Math.round((width ?? 720) / 80) * 80));
}

/** Today's date (UTC) as YYYY-MM-DD: what "YTD" and "1Y" count back from. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * Options of a render: a past moment, a width, lines the caller adds (a question page's own rule lines), and whether
 * the table's rows are needed (they are left out of a chart drawn from thinned series).
 */
export type RenderOptions = { asOf?: Date; width?: number; overlay?: ChartOverlay; table?: boolean };

type SeriesRow = { id: string; key: string; name: string; unit: string; dataVersion: number };

/**
 * The spec's series thinned for the chart from their tiers (lib/charts/tiers.ts): the same drawn points as thinning
 * every observation, from a few blocks of each. `lacking` lists the series with no tiers at their data version
 * (inputs is then null); inputs is also null when a series' data moved on while reading.
 */
async function thinnedInputs(spec: ChartSpec, rows: SeriesRow[], today: string, width: number): Promise<{ inputs: ChartInput[] | null; lacking: SeriesRow[] }> {
  const found: (SeriesTiers | null)[] = [];
  const lacking: SeriesRow[] = [];
  for (const key of spec.series) {
    const row = rows.find((r) => r.key === key);
    const tiers = row ? await readTiers(row.id, row.dataVersion) : null;
    if (row && !tiers) lacking.push(row);
    found.push(tiers);
  }
  if (lacking.length > 0) return { inputs: null, lacking };
  const range = chartRange(spec, today, found.map((t) => t?.firstDate));
  const window = { from: range.from, to: range.to, maxPoints: targetPoints(width), ...(spec.kind !== "line" ? { baseDate: chartSince(spec, range) } : {}) };
  const inputs: ChartInput[] = [];
  for (const [i, key] of spec.series.entries()) {
    const row = rows.find((r) => r.key === key);
    const thinned = found[i] ? await found[i].thin(window) : { points: [], count: 0, firstDate: undefined, base: undefined };
    if (!thinned) return { inputs: null, lacking };
    const { points, ...rest } = thinned;
    inputs.push({ key, name: row?.name ?? key, unit: row?.unit ?? "", points, thinned: rest });
  }
  return { inputs, lacking };
}

/** The questions a spec overlays, read from its own notebook only (a question elsewhere or gone is left out). */
export async function overlaidQuestions(notebookId: string, ids: readonly string[] | undefined): Promise<OverlayQuestion[]> {
  if (!ids || ids.length === 0) return [];
  const rows = await getDb()
    .select({ id: questions.id, title: questions.title, resolveBy: questions.resolveBy, rule: questions.rule })
    .from(questions)
    .where(and(eq(questions.notebookId, notebookId), inArray(questions.id, [...ids])));
  return ids.flatMap((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) return [];
    const rule = row.rule ? dataRuleSchema.safeParse(row.rule) : null;
    return [{ id: row.id, title: row.title, resolveBy: row.resolveBy, rule: rule?.success ? rule.data : null }];
  });
}

/**
 * The steps of rendering the spec over the notebook's series, as known now or at `asOf`: it pauses (yields) between
 * reading, building and drawing, and returns the chart. Cached until the spec, the width, the day or the data
 * version of any of its series changes (a cached chart needs no pause).
 */
async function* renderSteps(notebookId: string, spec: ChartSpec, opts: RenderOptions): AsyncGenerator<void, RenderedChart> {
  const width = renderWidth(opts.width);
  const today = todayIso(opts.asOf ?? new Date());
  const rows = await getDb()
    .select({ id: series.id, key: series.key, name: series.name, unit: series.unit, dataVersion: series.dataVersion })
    .from(series)
    .where(and(eq(series.notebookId, notebookId), inArray(series.key, spec.series)));
  const dataVersion = spec.series.map((k) => `${k}@${rows.find((r) => r.key === k)?.dataVersion ?? "none"}`).join(",");
  const own = questionOverlay(spec, await overlaidQuestions(notebookId, spec.questions));
  const overlay: ChartOverlay = { guides: [...(opts.overlay?.guides ?? []), ...own.guides], annotations: [...(opts.overlay?.annotations ?? []), ...own.annotations] };
  // Thinned series serve plain, rebased and return charts as known now, unless the table's rows are asked for.
  const thin = opts.asOf === undefined && opts.table !== true && thinnable(spec);
  const cacheKey = JSON.stringify([notebookId, spec, opts.asOf?.getTime() ?? null, width, today, dataVersion, overlay, thin]);
  const hit = cache.get(cacheKey);
  if (hit) {
    cache.delete(cacheKey);
    cache.set(cacheKey, hit);
    return { ...hit, timing: CACHED };
  }
  let phaseStart = performance.now();
  const thinned = thin ? await thinnedInputs(spec, rows, today, width) : { inputs: null, lacking: [] };
  let inputs = thinned.inputs;
  if (!inputs) {
    inputs = [];
    for (const key of spec.series) {
      const row = rows.find((r) => r.key === key);
      inputs.push({ key, name: row?.name ?? key, unit: row?.unit ?? "", points: row ? await readObservations(row.id, { asOf: opts.asOf }) : [] });
    }
  }
  const readMs = ms(phaseStart, performance.now());
  // Series kept before tiers were: keep them now (once per data version) when they are long enough to gain from it.
  for (const row of thinned.lacking) {
    const points = inputs.find((input) => input.key === row.key)?.points ?? [];
    if (points.length > targetPoints(width)) await keepTiers(row.id, row.dataVersion, points);
  }
  yield;
  phaseStart = performance.now();
  const data = withOverlay(buildChartData(spec, inputs, { today, width }), overlay);
  const buildMs = ms(phaseStart, performance.now());
  yield;
  phaseStart = performance.now();
  const svg = renderChartSvg(data, { width, height: Math.round(width * 0.5), document: createServerDocument() });
  const rendered = { data, svg, dataVersion, timing: { readMs, buildMs, drawMs: ms(phaseStart, performance.now()) } };
  cache.set(cacheKey, rendered);
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return rendered;
}

/** Renders the spec at once (see renderSteps). */
export async function renderChart(notebookId: string, spec: ChartSpec, opts: RenderOptions = {}): Promise<RenderedChart> {
  const steps = renderSteps(notebookId, spec, opts);
  for (let step = await steps.next(); ; step = await steps.next()) if (step.done) return step.value;
}

/**
 * Renders the spec over several turns of the event loop, one step (read, build, draw) a turn, so that a heavy chart
 * never holds up other requests for its whole time. For request handlers; the same chart and cache as renderChart.
 */
export async function renderChartInTurns(notebookId: string, spec: ChartSpec, opts: RenderOptions = {}): Promise<RenderedChart> {
  const steps = renderSteps(notebookId, spec, opts);
  for (let step = await steps.next(); ; step = await steps.next()) {
    if (step.done) return step.value;
    await nextTurn();
  }
}
