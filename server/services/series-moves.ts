// How a notebook's series moved between a past moment (as known then) and now: for snapshots' "since then" lists and a note as of a moment.
import { and, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { series } from "@/db/schema";
import type { SeriesMove } from "@/lib/share/model";
import { todayIso } from "./chart-render";
import { readObservations } from "./observations";

/** For each series of a chart: its last value known at `asOf` against its last value now. */
export async function seriesMoves(notebookId: string, keys: string[], asOf: Date, now: Date): Promise<SeriesMove[]> {
  const rows = await getDb()
    .select({ id: series.id, key: series.key, name: series.name, unit: series.unit })
    .from(series)
    .where(and(eq(series.notebookId, notebookId), inArray(series.key, keys)));
  // The last 400 days hold the last point of any live series; an older series is read whole.
  const lastOf = async (seriesId: string, at: Date, known?: Date) => {
    const to = todayIso(at);
    const from = todayIso(new Date(at.getTime() - 400 * 86_400_000));
    const point = (await readObservations(seriesId, { from, to, asOf: known })).at(-1) ?? (await readObservations(seriesId, { to, asOf: known })).at(-1);
    return point ? { date: point.date, value: point.value } : null;
  };
  const moves = [];
  for (const key of keys) {
    const row = rows.find((r) => r.key === key);
    if (row) moves.push({ key, name: row.name, unit: row.unit, then: await lastOf(row.id, asOf, asOf), now: await lastOf(row.id, now) });
  }
  return moves;
}
