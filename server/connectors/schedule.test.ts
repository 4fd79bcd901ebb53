// nextRefreshAt: the interval with ±10% jitter, then an exponential backoff from interval/8 capped at a day.
import { describe, expect, it } from "vitest";
import { nextRefreshAt } from "./schedule";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.UTC(2026, 0, 5, 12);
const mid = () => 0.5;
const low = () => 0;
const high = () => 0.999999;

describe("nextRefreshAt", () => {
  it("waits the interval, jittered by at most 10% either way", () => {
    expect(nextRefreshAt(now, DAY, 0, mid)).toBe(now + DAY);
    expect(nextRefreshAt(now, DAY, 0, low)).toBe(now + 0.9 * DAY);
    expect(nextRefreshAt(now, DAY, 0, high)).toBeCloseTo(now + 1.1 * DAY, -3);
  });

  it("backs off from an eighth of the interval, doubling with each failure", () => {
    const delays = [1, 2, 3, 4].map((failures) => nextRefreshAt(now, 8 * HOUR, failures, mid) - now);
    expect(delays).toEqual([HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR]);
  });

  it("caps the backoff at 24 hours before jitter, even after many failures", () => {
    expect(nextRefreshAt(now, 8 * HOUR, 6, mid)).toBe(now + DAY);
    expect(nextRefreshAt(now, 8 * HOUR, 1000, mid)).toBe(now + DAY);
    expect(nextRefreshAt(now, 8 * HOUR, 1000, low)).toBe(now + 0.9 * DAY);
    expect(nextRefreshAt(now, 30 * DAY, 1, high) - now).toBeLessThanOrEqual(1.1 * DAY);
  });

  it("jitters the backoff too", () => {
    expect(nextRefreshAt(now, 8 * HOUR, 1, low)).toBe(now + 0.9 * HOUR);
    expect(nextRefreshAt(now, 8 * HOUR, 1, high)).toBeGreaterThan(now + 1.09 * HOUR);
  });

  it("always lands within 10% of its base delay, for any random draw", () => {
    for (let i = 0; i < 1000; i++) {
      const delay = nextRefreshAt(now, HOUR, 0) - now;
      expect(delay).toBeGreaterThanOrEqual(0.9 * HOUR);
      expect(delay).toBeLessThanOrEqual(1.1 * HOUR);
    }
  });
});
