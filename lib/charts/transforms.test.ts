// Returns math checked against values worked by hand from real S&P 500 closes (vega-datasets sp500-2000.csv) and monthly stock prices.
import { describe, expect, it } from "vitest";
import { type Point } from "./align";
import { sp500Daily, stockMonthly } from "./sp500-fixture";
import { basePoint, clip, maxDrawdown, periodReturns, ratio, rebase, returnsSince, totalReturn } from "./transforms";

const spx = sp500Daily();
const valueOn = (points: Point[], date: string) => points.find((p) => p.date === date)?.value;

// Rows of sp500-2000.csv used below (date, close):
//   2000-01-03 1455.219971   2000-12-29 1320.280029   2006-12-29 1418.300049   2007-10-09 1565.150024
//   2007-12-31 1468.359985   2008-01-02 1447.160034   2008-06-30 1280.000000   2008-09-12 1251.699951
//   2008-09-15 1192.699951   2008-09-29 1106.420044   2008-09-30 1166.359985   2008-12-31  903.250000
//   2009-03-09  676.530029   2009-12-31 1115.099976   2020-04-17 2874.560059

describe("clip", () => {
  it("keeps the dates between from and to, both inclusive", () => {
    const year = clip(spx, "2008-01-01", "2008-12-31");
    expect(year[0]).toEqual({ date: "2008-01-02", value: 1447.160034 });
    expect(year[year.length - 1]).toEqual({ date: "2008-12-31", value: 903.25 });
    expect(year).toHaveLength(253); // trading days in 2008
    expect(clip(spx, "2008-12-31", "2008-12-31")).toEqual([{ date: "2008-12-31", value: 903.25 }]);
    expect(clip(spx, "2009-01-01", "2008-01-01")).toEqual([]);
    expect(clip(spx, "2030-01-01", "2031-01-01")).toEqual([]);
  });
});

describe("totalReturn", () => {
  it("2008 calendar year: last close of 2007 to last close of 2008 is -38.49%", () => {
    // 903.25 / 1468.359985 - 1 = -0.384857930
    expect(totalReturn(spx, "2008-01-01", "2008-12-31")).toBeCloseTo(-0.38485793, 7);
  });

  it("measures from the close on `from` when it is a trading day", () => {
    // 2008-09-15 to 2008-09-30: 1166.359985 / 1192.699951 - 1 = -0.0220843
    expect(totalReturn(spx, "2008-09-15", "2008-09-30")).toBeCloseTo(1166.359985 / 1192.699951 - 1, 10);
    expect(totalReturn(spx, "2008-09-15", "2008-09-30")).toBeCloseTo(-0.0220843, 6);
  });

  it("is null with nothing on or before `to`", () => {
    expect(totalReturn(spx, "1990-01-01", "1999-12-31")).toBeNull();
    expect(totalReturn([], "2008-01-01", "2008-12-31")).toBeNull();
  });
});

describe("maxDrawdown", () => {
  it("2007-2009: peak 2007-10-09 (1565.15) to trough 2009-03-09 (676.53), -56.78%", () => {
    // 676.530029 / 1565.150024 - 1 = -0.567753878
    const dd = maxDrawdown(spx, "2007-01-01", "2009-12-31");
    expect(dd).not.toBeNull();
    expect(dd!.peakDate).toBe("2007-10-09");
    expect(dd!.troughDate).toBe("2009-03-09");
    expect(dd!.drawdown).toBeCloseTo(-0.56775388, 7);
  });

  it("is 0 on a rising series and null on an empty one", () => {
    const up = [
      { date: "2026-01-02", value: 1 },
      { date: "2026-01-05", value: 2 },
    ];
    expect(maxDrawdown(up)).toEqual({ drawdown: 0, peakDate: "2026-01-02", troughDate: "2026-01-02" });
    expect(maxDrawdown([])).toBeNull();
    expect(maxDrawdown(spx, "2030-01-01")).toBeNull();
  });
});

describe("rebase", () => {
  it("sets the close on the base date to 100 (Lehman, 2008-09-15, close 1192.699951)", () => {
    const r = rebase(spx, "2008-09-15");
    expect(valueOn(r, "2008-09-15")).toBe(100);
    // 903.25 / 1192.699951 * 100 = 75.7315366
    expect(valueOn(r, "2008-12-31")).toBeCloseTo(75.7315366, 6);
    // 1251.699951 / 1192.699951 * 100 = 104.946758, the Friday before is above 100
    expect(valueOn(r, "2008-09-12")).toBeCloseTo(104.946758, 5);
    expect(r).toHaveLength(spx.length);
  });

  it("on a weekend uses the last close before it (Saturday 2008-09-13 → Friday 2008-09-12, 1251.699951)", () => {
    const r = rebase(spx, "2008-09-13");
    expect(valueOn(r, "2008-09-12")).toBe(100);
    // 1106.420044 / 1251.699951 * 100 = 88.3933920
    expect(valueOn(r, "2008-09-29")).toBeCloseTo(88.393392, 5);
  });

  it("before the data starts, uses the first value (2000-01-03, 1455.219971)", () => {
    const r = rebase(spx, "1990-01-01");
    expect(r[0]).toEqual({ date: "2000-01-03", value: 100 });
    // 2874.560059 / 1455.219971 * 100 = 197.5349
    expect(r[r.length - 1]!.value).toBeCloseTo((2874.560059 / 1455.219971) * 100, 8);
    expect(basePoint(spx, "1990-01-01")).toEqual({ date: "2000-01-03", value: 1455.219971 });
  });

  it("gives nothing when the base is 0 or there is no data", () => {
    expect(rebase([{ date: "2026-01-02", value: 0 }, { date: "2026-01-05", value: 1 }], "2026-01-02")).toEqual([]);
    expect(rebase([], "2026-01-02")).toEqual([]);
  });
});

describe("returnsSince", () => {
  it("YTD 2008 from 2008-01-01 is measured from the 2007-12-31 close", () => {
    const r = returnsSince(spx, "2008-01-01");
    expect(valueOn(r, "2007-12-31")).toBe(0);
    // 1447.160034 / 1468.359985 - 1 = -1.44378% on the first trading day
    expect(valueOn(r, "2008-01-02")).toBeCloseTo(-1.443787, 5);
    expect(valueOn(r, "2008-12-31")).toBeCloseTo(-38.4857930, 6);
  });
});

describe("ratio", () => {
  // stocks.csv rows: AAPL Jan 1 2008 135.36, Dec 1 2008 85.35, Aug 1 2004 17.25, Mar 1 2010 223.02;
  //                  MSFT Jan 1 2008 31.13,  Dec 1 2008 18.91, Mar 1 2010 28.8; GOOG Aug 1 2004 102.37, Jan 1 2008 564.3.
  const aapl = stockMonthly("AAPL");
  const msft = stockMonthly("MSFT");
  const goog = stockMonthly("GOOG");

  it("divides on shared dates: AAPL / MSFT", () => {
    const r = ratio(aapl, msft);
    expect(valueOn(r, "2008-01-01")).toBeCloseTo(4.34821715, 7); // 135.36 / 31.13
    expect(valueOn(r, "2008-12-01")).toBeCloseTo(4.51348493, 7); // 85.35 / 18.91
    expect(valueOn(r, "2010-03-01")).toBeCloseTo(7.74375, 8); // 223.02 / 28.8
    expect(r).toHaveLength(aapl.length);
  });

  it("starts where both are known: GOOG / AAPL from GOOG's first month, 2004-08-01", () => {
    const r = ratio(goog, aapl);
    expect(r[0]).toEqual({ date: "2004-08-01", value: 102.37 / 17.25 }); // 5.9344928
    expect(valueOn(r, "2008-01-01")).toBeCloseTo(4.16888298, 7); // 564.3 / 135.36
  });

  it("forward-fills the slower series: daily S&P 500 over monthly MSFT", () => {
    const r = ratio(spx, msft);
    // 2008-09-15 close 1192.699951 over MSFT's Sep 1 2008 price, carried forward through the month.
    const msftSep = valueOn(msft, "2008-09-01")!;
    expect(valueOn(r, "2008-09-15")).toBeCloseTo(1192.699951 / msftSep, 8);
    // 2008-09-01 is a holiday: the S&P 500 carries its 2008-08-29 close 1282.829956.
    expect(valueOn(r, "2008-09-01")).toBeCloseTo(1282.829956 / msftSep, 8);
  });
});

describe("periodReturns", () => {
  it("yearly: each year's last close against the previous year's last close", () => {
    const years = periodReturns(clip(spx, "2000-01-01", "2009-12-31"), "year");
    const byYear = Object.fromEntries(years.map((r) => [r.period, r.value]));
    expect(Object.keys(byYear)).toEqual(["2000", "2001", "2002", "2003", "2004", "2005", "2006", "2007", "2008", "2009"]);
    // 2007: 1468.359985 / 1418.300049 - 1 = +3.5296%
    expect(byYear["2007"]).toBeCloseTo(3.529573, 5);
    // 2008: 903.25 / 1468.359985 - 1 = -38.4858%
    expect(byYear["2008"]).toBeCloseTo(-38.485793, 5);
    // 2009: 1115.099976 / 903.25 - 1 = +23.4542%
    expect(byYear["2009"]).toBeCloseTo(23.454191, 5);
    // 2000, the first year, runs from its own first close: 1320.280029 / 1455.219971 - 1 = -9.2728%
    expect(byYear["2000"]).toBeCloseTo(-9.272821, 5);
  });

  it("quarterly: 2008-Q3 and 2008-Q4", () => {
    const q = Object.fromEntries(periodReturns(clip(spx, "2008-01-01", "2008-12-31"), "quarter").map((r) => [r.period, r.value]));
    // Q3: 1166.359985 / 1280.000000 - 1 = -8.8781%; Q4: 903.25 / 1166.359985 - 1 = -22.5582%
    expect(q["2008-Q3"]).toBeCloseTo(-8.878126, 5);
    expect(q["2008-Q4"]).toBeCloseTo(-22.558214, 5);
    expect(Object.keys(q)).toEqual(["2008-Q1", "2008-Q2", "2008-Q3", "2008-Q4"]);
  });

  it("monthly returns compound to the yearly return", () => {
    const months = periodReturns(clip(spx, "2007-12-01", "2008-12-31"), "month").slice(1);
    expect(months).toHaveLength(12);
    const compounded = months.reduce((acc, m) => acc * (1 + m.value / 100), 1) - 1;
    expect(compounded * 100).toBeCloseTo(-38.485793, 5);
  });

  it("gives nothing for no points", () => {
    expect(periodReturns([], "year")).toEqual([]);
  });
});
