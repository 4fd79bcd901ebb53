// parseBulk: long and wide files of many series, the layout detected, keys checked, problems counted per series and per row.
import { describe, expect, it } from "vitest";
import { bulkMappingOf, keyFromLabel, parseBulk } from "./bulk";
import { inferFrequency } from "./frequency";

const LONG = "date,symbol,close\n2026-01-05,IWM,250.1\n2026-01-05,SPY,690.2\n2026-01-06,IWM,252.3\n2026-01-06,SPY,691\n2026-01-07,IWM,.\n";
const WIDE = "date,IWM,SPY\n2026-01-05,250.1,690.2\n2026-01-06,252.3,691\n2026-01-07,,692.5\n";

describe("parseBulk", () => {
  it("reads a long file into one series per symbol", () => {
    const r = parseBulk(LONG);
    expect(r.mapping).toEqual({ layout: "long", dateColumn: "date", keyColumn: "symbol", valueColumn: "close" });
    expect(r.errorCount).toBe(0);
    expect(r.series.map((s) => [s.key, s.result.observations.length, s.result.skippedMissing])).toEqual([
      ["IWM", 2, 1],
      ["SPY", 2, 0],
    ]);
    expect(r.series[1]!.result.observations).toEqual([
      { date: "2026-01-05", value: 690.2 },
      { date: "2026-01-06", value: 691 },
    ]);
  });

  it("reads a wide file into one series per numeric column", () => {
    const r = parseBulk(WIDE);
    expect(r.mapping).toEqual({ layout: "wide", dateColumn: "date", valueColumns: ["IWM", "SPY"] });
    expect(r.series.map((s) => [s.key, s.result.observations.length])).toEqual([
      ["IWM", 2],
      ["SPY", 3],
    ]);
  });

  it("reads the real monthly stocks file of vega-datasets as five series", async () => {
    const fs = await import("node:fs");
    const text = fs.readFileSync("node_modules/vega-datasets/data/stocks.csv", "utf8");
    const r = parseBulk(text);
    expect(r.errorCount).toBe(0);
    expect(r.series.map((s) => s.key).sort()).toEqual(["AAPL", "AMZN", "GOOG", "IBM", "MSFT"]);
    expect(r.series.find((s) => s.key === "MSFT")!.result.observations).toHaveLength(123);
  });

  it("counts a symbol that is no series key, a bad date and a conflicting date as problems", () => {
    const r = parseBulk("date,symbol,close\n2026-01-05,S&P 500,10\n2026-13-01,IWM,1\n2026-01-05,IWM,2\n2026-01-05,IWM,3\n");
    expect(r.errorCount).toBe(3);
    expect(r.series.find((s) => s.label === "S&P 500")!.keyError).toMatch(/is not a series key/);
    const iwm = r.series.find((s) => s.key === "IWM")!;
    expect(iwm.result.errors.map((e) => e.row)).toEqual([3, 5]);
  });

  it("refuses two labels that make the same key, and a wide cell that is not a number", () => {
    expect(parseBulk("date,symbol,close\n2026-01-05,^RUT,1\n2026-01-05,RUT,2\n").series[1]!.keyError).toMatch(/would both be the series RUT/);
    const r = parseBulk("date,IWM,SPY\n2026-01-05,1,2\n2026-01-06,1,x\n2026-01-07,1,3\n");
    expect(r.errorCount).toBe(1);
    expect(r.series[1]!.result.errors[0]!.message).toMatch(/SPY: “x” is not a number/);
  });

  it("says when a file holds one series", () => {
    expect(bulkMappingOf("date,close\n2026-01-05,1\n")).toEqual({ layout: "wide", dateColumn: "date", valueColumns: ["close"] });
    expect(bulkMappingOf(LONG)).toMatchObject({ layout: "long", keyColumn: "symbol" });
    expect(() => parseBulk("date,note\n2026-01-05,hello\n")).toThrow(/no column holds numbers/);
  });

  it("makes keys from symbols and guesses a frequency", () => {
    expect(keyFromLabel(" ^RUT ")).toBe("RUT");
    expect(keyFromLabel("Close Price")).toBe("Close-Price");
    expect(inferFrequency(["2026-01-05", "2026-01-06", "2026-01-07"])).toBe("daily");
    expect(inferFrequency(["2026-01-01", "2026-02-01", "2026-03-01"])).toBe("monthly");
    expect(inferFrequency(["2026-01-01"])).toBe("irregular");
  });
});
