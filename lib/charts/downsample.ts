// Thinning a long line to about what the screen can show, keeping every bucket's lowest and highest point.
import { type Point } from "./align";

/** How many points a line drawn `widthPx` pixels wide needs to look the same as the full series: two per pixel. */
export function targetPoints(widthPx: number): number {
  return Math.max(2, Math.round(2 * widthPx));
}

/**
 * About `maxPoints` of `points` (never more, though always the first and last): the first and last
 * points, and the minimum and the maximum of each of (maxPoints - 2) / 2 equal buckets between
 * them, in date order. A line through
 * them covers the same vertical extent in every bucket, so the global extremes always survive.
 * Returns `points` itself when it is already short enough.
 */
export function downsample<P extends Point>(points: P[], maxPoints: number): P[] {
  const n = points.length;
  if (n <= maxPoints || n <= 2) return points;
  if (maxPoints < 4) return [points[0]!, points[n - 1]!];
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const inner = n - 2;
  const out: P[] = [points[0]!];
  for (let b = 0; b < buckets; b++) {
    const start = 1 + Math.floor((b * inner) / buckets);
    const end = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (start >= end) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      const v = points[i]!.value;
      if (v < points[lo]!.value) lo = i;
      if (v > points[hi]!.value) hi = i;
    }
    if (lo === hi) out.push(points[lo]!);
    else if (lo < hi) out.push(points[lo]!, points[hi]!);
    else out.push(points[hi]!, points[lo]!);
  }
  out.push(points[n - 1]!);
  return out;
}
