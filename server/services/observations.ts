// Observations with vintages: apply a batch (new values open rows, revised values close the old row first) and read as of any moment.
import { observationStore, transaction } from "@/db/client";
import type { ApplyResult, ObservationPoint } from "@/db/stores/observations";

export type { ApplyResult, ObservationPoint };
export type ObservationRange = { from?: string; to?: string; asOf?: Date };

/**
 * Writes a batch of observations for one series in one transaction (joining the caller's): a date not yet known opens
 * a row, a changed value closes the current row (known_until) and opens a new one, an equal value changes nothing.
 * The series' data version moves on only when something changed. `rows` must have one entry per date (the parsers
 * and the push merge them); the write transaction keeps one current row per date.
 */
export async function applyObservations(seriesId: string, rows: readonly ObservationPoint[], at: number = Date.now()): Promise<ApplyResult> {
  return transaction(() => observationStore().apply(seriesId, rows, at));
}

/** The series' values between two dates (inclusive), as known now or as known at `asOf`. */
export async function readObservations(seriesId: string, range: ObservationRange = {}): Promise<ObservationPoint[]> {
  return observationStore().read(seriesId, range.from ?? "0000-01-01", range.to ?? "9999-12-31", range.asOf?.getTime());
}

/** Current row count and first/last date of each series that has rows. */
export async function observationStats(ids: string[]): Promise<Map<string, { rowCount: number; firstDate: string | null; lastDate: string | null }>> {
  if (ids.length === 0) return new Map();
  return new Map((await observationStore().stats(ids)).map(({ id, ...stats }) => [id, stats]));
}

/** How many of the series' values were later revised. */
export async function revisionCount(seriesId: string): Promise<number> {
  return observationStore().revisionCount(seriesId);
}
