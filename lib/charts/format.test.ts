// Chart numbers for reading: levels, percents and ratios.
import { describe, expect, it } from "vitest";
import { formatChartValue, formatLevel, formatPercentValue, formatRatio } from "./format";

describe("formatLevel", () => {
  it("gives a level two decimals and thousands separators", () => {
    expect(formatLevel(94.8565)).toBe("94.86");
    expect(formatLevel(6843.125)).toBe("6,843.13");
    expect(formatLevel(1455.219971)).toBe("1,455.22");
    expect(formatLevel(100)).toBe("100.00");
    expect(formatLevel(-29.7851)).toBe("-29.79");
  });
  it("keeps four significant places below 1, and reads 0 and non-finite values", () => {
    expect(formatLevel(0.0421345)).toBe("0.04213");
    expect(formatLevel(0.5)).toBe("0.5");
    expect(formatLevel(0)).toBe("0");
    expect(formatLevel(Number.NaN)).toBe("–");
  });
});

describe("formatPercentValue", () => {
  it("gives one decimal, two below 1% in size, with an optional plus sign", () => {
    expect(formatPercentValue(-29.7851)).toBe("-29.8%");
    expect(formatPercentValue(4.25, true)).toBe("+4.3%");
    expect(formatPercentValue(0.4567)).toBe("0.46%");
    expect(formatPercentValue(1234.5)).toBe("1,234.5%");
    expect(formatPercentValue(0, true)).toBe("0.0%");
  });
});

describe("formatRatio", () => {
  it("keeps four significant places", () => {
    expect(formatRatio(0.137912)).toBe("0.1379");
    expect(formatRatio(12.3456)).toBe("12.35");
    expect(formatRatio(1234.56)).toBe("1,235");
    expect(formatRatio(0)).toBe("0");
  });
});

describe("formatChartValue", () => {
  it("picks the style", () => {
    expect(formatChartValue(94.8565, "level")).toBe("94.86");
    expect(formatChartValue(94.8565, "percent")).toBe("94.9%");
    expect(formatChartValue(0.137912, "ratio")).toBe("0.1379");
  });
});
