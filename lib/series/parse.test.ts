// detectFile and parseObservations on real vega-datasets files and recorded FRED, Yahoo, Stooq and hand-made fixtures.
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFile, ImportFormatError, listColumnValues, MAX_IMPORT_ERRORS_SHOWN, parseObservations, type ParseResult } from "./parse";

const root = path.resolve(import.meta.dirname, "../..");
const vega = (name: string) => readFileSync(path.join(root, "node_modules/vega-datasets/data", name), "utf8");
const fixture = (name: string) => readFileSync(path.join(root, "test/fixtures/series", name), "utf8");

function clean(result: ParseResult): void {
  expect(result.errors).toEqual([]);
  expect(result.errorCount).toBe(0);
}

describe("vega-datasets files", () => {
  it("sp500-2000.csv: a generic file with a date and six numeric columns, imported by its close", () => {
    const text = vega("sp500-2000.csv");
    const file = detectFile(text, "sp500-2000.csv");
    expect(file).toMatchObject({
      format: "generic",
      columns: ["date", "open", "high", "low", "close", "adjclose", "volume"],
      dateColumn: "date",
      valueColumns: ["open", "high", "low", "close", "adjclose", "volume"],
      suggestedKey: null,
      rowCount: 5105,
    });
    expect(file.preview).toHaveLength(20);
    expect(file.preview[0]).toEqual(["2000-01-03", "1469.250000", "1478.000000", "1438.359985", "1455.219971", "1455.219971", "931800000"]);

    const result = parseObservations(text, { dateColumn: "date", valueColumn: "close" });
    clean(result);
    expect(result.observations).toHaveLength(5105);
    expect(result.observations[0]).toEqual({ date: "2000-01-03", value: 1455.219971 });
    expect(result.observations.at(-1)).toEqual({ date: "2020-04-17", value: 2874.560059 });
    expect(result.skippedMissing).toBe(0);
    expect(result.duplicates).toBe(0);
  });

  it("sp500-2000.csv without a mapping imports the adjusted close, the price-like column", () => {
    const result = parseObservations(vega("sp500-2000.csv"));
    expect(result.observations[0]).toEqual({ date: "2000-01-03", value: 1455.219971 });
  });

  it("sp500.csv: dates written `Jan 1 2000`", () => {
    const text = vega("sp500.csv");
    expect(detectFile(text)).toMatchObject({ format: "generic", dateColumn: "date", valueColumns: ["price"], rowCount: 123 });
    const result = parseObservations(text);
    clean(result);
    expect(result.observations).toHaveLength(123);
    expect(result.observations.slice(0, 2)).toEqual([
      { date: "2000-01-01", value: 1394.46 },
      { date: "2000-02-01", value: 1366.42 },
    ]);
    expect(result.observations.at(-1)).toEqual({ date: "2010-03-01", value: 1140.45 });
  });

  it("stocks.csv: five symbols in long form; a filter on `symbol` imports one of them", () => {
    const text = vega("stocks.csv");
    expect(detectFile(text)).toMatchObject({ format: "generic", columns: ["symbol", "date", "price"], dateColumn: "date", valueColumns: ["price"] });
    expect(listColumnValues(text, "symbol")).toEqual(["MSFT", "AMZN", "IBM", "GOOG", "AAPL"]);

    const goog = parseObservations(text, { dateColumn: "date", valueColumn: "price", filter: { column: "symbol", equals: "GOOG" } });
    clean(goog);
    expect(goog.observations).toHaveLength(68);
    expect(goog.observations[0]).toEqual({ date: "2004-08-01", value: 102.37 });

    const unfiltered = parseObservations(text, { dateColumn: "date", valueColumn: "price" });
    expect(unfiltered.errorCount).toBeGreaterThan(100);
    expect(unfiltered.errors[0]!.message).toMatch(/^2000-01-01 appears twice with different values \(39\.81 and /);
  });
});

describe("FRED graph CSV", () => {
  it("reads observation_date,DGS10 with `.` for the days the market was closed", () => {
    const text = fixture("fred-dgs10.csv");
    const file = detectFile(text, "DGS10.csv");
    expect(file).toMatchObject({ format: "fred", columns: ["observation_date", "DGS10"], dateColumn: "observation_date", valueColumns: ["DGS10"], suggestedKey: "DGS10", rowCount: 30 });
    const result = parseObservations(text);
    clean(result);
    expect(result.skippedMissing).toBe(3);
    expect(result.observations).toHaveLength(27);
    expect(result.observations.slice(0, 2)).toEqual([
      { date: "2025-01-02", value: 4.57 },
      { date: "2025-01-03", value: 4.6 },
    ]);
    expect(result.observations.map((o) => o.date)).not.toContain("2025-01-20");
  });

  it("reads the older DATE,<ID> header with CRLF line ends", () => {
    const text = fixture("fred-old-sp500.csv");
    expect(detectFile(text)).toMatchObject({ format: "fred", columns: ["DATE", "SP500"], suggestedKey: "SP500", rowCount: 15 });
    const result = parseObservations(text);
    clean(result);
    expect(result.skippedMissing).toBe(2);
    expect(result.observations.at(-1)).toEqual({ date: "2016-01-08", value: 1922.03 });
  });
});

describe("Yahoo chart JSON", () => {
  it("reads ^RUT: dates in the exchange's offset, adjclose, nulls counted as missing", () => {
    const text = fixture("yahoo-rut.json");
    const file = detectFile(text);
    expect(file).toMatchObject({
      format: "yahoo",
      columns: ["date", "open", "high", "low", "close", "adjclose", "volume"],
      dateColumn: "date",
      valueColumns: ["adjclose", "close", "open", "high", "low", "volume"],
      suggestedKey: "^RUT",
      rowCount: 18,
    });
    expect(file.preview[0]![0]).toBe("2025-12-22");
    const result = parseObservations(text);
    clean(result);
    expect(result.skippedMissing).toBe(1);
    expect(result.observations).toHaveLength(17);
    expect(result.observations.find((o) => o.date === "2026-01-02")).toEqual({ date: "2026-01-02", value: 2508.36 });
    expect(result.observations.map((o) => o.date)).not.toContain("2026-01-08");
  });

  it("imports another column on request", () => {
    const result = parseObservations(fixture("yahoo-rut.json"), { dateColumn: "date", valueColumn: "volume" });
    expect(result.observations[0]).toEqual({ date: "2025-12-22", value: 4100000000 });
  });

  it("refuses Yahoo's 404 answer and JSON that is not a chart", () => {
    expect(() => detectFile(fixture("yahoo-404.json"))).toThrow(/Yahoo's error answer.*No data found, symbol may be delisted/);
    expect(() => parseObservations('{"data": [1, 2]}')).toThrow(ImportFormatError);
    expect(() => parseObservations('{"chart": {"result": [{"timestamp": [1')).toThrow(/cut short/);
  });
});

describe("Stooq CSV", () => {
  it("reads Date,Open,High,Low,Close,Volume by its Close and takes the symbol from the file name", () => {
    const text = fixture("spy_us_d.csv");
    expect(detectFile(text, "spy_us_d.csv")).toMatchObject({ format: "stooq", dateColumn: "Date", suggestedKey: "spy.us", rowCount: 8 });
    expect(detectFile(text, "prices.csv").suggestedKey).toBeNull();
    const result = parseObservations(text);
    clean(result);
    expect(result.observations[0]).toEqual({ date: "2026-01-02", value: 683.17 });
  });

  it("refuses the HTML page Stooq sends when its download limit is reached", () => {
    expect(() => detectFile(fixture("stooq-limit.html"))).toThrow(
      "This file is an HTML page, not CSV data. If it came from Stooq, the download limit may have been reached.",
    );
    expect(() => parseObservations("Exceeded the daily hits limit")).toThrow(/daily download limit/);
  });
});

describe("generic files", () => {
  it("reports each bad row by line, merges an exact duplicate, skips missing values", () => {
    const result = parseObservations(fixture("generic-bad-rows.csv"), { dateColumn: "date", valueColumn: "value" });
    expect(result.errors).toEqual([
      { row: 5, message: "“2000-13-01” is not a date" },
      { row: 6, message: "“abc” is not a number" },
      { row: 8, message: "2000-01-03 appears twice with different values (1.5 and 1.6)" },
      { row: 10, message: "“2000-02-30” is not a date" },
    ]);
    expect(result.errorCount).toBe(4);
    expect(result.duplicates).toBe(1);
    expect(result.skippedMissing).toBe(3);
    expect(result.observations).toEqual([
      { date: "2000-01-03", value: 1.5 },
      { date: "2000-01-04", value: 1234.5 },
      { date: "2000-01-05", value: 2.25 },
    ]);
  });

  it("reports the same errors by line on the unquoted fast path", () => {
    const text = "date,value\n2000-01-03,1\n\n2000-01-32,2\n2000-01-04,x1\n2000-01-05\n,7\n2000-01-04,3\n";
    expect(parseObservations(text).errors).toEqual([
      { row: 4, message: "“2000-01-32” is not a date" },
      { row: 5, message: "“x1” is not a number" },
      { row: 6, message: "the row has 1 of 2 columns" },
      { row: 7, message: "the date is missing" },
    ]);
  });

  it("refuses a row with an unquoted thousands separator rather than read half the number", () => {
    const result = parseObservations("date,value\n2024-01-02,1,234.5\n2024-01-03,7,\n", { dateColumn: "date", valueColumn: "value" });
    expect(result.errors).toEqual([{ row: 2, message: "the row has 3 columns but the header names 2; quote numbers written with a thousands separator" }]);
    expect(result.observations).toEqual([{ date: "2024-01-03", value: 7 }]);
  });

  it("throws nothing but ImportFormatError, whatever the text", () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom("2024-01-02", "1.5", ".", '"', "\n", "\t", ",", "{", "<"));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 30 }).map((cells) => cells.join("")), (text) => {
        for (const run of [() => detectFile(text), () => parseObservations(text), () => parseObservations(`date,value\n${text}`)]) {
          try {
            run();
          } catch (err) {
            expect(err).toBeInstanceOf(ImportFormatError);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it("counts every error but keeps only the first 50 messages", () => {
    const rows = Array.from({ length: 120 }, (_, i) => `2001-01-${String((i % 28) + 1).padStart(2, "0")},bad${i}`);
    const result = parseObservations(`date,value\n${rows.join("\n")}\n`, { dateColumn: "date", valueColumn: "value" });
    expect(result.errorCount).toBe(120);
    expect(result.errors).toHaveLength(MAX_IMPORT_ERRORS_SHOWN);
    expect(result.errors[0]).toEqual({ row: 2, message: "“bad0” is not a number" });
    expect(result.errors.at(-1)!.row).toBe(51);
  });

  it("reads a TSV with a `Period` date column", () => {
    const text = fixture("cpi.tsv");
    expect(detectFile(text)).toMatchObject({ format: "generic", columns: ["Period", "CPI (index)", "Change"], dateColumn: "Period", valueColumns: ["CPI (index)", "Change"] });
    expect(() => parseObservations(text)).toThrow("Choose which column to import: CPI (index), Change.");
    const result = parseObservations(text, { dateColumn: "Period", valueColumn: "CPI (index)" });
    clean(result);
    expect(result.observations.at(-1)).toEqual({ date: "2024-06-01", value: 313.049 });
  });

  it("reads a file with a byte-order mark, CRLF line ends and US dates", () => {
    const text = fixture("bom-crlf.csv");
    expect(detectFile(text)).toMatchObject({ columns: ["Date", "Price"], dateColumn: "Date", rowCount: 5 });
    const result = parseObservations(text);
    clean(result);
    expect(result.observations[0]).toEqual({ date: "2024-01-02", value: 4742.83 });
  });

  it("sorts a file written newest first", () => {
    const result = parseObservations("Date,Close\n2024-01-03,3\n2024-01-02,2\n2024-01-01,1\n");
    expect(result.observations.map((o) => o.value)).toEqual([1, 2, 3]);
  });

  it("reads quoted fields that span lines and still names the right line", () => {
    const text = 'date,value,comment\n2024-01-01,1,"two\nlines"\n2024-01-02,oops,x\n';
    expect(parseObservations(text, { dateColumn: "date", valueColumn: "value" }).errors).toEqual([{ row: 4, message: "“oops” is not a number" }]);
  });

  it("refuses an empty file, a one-column file, an unknown column and a file with no dates", () => {
    expect(() => detectFile("")).toThrow("The file is empty.");
    expect(() => detectFile("\uFEFF \n\n")).toThrow("The file is empty.");
    expect(() => parseObservations("just text\nmore\n")).toThrow(/single column/);
    expect(() => parseObservations("date,value\n2024-01-01,1\n", { dateColumn: "date", valueColumn: "close" })).toThrow("The file has no column “close”; its columns are date, value.");
    expect(() => parseObservations("a,b\nx,1\n")).toThrow(/No column of this file holds dates/);
  });

  it("reports progress at most about 100 times, ending at 1", () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `${1900 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01,${i}`);
    const calls: number[] = [];
    parseObservations(`date,value\n${rows.join("\n")}\n`, undefined, { onProgress: (f) => calls.push(f) });
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.at(-1)).toBe(1);
    expect([...calls].sort((a, b) => a - b)).toEqual(calls);
  });
});

describe("round trip", () => {
  const day = fc.integer({ min: 0, max: 140_000 }).map((n) => new Date(Date.UTC(1800, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
  const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });

  it("any sequence of valid (date, number) rows written as CSV parses back to the same observations", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(day, value), { selector: ([d]) => d, maxLength: 200 }), fc.constantFrom("\n", "\r\n"), fc.constantFrom(",", "\t"), (rows, eol, sep) => {
        const text = `date${sep}value${eol}${rows.map(([d, v]) => `${d}${sep}${v}`).join(eol)}${eol}`;
        const result = parseObservations(text, { dateColumn: "date", valueColumn: "value" });
        expect(result.errors).toEqual([]);
        const expected = [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, v]) => ({ date, value: v === 0 ? 0 : v }));
        expect(result.observations.map((o) => ({ date: o.date, value: o.value === 0 ? 0 : o.value }))).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe("throughput", () => {
  it("parses 1,000,000 generic rows (the figure is logged, not asserted)", () => {
    const start = Date.UTC(1700, 0, 1);
    const lines = new Array<string>(1_000_000);
    for (let i = 0; i < lines.length; i++) {
      const d = Math.floor((i * 9) / 50);
      lines[i] = `${new Date(start + d * 86_400_000).toISOString().slice(0, 10)},${(d * 0.37).toFixed(2)},${i}`;
    }
    const text = `date,value,seq\n${lines.join("\n")}\n`;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = parseObservations(text, { dateColumn: "date", valueColumn: "value" });
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `parseObservations: 1,000,000 rows in ${ms.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU (${Math.round(1e9 / ms).toLocaleString("en-US")} rows/s wall)`,
    );
    expect(result.errorCount).toBe(0);
    expect(result.observations).toHaveLength(180_000);
    expect(result.duplicates).toBe(820_000);
  });
});
