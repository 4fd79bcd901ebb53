// Scoring checked against values worked by hand: which forecast counts, Brier, scaled error, interval hits, calibration buckets.
import { describe, expect, it } from "vitest";
import {
  brier,
  bucketIndex,
  calibration,
  forecastDeadline,
  inInterval,
  interval80HitRate,
  meanBrier,
  meanScaledError,
  scaledError,
  scoredForecast,
  scoreQuestion,
  type ForecastRecord,
  type ScorableQuestion,
} from "./scoring";

const at = (iso: string) => new Date(iso);

const binaryYes: ScorableQuestion = { kind: "binary", status: "resolved", resolveBy: "2026-12-31", outcome: 1 };

describe("scoredForecast", () => {
  it("takes the last forecast made before the end of the resolve-by date (UTC)", () => {
    const fs = [
      { id: "a", at: at("2026-03-01T10:00:00Z") },
      { id: "b", at: at("2026-12-31T23:59:59.999Z") },
      { id: "c", at: at("2027-01-01T00:00:00Z") },
    ];
    expect(scoredForecast(fs, "2026-12-31")?.id).toBe("b");
    // Midnight UTC starting 2027-01-01 is already after the deadline.
    expect(forecastDeadline("2026-12-31")).toBe(Date.parse("2027-01-01T00:00:00Z"));
  });

  it("does not depend on the order of the list; at the same instant the later in the list wins", () => {
    const fs = [
      { id: "late", at: at("2026-06-01T00:00:00Z") },
      { id: "early", at: at("2026-01-01T00:00:00Z") },
      { id: "same-1", at: at("2026-06-01T00:00:00Z") },
    ];
    expect(scoredForecast(fs, "2026-12-31")?.id).toBe("same-1");
  });

  it("is null when every forecast is after the deadline or there are none", () => {
    expect(scoredForecast([{ at: at("2027-01-02T00:00:00Z") }], "2026-12-31")).toBeNull();
    expect(scoredForecast([], "2026-12-31")).toBeNull();
  });
});

describe("brier", () => {
  it("is the squared distance from the outcome", () => {
    expect(brier(0.7, 1)).toBeCloseTo(0.09, 12); // (0.7 − 1)² = 0.09
    expect(brier(0.3, 0)).toBeCloseTo(0.09, 12); // (0.3 − 0)² = 0.09
    expect(brier(0.5, 1)).toBe(0.25); // (0.5 − 1)² = 0.25
  });

  it("edges: certainty scores 0 when right and 1 when wrong", () => {
    expect(brier(1, 1)).toBe(0);
    expect(brier(0, 0)).toBe(0);
    expect(brier(0, 1)).toBe(1);
    expect(brier(1, 0)).toBe(1);
  });
});

describe("scaledError and inInterval", () => {
  it("scales the error by the plausible range and caps it at 1", () => {
    // S&P 500 year-end level, range 5000..8000, outcome 6845.5, forecast 7000: |7000 − 6845.5| / 3000 = 154.5 / 3000 = 0.0515
    expect(scaledError(7000, 6845.5, 5000, 8000)).toBeCloseTo(0.0515, 12);
    // Rate cuts, range 0..8, outcome 3, forecast 20: 17 / 8 = 2.125 → capped at 1
    expect(scaledError(20, 3, 0, 8)).toBe(1);
    expect(scaledError(3, 3, 0, 8)).toBe(0);
  });

  it("refuses an empty or inverted range", () => {
    expect(() => scaledError(1, 2, 5, 5)).toThrow(RangeError);
    expect(() => scaledError(1, 2, 6, 5)).toThrow(RangeError);
  });

  it("includes both ends of the interval", () => {
    expect(inInterval(1, 4, 1)).toBe(true);
    expect(inInterval(1, 4, 4)).toBe(true);
    expect(inInterval(1, 4, 4.0001)).toBe(false);
    expect(inInterval(1, 4, 0.9999)).toBe(false);
  });
});

describe("scoreQuestion", () => {
  it("a single forecast: 0.7 on a question that resolved yes scores (0.7 − 1)² = 0.09", () => {
    const scores = scoreQuestion(binaryYes, [{ userId: "u1", at: at("2026-05-01T12:00:00Z"), probability: 0.7 }]);
    expect(scores).toHaveLength(1);
    expect(scores[0]).toMatchObject({ userId: "u1", kind: "binary", probability: 0.7, outcome01: 1 });
    expect(scores[0]!.kind === "binary" && scores[0]!.brier).toBeCloseTo(0.09, 12);
  });

  it("0.7 then 0.8 before the deadline and 0.1 after it, outcome yes: (0.8 − 1)² = 0.04; forecasts only after it are not scored", () => {
    const forecasts: ForecastRecord[] = [
      { userId: "u1", at: at("2026-02-01T09:00:00Z"), probability: 0.7 },
      { userId: "u2", at: at("2027-01-01T08:00:00Z"), probability: 0.99 }, // after the deadline: u2 is not scored
      { userId: "u1", at: at("2026-12-31T20:00:00Z"), probability: 0.8 },
      { userId: "u3", at: at("2026-06-01T09:00:00Z"), probability: 0.3 },
      { userId: "u1", at: at("2027-01-02T09:00:00Z"), probability: 0.1 }, // ignored
    ];
    const scores = scoreQuestion(binaryYes, forecasts);
    expect(scores.map((s) => s.userId)).toEqual(["u1", "u3"]);
    const [u1, u3] = scores as [Extract<(typeof scores)[number], { kind: "binary" }>, Extract<(typeof scores)[number], { kind: "binary" }>];
    expect(u1.probability).toBe(0.8);
    expect(u1.brier).toBeCloseTo(0.04, 12); // (0.8 − 1)² = 0.04
    expect(u3.brier).toBeCloseTo(0.49, 12); // (0.3 − 1)² = 0.49
    expect(u1.forecast).toBe(forecasts[2]);
  });

  it("a no outcome scores against 0", () => {
    const scores = scoreQuestion({ ...binaryYes, outcome: 0 }, [{ userId: "u1", at: at("2026-05-01T00:00:00Z"), probability: 0.3 }]);
    expect(scores[0]).toMatchObject({ outcome01: 0 });
    expect(scores[0]!.kind === "binary" && scores[0]!.brier).toBeCloseTo(0.09, 12); // (0.3 − 0)² = 0.09
  });

  it("annulled and open questions give no scores", () => {
    const f = [{ userId: "u1", at: at("2026-05-01T00:00:00Z"), probability: 0.7 }];
    expect(scoreQuestion({ ...binaryYes, status: "annulled", outcome: null }, f)).toEqual([]);
    expect(scoreQuestion({ ...binaryYes, status: "annulled" }, f)).toEqual([]);
    expect(scoreQuestion({ ...binaryYes, status: "open", outcome: null }, f)).toEqual([]);
  });

  it("numeric: scaled error and interval hit per user", () => {
    // How many Fed rate cuts in 2026? range 0..8, outcome 3.
    const q: ScorableQuestion = { kind: "numeric", status: "resolved", resolveBy: "2026-12-31", outcome: 3, rangeMin: 0, rangeMax: 8 };
    const scores = scoreQuestion(q, [
      { userId: "u1", at: at("2026-01-10T00:00:00Z"), value: 2, low: 1, high: 4 },
      { userId: "u2", at: at("2026-01-10T00:00:00Z"), value: 6, low: 5, high: 7 },
      { userId: "u2", at: at("2027-01-10T00:00:00Z"), value: 3, low: 3, high: 3 }, // after the deadline: ignored
      { userId: "u3", at: at("2026-01-10T00:00:00Z"), value: 20, low: 15, high: 25 },
      { userId: "u4", at: at("2026-01-10T00:00:00Z"), probability: 0.5 }, // not a numeric forecast: left out
    ]);
    expect(scores.map((s) => [s.userId, s.kind === "numeric" && s.scaledError, s.kind === "numeric" && s.inInterval])).toEqual([
      ["u1", 0.125, true], // |2 − 3| / 8 = 0.125; 1 ≤ 3 ≤ 4
      ["u2", 0.375, false], // |6 − 3| / 8 = 0.375; 3 < 5
      ["u3", 1, false], // |20 − 3| / 8 = 2.125 → capped at 1
    ]);
    expect(meanScaledError(scores as { scaledError: number }[])).toBeCloseTo(0.5, 12); // (0.125 + 0.375 + 1) / 3 = 0.5
    expect(interval80HitRate(scores as { low: number; high: number; outcome: number }[])).toBeCloseTo(1 / 3, 12);
  });

  it("refuses a binary outcome other than 0 or 1 and a numeric question without a range", () => {
    const f = [{ userId: "u1", at: at("2026-05-01T00:00:00Z"), probability: 0.7, value: 1, low: 0, high: 2 }];
    expect(() => scoreQuestion({ ...binaryYes, outcome: 0.5 }, f)).toThrow(RangeError);
    expect(() => scoreQuestion({ kind: "numeric", status: "resolved", resolveBy: "2026-12-31", outcome: 1, rangeMin: null, rangeMax: 5 }, f)).toThrow(RangeError);
  });
});

describe("calibration", () => {
  // probability → outcome
  const scored = [
    { probability: 0, outcome01: 0 },
    { probability: 0.05, outcome01: 0 },
    { probability: 0.1, outcome01: 0 }, // boundary: goes to 10–20%
    { probability: 0.15, outcome01: 1 },
    { probability: 0.7, outcome01: 1 },
    { probability: 0.72, outcome01: 1 },
    { probability: 0.75, outcome01: 0 },
    { probability: 0.95, outcome01: 1 },
    { probability: 1, outcome01: 1 }, // 1 goes to the last bucket, 90–100%
  ];

  it("lists every bucket with counts, mean forecast and observed frequency", () => {
    const buckets = calibration(scored);
    expect(buckets).toHaveLength(10);
    expect(buckets.map((b) => b.bucket)).toEqual(["0–10%", "10–20%", "20–30%", "30–40%", "40–50%", "50–60%", "60–70%", "70–80%", "80–90%", "90–100%"]);
    expect(buckets.map((b) => b.count)).toEqual([2, 2, 0, 0, 0, 0, 0, 3, 0, 2]);
    // 0–10%: {0, 0.05} → mean 0.025, yes 0 of 2
    expect(buckets[0]).toMatchObject({ from: 0, to: 0.1, count: 2, observedFrequency: 0 });
    expect(buckets[0]!.meanForecast).toBeCloseTo(0.025, 12);
    // 10–20%: {0.1, 0.15} → mean 0.125, yes 1 of 2
    expect(buckets[1]!.meanForecast).toBeCloseTo(0.125, 12);
    expect(buckets[1]!.observedFrequency).toBe(0.5);
    // 70–80%: {0.7, 0.72, 0.75} → mean 2.17 / 3 = 0.72333…, yes 2 of 3
    expect(buckets[7]!.meanForecast).toBeCloseTo(0.7233333333, 9);
    expect(buckets[7]!.observedFrequency).toBeCloseTo(2 / 3, 12);
    // 90–100%: {0.95, 1} → mean 0.975, yes 2 of 2
    expect(buckets[9]!.meanForecast).toBeCloseTo(0.975, 12);
    expect(buckets[9]!.observedFrequency).toBe(1);
    // Empty buckets: count 0, null means.
    expect(buckets[2]).toEqual({ bucket: "20–30%", from: 0.2, to: 0.3, count: 0, meanForecast: null, observedFrequency: null });
  });

  it("boundaries go to the bucket they start; float error does not move them", () => {
    expect(bucketIndex(0.1, 10)).toBe(1);
    expect(bucketIndex(0.0999, 10)).toBe(0);
    expect(bucketIndex(0, 10)).toBe(0);
    expect(bucketIndex(1, 10)).toBe(9);
    expect(bucketIndex(0.29, 100)).toBe(29); // 0.29 × 100 = 28.999999999999996 in floating point
    expect(bucketIndex(0.7, 10)).toBe(7);
  });

  it("other bucket counts; refuses a bad count", () => {
    expect(calibration(scored, 4).map((b) => [b.bucket, b.count])).toEqual([
      ["0–25%", 4],
      ["25–50%", 0],
      ["50–75%", 2], // 0.7, 0.72 (0.75 starts the next bucket)
      ["75–100%", 3],
    ]);
    expect(calibration([], 5).every((b) => b.count === 0 && b.observedFrequency === null)).toBe(true);
    expect(() => calibration(scored, 0)).toThrow(RangeError);
    expect(() => calibration(scored, 2.5)).toThrow(RangeError);
  });
});

describe("meanBrier and interval80HitRate", () => {
  it("average over the scored forecasts", () => {
    // (0.8 − 1)² = 0.04 and (0.3 − 0)² = 0.09 → (0.04 + 0.09) / 2 = 0.065
    expect(
      meanBrier([
        { probability: 0.8, outcome01: 1 },
        { probability: 0.3, outcome01: 0 },
      ]),
    ).toBeCloseTo(0.065, 12);
    expect(meanBrier([])).toBeNull();
  });

  it("share of intervals that held the outcome, ends included", () => {
    expect(
      interval80HitRate([
        { low: 1, high: 4, outcome: 4 }, // on the high end: a hit
        { low: 1, high: 4, outcome: 1 }, // on the low end: a hit
        { low: 1, high: 4, outcome: 2 },
        { low: 5, high: 7, outcome: 3 },
      ]),
    ).toBe(0.75); // 3 of 4
    expect(interval80HitRate([])).toBeNull();
  });
});
