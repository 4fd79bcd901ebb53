// Returns math on one dated series: clip, rebase, return since a date, ratio, period returns, total return, drawdown.
import { alignSeries, type Point } from "./align";
import { periodOf, type Period } from "./dates";

/** The return of one period, in percent: "2008" → -38.49. */
export type PeriodReturn = { period: string; value: number };

/** The deepest fall from a running peak, as a negative fraction (-0.5 = halved), with the dates it ran between. */
export type MaxDrawdown = { drawdown: number; peakDate: string; troughDate: string };

/** Index of the last point dated on or before `date`, or -1 when every point is later. */
export function indexAtOrBefore(points: Point[], date: string): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.date <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first point dated on or after `date` (points.length when none). */
function indexAtOrAfter(points: Point[], date: string): number {
  let lo = 0;
  let hi = points.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (points[mid]!.date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The points dated from `from` to `to`, both inclusive. */
export function clip(points: Point[], from: string, to: string): Point[] {
  if (from > to) return [];
  return points.slice(indexAtOrAfter(points, from), indexAtOrBefore(points, to) + 1);
}

/**
 * The base point for a measure "since `baseDate`": the last point on or before it (the last close
 * before a holiday or weekend), or the first point after it when the series starts later.
 */
export function basePoint(points: Point[], baseDate: string): Point | undefined {
  const i = indexAtOrBefore(points, baseDate);
  return i >= 0 ? points[i] : points[0];
}

function relativeTo(points: Point[], baseDate: string, f: (ratio: number) => number): Point[] {
  const base = basePoint(points, baseDate);
  if (base === undefined || base.value === 0 || !Number.isFinite(base.value)) return [];
  return points.map((p) => ({ date: p.date, value: f(p.value / base.value) }));
}

/** The series scaled so that its base point (see basePoint) is 100. Empty when the base value is 0. */
export function rebase(points: Point[], baseDate: string): Point[] {
  return relativeTo(points, baseDate, (r) => r * 100);
}

/** Percent change of each point from the base point (see basePoint). Empty when the base value is 0. */
export function returnsSince(points: Point[], baseDate: string): Point[] {
  return relativeTo(points, baseDate, (r) => (r - 1) * 100);
}

/**
 * `a / b` on the union of their dates, each forward-filled, from the first date both are known.
 * Dates where `b` is 0 are left out.
 */
export function ratio(a: Point[], b: Point[]): Point[] {
  const { dates, values } = alignSeries([a, b]);
  const [va, vb] = values as [(number | null)[], (number | null)[]];
  const out: Point[] = [];
  for (let j = 0; j < dates.length; j++) {
    const x = va[j];
    const y = vb[j];
    if (x == null || y == null || y === 0) continue;
    out.push({ date: dates[j]!, value: x / y });
  }
  return out;
}

/**
 * The return of each period, in percent: the period's last value against the previous period's
 * last value. The first period, having no previous one, is measured from its own first value.
 */
export function periodReturns(points: Point[], period: Period): PeriodReturn[] {
  const out: PeriodReturn[] = [];
  let prevClose: number | undefined;
  let i = 0;
  while (i < points.length) {
    const key = periodOf(points[i]!.date, period);
    const start = points[i]!.value;
    let j = i;
    while (j + 1 < points.length && periodOf(points[j + 1]!.date, period) === key) j++;
    const close = points[j]!.value;
    const base = prevClose ?? start;
    if (base !== 0) out.push({ period: key, value: (close / base - 1) * 100 });
    prevClose = close;
    i = j + 1;
  }
  return out;
}

/**
 * The return from `from` to `to` as a fraction (-0.385 = fell 38.5%): from the base point of `from`
 * (the last value on or before it, as in "since the close before") to the last value on or before `to`.
 * Null when the series has nothing on or before `to`, or the base is 0.
 */
export function totalReturn(points: Point[], from: string, to: string): number | null {
  const base = basePoint(points, from);
  const endIndex = indexAtOrBefore(points, to);
  if (base === undefined || endIndex < 0 || base.value === 0) return null;
  const end = points[endIndex]!;
  if (end.date < base.date) return null;
  return end.value / base.value - 1;
}

/** The maximum drawdown over the points between `from` and `to` (inclusive; all points when omitted). Null when there are none. */
export function maxDrawdown(points: Point[], from?: string, to?: string): MaxDrawdown | null {
  const pts = from === undefined && to === undefined ? points : clip(points, from ?? "0000-01-01", to ?? "9999-12-31");
  const first = pts[0];
  if (first === undefined) return null;
  let peak = first;
  let best: MaxDrawdown = { drawdown: 0, peakDate: first.date, troughDate: first.date };
  for (const p of pts) {
    if (p.value > peak.value) peak = p;
    else if (peak.value > 0) {
      const dd = p.value / peak.value - 1;
      if (dd < best.drawdown) best = { drawdown: dd, peakDate: peak.date, troughDate: p.date };
    }
  }
  return best;
}
