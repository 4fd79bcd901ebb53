// The team's forecast checked against values worked out by hand: latest forecast per member, median, mean of log-odds (plain and extremized), numeric medians, history, the deadline.
import { describe, expect, it } from "vitest";
import { aggregateAt, aggregateHistory, EXTREMIZE, latestByUser, logOddsMean, logit, median, pool } from "./aggregate";
import type { ForecastRecord } from "./scoring";

const at = (iso: string) => new Date(iso);
const bin = (userId: string, iso: string, probability: number): ForecastRecord => ({ userId, at: at(iso), probability });
const num = (userId: string, iso: string, value: number, low: number, high: number): ForecastRecord => ({ userId, at: at(iso), value, low, high });

describe("median and log-odds", () => {
  it("the median is the middle value, or the mean of the middle two", () => {
    expect(median([0.9, 0.2, 0.4])).toBe(0.4);
    expect(median([0.3, 0.7])).toBeCloseTo(0.5, 12);
    expect(median([0.1, 0.3, 0.3, 0.9])).toBeCloseTo(0.3, 12);
    expect(median([])).toBeNaN();
  });

  it("the mean of log-odds is the geometric mean of the odds", () => {
    // odds 0.6 → 1.5, odds 0.9 → 9; geometric mean √13.5 = 3.674235; p = 3.674235 / 4.674235 = 0.786061.
    expect(logOddsMean([0.6, 0.9])).toBeCloseTo(0.786061, 6);
    // Symmetric forecasts pool to 50% whatever the factor.
    expect(logOddsMean([0.3, 0.7])).toBeCloseTo(0.5, 12);
    expect(logOddsMean([0.3, 0.7], EXTREMIZE)).toBeCloseTo(0.5, 12);
  });

  it("extremizing raises the pooled odds to the power d", () => {
    // d = 1.5: odds √13.5^1.5 = 13.5^0.75 = 7.042881; p = 7.042881 / 8.042881 = 0.875666.
    expect(EXTREMIZE).toBe(1.5);
    expect(logOddsMean([0.6, 0.9], 1.5)).toBeCloseTo(0.875666, 6);
  });

  it("0% and 100% are clamped to 0.1% and 99.9% so the log-odds stay finite", () => {
    expect(logit(0)).toBeCloseTo(Math.log(0.001 / 0.999), 12);
    expect(logit(1)).toBeCloseTo(Math.log(0.999 / 0.001), 12);
    // 0 and 1 cancel: 50%.
    expect(logOddsMean([0, 1])).toBeCloseTo(0.5, 12);
    // One forecaster at 100% pools to 99.9%, not 100%.
    expect(logOddsMean([1])).toBeCloseTo(0.999, 12);
  });
});

describe("aggregateAt", () => {
  const fs = [
    bin("a", "2026-01-01T00:00:00Z", 0.3),
    bin("b", "2026-01-05T00:00:00Z", 0.7),
    bin("a", "2026-01-08T00:00:00Z", 0.5),
  ];

  it("one forecaster: the team is that forecast", () => {
    expect(aggregateAt("binary", fs, at("2026-01-02T00:00:00Z"))).toEqual({ kind: "binary", count: 1, median: 0.3, logOddsMean: expect.closeTo(0.3, 12) });
  });

  it("each member's latest forecast at or before the moment counts once", () => {
    const a = aggregateAt("binary", fs, at("2026-01-05T00:00:00Z"));
    expect(a).toMatchObject({ count: 2, median: 0.5 });
    // After a's revision to 50%: median of 0.5 and 0.7 = 0.6; odds 1 and 7/3 → √(7/3) = 1.527525; p = 0.604356.
    const b = aggregateAt("binary", fs, at("2026-02-01T00:00:00Z"))!;
    expect(b.count).toBe(2);
    expect(b.median).toBeCloseTo(0.6, 12);
    expect(b.kind === "binary" && b.logOddsMean).toBeCloseTo(0.604356, 6);
  });

  it("nobody yet: null", () => {
    expect(aggregateAt("binary", fs, at("2025-12-31T00:00:00Z"))).toBeNull();
    expect(aggregateAt("binary", [], at("2026-01-01T00:00:00Z"))).toBeNull();
  });

  it("ties: two forecasts of one member at the same instant, the later in the list wins", () => {
    const tied = [bin("a", "2026-01-01T00:00:00Z", 0.2), bin("a", "2026-01-01T00:00:00Z", 0.4)];
    expect(latestByUser("binary", tied, at("2026-01-01T00:00:00Z")).map((f) => f.probability)).toEqual([0.4]);
    expect(aggregateAt("binary", tied, at("2026-01-02T00:00:00Z"))).toMatchObject({ count: 1, median: 0.4 });
  });

  it("a forecast after the resolve-by date does not count", () => {
    const late = [...fs, bin("b", "2026-01-11T00:00:00Z", 0.99)];
    // Deadline for 2026-01-10 is 2026-01-11T00:00Z: b's 99% is at the deadline, so b stays at 70%.
    expect(aggregateAt("binary", late, at("2026-02-01T00:00:00Z"), { resolveBy: "2026-01-10" })!.median).toBeCloseTo(0.6, 12);
    expect(aggregateAt("binary", late, at("2026-02-01T00:00:00Z"))!.median).toBeCloseTo(0.745, 12);
  });

  it("the extremize option applies to the mean of log-odds only", () => {
    const two = [bin("a", "2026-01-01T00:00:00Z", 0.6), bin("b", "2026-01-01T00:00:00Z", 0.9)];
    const a = aggregateAt("binary", two, at("2026-01-02T00:00:00Z"), { extremize: true })!;
    expect(a.median).toBeCloseTo(0.75, 12);
    expect(a.kind === "binary" && a.logOddsMean).toBeCloseTo(0.875666, 6);
  });

  it("numeric: median and mean of values, medians of the interval ends", () => {
    const ns = [num("a", "2026-01-01T00:00:00Z", 2, 1, 3), num("b", "2026-01-02T00:00:00Z", 4, 2, 7), num("c", "2026-01-03T00:00:00Z", 9, 5, 10)];
    expect(aggregateAt("numeric", ns, at("2026-01-04T00:00:00Z"))).toEqual({ kind: "numeric", count: 3, median: 4, mean: 5, low: 2, high: 7 });
    // Two members: mean of the middle two for each.
    expect(aggregateAt("numeric", ns, at("2026-01-02T12:00:00Z"))).toEqual({ kind: "numeric", count: 2, median: 3, mean: 3, low: 1.5, high: 5 });
  });

  it("a forecast of the wrong kind is ignored", () => {
    expect(pool("binary", [{ userId: "a", at: at("2026-01-01T00:00:00Z"), value: 3, low: 1, high: 4 }])).toBeNull();
  });
});

describe("aggregateHistory", () => {
  it("one point per forecast moment: the team just after it (a member joining late moves it)", () => {
    const fs = [
      bin("a", "2026-01-01T00:00:00Z", 0.3),
      bin("b", "2026-01-05T00:00:00Z", 0.7),
      bin("c", "2026-01-05T00:00:00Z", 0.8),
      bin("a", "2026-01-08T00:00:00Z", 0.5),
      bin("b", "2026-01-12T00:00:00Z", 0.1),
    ];
    const h = aggregateHistory("binary", fs, { resolveBy: "2026-01-10" });
    expect(h.map((p) => [p.at.toISOString().slice(0, 10), p.count, Number(p.median.toFixed(6))])).toEqual([
      ["2026-01-01", 1, 0.3],
      // b and c forecast at the same instant: one point with both.
      ["2026-01-05", 3, 0.7],
      ["2026-01-08", 3, 0.7],
      // b's forecast on 2026-01-12 is after the resolve-by date: no point.
    ]);
  });

  it("no forecasts: no history", () => {
    expect(aggregateHistory("numeric", [])).toEqual([]);
  });
});
