// Observations with vintages: apply a batch (new values open rows, revised values close the old row first) and read as of any moment; long series also read thinned, from their tiers.
import { observationStore, transaction } from "@/db/client";
import type { ApplyResult, ObservationPoint } from "@/db/stores/observations";
import { buildTiers, thinWindow, TierSummary, type ThinnedWindow } from "@/lib/charts/tiers";

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

/** A series' tiers at one data version: its first date, and any window thinned from them. */
export type SeriesTiers = {
  firstDate: string | undefined;
  /** downsample(clip(points, from, to), maxPoints) and more (lib/charts/tiers.ts); null when the data moved on meanwhile. */
  thin(window: { from: string; to: string; maxPoints: number; baseDate?: string }): Promise<ThinnedWindow | null>;
};

/** The series' tiers at `dataVersion` (written with the data), or null when none are kept for that version. */
export async function readTiers(seriesId: string, dataVersion: number): Promise<SeriesTiers | null> {
  const store = observationStore();
  const summary = await store.tierSummary(seriesId, dataVersion);
  if (!summary) return null;
  let decoded: TierSummary;
  try {
    decoded = new TierSummary(summary);
  } catch {
    // Kept in another format (an older version of lib/charts/tiers.ts): read in full, and the tiers are kept again.
    return null;
  }
  return {
    firstDate: decoded.count > 0 ? decoded.firstDate(0) : undefined,
    thin: (window) => thinWindow(summary, (blocks) => store.tierBlocks(seriesId, dataVersion, blocks), window),
  };
}

/**
 * Keeps tiers for a series read in full at `dataVersion` (a series written before tiers were kept), so that its next
 * long chart reads them; does nothing when the series has moved on. `points` are its current values in date order.
 */
export async function keepTiers(seriesId: string, dataVersion: number, points: readonly ObservationPoint[]): Promise<void> {
  const tiers = buildTiers(
    points.map((p) => p.date),
    points.map((p) => p.value),
  );
  if (tiers) await transaction(() => observationStore().writeTiers(seriesId, dataVersion, tiers));
}
