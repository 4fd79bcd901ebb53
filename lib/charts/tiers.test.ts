// Thinning a window from tiers gives exactly downsample(clip(points, from, to), maxPoints) and basePoint over every point.
import { describe, expect, it } from "vitest";
import { type Point } from "./align";
import { downsample } from "./downsample";
import { buildTiers, thinWindow, TIER_BLOCK, TierSummary, type Tiers } from "./tiers";
import { basePoint, clip } from "./transforms";

function dayAfter(start: string, days: number): string {
  return new Date(Date.parse(`${start}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A seeded series with gaps in its dates; `levels` small makes many equal values (ties). */
function series(count: number, seed: number, levels = 0): Point[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const out: Point[] = [];
  let day = 0;
  let value = 100;
  for (let i = 0; i < count; i++) {
    day += 1 + (rand() < 0.3 ? Math.floor(rand() * 4) : 0);
    value = levels > 0 ? Math.floor(rand() * levels) : value * (1 + (rand() - 0.5) * 0.04);
    out.push({ date: dayAfter("1950-01-01", day), value });
  }
  return out;
}

function tiersOf(points: Point[]): Tiers {
  const tiers = buildTiers(
    points.map((p) => p.date),
    points.map((p) => p.value),
  );
  if (!tiers) throw new Error("no tiers");
  return tiers;
}

function reader(tiers: Tiers, asked: number[][] = []) {
  return async (ids: number[]) => {
    asked.push(ids);
    return new Map(ids.filter((id) => tiers.blocks[id]).map((id) => [id, tiers.blocks[id]!]));
  };
}

describe("thinWindow", () => {
  const cases: [string, Point[]][] = [
    ["a random walk", series(20_000, 7)],
    ["values with many ties", series(9_000, 11, 5)],
    ["a short series", series(150, 3)],
    ["a series of exactly whole blocks", series(TIER_BLOCK * 40, 5)],
  ];

  it.each(cases)("thins %s exactly as downsample over every point, in every window", async (_, points) => {
    const tiers = tiersOf(points);
    let seed = 99;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = () => points[Math.floor(rand() * points.length)]!.date;
    const windows: { from: string; to: string; maxPoints: number; baseDate?: string }[] = [
      { from: "0000-01-01", to: "9999-12-31", maxPoints: 1600 },
      { from: points[0]!.date, to: points[points.length - 1]!.date, maxPoints: 640, baseDate: points[0]!.date },
      { from: "1900-01-01", to: "1949-12-31", maxPoints: 1600, baseDate: "1949-06-01" },
      { from: "2999-01-01", to: "3000-01-01", maxPoints: 1600, baseDate: "2999-06-01" },
      { from: points[10]!.date, to: points[5]!.date, maxPoints: 1600 },
      { from: pick(), to: "9999-12-31", maxPoints: 3 },
      { from: pick(), to: "9999-12-31", maxPoints: 2 },
    ];
    for (let i = 0; i < 40; i++) {
      const [a, b] = [pick(), pick()].sort();
      windows.push({ from: a!, to: b!, maxPoints: [4, 5, 160, 641, 1600, 3200][i % 6]!, baseDate: rand() < 0.5 ? pick() : dayAfter(a!, -3) });
    }
    for (const w of windows) {
      const thinned = await thinWindow(tiers.summary, reader(tiers), w);
      const visible = clip(points, w.from, w.to);
      expect(thinned, JSON.stringify(w)).not.toBeNull();
      expect(thinned!.points, JSON.stringify(w)).toEqual(downsample(visible, w.maxPoints));
      expect(thinned!.count).toBe(visible.length);
      expect(thinned!.firstDate).toBe(points[0]!.date);
      expect(thinned!.base).toEqual(w.baseDate !== undefined ? basePoint(points, w.baseDate) : undefined);
    }
  });

  it("reads a few blocks for a long window, not all of them", async () => {
    const points = series(100_000, 13);
    const tiers = tiersOf(points);
    const asked: number[][] = [];
    const thinned = await thinWindow(tiers.summary, reader(tiers, asked), { from: "0000-01-01", to: "9999-12-31", maxPoints: 1600 });
    expect(thinned!.points).toEqual(downsample(points, 1600));
    const read = asked.flat().length;
    expect(read).toBeLessThanOrEqual(2 * 799 + 2);
    expect(read).toBeLessThan(tiers.blocks.length);
  });

  it("answers null when a block is gone (the data moved on while reading)", async () => {
    const points = series(5_000, 17);
    const tiers = tiersOf(points);
    const partial = { ...tiers, blocks: tiers.blocks.map((b, i) => (i === 3 ? undefined : b)) as Uint8Array[] };
    expect(await thinWindow(tiers.summary, reader(partial), { from: "0000-01-01", to: "9999-12-31", maxPoints: 400 })).toBeNull();
  });

  it("is empty for a series without points", async () => {
    const tiers = buildTiers([], [])!;
    expect(new TierSummary(tiers.summary).count).toBe(0);
    expect(await thinWindow(tiers.summary, reader(tiers), { from: "0000-01-01", to: "9999-12-31", maxPoints: 400, baseDate: "2000-01-01" })).toEqual({
      points: [],
      count: 0,
      firstDate: undefined,
      base: undefined,
    });
  });
});

describe("buildTiers", () => {
  it("leaves out values that are not finite, as buildChartData does", async () => {
    const points = series(300, 19);
    const values = points.map((p, i) => (i % 7 === 0 ? Number.NaN : i % 11 === 0 ? Infinity : p.value));
    const tiers = buildTiers(
      points.map((p) => p.date),
      values,
    )!;
    const finite = points.filter((_, i) => Number.isFinite(values[i]!)).map((p, i) => ({ date: p.date, value: p.value, i }));
    expect(new TierSummary(tiers.summary).count).toBe(finite.length);
    const thinned = await thinWindow(tiers.summary, reader(tiers), { from: "0000-01-01", to: "9999-12-31", maxPoints: 40 });
    expect(thinned!.points).toEqual(downsample(finite.map(({ date, value }) => ({ date, value })), 40));
  });

  it("gives no tiers for dates out of order, repeated or not ISO dates", () => {
    expect(buildTiers(["2020-01-02", "2020-01-01"], [1, 2])).toBeNull();
    expect(buildTiers(["2020-01-01", "2020-01-01"], [1, 2])).toBeNull();
    expect(buildTiers(["2020-1-1"], [1])).toBeNull();
    expect(buildTiers(["2020-01-0é"], [1])).toBeNull();
  });

  it("refuses bytes that are not a summary", () => {
    expect(() => new TierSummary(new Uint8Array(8))).toThrow(/not a tier summary/);
  });
});
