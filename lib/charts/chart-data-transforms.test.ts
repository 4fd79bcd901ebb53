// buildChartData with the analyst's options: moving average, year-over-year, rebased ratio, bands, log scale, last values, legend keys; old specs still parse.
import { describe, expect, it } from "vitest";
import { buildChartData, type ChartInput } from "./chart-data";
import { chartSpecSchema, type ChartSpecInput } from "./spec";

const a: ChartInput = {
  key: "A",
  name: "Alpha",
  unit: "USD",
  points: [
    { date: "2025-01-01", value: 10 },
    { date: "2025-07-01", value: 12 },
    { date: "2026-01-01", value: 15 },
    { date: "2026-07-01", value: 18 },
  ],
};
const b: ChartInput = {
  key: "B",
  name: "Beta",
  unit: "USD",
  points: [
    { date: "2025-01-01", value: 5 },
    { date: "2025-07-01", value: 4 },
    { date: "2026-01-01", value: 5 },
    { date: "2026-07-01", value: 6 },
  ],
};
const all = { preset: "custom", from: "2025-01-01", to: "2026-12-31" } as const;

function build(spec: Partial<ChartSpecInput>) {
  const parsed = chartSpecSchema.parse({ title: "T", kind: "line", series: ["A"], range: all, ...spec });
  return buildChartData(parsed, [a, b], { today: "2026-12-31", width: 800 });
}

describe("transforms in buildChartData", () => {
  it("a moving average over 2 observations: (10+12)/2, (12+15)/2, (15+18)/2", () => {
    const d = build({ transform: { type: "ma", window: 2 } });
    expect(d.lines[0]!.points).toEqual([
      { date: "2025-07-01", value: 11 },
      { date: "2026-01-01", value: 13.5 },
      { date: "2026-07-01", value: 16.5 },
    ]);
    expect(d.yLabel).toBe("USD, 2-observation average");
    expect(d.description).toContain("Line chart of Alpha, moving average over 2 observations");
    expect(d.style).toBe("level");
  });

  it("year over year: 15/10 - 1 = +50%, 18/12 - 1 = +50%", () => {
    const d = build({ transform: { type: "yoy" } });
    expect(d.lines[0]!.points).toEqual([
      { date: "2026-01-01", value: 50 },
      { date: "2026-07-01", value: 50 },
    ]);
    expect(d.style).toBe("percent");
    expect(d.yLabel).toBe("Change from a year earlier, %");
    expect(d.description).toContain("On 2026-07-01 Alpha was 50.0% above its level a year earlier.");
  });

  it("a rebased ratio: A/B is 2, 3, 3, 3 → 100, 150, 150, 150", () => {
    const d = build({ kind: "ratio", series: ["A", "B"], rebase: true });
    expect(d.lines[0]!.points.map((p) => p.value)).toEqual([100, 150, 150, 150]);
    expect(d.yLabel).toBe("Alpha / Beta (2025-01-01 = 100)");
    const plain = build({ kind: "ratio", series: ["A", "B"] });
    expect(plain.lines[0]!.points.map((p) => p.value)).toEqual([2, 3, 3, 3]);
    expect(plain.style).toBe("ratio");
  });

  it("a ratio's moving average applies to the ratio: (2+3)/2, 3, 3", () => {
    const d = build({ kind: "ratio", series: ["A", "B"], transform: { type: "ma", window: 2 } });
    expect(d.lines[0]!.points.map((p) => p.value)).toEqual([2.5, 3, 3]);
  });
});

describe("display options in buildChartData", () => {
  it("carries log scale, last values and legend keys; keeps a band that overlaps the range", () => {
    const d = build({
      scale: "log",
      lastValues: true,
      legend: "key",
      annotations: [
        { date: "2024-06-01", end: "2025-03-01", label: "Slowdown" },
        { date: "2024-06-01", label: "Before the range" },
        { date: "2026-02-01", label: "Event" },
      ],
    });
    expect(d.scale).toBe("log");
    expect(d.lastValues).toBe(true);
    expect(d.legend).toBe("key");
    expect(d.annotations).toEqual([
      { date: "2024-06-01", end: "2025-03-01", label: "Slowdown" },
      { date: "2026-02-01", label: "Event" },
    ]);
  });
});

describe("spec compatibility", () => {
  it("a spec saved before these options parses unchanged, with none of them set", () => {
    const old = { title: "Old", kind: "rebased", series: ["SPX"], range: { preset: "5y" }, annotations: [{ date: "2020-03-23", label: "Low" }] };
    const parsed = chartSpecSchema.parse(old);
    expect(parsed).toEqual({ ...old, description: "" });
  });

  it("refuses a band that ends before it starts and a moving average of 1", () => {
    const band = chartSpecSchema.safeParse({ title: "T", kind: "line", series: ["A"], range: all, annotations: [{ date: "2026-02-01", end: "2026-01-01", label: "x" }] });
    expect(band.success).toBe(false);
    expect(band.error!.issues[0]!.message).toBe("A band's end date must be on or after its start date.");
    const ma = chartSpecSchema.safeParse({ title: "T", kind: "line", series: ["A"], range: all, transform: { type: "ma", window: 1 } });
    expect(ma.error!.issues[0]!.message).toBe("A moving average needs a window of at least 2 observations.");
  });
});
