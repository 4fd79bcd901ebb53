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

/** A series' current values in date order: what apply() reads before a batch, and what the tiers are built from after. */
export type CurrentValues = { dates: string[]; values: ArrayLike<number> };

/** What a batch changes: the dates whose current row closes (revised), the rows to insert, the counts, and the values after. */
export type BatchPlan = { closes: string[]; inserts: ObservationPoint[]; result: ApplyResult; after: { dates: string[]; values: Float64Array } };

/** True when every date of the batch is later than the series' last date and than the batch's date before it. */
function onlyAppends(lastDate: string, rows: readonly ObservationPoint[]): boolean {
  let last = lastDate;
  for (const { date } of rows) {
    if (date <= last) return false;
    last = date;
  }
  return true;
}

/**
 * Plans a batch against the series' current values (in date order), the same on both stores. A batch that only
 * appends (the usual import or refresh) is planned without a lookup per row; otherwise each date is looked up: a new
 * date inserts, a changed value closes the current row and inserts its successor, an equal value changes nothing.
 * `rows` has one entry per date.
 */
export function planBatch(before: CurrentValues, rows: readonly ObservationPoint[]): BatchPlan {
  const count = before.dates.length;
  if (onlyAppends(count > 0 ? before.dates[count - 1]! : "", rows)) {
    const dates = new Array<string>(count + rows.length);
    const values = new Float64Array(count + rows.length);
    for (let i = 0; i < count; i++) {
      dates[i] = before.dates[i]!;
      values[i] = before.values[i]!;
    }
    rows.forEach((row, i) => {
      dates[count + i] = row.date;
      values[count + i] = row.value;
    });
    return { closes: [], inserts: [...rows], result: { inserted: rows.length, revised: 0, unchanged: 0 }, after: { dates, values } };
  }
  const current = new Map<string, number>();
  for (let i = 0; i < count; i++) current.set(before.dates[i]!, before.values[i]!);
  const plan: BatchPlan = { closes: [], inserts: [], result: { inserted: 0, revised: 0, unchanged: 0 }, after: { dates: [], values: new Float64Array() } };
  // The dates stay in order while every new date is later than the last one; otherwise they are sorted at the end.
  let last = count > 0 ? before.dates[count - 1]! : "";
  let inOrder = true;
  for (const row of rows) {
    const known = current.get(row.date);
    if (known === row.value) {
      plan.result.unchanged++;
      continue;
    }
    if (known !== undefined) {
      plan.closes.push(row.date);
      plan.result.revised++;
    } else {
      plan.result.inserted++;
      if (row.date <= last) inOrder = false;
      last = row.date;
    }
    plan.inserts.push(row);
    current.set(row.date, row.value);
  }
  plan.after = currentInOrder(current, inOrder);
  return plan;
}

/** The values of a map (date → value, set in date order when `inOrder`) in date order, sorting only when not. */
function currentInOrder(current: Map<string, number>, inOrder: boolean): { dates: string[]; values: Float64Array } {
  // One pass over the entries (no lookup per date); out of order, the entries are sorted by date instead.
  const entries = inOrder ? current : [...current].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const dates = new Array<string>(current.size);
  const values = new Float64Array(current.size);
  let i = 0;
  for (const [date, value] of entries) {
    dates[i] = date;
    values[i++] = value;
  }
  return { dates, values };
}
