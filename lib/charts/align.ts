// Putting several dated series on one date axis: the union of their dates, each series forward-filled.

/** One observation: an ISO date (YYYY-MM-DD) and its value. A series is a Point[] sorted by date, ascending. */
export type Point = { date: string; value: number };

/** Several series on shared dates: `values[i][j]` is series i on `dates[j]`, null before its first observation. */
export type AlignedSeries = { dates: string[]; values: (number | null)[][] };

function strictlyIncreasing(dates: string[]): boolean {
  for (let i = 1; i < dates.length; i++) if (dates[i - 1]! >= dates[i]!) return false;
  return true;
}

function mergeDates(a: string[], b: string[]): string[] {
  if (a.length === 0 && strictlyIncreasing(b)) return b;
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = a[i];
    const y = b[j];
    let next: string;
    if (y === undefined || (x !== undefined && x < y)) {
      next = x!;
      i++;
    } else if (x === undefined || y < x) {
      next = y;
      j++;
    } else {
      next = x;
      i++;
      j++;
    }
    if (out.length === 0 || out[out.length - 1] !== next) out.push(next);
  }
  return out;
}

/**
 * Aligns series on the union of their dates. A series that lacks a date (a holiday in its market,
 * a monthly series against a daily one) carries its last known value forward; before its first
 * observation it is null. When a series repeats a date, its last value for that date wins.
 */
export function alignSeries(series: Point[][]): AlignedSeries {
  let dates: string[] = [];
  for (const s of series) {
    dates = mergeDates(
      dates,
      s.map((p) => p.date),
    );
  }
  const values = series.map((s) => {
    const row = new Array<number | null>(dates.length);
    let k = 0;
    let last: number | null = null;
    for (let j = 0; j < dates.length; j++) {
      const d = dates[j]!;
      while (k < s.length && s[k]!.date <= d) {
        last = s[k]!.value;
        k++;
      }
      row[j] = last;
    }
    return row;
  });
  return { dates, values };
}
