// A question on its data: the rule's chart spec, its lines, the overlay on other charts, and where the rule stands.
import { describe, expect, it } from "vitest";
import type { ChartData } from "@/lib/charts/chart-data";
import type { ChartSpec } from "@/lib/charts/spec";
import { questionOverlay, ruleChartOverlay, ruleChartSpec, ruleStanding, withOverlay } from "./rule-chart";
import type { DataRule } from "./spec";

const compare: DataRule = { type: "return-compare", a: "RUT", b: "SPX", from: "2026-01-02", to: "2026-12-31", op: ">" };
const threshold: DataRule = { type: "value-threshold", a: "RUT", date: "2026-06-30", op: ">=", threshold: 2500 };

function data(lines: ChartData["lines"], kind: ChartData["kind"] = "return"): ChartData {
  return { kind, title: "t", description: "", from: "2026-01-02", to: "2026-03-02", yLabel: "", lines, bars: [], annotations: [], table: { columns: [], rows: [] }, missing: [] };
}

describe("ruleChartSpec", () => {
  it("draws both series' returns since the start of a comparison, up to today while it runs", () => {
    expect(ruleChartSpec({ title: "Small caps?", rule: compare }, "2026-03-02")).toMatchObject({ kind: "return", series: ["RUT", "SPX"], since: "2026-01-02", range: { preset: "custom", from: "2025-12-19" } });
    expect(ruleChartSpec({ title: "Small caps?", rule: compare }, "2027-02-01").range).toEqual({ preset: "custom", from: "2025-12-19", to: "2026-12-31" });
  });

  it("draws a value rule's series over the year before its date", () => {
    expect(ruleChartSpec({ title: "2,500?", rule: threshold }, "2026-03-02")).toMatchObject({ kind: "line", series: ["RUT"], range: { preset: "custom", from: "2025-03-02" } });
  });
});

describe("ruleChartOverlay", () => {
  it("labels the threshold and the dates, joining dates that coincide", () => {
    expect(ruleChartOverlay({ resolveBy: "2026-06-30", rule: threshold })).toEqual({ guides: [{ value: 2500, label: "Yes at or above 2,500.00" }], annotations: [{ date: "2026-06-30", label: "Read on · Resolve by" }] });
    expect(ruleChartOverlay({ resolveBy: "2027-01-15", rule: compare }).annotations.map((a) => a.label)).toEqual(["Start", "End", "Resolve by"]);
  });
});

describe("questionOverlay", () => {
  const line: ChartSpec = { title: "RUT", description: "", kind: "line", series: ["RUT"], range: { preset: "ytd" }, annotations: [] };
  it("draws a level threshold on a line chart of its series, and the resolve-by date, with the question's title", () => {
    const overlay = questionOverlay(line, [{ id: "q1", title: "Will the Russell 2000 reach 2,500 by June?", resolveBy: "2026-07-01", rule: threshold }]);
    expect(overlay.guides).toEqual([{ value: 2500, label: "Will the Russell 2000 reach 2,500…: at or above 2,500.00" }]);
    expect(overlay.annotations).toEqual([{ date: "2026-07-01", label: "Will the Russell 2000 reach 2,500… · resolve by" }]);
  });

  it("leaves the threshold out where the chart reads in other terms", () => {
    expect(questionOverlay({ ...line, kind: "rebased" }, [{ id: "q1", title: "Q", resolveBy: "2026-07-01", rule: threshold }]).guides).toEqual([]);
    expect(questionOverlay({ ...line, series: ["SPX"] }, [{ id: "q1", title: "Q", resolveBy: "2026-07-01", rule: threshold }]).guides).toEqual([]);
  });

  it("adds dated lines from the chart's first date on, and no guides to bars", () => {
    const d = withOverlay(data([]), { guides: [{ value: 1, label: "x" }], annotations: [{ date: "2025-12-31", label: "old" }, { date: "2026-12-31", label: "new" }] });
    expect(d.annotations).toEqual([{ date: "2026-12-31", label: "new" }]);
    expect(d.guides).toEqual([{ value: 1, label: "x" }]);
    expect(withOverlay(data([], "bars"), { guides: [{ value: 1, label: "x" }], annotations: [] }).guides).toBeUndefined();
  });
});

describe("ruleStanding", () => {
  it("compares the two returns so far", () => {
    const d = data([
      { key: "RUT", name: "Russell 2000", points: [{ date: "2026-03-02", value: 5.2 }] },
      { key: "SPX", name: "S&P 500", points: [{ date: "2026-03-02", value: 1.1 }] },
    ]);
    expect(ruleStanding(compare, d, { RUT: "Russell 2000", SPX: "S&P 500" })).toBe("Through 2026-03-02: Russell 2000 +5.2%, S&P 500 +1.1%. Yes needs Russell 2000 above S&P 500; if it ended there: Yes.");
    expect(ruleStanding(compare, data([]))).toBeNull();
  });
});
