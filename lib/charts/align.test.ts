// Aligning series on dates: union of dates, forward-fill, null before the first observation; checked on real S&P 500 data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { alignSeries, type Point } from "./align";
import { sp500Daily, sp500Monthly } from "./sp500-fixture";

describe("alignSeries", () => {
  it("forward-fills each series across dates it lacks and is null before its first value", () => {
    const a: Point[] = [
      { date: "2026-01-02", value: 1 },
      { date: "2026-01-05", value: 2 },
    ];
    const b: Point[] = [
      { date: "2026-01-03", value: 10 },
      { date: "2026-01-06", value: 20 },
    ];
    expect(alignSeries([a, b])).toEqual({
      dates: ["2026-01-02", "2026-01-03", "2026-01-05", "2026-01-06"],
      values: [
        [1, 1, 2, 2],
        [null, 10, 10, 20],
      ],
    });
  });

  it("handles no series and empty series", () => {
    expect(alignSeries([])).toEqual({ dates: [], values: [] });
    expect(alignSeries([[], [{ date: "2026-01-02", value: 5 }]])).toEqual({ dates: ["2026-01-02"], values: [[null], [5]] });
  });

  it("aligns the monthly S&P 500 (sp500.csv) against the daily closes (sp500-2000.csv)", () => {
    const daily = sp500Daily();
    const monthly = sp500Monthly();
    const { dates, values } = alignSeries([daily, monthly]);
    const [d, m] = values as [(number | null)[], (number | null)[]];
    const at = (date: string) => {
      const j = dates.indexOf(date);
      expect(j, date).toBeGreaterThanOrEqual(0);
      return [d[j], m[j]];
    };
    // sp500.csv "Jan 1 2000,1394.46" is dated before the first daily close (2000-01-03): daily is null there.
    expect(at("2000-01-01")).toEqual([null, 1394.46]);
    // 2000-01-03 daily close 1455.219971; the monthly value carries over from Jan 1.
    expect(at("2000-01-03")).toEqual([1455.219971, 1394.46]);
    // 2008-09-01 is Labor Day: monthly "Sep 1 2008,1166.36", daily carries the 2008-08-29 close 1282.829956.
    expect(at("2008-09-01")).toEqual([1282.829956, 1166.36]);
    // 2008-09-02 close 1277.579956; monthly still Sep 1 2008's 1166.36.
    expect(at("2008-09-02")).toEqual([1277.579956, 1166.36]);
    // After the monthly series ends (its last row is 2010-03-01), it keeps its last value: 2020-04-17 close 2874.560059.
    expect(at("2020-04-17")).toEqual([2874.560059, monthly[monthly.length - 1]!.value]);
    // Every daily date and every monthly date appears once, in order.
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.length).toBe(new Set([...daily.map((p) => p.date), ...monthly.map((p) => p.date)]).size);
  });

  it("matches a naive forward-fill on random series", () => {
    const series = fc.array(
      fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 20 }).map((days) =>
        days.sort((x, y) => x - y).map((day) => ({ date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10), value: day * 1.5 })),
      ),
      { maxLength: 4 },
    );
    fc.assert(
      fc.property(series, (ss) => {
        const { dates, values } = alignSeries(ss);
        const expectedDates = [...new Set(ss.flatMap((s) => s.map((p) => p.date)))].sort();
        expect(dates).toEqual(expectedDates);
        ss.forEach((s, i) => {
          dates.forEach((date, j) => {
            const known = s.filter((p) => p.date <= date);
            expect(values[i]![j]).toBe(known.length ? known[known.length - 1]!.value : null);
          });
        });
      }),
    );
  });
});
