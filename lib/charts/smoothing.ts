// Transforms an analyst applies to one series before charting it: moving average and year-over-year change.
import { type Point } from "./align";
import { addYears } from "./dates";
import { type ChartTransform } from "./spec";
import { indexAtOrBefore } from "./transforms";

/**
 * The trailing moving average over `window` observations: each point is the mean of itself and the
 * `window - 1` observations before it. The first `window - 1` points, lacking a full window, are left out.
 */
export function movingAverage(points: Point[], window: number): Point[] {
  const n = Math.floor(window);
  if (n < 1) return [];
  const out: Point[] = [];
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    sum += points[i]!.value;
    if (i >= n) sum -= points[i - n]!.value;
    if (i >= n - 1) out.push({ date: points[i]!.date, value: sum / n });
  }
  return out;
}

/**
 * The change from a year earlier, in percent: each point against the last observation on or before
 * the same date one year before (29 February compares with 28 February). Points with no observation
 * a year back, or a zero there, are left out; so is a year-back observation more than 31 days stale.
 */
export function yearOverYear(points: Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const back = addYears(p.date, -1);
    const i = indexAtOrBefore(points, back);
    if (i < 0) continue;
    const base = points[i]!;
    if (base.value === 0 || daysBetween(base.date, back) > 31) continue;
    out.push({ date: p.date, value: (p.value / base.value - 1) * 100 });
  }
  return out;
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000;
}

/** The series with `transform` applied (the series itself when there is none). */
export function applyTransform(points: Point[], transform: ChartTransform | undefined): Point[] {
  if (!transform) return points;
  return transform.type === "ma" ? movingAverage(points, transform.window) : yearOverYear(points);
}

/** The transform in words for a chart's description: ", moving average over 20 observations". */
export function transformWords(transform: ChartTransform | undefined): string {
  if (!transform) return "";
  return transform.type === "ma" ? `, moving average over ${transform.window} observations` : ", change from a year earlier";
}
