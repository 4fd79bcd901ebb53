// Live figures computed from real S&P 500 daily closes and monthly stock prices, every expected number worked by hand from the CSVs.
import { describe, expect, it } from "vitest";
import { type Point } from "@/lib/charts/align";
import { sp500Daily, stockMonthly } from "@/lib/charts/sp500-fixture";
import { computeFigure, formatFigure, type FigureComputation, type FigureSeries, type FigureValue } from "./compute";
import { type FigureSpec } from "./spec";

// Rows of node_modules/vega-datasets/data/sp500-2000.csv used below (date, close), read with awk/python:
//   2000-01-03 1455.219971 (first row)   2000-03-24 1527.459961 (2000 peak)   2001-09-10 1092.540039
//   (no rows 2001-09-11 .. 2001-09-14: markets closed after the attacks)      2001-09-17 1038.770020
//   2002-10-09  776.760010 (2002 trough)  2007-10-09 1565.150024 (2007 peak)  2007-12-31 1468.359985
//   2008-01-02 1447.160034 (2008 high)    2008-11-20  752.440002 (2008 low)   2008-12-31  903.250000
//   2009-03-09  676.530029 (lowest close) 2009-12-31 1115.099976             2019-12-31 3230.780029
//   2020-02-19 3386.149902 (highest close)                                      2020-04-17 2874.560059 (last row)
// Rows of stocks.csv (symbol, date, price): MSFT Jan 1 2000 39.81, MSFT Dec 1 2009 30.34, IBM Jan 1 2000 100.52, IBM Dec 1 2009 130.32.

const spx: FigureSeries = { key: "SPX", name: "S&P 500", unit: "index", points: sp500Daily() };
const msft: FigureSeries = { key: "MSFT", name: "Microsoft", unit: "USD", points: stockMonthly("MSFT") };
const ibm: FigureSeries = { key: "IBM", name: "IBM", unit: "USD", points: stockMonthly("IBM") };
const empty: FigureSeries = { key: "EMPTY", name: "Nothing yet", unit: "index", points: [] };

function made(key: string, values: [string, number][], unit = "index"): FigureSeries {
  return { key, name: key, unit, points: values.map(([date, value]) => ({ date, value })) };
}

function lookup(...all: FigureSeries[]): (key: string) => FigureSeries | undefined {
  return (key) => all.find((s) => s.key === key);
}

const notebook = lookup(spx, msft, ibm, empty);

/** The figure, or the test fails with the reason given. */
function figureOf(spec: FigureSpec, series = notebook): FigureValue {
  const result = computeFigure(spec, series);
  if (!result.ok) throw new Error(`not computed: ${result.reason}`);
  return result.figure;
}

/** The reason, or the test fails because a figure came out. computeFigure must not throw for these. */
function reasonOf(spec: FigureSpec, series = notebook): string {
  let result: FigureComputation | undefined;
  expect(() => (result = computeFigure(spec, series))).not.toThrow();
  if (result!.ok) throw new Error(`computed: ${JSON.stringify(result!.figure)}`);
  return result!.reason;
}

describe("computeFigure: levels", () => {
  it("stat=last is the latest close, 2020-04-17 = 2874.560059 (sp500-2000.csv, last row)", () => {
    expect(figureOf({ series: "SPX", stat: "last" })).toStrictEqual({
      value: 2874.560059,
      style: "level",
      unit: "index",
      used: [{ series: "SPX", role: "value", date: "2020-04-17", value: 2874.560059 }],
      notes: [],
    });
  });

  it("stat=last with to= is the last close on or before it: 2008-12-31 = 903.25", () => {
    const f = figureOf({ series: "SPX", stat: "last", to: "2008-12-31" });
    expect(f.value).toBe(903.25);
    expect(f.used).toStrictEqual([{ series: "SPX", role: "value", date: "2008-12-31", value: 903.25 }]);
    expect(f.notes).toEqual([]);
  });

  it("stat=value on a trading day: close 2000-03-24 = 1527.459961 (sp500-2000.csv)", () => {
    const f = figureOf({ series: "SPX", stat: "value", date: "2000-03-24" });
    expect(f).toMatchObject({ value: 1527.459961, style: "level", unit: "index", notes: [] });
    expect(f.used).toStrictEqual([{ series: "SPX", role: "value", date: "2000-03-24", value: 1527.459961 }]);
  });

  it("stat=value on a market holiday is the last close before it, with a note: 2001-09-11 → 2001-09-10 = 1092.540039", () => {
    const f = figureOf({ series: "SPX", stat: "value", date: "2001-09-11" });
    expect(f.value).toBe(1092.540039);
    expect(f.used).toStrictEqual([{ series: "SPX", role: "value", date: "2001-09-10", value: 1092.540039 }]);
    expect(f.notes).toEqual(["SPX has no value on 2001-09-11: the last one before it, 2001-09-10, is used"]);
    // Saturday 2001-09-15, still in the closure: the same close
    expect(figureOf({ series: "SPX", stat: "value", date: "2001-09-15" }).used[0]!.date).toBe("2001-09-10");
  });
});

describe("computeFigure: changes between two dates", () => {
  it("stat=return 2000-03-24 → 2002-10-09: 776.76001 / 1527.459961 - 1 = -49.1469%", () => {
    const f = figureOf({ series: "SPX", stat: "return", from: "2000-03-24", to: "2002-10-09" });
    expect(f.style).toBe("percent");
    expect(f.unit).toBe("%");
    expect(f.value).toBeCloseTo(-49.146948, 5);
    expect(f.used).toStrictEqual([
      { series: "SPX", role: "start", date: "2000-03-24", value: 1527.459961 },
      { series: "SPX", role: "end", date: "2002-10-09", value: 776.76001 },
    ]);
    expect(f.notes).toEqual([]);
  });

  it("stat=return from a holiday starts at the close before it: 2001-09-11 (→ 2001-09-10) → 2001-09-17 = -4.9216%", () => {
    // 1038.77002 / 1092.540039 - 1 = -0.0492156
    const f = figureOf({ series: "SPX", stat: "return", from: "2001-09-11", to: "2001-09-17" });
    expect(f.value).toBeCloseTo(-4.921560, 5);
    expect(f.used.map((u) => [u.role, u.date])).toEqual([
      ["start", "2001-09-10"],
      ["end", "2001-09-17"],
    ]);
    expect(f.notes).toEqual(["SPX has no value on 2001-09-11: the last one before it, 2001-09-10, is used"]);
  });

  it("stat=return without to runs to the latest close: 2009-03-09 → 2020-04-17 = 2874.560059 / 676.530029 - 1 = +324.898%", () => {
    const f = figureOf({ series: "SPX", stat: "return", from: "2009-03-09" });
    expect(f.value).toBeCloseTo(324.89763, 4);
    expect(f.used[1]).toStrictEqual({ series: "SPX", role: "end", date: "2020-04-17", value: 2874.560059 });
  });

  it("stat=change is in the series' unit: 2007-12-31 → 2008-12-31 = 903.25 - 1468.359985 = -565.109985 points", () => {
    const f = figureOf({ series: "SPX", stat: "change", from: "2007-12-31", to: "2008-12-31" });
    expect(f.style).toBe("change");
    expect(f.unit).toBe("index");
    expect(f.value).toBeCloseTo(-565.109985, 6);
    expect(f.used).toStrictEqual([
      { series: "SPX", role: "start", date: "2007-12-31", value: 1468.359985 },
      { series: "SPX", role: "end", date: "2008-12-31", value: 903.25 },
    ]);
  });

  it("stat=ytd to 2009-12-31: base is the last close of 2008, 1115.099976 / 903.25 - 1 = +23.4542%", () => {
    const f = figureOf({ series: "SPX", stat: "ytd", to: "2009-12-31" });
    expect(f.style).toBe("percent");
    expect(f.value).toBeCloseTo(23.454191, 5);
    expect(f.used).toStrictEqual([
      { series: "SPX", role: "start", date: "2008-12-31", value: 903.25 },
      { series: "SPX", role: "end", date: "2009-12-31", value: 1115.099976 },
    ]);
  });

  it("stat=ytd without to is this year so far: 2020-04-17 over 2019-12-31, 2874.560059 / 3230.780029 - 1 = -11.0258%", () => {
    const f = figureOf({ series: "SPX", stat: "ytd" });
    expect(f.value).toBeCloseTo(-11.025819, 5);
    expect(f.used.map((u) => [u.role, u.date, u.value])).toEqual([
      ["start", "2019-12-31", 3230.780029],
      ["end", "2020-04-17", 2874.560059],
    ]);
  });

  it("stat=ytd asked on New Year's Day falls back to 2008-12-31, so it is 2008's whole year: 903.25 / 1468.359985 - 1 = -38.4858%", () => {
    const f = figureOf({ series: "SPX", stat: "ytd", to: "2009-01-01" });
    expect(f.value).toBeCloseTo(-38.485793, 5);
    expect(f.used.map((u) => u.date)).toEqual(["2007-12-31", "2008-12-31"]);
    expect(f.notes).toEqual(["SPX has no value on 2009-01-01: the last one before it, 2008-12-31, is used"]);
  });
});

describe("computeFigure: ratio of two series", () => {
  it("MSFT over IBM, 2000-01-01 → 2009-12-01 (stocks.csv): (30.34 / 130.32) / (39.81 / 100.52) - 1 = -41.2152%", () => {
    // 39.81 / 100.52 = 0.39604059; 30.34 / 130.32 = 0.23281154; 0.23281154 / 0.39604059 - 1 = -0.4121523
    const f = figureOf({ series: "MSFT", stat: "ratio", over: "IBM", from: "2000-01-01", to: "2009-12-01" });
    expect(f.style).toBe("percent");
    expect(f.unit).toBe("%");
    expect(f.value).toBeCloseTo(-41.215232, 5);
    expect(f.used).toStrictEqual([
      { series: "MSFT", role: "start", date: "2000-01-01", value: 39.81 },
      { series: "IBM", role: "start", date: "2000-01-01", value: 100.52 },
      { series: "MSFT", role: "end", date: "2009-12-01", value: 30.34 },
      { series: "IBM", role: "end", date: "2009-12-01", value: 130.32 },
    ]);
    expect(f.notes).toEqual([]);
  });

  it("notes each series whose value falls back (monthly prices are dated the 1st)", () => {
    const f = figureOf({ series: "MSFT", stat: "ratio", over: "IBM", from: "2000-01-01", to: "2009-12-31" });
    expect(f.value).toBeCloseTo(-41.215232, 5);
    expect(f.notes).toEqual([
      "MSFT has no value on 2009-12-31: the last one before it, 2009-12-01, is used",
      "IBM has no value on 2009-12-31: the last one before it, 2009-12-01, is used",
    ]);
  });

  it("a made-up pair: 100/50 = 2 to 120/40 = 3 is +50%", () => {
    const a = made("A", [["2026-01-02", 100], ["2026-01-05", 120]]);
    const b = made("B", [["2026-01-02", 50], ["2026-01-05", 40]]);
    expect(figureOf({ series: "A", stat: "ratio", over: "B", from: "2026-01-02" }, lookup(a, b)).value).toBeCloseTo(50, 10);
    // and the other way round: 0.5 to 1/3 is -33.333%
    expect(figureOf({ series: "B", stat: "ratio", over: "A", from: "2026-01-02" }, lookup(a, b)).value).toBeCloseTo(-33.333333, 5);
  });
});

describe("computeFigure: drawdown, high and low", () => {
  it("2000-2002 bear market: peak 2000-03-24 (1527.459961) to trough 2002-10-09 (776.76001) = -49.1469%", () => {
    const f = figureOf({ series: "SPX", stat: "drawdown", from: "2000-01-01", to: "2002-12-31" });
    expect(f.style).toBe("percent");
    expect(f.value).toBeCloseTo(-49.146948, 5);
    expect(f.used).toStrictEqual([
      { series: "SPX", role: "peak", date: "2000-03-24", value: 1527.459961 },
      { series: "SPX", role: "trough", date: "2002-10-09", value: 776.76001 },
    ]);
  });

  it("2007-2009: peak 2007-10-09 (1565.150024) to trough 2009-03-09 (676.530029) = -56.7754%", () => {
    const f = figureOf({ series: "SPX", stat: "drawdown", from: "2007-01-01", to: "2009-12-31" });
    expect(f.value).toBeCloseTo(-56.775388, 5);
    expect(f.used).toStrictEqual([
      { series: "SPX", role: "peak", date: "2007-10-09", value: 1565.150024 },
      { series: "SPX", role: "trough", date: "2009-03-09", value: 676.530029 },
    ]);
  });

  it("is 0 on a series that never falls", () => {
    const up = made("UP", [["2026-01-02", 1], ["2026-01-05", 2], ["2026-01-06", 3]]);
    expect(figureOf({ series: "UP", stat: "drawdown" }, lookup(up)).value).toBe(0);
  });

  it("high and low of the whole series: 3386.149902 on 2020-02-19, 676.530029 on 2009-03-09", () => {
    const high = figureOf({ series: "SPX", stat: "high" });
    expect(high).toMatchObject({ value: 3386.149902, style: "level", unit: "index" });
    expect(high.used).toStrictEqual([{ series: "SPX", role: "high", date: "2020-02-19", value: 3386.149902 }]);
    const low = figureOf({ series: "SPX", stat: "low" });
    expect(low.value).toBe(676.530029);
    expect(low.used).toStrictEqual([{ series: "SPX", role: "low", date: "2009-03-09", value: 676.530029 }]);
  });

  it("high and low of 2008 are 2008's own closes: 1447.160034 on 2008-01-02 (not 2007-12-31's 1468.359985), 752.440002 on 2008-11-20", () => {
    const high = figureOf({ series: "SPX", stat: "high", from: "2008-01-01", to: "2008-12-31" });
    expect(high.used).toStrictEqual([{ series: "SPX", role: "high", date: "2008-01-02", value: 1447.160034 }]);
    const low = figureOf({ series: "SPX", stat: "low", from: "2008-01-01", to: "2008-12-31" });
    expect(low.used).toStrictEqual([{ series: "SPX", role: "low", date: "2008-11-20", value: 752.440002 }]);
  });

  it("high and low of 2000-2002: 1527.459961 on 2000-03-24, 776.76001 on 2002-10-09", () => {
    expect(figureOf({ series: "SPX", stat: "high", from: "2000-01-01", to: "2002-12-31" }).used[0]).toMatchObject({ date: "2000-03-24", value: 1527.459961 });
    expect(figureOf({ series: "SPX", stat: "low", from: "2000-01-01", to: "2002-12-31" }).used[0]).toMatchObject({ date: "2002-10-09", value: 776.76001 });
  });
});

describe("computeFigure: what cannot be computed comes back as a reason", () => {
  it("an unknown series, or an unknown series to divide by", () => {
    expect(reasonOf({ series: "NDX", stat: "last" })).toBe("no series “NDX” in this notebook");
    expect(reasonOf({ series: "MSFT", stat: "ratio", over: "NDX", from: "2000-01-01" })).toBe("no series “NDX” in this notebook");
  });

  it("no value on or before the date asked for", () => {
    expect(reasonOf({ series: "SPX", stat: "value", date: "1999-12-31" })).toBe("SPX has no value on or before 1999-12-31 (its values run from 2000-01-03 to 2020-04-17)");
    expect(reasonOf({ series: "SPX", stat: "return", from: "1999-06-30" })).toBe("SPX has no value on or before 1999-06-30 (its values run from 2000-01-03 to 2020-04-17)");
    expect(reasonOf({ series: "SPX", stat: "high", to: "1999-12-31" })).toBe("SPX has no value on or before 1999-12-31 (its values run from 2000-01-03 to 2020-04-17)");
  });

  it("ytd in the series' first year has no previous year-end", () => {
    expect(reasonOf({ series: "SPX", stat: "ytd", to: "2000-06-30" })).toBe(
      "SPX has no value on or before 1999-12-31 to measure the year from (its values run from 2000-01-03 to 2020-04-17)",
    );
  });

  it("from after to, or both falling back to the same close", () => {
    expect(reasonOf({ series: "SPX", stat: "return", from: "2009-01-02", to: "2008-12-31" })).toBe("SPX has no value after 2009-01-02 up to 2008-12-31");
    // 2001-09-11 and 2001-09-14 both fall back to 2001-09-10
    expect(reasonOf({ series: "SPX", stat: "change", from: "2001-09-11", to: "2001-09-14" })).toBe("SPX has no value after 2001-09-10 up to 2001-09-14");
    expect(reasonOf({ series: "SPX", stat: "drawdown", from: "2009-01-02", to: "2008-12-31" })).toBe("SPX has no values between 2009-01-02 and 2008-12-31");
    expect(reasonOf({ series: "SPX", stat: "low", from: "2009-01-02", to: "2008-12-31" })).toBe("SPX has no values between 2009-01-02 and 2008-12-31");
    expect(reasonOf({ series: "MSFT", stat: "ratio", over: "IBM", from: "2009-12-15", to: "2009-12-31" })).toBe(
      "no values after 2009-12-15 up to 2009-12-31 for both MSFT and IBM",
    );
  });

  it("high or low over a period with no values in it", () => {
    expect(reasonOf({ series: "SPX", stat: "high", from: "2021-01-01" })).toBe("SPX has no values in the period");
  });

  it("an empty series", () => {
    expect(reasonOf({ series: "EMPTY", stat: "last" })).toBe("EMPTY has no values yet");
    expect(reasonOf({ series: "EMPTY", stat: "return", from: "2008-01-02" })).toBe("EMPTY has no values yet");
    expect(reasonOf({ series: "EMPTY", stat: "ytd" })).toBe("EMPTY has no values yet");
    expect(reasonOf({ series: "EMPTY", stat: "drawdown" })).toBe("EMPTY has no value on or before now (it has no values yet)");
    expect(reasonOf({ series: "EMPTY", stat: "high", to: "2008-12-31" })).toBe("EMPTY has no value on or before 2008-12-31 (it has no values yet)");
    expect(reasonOf({ series: "SPX", stat: "ratio", over: "EMPTY", from: "2008-01-02" })).toBe("EMPTY has no values yet");
  });

  it("a % change from zero, and a ratio over zero", () => {
    const z = made("Z", [["2026-01-02", 0], ["2026-01-05", 5]]);
    const b = made("B", [["2025-12-31", 4], ["2026-01-02", 0], ["2026-01-05", 2]]);
    const series = lookup(z, b);
    expect(reasonOf({ series: "Z", stat: "return", from: "2026-01-02" }, series)).toBe("a % change from zero is undefined (Z on 2026-01-02 is 0)");
    expect(reasonOf({ series: "B", stat: "ytd" }, lookup(made("B", [["2025-12-31", 0], ["2026-01-05", 2]])))).toBe("a % change from zero is undefined (B on 2025-12-31 is 0)");
    expect(reasonOf({ series: "Z", stat: "ratio", over: "B", from: "2026-01-02" }, series)).toBe("B is 0 on a date used, so the ratio is undefined");
    // the change itself, in the unit, is fine from zero
    expect(figureOf({ series: "Z", stat: "change", from: "2026-01-02" }, series).value).toBe(5);
  });

  it("a value that is not a finite number", () => {
    const bad = made("BAD", [["2026-01-02", Number.NaN]]);
    expect(reasonOf({ series: "BAD", stat: "last" }, lookup(bad))).toBe("the values used do not give a finite number");
  });
});

describe("computeFigure takes the points as given, whatever the spec's asOf", () => {
  const upTo2008: Point[] = sp500Daily().filter((p) => p.date <= "2008-12-31");
  const vintage2008 = lookup({ ...spx, points: upTo2008 });

  it("the latest value is the last point it is given, not one chosen by asOf", () => {
    // the points cut to 2008: the last is 2008-12-31 = 903.25, however late asOf is
    expect(figureOf({ series: "SPX", stat: "last", asOf: Date.UTC(2030, 0, 1) }, vintage2008).used[0]).toMatchObject({ date: "2008-12-31", value: 903.25 });
    // all the points with an asOf in 2001: still the last point given, 2020-04-17 = 2874.560059
    expect(figureOf({ series: "SPX", stat: "last", asOf: Date.UTC(2001, 0, 1) }).value).toBe(2874.560059);
  });

  it("ytd on the 2008 vintage is 2008's year: 903.25 / 1468.359985 - 1 = -38.4858%", () => {
    expect(figureOf({ series: "SPX", stat: "ytd", asOf: Date.UTC(2009, 0, 1) }, vintage2008).value).toBeCloseTo(-38.485793, 5);
    expect(upTo2008).toHaveLength(sp500Daily().filter((p) => p.date <= "2008-12-31").length); // not modified
  });
});

describe("formatFigure", () => {
  const pct = (value: number): Pick<FigureValue, "value" | "style" | "unit"> => ({ value, style: "percent", unit: "%" });

  it("a percent to one place by default", () => {
    expect(formatFigure(pct(7.0666), {})).toBe("7.1%");
    expect(formatFigure(pct(-49.146948), {})).toBe("-49.1%");
    expect(formatFigure(pct(324.89763), {})).toBe("324.9%");
    expect(formatFigure(pct(1234.56), {})).toBe("1,234.6%");
  });

  it("digits", () => {
    expect(formatFigure(pct(23.454191), { digits: 2 })).toBe("23.45%");
    expect(formatFigure(pct(23.454191), { digits: 0 })).toBe("23%");
    expect(formatFigure(pct(-41.215232), { digits: 3 })).toBe("-41.215%");
  });

  it("sign writes + before a gain only", () => {
    expect(formatFigure(pct(7.0666), { sign: true })).toBe("+7.1%");
    expect(formatFigure(pct(-38.485793), { sign: true })).toBe("-38.5%");
    expect(formatFigure(pct(7.0666), { sign: false })).toBe("7.1%");
  });

  it("a negative value rounding to zero never shows as -0", () => {
    expect(formatFigure(pct(-0.04), {})).toBe("0.0%");
    expect(formatFigure(pct(-0.04), { sign: true })).toBe("0.0%");
    expect(formatFigure(pct(0.04), { sign: true })).toBe("0.0%"); // nor a rounded zero as +0
    expect(formatFigure(pct(-0.004), { digits: 2 })).toBe("0.00%");
    expect(formatFigure(pct(-0.4), { digits: 0 })).toBe("0%");
    expect(formatFigure({ value: -0.001, style: "change", unit: "index" }, {})).toBe("0.00");
    expect(formatFigure({ value: -1e-9, style: "level", unit: "index" }, {})).toBe("0");
    expect(formatFigure(pct(-0.06), {})).toBe("-0.1%");
  });

  it("a level with thousands separators, to two places", () => {
    expect(formatFigure({ value: 2874.560059, style: "level", unit: "index" }, {})).toBe("2,874.56");
    expect(formatFigure({ value: 2874.560059, style: "level", unit: "index" }, { digits: 0 })).toBe("2,875");
    expect(formatFigure({ value: 676.530029, style: "level", unit: "index" }, {})).toBe("676.53");
    expect(formatFigure({ value: 2874.560059, style: "level", unit: "index" }, { sign: true })).toBe("+2,874.56");
  });

  it("a level in a percent unit is written with %", () => {
    expect(formatFigure({ value: 4.25, style: "level", unit: "%" }, {})).toBe("4.25%");
    expect(formatFigure({ value: 4.25, style: "level", unit: "percent" }, {})).toBe("4.25%");
    expect(formatFigure({ value: 5.7, style: "level", unit: "%" }, {})).toBe("5.7%"); // one place at least, no trailing zero
    expect(formatFigure({ value: -1.6, style: "level", unit: "%" }, {})).toBe("-1.6%");
    expect(formatFigure({ value: 7, style: "level", unit: "%" }, {})).toBe("7.0%");
    expect(formatFigure({ value: 4.25, style: "level", unit: " % p.a. " }, { digits: 1 })).toBe("4.3%");
  });

  it("a change in a percent unit is in percentage points, signed by default", () => {
    expect(formatFigure({ value: -0.75, style: "change", unit: "%" }, {})).toBe("-0.75 pp");
    expect(formatFigure({ value: 0.5, style: "change", unit: "%" }, {})).toBe("+0.50 pp");
    expect(formatFigure({ value: 0.5, style: "change", unit: "Percent" }, { digits: 1 })).toBe("+0.5 pp");
    expect(formatFigure({ value: 0.5, style: "change", unit: "%" }, { sign: false })).toBe("0.50 pp");
  });

  it("a change in an index unit: -565.109985 points in 2008", () => {
    expect(formatFigure({ value: -565.109985, style: "change", unit: "index" }, {})).toBe("-565.11");
    expect(formatFigure({ value: 1211.849976, style: "change", unit: "index" }, {})).toBe("+1,211.85");
  });

  it("a USD level with $, the minus before it", () => {
    expect(formatFigure({ value: 30.34, style: "level", unit: "USD" }, {})).toBe("$30.34");
    expect(formatFigure({ value: 1234.5, style: "level", unit: "usd" }, {})).toBe("$1,234.50");
    expect(formatFigure({ value: -1234.5, style: "level", unit: "USD" }, {})).toBe("-$1,234.50");
    expect(formatFigure({ value: 30.34, style: "level", unit: "USD" }, { sign: true })).toBe("+$30.34");
    expect(formatFigure({ value: -0.001, style: "level", unit: "USD" }, { digits: 2 })).toBe("$0.00");
    expect(formatFigure({ value: 99.5, style: "level", unit: "EUR" }, {})).toBe("€99.50");
  });

  it("writes computed figures: 2009's ytd and the 2007-2009 drawdown", () => {
    expect(formatFigure(figureOf({ series: "SPX", stat: "ytd", to: "2009-12-31" }), { sign: true })).toBe("+23.5%"); // 23.4542%
    expect(formatFigure(figureOf({ series: "SPX", stat: "drawdown", from: "2007-01-01", to: "2009-12-31" }), {})).toBe("-56.8%"); // -56.7754%
    expect(formatFigure(figureOf({ series: "SPX", stat: "value", date: "2001-09-11" }), {})).toBe("1,092.54");
  });
});
