// A rule's evidence in rows and sentences: IBM (monthly) against the S&P 500 (daily), 2000–2002.
import { describe, expect, it } from "vitest";
import { evidenceView, inferFrequency } from "./evidence";

const ibmVsSpx = {
  "IBM.frequency": "monthly",
  "IBM.startDate": "2000-01-01",
  "IBM.start": 100.52,
  "IBM.endDate": "2002-12-01",
  "IBM.end": 70.58,
  "IBM.returnPct": -29.7851,
  "SPX.frequency": "daily",
  "SPX.startDate": "2000-01-03",
  "SPX.start": 1455.22,
  "SPX.endDate": "2002-12-31",
  "SPX.end": 879.82,
  "SPX.returnPct": -39.5404,
};

describe("evidenceView", () => {
  it("gives a row per series with formatted numbers and names", () => {
    const v = evidenceView(ibmVsSpx, { SPX: "S&P 500" });
    expect(v.legs).toEqual([
      { key: "IBM", name: "IBM", frequency: "monthly", startDate: "2000-01-01", start: "100.52", endDate: "2002-12-01", end: "70.58", returnPct: "-29.8%" },
      { key: "SPX", name: "S&P 500", frequency: "daily", startDate: "2000-01-03", start: "1,455.22", endDate: "2002-12-31", end: "879.82", returnPct: "-39.5%" },
    ]);
  });

  it("says when the frequencies and the dates differ", () => {
    const v = evidenceView(ibmVsSpx, { SPX: "S&P 500" });
    expect(v.caveats).toEqual([
      "The series are observed at different frequencies: IBM monthly and S&P 500 daily, so the coarser one's return runs between its own observation dates.",
      "The values come from different dates: IBM from 2000-01-01 to 2002-12-01 and S&P 500 from 2000-01-03 to 2002-12-31.",
    ]);
  });

  it("has no caveat when the series line up, and reads evidence stored before frequencies were kept", () => {
    const old = { "A.startDate": "2025-12-31", "A.start": 10, "A.endDate": "2026-12-31", "A.end": 11, "A.returnPct": 10, "B.startDate": "2025-12-31", "B.start": 5, "B.endDate": "2026-12-31", "B.end": 5, "B.returnPct": 0 };
    const v = evidenceView(old);
    expect(v.caveats).toEqual([]);
    expect(v.legs[0]!.returnPct).toBe("+10.0%");
    expect(v.legs[0]!.frequency).toBeUndefined();
  });

  it("shows a threshold and a value on a date", () => {
    const v = evidenceView({ "SPX.date": "2008-12-31", "SPX.value": 903.25, threshold: 1000 });
    expect(v.legs).toEqual([{ key: "SPX", name: "SPX", date: "2008-12-31", value: "903.25" }]);
    expect(v.others).toEqual([{ label: "Threshold", text: "1,000.00" }]);
    expect(evidenceView({ thresholdPct: 5 }).others).toEqual([{ label: "Threshold", text: "5.0%" }]);
  });
});

describe("inferFrequency", () => {
  const series = (dates: string[]) => dates.map((date) => ({ date, value: 1 }));
  it("reads daily (weekends skipped), weekly, monthly, quarterly and yearly data", () => {
    expect(inferFrequency(series(["2026-01-02", "2026-01-05", "2026-01-06", "2026-01-07"]))).toBe("daily");
    expect(inferFrequency(series(["2026-01-02", "2026-01-09", "2026-01-16"]))).toBe("weekly");
    expect(inferFrequency(series(["2026-01-01", "2026-02-01", "2026-03-01"]))).toBe("monthly");
    expect(inferFrequency(series(["2026-01-01", "2026-04-01", "2026-07-01"]))).toBe("quarterly");
    expect(inferFrequency(series(["2024-01-01", "2025-01-01", "2026-01-01"]))).toBe("yearly");
    expect(inferFrequency(series(["2026-01-01"]))).toBeUndefined();
  });
  it("looks only between from and to", () => {
    expect(inferFrequency(series(["2025-01-01", "2025-02-01", "2026-01-02", "2026-01-05", "2026-01-06"]), "2026-01-01")).toBe("daily");
  });
});
