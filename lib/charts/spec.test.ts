// ChartSpec validation: defaults, and the message each kind of bad input gets.
import { describe, expect, it } from "vitest";
import { CHART_KINDS, chartSpecSchema, isoDateSchema, RANGE_PRESETS, type ChartSpecInput } from "./spec";

const valid: ChartSpecInput = {
  title: "  Small caps against large caps  ",
  kind: "rebased",
  series: ["RUT", "SPX"],
  range: { preset: "ytd" },
};

function issues(input: unknown) {
  const result = chartSpecSchema.safeParse(input);
  if (result.success) return null;
  return result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("chartSpecSchema", () => {
  it("accepts a minimal spec and fills the defaults", () => {
    const spec = chartSpecSchema.parse(valid);
    expect(spec).toEqual({
      title: "Small caps against large caps",
      description: "",
      kind: "rebased",
      series: ["RUT", "SPX"],
      range: { preset: "ytd" },
      annotations: [],
    });
  });

  it("accepts a full spec with a custom range, since, period and annotations", () => {
    const spec = chartSpecSchema.parse({
      ...valid,
      kind: "bars",
      description: " Yearly returns ",
      series: ["sp500.close", "US_10Y-yield"],
      range: { preset: "custom", from: "2007-01-01", to: "2009-12-31" },
      since: "2008-01-01",
      period: "quarter",
      annotations: [{ date: "2008-09-15", label: " Lehman files " }],
    });
    expect(spec.description).toBe("Yearly returns");
    expect(spec.annotations).toEqual([{ date: "2008-09-15", label: "Lehman files" }]);
    expect(spec.range).toEqual({ preset: "custom", from: "2007-01-01", to: "2009-12-31" });
  });

  it("accepts a custom range without an end date, and one that starts and ends the same day", () => {
    expect(issues({ ...valid, range: { preset: "custom", from: "2024-02-29" } })).toBeNull();
    expect(issues({ ...valid, range: { preset: "custom", from: "2024-02-29", to: "2024-02-29" } })).toBeNull();
  });

  it.each<[string, unknown, string, RegExp]>([
    ["an empty title", { ...valid, title: "   " }, "title", /Give the chart a title/],
    ["a long title", { ...valid, title: "x".repeat(201) }, "title", /200 characters/],
    ["an unknown kind", { ...valid, kind: "pie" }, "kind", /Choose a chart kind/],
    ["no series", { ...valid, series: [] }, "series", /at least one series/],
    ["nine series", { ...valid, series: ["a", "b", "c", "d", "e", "f", "g", "h", "i"] }, "series", /at most 8 series/],
    ["a bad series key", { ...valid, series: ["-SPX"] }, "series.0", /"-SPX" is not a series key/],
    ["a duplicate series", { ...valid, series: ["SPX", "RUT", "SPX"] }, "series.2", /"SPX" is listed twice/],
    ["a ratio of one series", { ...valid, kind: "ratio", series: ["RUT"] }, "series", /exactly two series: the numerator first/],
    ["a ratio of three series", { ...valid, kind: "ratio", series: ["A", "B", "C"] }, "series", /exactly two series/],
    ["from after to", { ...valid, range: { preset: "custom", from: "2026-03-01", to: "2026-01-01" } }, "range.to", /start date must be on or before the end date/],
    ["30 February", { ...valid, range: { preset: "custom", from: "2026-02-30" } }, "range.from", /2026-02-30 is not a real calendar date/],
    ["29 February in a common year", { ...valid, since: "2025-02-29" }, "since", /2025-02-29 is not a real calendar date/],
    ["a date written the US way", { ...valid, since: "01/02/2026" }, "since", /YYYY-MM-DD/],
    ["an unknown preset", { ...valid, range: { preset: "2y" } }, "range.preset", /Choose a range/],
    ["no range", { ...valid, range: undefined }, "range", /Choose a range/],
    ["an unknown period", { ...valid, kind: "bars", period: "week" }, "period", /month, quarter or year/],
    [
      "too many annotations",
      { ...valid, annotations: Array.from({ length: 21 }, (_, i) => ({ date: `2026-01-${String(i + 1).padStart(2, "0")}`, label: `Event ${i}` })) },
      "annotations",
      /at most 20 annotations/,
    ],
    ["an empty annotation label", { ...valid, annotations: [{ date: "2026-01-02", label: " " }] }, "annotations.0.label", /Give the annotation a label/],
    ["a long annotation label", { ...valid, annotations: [{ date: "2026-01-02", label: "x".repeat(81) }] }, "annotations.0.label", /80 characters/],
    ["a long description", { ...valid, description: "x".repeat(1001) }, "description", /1000 characters/],
  ])("refuses %s", (_name, input, path, message) => {
    const found = issues(input);
    expect(found).not.toBeNull();
    expect(found).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it("has a label for every kind and range preset", () => {
    expect(Object.keys(CHART_KINDS)).toEqual(["line", "rebased", "return", "ratio", "bars"]);
    expect(CHART_KINDS.ratio).toBe("Ratio of two series");
    expect(Object.keys(RANGE_PRESETS)).toEqual(["ytd", "1y", "5y", "max", "custom"]);
  });
});

describe("isoDateSchema", () => {
  it.each(["2024-02-29", "2000-02-29", "2026-12-31", "1999-01-01"])("accepts %s", (d) => {
    expect(isoDateSchema.parse(d)).toBe(d);
  });

  it.each(["1900-02-29", "2026-02-29", "2026-04-31", "2026-13-01", "2026-00-10", "2026-1-2", "20260102", ""])("refuses %j", (d) => {
    expect(isoDateSchema.safeParse(d).success).toBe(false);
  });
});

describe("chartSpecSchema: overlaid questions", () => {
  it("accepts up to five question ids", () => {
    expect(chartSpecSchema.parse({ ...valid, questions: ["q1", "q2"] }).questions).toEqual(["q1", "q2"]);
    expect(chartSpecSchema.parse(valid).questions).toBeUndefined();
  });

  it("refuses a repeated id, too many, or something that is not an id", () => {
    expect(issues({ ...valid, questions: ["q1", "q1"] })).toEqual([{ path: "questions", message: "A question is overlaid twice; overlay each question once." }]);
    expect(issues({ ...valid, questions: ["a", "b", "c", "d", "e", "f"] })).toEqual([{ path: "questions", message: "A chart can overlay at most 5 questions; remove some." }]);
    expect(issues({ ...valid, questions: ["Not An Id"] })).toEqual([{ path: "questions.0", message: "A question to overlay is given by its id." }]);
    expect(issues({ ...valid, questions: "q1" })).toEqual([{ path: "questions", message: "The questions to overlay must be a list of question ids." }]);
  });
});
