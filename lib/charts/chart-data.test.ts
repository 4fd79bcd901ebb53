// buildChartData on real S&P 500 and stock prices: ranges, transforms per kind, table, description, missing data; and the CSV.
import { describe, expect, it } from "vitest";
import { type Point } from "./align";
import { chartDataToCsv } from "./chart-csv";
import { buildChartData, type ChartData, type ChartInput } from "./chart-data";
import { sp500Daily, stockMonthly } from "./sp500-fixture";
import { chartSpecSchema, type ChartSpecInput } from "./spec";

const spx: ChartInput = { key: "SPX", name: "S&P 500", unit: "Index points", points: sp500Daily() };
const aapl: ChartInput = { key: "AAPL", name: "Apple", unit: "USD", points: stockMonthly("AAPL") };
const msft: ChartInput = { key: "MSFT", name: "Microsoft", unit: "USD", points: stockMonthly("MSFT") };
const inputs = [spx, aapl, msft];
const year2008 = { preset: "custom", from: "2008-01-01", to: "2008-12-31" } as const;

function build(spec: Partial<ChartSpecInput>, opts: { today?: string; width?: number; with?: ChartInput[] } = {}): ChartData {
  const parsed = chartSpecSchema.parse({ title: "Test chart", kind: "line", series: ["SPX"], range: year2008, ...spec });
  return buildChartData(parsed, opts.with ?? inputs, { today: opts.today ?? "2026-01-02", width: opts.width ?? 800 });
}

const rowOn = (data: ChartData, date: string) => data.table.rows.find((r) => r[0] === date);

describe("buildChartData: line", () => {
  const data = build({});

  it("covers the range's trading days and says so in a generated description", () => {
    expect(data.from).toBe("2008-01-02");
    expect(data.to).toBe("2008-12-31");
    // 1447.160034 on 2008-01-02 to 903.25 on 2008-12-31: 903.25 / 1447.160034 - 1 = -37.58%
    expect(data.description).toBe(
      "Line chart of S&P 500 from 2008-01-02 to 2008-12-31. S&P 500 fell 37.6%, from 1,447.16 on 2008-01-02 to 903.25 on 2008-12-31.",
    );
    expect(data.yLabel).toBe("Index points");
    expect(data.missing).toEqual([]);
  });

  it("draws the 253 trading days of 2008 as they are (below the 1,600-point target) and tables them", () => {
    expect(data.lines).toHaveLength(1);
    expect(data.lines[0]!.points).toHaveLength(253);
    expect(data.table.columns).toEqual(["Date", "S&P 500"]);
    expect(data.table.rows).toHaveLength(253);
    expect(data.table.rows[0]).toEqual(["2008-01-02", 1447.160034]);
  });

  it("downsamples the drawn line to twice the width but keeps every row in the table", () => {
    const all = build({ range: { preset: "max" } }, { today: "2020-04-17", width: 300 });
    expect(all.from).toBe("2000-01-03");
    expect(all.lines[0]!.points.length).toBeLessThanOrEqual(600);
    expect(all.lines[0]!.points.length).toBeGreaterThan(550);
    expect(all.table.rows).toHaveLength(spx.points.length);
    // The 2009-03-09 low (676.530029) survives downsampling.
    expect(all.lines[0]!.points).toContainEqual({ date: "2009-03-09", value: 676.530029 });
  });

  it("uses the spec's description when it has one", () => {
    expect(build({ description: "Crisis year." }).description).toBe("Crisis year.");
  });

  it("keeps only the annotations inside the range, in date order", () => {
    const d = build({
      annotations: [
        { date: "2009-03-09", label: "Low" },
        { date: "2008-09-15", label: "Lehman" },
        { date: "2008-03-16", label: "Bear Stearns" },
      ],
    });
    expect(d.annotations).toEqual([
      { date: "2008-03-16", label: "Bear Stearns" },
      { date: "2008-09-15", label: "Lehman" },
    ]);
  });

  it("resolves YTD against today", () => {
    const ytd = build({ range: { preset: "ytd" } }, { today: "2009-03-09" });
    expect(ytd.from).toBe("2009-01-02");
    expect(ytd.to).toBe("2009-03-09");
    expect(ytd.table.rows[ytd.table.rows.length - 1]).toEqual(["2009-03-09", 676.530029]);
  });
});

describe("buildChartData: rebased and return", () => {
  it("rebases at the close before the range (2007-12-31, 1468.359985) by default", () => {
    const d = build({ kind: "rebased" });
    expect(d.yLabel).toBe("Index (start = 100)");
    // 903.25 / 1468.359985 * 100 = 61.514207
    expect(rowOn(d, "2008-12-31")![1]).toBeCloseTo(61.514207, 5);
    // 1447.160034 / 1468.359985 * 100 = 98.556213
    expect(rowOn(d, "2008-01-02")![1]).toBeCloseTo(98.556213, 5);
    expect(d.description).toContain("S&P 500 stood at 61.5 on 2008-12-31, so it fell 38.5%.");
  });

  it("rebases on `since` (Lehman, 2008-09-15 close 1192.699951)", () => {
    const d = build({ kind: "rebased", since: "2008-09-15" });
    expect(d.yLabel).toBe("Index (2008-09-15 = 100)");
    expect(rowOn(d, "2008-09-15")![1]).toBe(100);
    expect(rowOn(d, "2008-12-31")![1]).toBeCloseTo(75.7315366, 6); // 903.25 / 1192.699951 * 100
  });

  it("gives the YTD-style return since the start of the range: 2008 is -38.49%", () => {
    const d = build({ kind: "return" });
    expect(d.yLabel).toBe("Return since 2008-01-01, %");
    expect(rowOn(d, "2008-12-31")![1]).toBeCloseTo(-38.485793, 5);
    expect(d.lines[0]!.points[d.lines[0]!.points.length - 1]!.value).toBeCloseTo(-38.485793, 5);
    expect(d.description).toBe(
      "Return since 2008-01-01 of S&P 500, from 2008-01-02 to 2008-12-31. S&P 500 fell 38.5% by 2008-12-31.",
    );
  });

  it("measures from the first value when `since` is before the data, and says so", () => {
    const d = build({ kind: "return", since: "1995-01-01", range: { preset: "custom", from: "2000-01-01", to: "2000-12-31" } });
    expect(d.lines[0]!.points[0]).toEqual({ date: "2000-01-03", value: 0 });
    // 1320.280029 / 1455.219971 - 1 = -9.2728%
    expect(rowOn(d, "2000-12-29")![1]).toBeCloseTo(-9.272821, 5);
    expect(d.description).toContain("S&P 500 starts later, so it is measured from its first value, on 2000-01-03");
  });

  it("forward-fills monthly series against daily ones in the table, carrying the value from before the range", () => {
    const d = build({ kind: "line", series: ["SPX", "MSFT"], range: { preset: "custom", from: "2008-09-10", to: "2008-09-30" } });
    expect(d.table.columns).toEqual(["Date", "S&P 500", "Microsoft"]);
    const msftSep = msft.points.find((p) => p.date === "2008-09-01")!.value;
    // MSFT has no September date inside the range: its Sep 1 2008 price fills every row.
    expect(rowOn(d, "2008-09-10")).toEqual(["2008-09-10", expect.any(Number), msftSep]);
    expect(rowOn(d, "2008-09-15")).toEqual(["2008-09-15", 1192.699951, msftSep]);
    // But its line has no point in the range, so it is missing from the drawing.
    expect(d.lines.map((l) => l.key)).toEqual(["SPX"]);
    expect(d.missing).toEqual(["MSFT"]);
    expect(d.description).toContain("No data in this range for Microsoft.");
  });
});

describe("buildChartData: ratio", () => {
  it("divides the first series by the second: AAPL / MSFT", () => {
    const d = build({ kind: "ratio", series: ["AAPL", "MSFT"] });
    expect(d.yLabel).toBe("Apple / Microsoft");
    expect(d.lines).toEqual([{ key: "AAPL/MSFT", name: "Apple / Microsoft", points: expect.any(Array) }]);
    // 135.36 / 31.13 = 4.348217; 85.35 / 18.91 = 4.513485
    expect(d.lines[0]!.points[0]!.value).toBeCloseTo(4.348217, 5);
    expect(d.lines[0]!.points[11]).toEqual({ date: "2008-12-01", value: 85.35 / 18.91 });
    expect(d.table.columns).toEqual(["Date", "Apple", "Microsoft", "Apple / Microsoft"]);
    expect(rowOn(d, "2008-01-01")).toEqual(["2008-01-01", 135.36, 31.13, 135.36 / 31.13]);
    expect(d.description).toContain("It went from 4.35 on 2008-01-01 to 4.51 on 2008-12-01, so Apple gained 3.8% against Microsoft.");
  });
});

describe("buildChartData: bars", () => {
  it("gives full-year returns for every year the range touches, series by series", () => {
    const d = build({ kind: "bars", series: ["SPX", "AAPL"], range: { preset: "custom", from: "2007-06-15", to: "2009-12-31" } });
    expect(d.lines).toEqual([]);
    expect(d.yLabel).toBe("Return per year, %");
    expect(d.bars.map((b) => `${b.period}:${b.key}`)).toEqual(["2007:SPX", "2007:AAPL", "2008:SPX", "2008:AAPL", "2009:SPX", "2009:AAPL"]);
    // S&P 500: 2007 1468.359985 / 1418.300049 - 1; 2008 903.25 / 1468.359985 - 1; 2009 1115.099976 / 903.25 - 1
    expect(d.bars[0]!.value).toBeCloseTo(3.529573, 5);
    expect(d.bars[2]!.value).toBeCloseTo(-38.485793, 5);
    expect(d.bars[4]!.value).toBeCloseTo(23.454191, 5);
    // Apple 2008: Dec 1 2008 85.35 over Dec 1 2007's price
    const aaplDec2007 = aapl.points.find((p) => p.date === "2007-12-01")!.value;
    expect(d.bars[3]!.value).toBeCloseTo((85.35 / aaplDec2007 - 1) * 100, 8);
    expect(d.table).toEqual({
      columns: ["Period", "S&P 500", "Apple"],
      rows: [
        ["2007", expect.any(Number), expect.any(Number)],
        ["2008", expect.any(Number), expect.any(Number)],
        ["2009", expect.any(Number), expect.any(Number)],
      ],
    });
    expect(d.description).toMatch(/^Bar chart of yearly returns of S&P 500 and Apple, 2007 to 2009\. S&P 500: 2007 \+3\.5%, 2008 −38\.5%, 2009 \+23\.5%\./);
  });

  it("defaults to years and can use quarters", () => {
    const q = build({ kind: "bars", period: "quarter" });
    expect(q.bars.map((b) => b.period)).toEqual(["2008-Q1", "2008-Q2", "2008-Q3", "2008-Q4"]);
    expect(q.bars[3]!.value).toBeCloseTo(-22.558214, 5); // 903.25 / 1166.359985 - 1
    expect(q.yLabel).toBe("Return per quarter, %");
  });
});

describe("buildChartData: missing data", () => {
  it("lists a series with no points, and an unknown key, without throwing", () => {
    const empty: ChartInput = { key: "EMPTY", name: "Nothing yet", unit: "%", points: [] };
    const d = build({ series: ["SPX", "EMPTY", "NOPE"] }, { with: [spx, empty] });
    expect(d.missing).toEqual(["EMPTY", "NOPE"]);
    expect(d.lines.map((l) => l.key)).toEqual(["SPX"]);
    expect(d.table.columns).toEqual(["Date", "S&P 500", "Nothing yet", "NOPE"]);
    expect(d.table.rows[0]).toEqual(["2008-01-02", 1447.160034, null, null]);
    expect(d.description).toContain("No data in this range for Nothing yet and NOPE.");
  });

  it.each(["line", "rebased", "return", "bars"] as const)("gives an empty %s chart when no series has data in range", (kind) => {
    const d = build({ kind, series: ["SPX", "AAPL"], range: { preset: "custom", from: "2021-01-01", to: "2021-12-31" } });
    expect(d.lines).toEqual([]);
    expect(d.bars).toEqual([]);
    expect(d.table.rows).toEqual([]);
    expect(d.missing).toEqual(["SPX", "AAPL"]);
    expect(d.from).toBe("2021-01-01");
    expect(d.to).toBe("2021-12-31");
    expect(d.description).toMatch(/no data from 2021-01-01 to 2021-12-31\.$/);
  });

  it("gives an empty ratio when a series is missing, and an empty chart with no inputs at all", () => {
    const r = build({ kind: "ratio", series: ["AAPL", "GONE"] });
    expect(r.lines).toEqual([]);
    expect(r.missing).toEqual(["GONE"]);
    const none = build({ range: { preset: "max" } }, { with: [] });
    expect(none.lines).toEqual([]);
    expect(none.missing).toEqual(["SPX"]);
  });

  it("ignores non-finite values and sorts unsorted input", () => {
    const messy: Point[] = [
      { date: "2008-01-03", value: 2 },
      { date: "2008-01-02", value: 1 },
      { date: "2008-01-04", value: Number.NaN },
      { date: "2008-01-07", value: 4 },
    ];
    const d = build({ series: ["X"] }, { with: [{ key: "X", name: "X", unit: "", points: messy }] });
    expect(d.lines[0]!.points).toEqual([
      { date: "2008-01-02", value: 1 },
      { date: "2008-01-03", value: 2 },
      { date: "2008-01-07", value: 4 },
    ]);
    expect(d.yLabel).toBe("Value");
  });
});

describe("chartDataToCsv", () => {
  it("writes RFC 4180 CSV with plain numbers, empty nulls and quoted text", () => {
    const data = build({ series: ["SPX", "EMPTY"], range: { preset: "custom", from: "2008-12-30", to: "2008-12-31" } }, {
      with: [spx, { key: "EMPTY", name: 'Rates, "policy"', unit: "", points: [] }],
    });
    expect(chartDataToCsv(data)).toBe('Date,S&P 500,"Rates, ""policy"""\r\n2008-12-30,890.640015,\r\n2008-12-31,903.25,\r\n');
  });

  it("defuses text a spreadsheet would run as a formula, but keeps negative numbers", () => {
    const data = build({ kind: "return", series: ["X"] }, {
      with: [{ key: "X", name: "=HYPERLINK(\"x\")", unit: "", points: [{ date: "2008-01-02", value: 2 }, { date: "2008-01-03", value: 1 }] }],
    });
    expect(chartDataToCsv(data)).toBe('Date,"\'=HYPERLINK(""x"")"\r\n2008-01-02,0\r\n2008-01-03,-50\r\n');
  });

  it.each([
    ["a formula after a semicolon (European spreadsheets split there)", "Rates;=cmd|' /C calc'!A0", `"Rates;=cmd|' /C calc'!A0"`],
    ["a formula after a tab", "Rates\t@SUM(1+1)", '"Rates\t@SUM(1+1)"'],
    ["a formula after a pipe", "Rates|+1", '"Rates|+1"'],
    ["a formula behind leading blanks", "  =1+1", "'  =1+1"],
    ["a formula behind a quote", '"=1+1', '"\'""=1+1"'],
    ["a full-width equals sign", "\uFF1D1+1", "'\uFF1D1+1"],
  ])("guards %s", (_, name, cell) => {
    const data = build({ kind: "line", series: ["X"] }, { with: [{ key: "X", name, unit: "", points: [{ date: "2008-01-02", value: 2 }] }] });
    expect(chartDataToCsv(data).split("\r\n")[0]).toBe(`Date,${cell}`);
  });
});
