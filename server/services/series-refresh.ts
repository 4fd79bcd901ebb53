// Connector refreshes: fetch a series from FRED or Yahoo, write what changed, and record the outcome and next run.
import { and, eq, inArray, isNotNull, lte } from "drizzle-orm";
import { getDb, transaction } from "@/db/client";
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

/** How long a claimed refresh is held by the server that claimed it, should it die before recording the outcome. */
export const REFRESH_LEASE_MS = 15 * 60_000;

/**
 * Claims a due refresh: moves its next run past the lease, only if no other server moved it first (compare and set on
 * the value read). Of several servers claiming at once exactly one gets the row.
 */
async function claimRefresh(row: SeriesRow, now: Date): Promise<boolean> {
  const claimed = await transaction((tx) =>
    tx
      .update(series)
      .set({ nextRefreshAt: new Date(now.getTime() + REFRESH_LEASE_MS) })
      .where(and(eq(series.id, row.id), eq(series.nextRefreshAt, row.nextRefreshAt!)))
      .returning({ id: series.id }),
  );
  return claimed.length > 0;
}

/** Refreshes, one at a time, every connector series whose next refresh is due and that this server claims first. */
export async function refreshDue(now = new Date(), opts: Fetcher = {}): Promise<number> {
  const due = await getDb()
    .select()
    .from(series)
    .where(and(inArray(series.source, ["fred", "yahoo"]), isNotNull(series.nextRefreshAt), lte(series.nextRefreshAt, now)));
  let ran = 0;
  for (const row of due) {
    if (!(await claimRefresh(row, now))) continue;
    await refreshRow(row, null, opts);
    ran++;
  }
  return ran;
}
