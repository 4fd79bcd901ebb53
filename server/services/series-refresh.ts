// Connector refreshes: fetch a series from FRED or Yahoo, write what changed, and record the outcome and next run.
import { and, isNotNull, lte, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { series } from "@/db/schema";
import { ConnectorError } from "@/server/connectors/errors";
import { runConnector } from "@/server/connectors/run-connector";
import { nextRefreshAt } from "@/server/connectors/schedule";
import type { Actor } from "./access";
import { fredApiKeyOf } from "./connector-settings";
import { recordRefresh, seriesFor, writeObservations, type SeriesRow } from "./series";
import { requestLogger } from "@/server/logger";

export type RefreshOutcome =
  | { ok: true; inserted: number; revised: number; unchanged: number; at: Date }
  | { ok: false; error: string; at: Date };

type Fetcher = { fetch?: typeof fetch; timeoutMs?: number };

/** Runs the series' connector once and records the outcome (success, or the error the data page shows). */
export async function refreshRow(row: SeriesRow, actorId: string | null, opts: Fetcher = {}): Promise<RefreshOutcome> {
  const at = new Date();
  const interval = (row.refreshIntervalMinutes ?? 24 * 60) * 60_000;
  if (row.source !== "fred" && row.source !== "yahoo") {
    return { ok: false, error: "Only FRED and Yahoo series refresh from a source; import or push data into this one.", at };
  }
  try {
    const fredApiKey = (await fredApiKeyOf(row.notebookId)) ?? (process.env.FRED_API_KEY || undefined);
    const fetched = await runConnector(row.source, row.sourceRef, { fredApiKey, ...opts });
    const written = await writeObservations(row, fetched.observations, actorId, row.source);
    await recordRefresh(row.id, { ok: true, at, next: new Date(nextRefreshAt(at.getTime(), interval, 0)) });
    return { ok: true, inserted: written.inserted, revised: written.revised, unchanged: written.unchanged, at };
  } catch (err) {
    const message = err instanceof ConnectorError ? err.message : "The refresh failed unexpectedly.";
    if (!(err instanceof ConnectorError)) requestLogger("refresh").error({ seriesId: row.id, err: { message: (err as Error)?.message } }, "refresh failed");
    await recordRefresh(row.id, { ok: false, at, error: message, next: new Date(nextRefreshAt(at.getTime(), interval, row.consecutiveFailures + 1)) });
    return { ok: false, error: message, at };
  }
}

/** Refreshes a connector series now, for a user who may write to its notebook. */
export async function refreshSeries(actor: Actor, id: string, opts: Fetcher = {}): Promise<RefreshOutcome> {
  const row = await seriesFor(actor, id, "write");
  return refreshRow(row, actor.id, opts);
}

/** Refreshes, one at a time, every connector series whose next refresh is due. */
export async function refreshDue(now = new Date(), opts: Fetcher = {}): Promise<number> {
  const due = await getDb()
    .select()
    .from(series)
    .where(and(inArray(series.source, ["fred", "yahoo"]), isNotNull(series.nextRefreshAt), lte(series.nextRefreshAt, now)));
  for (const row of due) await refreshRow(row, null, opts);
  return due.length;
}
