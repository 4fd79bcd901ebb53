// Moving average and year-over-year change, checked against values worked by hand.
import { describe, expect, it } from "vitest";
import { applyTransform, movingAverage, transformWords, yearOverYear } from "./smoothing";

const pts = (pairs: Array<[string, number]>) => pairs.map(([date, value]) => ({ date, value }));

describe("movingAverage", () => {
  const s = pts([
    ["2026-01-01", 10],
    ["2026-01-02", 20],
    ["2026-01-05", 30],
    ["2026-01-06", 40],
    ["2026-01-07", 50],
  ]);

  it("averages each point with the window - 1 before it, leaving out points without a full window", () => {
    // (10+20+30)/3 = 20, (20+30+40)/3 = 30, (30+40+50)/3 = 40
    expect(movingAverage(s, 3)).toEqual(pts([["2026-01-05", 20], ["2026-01-06", 30], ["2026-01-07", 40]]));
  });

  it("with a window of 2 gives pairwise means", () => {
    expect(movingAverage(s, 2).map((p) => p.value)).toEqual([15, 25, 35, 45]);
  });

  it("is empty when the window is longer than the series", () => {
    expect(movingAverage(s, 6)).toEqual([]);
  });
});

describe("yearOverYear", () => {
  it("compares each point with the last one on or before the same date a year earlier, in percent", () => {
    const s = pts([
      ["2024-12-31", 100],
      ["2025-06-30", 110],
      ["2025-12-31", 125],
      ["2026-06-30", 99],
    ]);
    // 2025-12-31: 125/100 - 1 = +25%; 2026-06-30: 99/110 - 1 = -10%
    const out = yearOverYear(s);
    expect(out.map((p) => p.date)).toEqual(["2025-12-31", "2026-06-30"]);
    expect(out[0]!.value).toBeCloseTo(25, 10);
    expect(out[1]!.value).toBeCloseTo(-10, 10);
  });

  it("reads a missing year-back date from the last observation before it", () => {
    // The year-back date 2024-01-04 has no observation; the last one on or before it is 2024-01-03.
    const s = pts([
      ["2024-01-03", 200],
      ["2025-01-04", 210],
    ]);
    expect(yearOverYear(s)[0]!.value).toBeCloseTo(5, 10); // 210/200 - 1
  });

  it("leaves out a point whose year-back observation is more than 31 days stale, or zero", () => {
    const stale = pts([
      ["2024-01-01", 100],
      ["2025-03-15", 120],
    ]);
    expect(yearOverYear(stale)).toEqual([]);
    const zero = pts([
      ["2024-03-15", 0],
      ["2025-03-15", 120],
    ]);
    expect(yearOverYear(zero)).toEqual([]);
  });

  it("on monthly data gives the 12-month change", () => {
    const monthly = pts(Array.from({ length: 13 }, (_, i) => [`${i < 12 ? 2025 : 2026}-${String((i % 12) + 1).padStart(2, "0")}-01`, 100 + i * 2] as [string, number]));
    // 2026-01-01 (124) against 2025-01-01 (100): +24%
    expect(yearOverYear(monthly)).toEqual([{ date: "2026-01-01", value: 24 }]);
  });
});

describe("applyTransform and transformWords", () => {
  const s = pts([
    ["2026-01-01", 1],
    ["2026-01-02", 3],
  ]);
  it("applies the spec's transform, or none", () => {
    expect(applyTransform(s, undefined)).toBe(s);
    expect(applyTransform(s, { type: "ma", window: 2 })).toEqual(pts([["2026-01-02", 2]]));
    expect(applyTransform(s, { type: "yoy" })).toEqual([]);
  });
  it("says what was applied", () => {
    expect(transformWords(undefined)).toBe("");
    expect(transformWords({ type: "ma", window: 20 })).toBe(", moving average over 20 observations");
    expect(transformWords({ type: "yoy" })).toBe(", change from a year earlier");
  });
});
