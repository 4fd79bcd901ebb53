// Adds a FRED series or a Yahoo symbol in one step: fetch it first, then create the series with its first data, or create nothing.
import { transaction } from "@/db/client";
import { seriesKeySchema } from "@/lib/charts/spec";
import { keyFromLabel } from "@/lib/series/bulk";
import { inferFrequency } from "@/lib/series/frequency";
import { ConnectorError, type ConnectorKind } from "@/server/connectors/errors";
import { runConnector } from "@/server/connectors/run-connector";
import { nextRefreshAt } from "@/server/connectors/schedule";
import { requestLogger } from "@/server/logger";
import { assertNotebookAccess, type Actor } from "./access";
import { fredApiKeyOf } from "./connector-settings";
import { badRequest, conflict } from "./errors";
import { createSeries, recordRefresh, seriesByKey, writeObservations } from "./series";

/** The new series and its first data, or the connector's error (and nothing created). */
export type AddFromSourceResult = { ok: true; id: string; key: string; rows: number; firstDate: string; lastDate: string } | { ok: false; error: string };

const SOURCE_NAMES: Record<ConnectorKind, string> = { fred: "FRED", yahoo: "Yahoo" };
const DAY_MINUTES = 24 * 60;

/** The key a new series gets from a FRED id or a Yahoo symbol (^RUT → RUT, BRK-B stays). */
export function keyForSource(ref: string): string {
  return keyFromLabel(ref).toUpperCase();
}

/**
 * Fetches `ref` from FRED or Yahoo and, when the fetch brings data, creates the series (key from the id unless given,
 * name from the id and source, frequency from the dates, refreshed daily) with that data as its first refresh. A key
 * the notebook already has is CONFLICT; a failed fetch returns the connector's message and creates nothing.
 */
export async function addSeriesFromSource(
  actor: Actor,
  input: { notebookId: string; source: ConnectorKind; ref: string; key?: string },
  opts: { fetch?: typeof fetch; timeoutMs?: number } = {},
): Promise<AddFromSourceResult> {
  await assertNotebookAccess(actor, input.notebookId, "write");
  const key = input.key ?? keyForSource(input.ref);
  const validKey = seriesKeySchema.safeParse(key);
  if (!validKey.success) throw badRequest(`${validKey.error.issues[0]?.message ?? "Not a series key."} Give the series a key of your own.`);
  const taken = () => conflict(`This notebook already has a series with the key “${key}”. Open it and press Refresh, or give another key.`);
  if (await seriesByKey(input.notebookId, key)) throw taken();
  const name = SOURCE_NAMES[input.source];
  let fetched;
  try {
    fetched = await runConnector(input.source, input.ref, { fredApiKey: (await fredApiKeyOf(input.notebookId)) ?? (process.env.FRED_API_KEY || undefined), ...opts });
  } catch (err) {
    if (err instanceof ConnectorError) return { ok: false, error: `${name} ${input.ref}: ${err.message}` };
    requestLogger("add-series").error({ err: { message: (err as Error)?.message } }, "fetch failed");
    return { ok: false, error: `${name} ${input.ref}: the fetch failed unexpectedly. Try again later.` };
  }
  const points = fetched.observations;
  if (points.length === 0) return { ok: false, error: `${name} ${input.ref}: the source answered with no values.` };
  await assertNotebookAccess(actor, input.notebookId, "write");
  const at = new Date();
  const id = await transaction(async () => {
    if (await seriesByKey(input.notebookId, key)) throw taken();
    const created = await createSeries(actor, {
      notebookId: input.notebookId,
      key,
      name: `${input.ref} (${name})`,
      unit: "",
      frequency: inferFrequency(points.map((p) => p.date)),
      source: input.source,
      sourceRef: input.ref,
      notes: `Added from ${name} by its ${input.source === "fred" ? "series id" : "symbol"}; refreshed daily.`,
      refreshIntervalMinutes: DAY_MINUTES,
    });
    await writeObservations({ id: created.id, notebookId: input.notebookId, key }, points, actor.id, input.source);
    await recordRefresh(created.id, { ok: true, at, next: new Date(nextRefreshAt(at.getTime(), DAY_MINUTES * 60_000, 0)) });
    return created.id;
  });
  return { ok: true, id, key, rows: points.length, firstDate: points[0]!.date, lastDate: points.at(-1)!.date };
}
