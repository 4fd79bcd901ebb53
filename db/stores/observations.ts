// What the observation store does on either database: the hot reads and writes of series values, with vintages.
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
};
