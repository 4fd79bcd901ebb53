// Gathers the rows of an import: sorts them by date, merges exact duplicates, reports conflicting ones, caps error messages.
import type { ParseResult, RowError } from "./parse";

/** How many error messages an import keeps; `errorCount` still counts them all. */
export const MAX_IMPORT_ERRORS_SHOWN = 50;

/** Collects dated values and row errors in file order, then builds the {@link ParseResult}. */
export class ObservationCollector {
  private readonly dates: string[] = [];
  private readonly values: number[] = [];
  private readonly rows: number[] = [];
  private readonly errors: RowError[] = [];
  private errorCount = 0;
  private skippedMissing = 0;

  /** A value for a date, read at `row` (the 1-based line in the file). */
  add(date: string, value: number, row: number): void {
    this.dates.push(date);
    this.values.push(value);
    this.rows.push(row);
  }

  /** A row whose value is marked missing. */
  missing(): void {
    this.skippedMissing++;
  }

  /** A row that cannot be read. Rows must be reported in file order for the first messages kept to be the first rows. */
  error(row: number, message: string): void {
    this.errorCount++;
    if (this.errors.length < MAX_IMPORT_ERRORS_SHOWN) this.errors.push({ row, message });
  }

  /** The observations sorted by date with duplicates merged, and every error found, the first ones by line kept. */
  finish(): ParseResult {
    const { dates, values, rows } = this;
    const n = dates.length;
    let order: number[] | null = null;
    let ascending = true;
    let strictlyDescending = true;
    for (let i = 1; i < n; i++) {
      const cmp = dates[i - 1]! < dates[i]! ? -1 : dates[i - 1]! > dates[i]! ? 1 : 0;
      if (cmp > 0) ascending = false;
      if (cmp <= 0) strictlyDescending = false;
      if (!ascending && !strictlyDescending) break;
    }
    if (!ascending) {
      order = Array.from({ length: n }, (_, i) => i);
      if (strictlyDescending) order.reverse();
      else order.sort((a, b) => (dates[a]! < dates[b]! ? -1 : dates[a]! > dates[b]! ? 1 : rows[a]! - rows[b]!));
    }

    const observations: ParseResult["observations"] = [];
    const conflicts: RowError[] = [];
    let conflictCount = 0;
    let duplicates = 0;
    let keptValue = 0;
    let keptDate = "";
    for (let k = 0; k < n; k++) {
      const i = order === null ? k : order[k]!;
      const date = dates[i]!;
      const value = values[i]!;
      if (observations.length > 0 && date === keptDate) {
        if (value === keptValue) duplicates++;
        else {
          conflictCount++;
          if (conflicts.length < MAX_IMPORT_ERRORS_SHOWN) {
            conflicts.push({ row: rows[i]!, message: `${date} appears twice with different values (${keptValue} and ${value})` });
          }
        }
        continue;
      }
      observations.push({ date, value });
      keptDate = date;
      keptValue = value;
    }

    const errors = conflicts.length === 0 ? this.errors : [...this.errors, ...conflicts].sort((a, b) => a.row - b.row).slice(0, MAX_IMPORT_ERRORS_SHOWN);
    return { observations, skippedMissing: this.skippedMissing, errors, errorCount: this.errorCount + conflictCount, duplicates };
  }
}
