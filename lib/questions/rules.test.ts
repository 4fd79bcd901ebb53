// Data rules evaluated on real prices (vega-datasets: daily S&P 500 closes, monthly S&P 500 and MSFT), values checked by hand in the CSVs.
import { describe, expect, it } from "vitest";
import { type Point } from "@/lib/charts/align";
import { sp500Daily, sp500Monthly, stockMonthly } from "@/lib/charts/sp500-fixture";
import { addDays, evaluateRule } from "./rules";
import { dataRuleSchema, type DataRule } from "./spec";

// Rows used below.
// sp500-2000.csv (date, close): 2007-12-31 1468.359985   2008-12-24 868.150024 (2008-12-25 Christmas: closed)
//   2008-12-26 872.799988 (Friday; 2008-12-27 is a Saturday)   2008-12-31 903.250000   2020-04-17 2874.560059 (last row)
// sp500.csv (monthly): Jan 1 2001 1366.01, Dec 1 2001 1148.08
// stocks.csv MSFT (monthly): Jan 1 2001 24.84, Dec 1 2001 26.95
const series: Record<string, Point[]> = { SPX: sp500Daily(), SPXM: sp500Monthly(), MSFT: stockMonthly("MSFT") };
const names = { SPX: "S&P 500", SPXM: "S&P 500 (monthly)", MSFT: "Microsoft" };
const rule = (r: unknown): DataRule => dataRuleSchema.parse(r);

describe("evaluateRule: returns", () => {
  it("S&P 500 return over 2008 below 0: yes, from the 2007-12-31 close 1468.36 to the 2008-12-31 close 903.25", () => {
    const r = rule({ type: "return-threshold", a: "SPX", from: "2008-01-01", to: "2008-12-31", op: "<", threshold: 0 });
    const result = evaluateRule(r, series, { today: "2026-01-10", names });
    expect(result.status).toBe("resolved");
    if (result.status !== "resolved") return;
    expect(result.outcome).toBe(1);
    const v = result.evidence.values;
    expect(v["SPX.startDate"]).toBe("2007-12-31");
    expect(v["SPX.start"]).toBeCloseTo(1468.36, 2);
    expect(v["SPX.endDate"]).toBe("2008-12-31");
    expect(v["SPX.end"]).toBe(903.25);
    // 903.25 / 1468.359985 − 1 = −0.38485793 → −38.485793%
    expect(v["SPX.returnPct"]).toBeCloseTo(-38.485793, 5);
    expect(v.thresholdPct).toBe(0);
    expect(result.evidence.description).toBe(
      "S&P 500 return from 2008-01-01 to 2008-12-31 below 0%: yes. S&P 500 -38.49% (1,468.36 on 2007-12-31 to 903.25 on 2008-12-31).",
    );
  });

  it("the same return above -30%: no", () => {
    const r = rule({ type: "return-threshold", a: "SPX", from: "2008-01-01", to: "2008-12-31", op: ">", threshold: -30 });
    expect(evaluateRule(r, series, { today: "2026-01-10" })).toMatchObject({ status: "resolved", outcome: 0 });
  });

  it("MSFT return over 2001 above S&P 500 return (monthly prices): yes", () => {
    // MSFT: 26.95 / 24.84 − 1 = +8.494%;  S&P 500: 1148.08 / 1366.01 − 1 = −15.954%  → +8.49% > −15.95%: yes
    const r = rule({ type: "return-compare", a: "MSFT", b: "SPXM", from: "2001-01-01", to: "2001-12-31", op: ">" });
    const result = evaluateRule(r, series, { today: "2026-01-10", names });
    expect(result).toMatchObject({ status: "resolved", outcome: 1 });
    if (result.status !== "resolved") return;
    expect(result.evidence.values).toMatchObject({
      "MSFT.startDate": "2001-01-01",
      "MSFT.start": 24.84,
      "MSFT.endDate": "2001-12-01",
      "MSFT.end": 26.95,
      "SPXM.startDate": "2001-01-01",
      "SPXM.start": 1366.01,
      "SPXM.endDate": "2001-12-01",
      "SPXM.end": 1148.08,
    });
    expect(result.evidence.values["MSFT.returnPct"]).toBeCloseTo(8.494364, 5);
    expect(result.evidence.values["SPXM.returnPct"]).toBeCloseTo(-15.953763, 5);
    expect(result.evidence.description).toMatch(/^Microsoft return from 2001-01-01 to 2001-12-31 above S&P 500 \(monthly\) return: yes\. Microsoft 8\.49% /);

    const below = rule({ type: "return-compare", a: "MSFT", b: "SPXM", from: "2001-01-01", to: "2001-12-31", op: "<" });
    expect(evaluateRule(below, series, { today: "2026-01-10" })).toMatchObject({ status: "resolved", outcome: 0 });
  });

  it("waits when the end date is after the data ends, naming the latest date", () => {
    const r = rule({ type: "return-compare", a: "SPX", b: "SPXM", from: "2021-01-01", to: "2021-06-30", op: ">" });
    expect(evaluateRule(r, series, { today: "2021-07-15", names })).toEqual({
      status: "waiting",
      reason: "S&P 500 has no value on or after 2021-06-30 yet (latest 2020-04-17).",
    });
  });

  it("waits when a series has no value on or before the start date, or no data at all", () => {
    const early = rule({ type: "return-threshold", a: "SPX", from: "1999-01-01", to: "2000-12-31", op: ">", threshold: 0 });
    expect(evaluateRule(early, series, { today: "2026-01-10", names })).toEqual({
      status: "waiting",
      reason: "S&P 500 has no value on or before 1999-01-01 to measure a return from (its data starts 2000-01-03).",
    });
    const missing = rule({ type: "return-compare", a: "SPX", b: "RUT", from: "2008-01-01", to: "2008-12-31", op: ">" });
    expect(evaluateRule(missing, series, { today: "2026-01-10", names: { ...names, RUT: "Russell 2000" } })).toEqual({
      status: "waiting",
      reason: "Russell 2000 has no data yet.",
    });
  });
});

describe("evaluateRule: values on a date", () => {
  it("a holiday or weekend reads the last close before it", () => {
    // 2008-12-25 (Christmas) → 2008-12-24 close 868.15, not above 870: no
    const xmas = rule({ type: "value-threshold", a: "SPX", date: "2008-12-25", op: ">", threshold: 870 });
    const r1 = evaluateRule(xmas, series, { today: "2026-01-10", names });
    expect(r1).toMatchObject({ status: "resolved", outcome: 0, evidence: { values: { "SPX.date": "2008-12-24", "SPX.value": 868.150024, threshold: 870 } } });
    // 2008-12-27 (Saturday) → 2008-12-26 close 872.80, above 870: yes
    const sat = rule({ type: "value-threshold", a: "SPX", date: "2008-12-27", op: ">", threshold: 870 });
    const r2 = evaluateRule(sat, series, { today: "2026-01-10", names });
    expect(r2).toMatchObject({ status: "resolved", outcome: 1, evidence: { values: { "SPX.date": "2008-12-26", "SPX.value": 872.799988 } } });
    if (r2.status === "resolved") expect(r2.evidence.description).toBe("S&P 500 on 2008-12-27 above 870: yes (S&P 500 was 872.8 on 2008-12-26).");
  });

  it("comparison operators, ties included", () => {
    const at = (op: string, threshold: number) =>
      evaluateRule(rule({ type: "value-threshold", a: "SPX", date: "2008-12-31", op, threshold }), series, { today: "2026-01-10" });
    expect(at(">=", 903.25)).toMatchObject({ outcome: 1 });
    expect(at(">", 903.25)).toMatchObject({ outcome: 0 });
    expect(at("<=", 903.25)).toMatchObject({ outcome: 1 });
    expect(at("<", 903.25)).toMatchObject({ outcome: 0 });
  });

  it("value-on-date gives the value as the numeric outcome", () => {
    const r = rule({ type: "value-on-date", a: "SPX", date: "2008-12-31" });
    expect(evaluateRule(r, series, { today: "2026-01-10" })).toMatchObject({ status: "resolved", outcome: 903.25 });
  });

  it("finality at the end of the data: the day must be over, or a weekend must be past the grace days", () => {
    // The data ends Friday 2020-04-17.
    const fri = rule({ type: "value-on-date", a: "SPX", date: "2020-04-17" });
    expect(evaluateRule(fri, series, { today: "2020-04-17", names })).toEqual({
      status: "waiting",
      reason: "S&P 500's value for 2020-04-17 is not final until the day is over (today is 2020-04-17).",
    });
    expect(evaluateRule(fri, series, { today: "2020-04-18" })).toMatchObject({ status: "resolved", outcome: 2874.560059 });

    // Sunday 2020-04-19: waits for Monday's close, or until more than 7 days have passed (after 2020-04-26).
    const sun = rule({ type: "value-on-date", a: "SPX", date: "2020-04-19" });
    expect(evaluateRule(sun, series, { today: "2020-04-20", names })).toEqual({
      status: "waiting",
      reason: "S&P 500 has no value on or after 2020-04-19 yet (latest 2020-04-17).",
    });
    expect(evaluateRule(sun, series, { today: "2020-04-26" })).toMatchObject({ status: "waiting" });
    expect(evaluateRule(sun, series, { today: "2020-04-27" })).toMatchObject({
      status: "resolved",
      outcome: 2874.560059,
      evidence: { values: { "SPX.date": "2020-04-17" } },
    });
    expect(evaluateRule(sun, series, { today: "2020-04-22", graceDays: 2 })).toMatchObject({ status: "resolved" }); // 04-17 is 2 days before 04-19; 04-22 > 04-19 + 2
    expect(evaluateRule(sun, series, { today: "2020-04-30", graceDays: 1 })).toMatchObject({ status: "waiting" }); // 04-17 is more than 1 day before 04-19

    // A month after the data ends is stale however late it is.
    const stale = rule({ type: "value-on-date", a: "SPX", date: "2020-05-29" });
    expect(evaluateRule(stale, series, { today: "2030-01-01" })).toMatchObject({ status: "waiting" });
  });

  it("sorts unsorted points before reading them", () => {
    const pts = [
      { date: "2026-01-05", value: 3 },
      { date: "2026-01-02", value: 1 },
      { date: "2026-01-06", value: 4 },
    ];
    const r = rule({ type: "value-on-date", a: "X", date: "2026-01-05" });
    expect(evaluateRule(r, { X: pts }, { today: "2026-01-07" })).toMatchObject({ status: "resolved", outcome: 3 });
  });
});

describe("addDays", () => {
  it("crosses months, years and leap days", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(addDays("2020-04-19", 7)).toBe("2020-04-26");
  });
});
