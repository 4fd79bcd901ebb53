// What the observation store does on either database: the hot reads and writes of series values, with vintages, and the thinned tiers kept beside them.
import type { Tiers } from "@/lib/charts/tiers";

export type ObservationPoint = { date: string; value: number };
export type ApplyResult = { inserted: number; revised: number; unchanged: number };
export type ObservationStats = { id: string; rowCount: number; firstDate: string; lastDate: string };

export type ObservationStore = {
  /**
   * Writes a batch for one series; call inside a transaction. A date not yet known opens a row, a changed value
   * closes the current row (known_until = at) and opens a new one, an equal value changes nothing; the series' data
   * version moves on only when something changed. `rows` has one entry per date.
   */
  apply(seriesId: string, rows: readonly ObservationPoint[], at: number): Promise<ApplyResult>;
  /** Values between two dates (inclusive, ISO), as known now or, with `asOf` (epoch ms), as known then; by date. */
  read(seriesId: string, from: string, to: string, asOf?: number): Promise<ObservationPoint[]>;
  /** Current row count and first/last date per series (series without rows are left out). */
  stats(ids: string[]): Promise<ObservationStats[]>;
  /** How many values of the series were later revised. */
  revisionCount(seriesId: string): Promise<number>;
  /** The summary of the series' tiers at `dataVersion` (lib/charts/tiers.ts), or null when none is kept for it. */
  tierSummary(seriesId: string, dataVersion: number): Promise<Uint8Array | null>;
  /** Blocks of the series' tiers at `dataVersion`, by number; blocks not kept (the data moved on) are left out. */
  tierBlocks(seriesId: string, dataVersion: number, blocks: readonly number[]): Promise<Map<number, Uint8Array>>;
  /**
   * Keeps `tiers` as the series' tiers at `dataVersion` if the series is still at that version (false otherwise), and
   * drops older ones; call inside a transaction. apply() does this itself; this is for series written before tiers.
   */
  writeTiers(seriesId: string, dataVersion: number, tiers: Tiers): Promise<boolean>;
};

/**
 * The series' current values after a batch, in date order, from the values before it (in date order) and the batch's
 * changes (set on the same map). Sorts only when a new date lands before an existing one or the batch is out of order.
 */
export function currentInOrder(current: Map<string, number>, inOrder: boolean): { dates: string[]; values: Float64Array } {
  const dates = inOrder ? [...current.keys()] : [...current.keys()].sort();
  const values = new Float64Array(dates.length);
  for (let i = 0; i < dates.length; i++) values[i] = current.get(dates[i]!)!;
  return { dates, values };
}
