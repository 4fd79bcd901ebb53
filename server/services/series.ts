// Data series: the catalogue per notebook (list, get, create, update, remove) and imports into it; access is checked first.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
import { notebooks, series } from "@/db/schema";
import { newId } from "@/lib/ids";
import type { SeriesSource } from "@/lib/validation/series";
import { assertAccessToRowIn, assertNotebookAccess, roleAllows, roleIn, rolesByNotebook, type Actor } from "./access";
import { recordEvent } from "./audit";
import { type DomainError, conflict, notFound } from "./errors";
import { announceSeriesChange } from "./live";
import { applyObservations, observationStats, readObservations, revisionCount, type ApplyResult, type ObservationPoint, type ObservationRange } from "./observations";

export type SeriesRow = typeof series.$inferSelect;

export type SeriesSummary = Pick<
  SeriesRow,
  "id" | "notebookId" | "key" | "name" | "unit" | "frequency" | "source" | "sourceRef" | "notes" | "refreshIntervalMinutes" | "lastRefreshAt" | "lastError" | "lastErrorAt" | "nextRefreshAt" | "dataVersion" | "dataChangedAt"
> & {
  notebookName: string;
  rowCount: number;
  firstDate: string | null;
  lastDate: string | null;
  lastValue: number | null;
  sparkline: number[];
  canEdit: boolean;
};

const SPARKLINE_POINTS = 48;

function notFoundSeries(): DomainError {
  return notFound("series");
}

/** The series row if the actor may do `action` in its notebook; NOT_FOUND for strangers and missing ids alike. */
export async function seriesFor(actor: Actor, id: string, action: "read" | "write"): Promise<SeriesRow> {
  const [row] = await getDb().select().from(series).where(eq(series.id, id));
  await assertAccessToRowIn(actor, row?.notebookId, action, notFoundSeries);
  return row!;
}

/** The series with this key in the notebook, or null. Callers check access to the notebook first. */
export async function seriesByKey(notebookId: string, key: string): Promise<SeriesRow | null> {
  return (await getDb().select().from(series).where(and(eq(series.notebookId, notebookId), eq(series.key, key))))[0] ?? null;
}

/** About SPARKLINE_POINTS values spread over the series' last year, oldest first. */
async function sparklineOf(id: string, lastDate: string | null): Promise<{ values: number[]; last: number | null }> {
  if (!lastDate) return { values: [], last: null };
  const yearBefore = `${Number(lastDate.slice(0, 4)) - 1}${lastDate.slice(4)}`;
  const points = await readObservations(id, { from: yearBefore, to: lastDate });
  const step = Math.max(1, Math.ceil(points.length / SPARKLINE_POINTS));
  const values = points.filter((_, i) => i % step === 0 || i === points.length - 1).map((p) => p.value);
  return { values, last: points.at(-1)?.value ?? null };
}

type Role = "owner" | "editor" | "viewer";

/** Summaries of series rows: stats, last value and sparkline, and whether the actor (with `roles` by notebook) may edit each. */
async function summarize(rows: Array<{ s: SeriesRow; notebookName: string }>, roles: Map<string, Role>): Promise<SeriesSummary[]> {
  const stats = await observationStats(rows.map((r) => r.s.id));
  const summaries: SeriesSummary[] = [];
  for (const { s, notebookName } of rows) {
    const st = stats.get(s.id) ?? { rowCount: 0, firstDate: null, lastDate: null };
    const spark = await sparklineOf(s.id, st.lastDate);
    summaries.push({
      id: s.id,
      notebookId: s.notebookId,
      notebookName,
      key: s.key,
      name: s.name,
      unit: s.unit,
      frequency: s.frequency,
      source: s.source,
      sourceRef: s.sourceRef,
      notes: s.notes,
      refreshIntervalMinutes: s.refreshIntervalMinutes,
      lastRefreshAt: s.lastRefreshAt,
      lastError: s.lastError,
      lastErrorAt: s.lastErrorAt,
      nextRefreshAt: s.nextRefreshAt,
      dataVersion: s.dataVersion,
      dataChangedAt: s.dataChangedAt,
      ...st,
      lastValue: spark.last,
      sparkline: spark.values,
      canEdit: roleAllows(roles.get(s.notebookId) ?? null, "write"),
    });
  }
  return summaries;
}

/** The series of one notebook, or of every notebook the actor belongs to, with stats and a sparkline each. */
export async function listSeries(actor: Actor, opts: { notebookId?: string } = {}): Promise<SeriesSummary[]> {
  if (opts.notebookId) await assertNotebookAccess(actor, opts.notebookId, "read");
  const db = getDb();
  const roles = await rolesByNotebook(actor);
  const notebookIds = opts.notebookId ? [opts.notebookId] : [...roles.keys()];
  if (notebookIds.length === 0) return [];
  const rows = await db
    .select({ s: series, notebookName: notebooks.name })
    .from(series)
    .innerJoin(notebooks, eq(notebooks.id, series.notebookId))
    .where(inArray(series.notebookId, notebookIds))
    .orderBy(asc(notebooks.name), asc(series.key));
  return summarize(rows, roles);
}

export type SeriesDetail = SeriesSummary & { observations: ObservationPoint[]; asOf: Date | null; revisionCount: number };

/** One series with its observations between `from` and `to`, as known now or at `asOf`. */
export async function getSeries(actor: Actor, input: { id: string } & ObservationRange): Promise<SeriesDetail> {
  const row = await seriesFor(actor, input.id, "read");
  const notebookName = (await getDb().select({ name: notebooks.name }).from(notebooks).where(eq(notebooks.id, row.notebookId)))[0]?.name ?? "";
  const [summary] = await summarize([{ s: row, notebookName }], new Map([[row.notebookId, (await roleIn(actor, row.notebookId))!]]));
  return { ...summary!, observations: await readObservations(row.id, input), asOf: input.asOf ?? null, revisionCount: await revisionCount(row.id) };
}

export type CreateSeries = {
  notebookId: string;
  key: string;
  name: string;
  unit: string;
  frequency: SeriesRow["frequency"];
  source: SeriesSource;
  sourceRef: string;
  notes: string;
  refreshIntervalMinutes: number | null;
};

/** Creates a series in a notebook the actor may write to; the key must be new in that notebook. */
export async function createSeries(actor: Actor, input: CreateSeries): Promise<{ id: string; key: string }> {
  await assertNotebookAccess(actor, input.notebookId, "write");
  if (await seriesByKey(input.notebookId, input.key)) {
    throw conflict(`This notebook already has a series with the key “${input.key}”. Choose another key.`);
  }
  const id = newId();
  const isConnector = input.source === "fred" || input.source === "yahoo";
  const refreshIntervalMinutes = isConnector ? (input.refreshIntervalMinutes ?? 24 * 60) : null;
  await transaction(async (tx) => {
    await tx.insert(series)
      .values({ ...input, id, refreshIntervalMinutes, nextRefreshAt: isConnector ? new Date() : null, createdBy: actor.id });
    await recordEvent(tx, { actorId: actor.id, action: "series.create", targetType: "series", targetId: id, notebookId: input.notebookId, data: { key: input.key } });
  });
  return { id, key: input.key };
}

/** Changes a series' descriptive fields (its key stays: charts and scripts refer to it). */
export async function updateSeries(
  actor: Actor,
  input: { id: string; name: string; unit: string; frequency: SeriesRow["frequency"]; notes: string; sourceRef?: string; refreshIntervalMinutes?: number | null },
): Promise<{ id: string }> {
  const row = await seriesFor(actor, input.id, "write");
  const isConnector = row.source === "fred" || row.source === "yahoo";
  await transaction(async (tx) => {
    await tx.update(series)
      .set({
        name: input.name,
        unit: input.unit,
        frequency: input.frequency,
        notes: input.notes,
        ...(isConnector && input.sourceRef ? { sourceRef: input.sourceRef } : {}),
        ...(isConnector && input.refreshIntervalMinutes !== undefined ? { refreshIntervalMinutes: input.refreshIntervalMinutes ?? 24 * 60 } : {}),
        updatedAt: new Date(),
      })
      .where(eq(series.id, row.id));
    await recordEvent(tx, { actorId: actor.id, action: "series.update", targetType: "series", targetId: row.id, notebookId: row.notebookId });
  });
  return { id: row.id };
}

/** Deletes a series and all its observations (charts that use it then show it as missing). */
export async function removeSeries(actor: Actor, id: string): Promise<{ id: string }> {
  const row = await seriesFor(actor, id, "write");
  await transaction(async (tx) => {
    await tx.delete(series).where(eq(series.id, row.id));
    await recordEvent(tx, { actorId: actor.id, action: "series.remove", targetType: "series", targetId: row.id, notebookId: row.notebookId, data: { key: row.key } });
  });
  await announceSeriesChange({ notebookId: row.notebookId, seriesId: row.id, key: row.key, dataVersion: row.dataVersion + 1, at: Date.now() });
  return { id: row.id };
}

export type WriteResult = ApplyResult & { dataVersion: number };

/**
 * Writes already-validated observations into a series (no access check: callers check write access)
 * and tells open pages when anything changed.
 */
export async function writeObservations(row: Pick<SeriesRow, "id" | "notebookId" | "key">, points: readonly ObservationPoint[], actorId: string | null, via: string): Promise<WriteResult> {
  const result = await transaction(async (tx) => {
    const applied = await applyObservations(row.id, points);
    if (applied.inserted + applied.revised > 0) {
      await recordEvent(tx, { actorId, action: "series.data", targetType: "series", targetId: row.id, notebookId: row.notebookId, data: { via, ...applied } });
    }
    const [current] = await tx.select({ v: series.dataVersion }).from(series).where(eq(series.id, row.id));
    return { ...applied, dataVersion: current?.v ?? 0 };
  });
  if (result.inserted + result.revised > 0) {
    await announceSeriesChange({ notebookId: row.notebookId, seriesId: row.id, key: row.key, dataVersion: result.dataVersion, at: Date.now() });
  }
  return result;
}

/** Records the outcome of a refresh on the series row (the data page shows the last error). */
export async function recordRefresh(id: string, outcome: { ok: true; at: Date; next: Date | null } | { ok: false; at: Date; error: string; next: Date | null }): Promise<void> {
  await transaction((tx) =>
    tx
      .update(series)
      .set(
        outcome.ok
          ? { lastRefreshAt: outcome.at, lastError: null, lastErrorAt: null, consecutiveFailures: 0, nextRefreshAt: outcome.next }
          : { lastError: outcome.error, lastErrorAt: outcome.at, consecutiveFailures: sql`${series.consecutiveFailures} + 1`, nextRefreshAt: outcome.next },
      )
      .where(eq(series.id, id)),
  );
}
