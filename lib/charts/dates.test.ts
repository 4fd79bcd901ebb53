// ISO date helpers: real-date checks, range resolution on a given day, period keys.
import { describe, expect, it } from "vitest";
import { addYears, isRealIsoDate, periodOf, resolveRange } from "./dates";

describe("resolveRange", () => {
  it("YTD runs from 1 January of today's year to today", () => {
    expect(resolveRange({ preset: "ytd" }, "2026-03-17")).toEqual({ from: "2026-01-01", to: "2026-03-17" });
  });

  it("1Y and 5Y start on the same day one and five years earlier", () => {
    expect(resolveRange({ preset: "1y" }, "2026-03-17")).toEqual({ from: "2025-03-17", to: "2026-03-17" });
    expect(resolveRange({ preset: "5y" }, "2026-03-17")).toEqual({ from: "2021-03-17", to: "2026-03-17" });
  });

  it("a year before 29 February is 28 February", () => {
    expect(resolveRange({ preset: "1y" }, "2024-02-29").from).toBe("2023-02-28");
    expect(resolveRange({ preset: "5y" }, "2024-02-29").from).toBe("2019-02-28");
  });

  it("max runs from the first observation, or is empty when nothing is known", () => {
    expect(resolveRange({ preset: "max" }, "2026-03-17", "2000-01-03")).toEqual({ from: "2000-01-03", to: "2026-03-17" });
    expect(resolveRange({ preset: "max" }, "2026-03-17")).toEqual({ from: "2026-03-17", to: "2026-03-17" });
  });

  it("custom keeps its dates and runs to today without an end", () => {
    expect(resolveRange({ preset: "custom", from: "2008-01-01", to: "2008-12-31" }, "2026-03-17")).toEqual({ from: "2008-01-01", to: "2008-12-31" });
    expect(resolveRange({ preset: "custom", from: "2026-01-02" }, "2026-03-17")).toEqual({ from: "2026-01-02", to: "2026-03-17" });
  });
});

describe("periodOf", () => {
  it.each([
    ["2008-09-15", "year", "2008"],
    ["2008-09-15", "quarter", "2008-Q3"],
    ["2008-09-15", "month", "2008-09"],
    ["2008-01-01", "quarter", "2008-Q1"],
    ["2008-03-31", "quarter", "2008-Q1"],
    ["2008-04-01", "quarter", "2008-Q2"],
    ["2008-12-31", "quarter", "2008-Q4"],
  ] as const)("%s by %s is %s", (date, period, key) => {
    expect(periodOf(date, period)).toBe(key);
  });
});

describe("isRealIsoDate and addYears", () => {
  it("knows leap years", () => {
    expect(isRealIsoDate("2000-02-29")).toBe(true);
    expect(isRealIsoDate("2100-02-29")).toBe(false);
    expect(isRealIsoDate("2026-06-31")).toBe(false);
    expect(isRealIsoDate("2026-6-30")).toBe(false);
  });

  it("moves whole years", () => {
    expect(addYears("2020-02-29", 4)).toBe("2024-02-29");
    expect(addYears("2020-02-29", 1)).toBe("2021-02-28");
    expect(addYears("2026-12-31", -10)).toBe("2016-12-31");
  });
});
