// Downsampling: about the target size, first and last kept, every extreme kept, short input untouched.
import { describe, expect, it } from "vitest";
import { type Point } from "./align";
import { downsample, targetPoints } from "./downsample";

function randomWalk(n: number, seed = 42): Point[] {
  let s = seed;
  const rand = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
  const start = Date.UTC(1800, 0, 1);
  let v = 100;
  return Array.from({ length: n }, (_, i) => {
    v *= 1 + (rand() - 0.5) * 0.04;
    return { date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), value: v };
  });
}

describe("targetPoints", () => {
  it("is twice the pixel width", () => {
    expect(targetPoints(800)).toBe(1600);
    expect(targetPoints(320.4)).toBe(641);
  });
});

describe("downsample", () => {
  const points = randomWalk(100_000);
  const target = targetPoints(800);
  const out = downsample(points, target);

  it("brings 100,000 points to about the target, never above it", () => {
    expect(out.length).toBeLessThanOrEqual(target);
    expect(out.length).toBeGreaterThan(target * 0.95);
  });

  it("keeps the first and last points", () => {
    expect(out[0]).toBe(points[0]);
    expect(out[out.length - 1]).toBe(points[points.length - 1]);
  });

  it("keeps the global minimum and maximum", () => {
    const min = points.reduce((a, b) => (b.value < a.value ? b : a));
    const max = points.reduce((a, b) => (b.value > a.value ? b : a));
    expect(out).toContain(min);
    expect(out).toContain(max);
  });

  it("keeps the points in date order, each one from the input", () => {
    for (let i = 1; i < out.length; i++) expect(out[i]!.date > out[i - 1]!.date).toBe(true);
    const input = new Set(points);
    expect(out.every((p) => input.has(p))).toBe(true);
  });

  it("keeps the extremes of every stretch of the series, so the line spans the same values", () => {
    // Each bucket (about n / (target / 2) points) keeps its own min and max, so for any stretch of the input,
    // the output within one bucket's width of that stretch reaches at least its max and at most its min.
    const bucket = Math.ceil(points.length / Math.floor((target - 2) / 2));
    const slices = 300;
    for (let k = 0; k < slices; k++) {
      const a = Math.floor((k * points.length) / slices);
      const b = Math.floor(((k + 1) * points.length) / slices);
      const slice = points.slice(a, b);
      const near = new Set(points.slice(Math.max(0, a - bucket), b + bucket));
      const kept = out.filter((p) => near.has(p)).map((p) => p.value);
      expect(Math.max(...kept)).toBeGreaterThanOrEqual(Math.max(...slice.map((p) => p.value)));
      expect(Math.min(...kept)).toBeLessThanOrEqual(Math.min(...slice.map((p) => p.value)));
    }
  });

  it("returns short input unchanged", () => {
    const short = randomWalk(1000);
    expect(downsample(short, 1600)).toBe(short);
    expect(downsample([], 10)).toEqual([]);
  });

  it("keeps first and last even for tiny targets", () => {
    const small = randomWalk(10);
    expect(downsample(small, 2)).toEqual([small[0], small[9]]);
  });
});
