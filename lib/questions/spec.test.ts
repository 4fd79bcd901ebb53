// Question, forecast, resolution and data-rule input rules: what passes, and the message a person sees when it does not.
import { describe, expect, it } from "vitest";
import {
  dataRuleSchema,
  describeRule,
  forecastInputSchema,
  forecastSchemaFor,
  numericForecastSchema,
  questionInputSchema,
  resolutionInputSchema,
  resolutionKindError,
  resolutionOutcome,
  ruleEndDate,
  type DataRule,
} from "./spec";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

const binary = {
  title: "  Will small caps beat large caps in 2026?  ",
  criteria: "Russell 2000 total return over 2026 above the S&P 500's.",
  resolveBy: "2026-12-31",
  kind: "binary",
};

describe("questionInputSchema", () => {
  it("accepts a binary question and applies defaults", () => {
    const q = questionInputSchema.parse({ ...binary, tags: ["Small-Caps", "small-caps", "rotation"] });
    expect(q).toMatchObject({ title: "Will small caps beat large caps in 2026?", details: "", unit: "", tags: ["small-caps", "rotation"] });
    expect(q.rangeMin).toBeUndefined();
  });

  it("accepts a numeric question with a range and a unit", () => {
    const q = questionInputSchema.parse({
      ...binary,
      title: "How many Fed rate cuts in 2026?",
      kind: "numeric",
      unit: "cuts",
      rangeMin: 0,
      rangeMax: 8,
    });
    expect(q).toMatchObject({ kind: "numeric", unit: "cuts", rangeMin: 0, rangeMax: 8 });
  });

  it("says what is missing", () => {
    expect(messages(questionInputSchema.safeParse({ ...binary, title: "   " }))).toEqual(["Give the question a title."]);
    expect(messages(questionInputSchema.safeParse({ ...binary, criteria: "" }))).toEqual([
      "Write the resolution criteria: what has to happen for the question to resolve, and how.",
    ]);
    expect(messages(questionInputSchema.safeParse({ ...binary, resolveBy: "2026-02-30" }))).toEqual(["2026-02-30 is not a real calendar date."]);
    expect(messages(questionInputSchema.safeParse({ ...binary, kind: "scalar" }))).toEqual([
      "Choose a kind: binary (a probability of yes) or numeric (a value with a range).",
    ]);
    expect(messages(questionInputSchema.safeParse({ ...binary, title: "x".repeat(201) }))).toEqual(["Keep the title to 200 characters or fewer."]);
    expect(messages(questionInputSchema.safeParse({ ...binary, details: "x".repeat(20_001) }))).toEqual([
      "Keep the details to 20,000 characters or fewer.",
    ]);
    expect(messages(questionInputSchema.safeParse({ ...binary, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }))).toEqual(["Use at most 20 tags."]);
    expect(messages(questionInputSchema.safeParse({ ...binary, tags: ["-bad"] }))).toHaveLength(1);
  });

  it("numeric questions need a plausible range with min < max; binary ones take neither range nor unit", () => {
    const numeric = { ...binary, kind: "numeric" };
    expect(messages(questionInputSchema.safeParse(numeric))).toEqual([
      "Give the lowest plausible value; errors are scaled by the range.",
      "Give the highest plausible value; errors are scaled by the range.",
    ]);
    expect(messages(questionInputSchema.safeParse({ ...numeric, rangeMin: 5, rangeMax: 5 }))).toEqual([
      "The highest plausible value must be above the lowest.",
    ]);
    expect(messages(questionInputSchema.safeParse({ ...numeric, rangeMin: 0, rangeMax: Infinity }))).toEqual([
      "The highest plausible value must be a number.",
    ]);
    expect(messages(questionInputSchema.safeParse({ ...binary, unit: "%" }))).toEqual(["A binary question has no unit; leave it empty."]);
    expect(messages(questionInputSchema.safeParse({ ...binary, rangeMin: 0, rangeMax: 1 }))).toEqual([
      "A binary question has no plausible range; leave it empty or make the question numeric.",
    ]);
  });

  it("a rule must fit the kind and must not end before resolve-by", () => {
    const compare = { type: "return-compare", a: "RUT", b: "SPX", from: "2026-01-01", to: "2026-12-31", op: ">" };
    expect(questionInputSchema.parse({ ...binary, rule: compare }).rule).toEqual(compare);
    expect(messages(questionInputSchema.safeParse({ ...binary, kind: "numeric", rangeMin: 0, rangeMax: 1, rule: compare }))).toEqual([
      'A "return-compare" rule gives yes or no; use it with a binary question.',
    ]);
    expect(messages(questionInputSchema.safeParse({ ...binary, rule: { type: "value-on-date", a: "SPX", date: "2026-12-31" } }))).toEqual([
      'A "value-on-date" rule gives a number; use it with a numeric question.',
    ]);
    expect(messages(questionInputSchema.safeParse({ ...binary, rule: { ...compare, to: "2026-06-30" } }))).toEqual([
      "The rule reads data up to 2026-06-30, before the resolve-by date, so forecasts could count after the answer is known; set resolve-by to 2026-06-30 or earlier.",
    ]);
  });
});

describe("dataRuleSchema", () => {
  it("refuses an empty period, the same series twice and an unknown type", () => {
    const compare = { type: "return-compare", a: "RUT", b: "SPX", from: "2026-01-01", to: "2026-12-31", op: ">" };
    expect(messages(dataRuleSchema.safeParse({ ...compare, to: "2026-01-01" }))).toEqual(["The start date must be before the end date."]);
    expect(messages(dataRuleSchema.safeParse({ ...compare, b: "RUT" }))).toEqual(["Compare two different series."]);
    expect(messages(dataRuleSchema.safeParse({ ...compare, op: ">=" }))).toEqual(['Choose ">" (above) or "<" (below).']);
    expect(messages(dataRuleSchema.safeParse({ ...compare, type: "magic" }))).toEqual([
      'Choose a rule type: "return-compare", "return-threshold", "value-threshold" or "value-on-date".',
    ]);
    expect(messages(dataRuleSchema.safeParse({ type: "value-threshold", a: "SPX", date: "2026-06-30", op: "=", threshold: 1 }))).toEqual([
      'Choose ">", ">=", "<" or "<=".',
    ]);
  });

  it("ruleEndDate is the last date the rule reads", () => {
    expect(ruleEndDate({ type: "return-threshold", a: "X", from: "2026-01-01", to: "2026-03-31", op: ">", threshold: 0 })).toBe("2026-03-31");
    expect(ruleEndDate({ type: "value-on-date", a: "X", date: "2026-06-30" })).toBe("2026-06-30");
  });
});

describe("describeRule", () => {
  const names = { RUT: "Russell 2000", SPX: "S&P 500" };
  it("reads as a sentence, with names when known", () => {
    const compare: DataRule = { type: "return-compare", a: "RUT", b: "SPX", from: "2026-01-02", to: "2026-12-31", op: ">" };
    expect(describeRule(compare, names)).toBe("Russell 2000 return from 2026-01-02 to 2026-12-31 above S&P 500 return");
    expect(describeRule({ ...compare, op: "<" })).toBe("RUT return from 2026-01-02 to 2026-12-31 below SPX return");
    expect(describeRule({ type: "return-threshold", a: "SPX", from: "2026-01-01", to: "2026-12-31", op: "<", threshold: -10 }, names)).toBe(
      "S&P 500 return from 2026-01-01 to 2026-12-31 below -10%",
    );
    expect(describeRule({ type: "value-threshold", a: "SPX", date: "2026-06-30", op: ">=", threshold: 7000 }, names)).toBe(
      "S&P 500 on 2026-06-30 at or above 7,000",
    );
    expect(describeRule({ type: "value-on-date", a: "SPX", date: "2026-06-30" }, names)).toBe("S&P 500 on 2026-06-30");
  });
});

describe("forecasts", () => {
  it("binary: a probability from 0 to 1 inclusive", () => {
    const schema = forecastSchemaFor("binary");
    expect(schema.parse({ probability: 0.65 })).toEqual({ probability: 0.65, rationale: "" });
    expect(schema.safeParse({ probability: 0 }).success).toBe(true);
    expect(schema.safeParse({ probability: 1 }).success).toBe(true);
    expect(messages(schema.safeParse({ probability: 65 }))).toEqual(["A probability cannot be above 1 (100%); write 0.65 for 65%."]);
    expect(messages(schema.safeParse({ probability: -0.1 }))).toEqual(["A probability cannot be below 0 (0%)."]);
    expect(messages(schema.safeParse({ probability: 0.5, rationale: "x".repeat(5001) }))).toEqual([
      "Keep the rationale to 5,000 characters or fewer.",
    ]);
  });

  it("numeric: low ≤ value ≤ high", () => {
    expect(numericForecastSchema.parse({ value: 3, low: 2, high: 4, noteId: "abc123" })).toEqual({ value: 3, low: 2, high: 4, rationale: "", noteId: "abc123" });
    expect(numericForecastSchema.safeParse({ value: 3, low: 3, high: 3 }).success).toBe(true);
    expect(messages(numericForecastSchema.safeParse({ value: 3, low: 4, high: 5 }))).toEqual([
      "The low end of the 80% interval must be at or below your forecast.",
    ]);
    expect(messages(numericForecastSchema.safeParse({ value: 3, low: 1, high: 2 }))).toEqual([
      "The high end of the 80% interval must be at or above your forecast.",
    ]);
  });

  it("either kind: exactly one shape", () => {
    expect(forecastInputSchema.safeParse({ probability: 0.4 }).success).toBe(true);
    expect(forecastInputSchema.safeParse({ value: 3, low: 2, high: 4 }).success).toBe(true);
    expect(messages(forecastInputSchema.safeParse({}))).toEqual([
      "Give a probability (binary question) or a value with an 80% interval (numeric question).",
    ]);
    expect(messages(forecastInputSchema.safeParse({ probability: 0.4, value: 3 }))).toEqual([
      "Give either a probability (binary question) or a value with an 80% interval (numeric question), not both.",
    ]);
    expect(messages(forecastInputSchema.safeParse({ value: 3, low: 2 }))).toEqual([
      "A numeric forecast needs a value and the low and high ends of its 80% interval.",
    ]);
    expect(messages(forecastInputSchema.safeParse({ value: 3, low: 4, high: 5 }))).toEqual([
      "The low end of the 80% interval must be at or below your forecast.",
    ]);
  });
});

describe("resolutions", () => {
  it("exactly one of outcome, value or annulled", () => {
    expect(resolutionInputSchema.parse({ outcome: "yes" })).toEqual({ outcome: "yes", comment: "" });
    expect(resolutionOutcome(resolutionInputSchema.parse({ outcome: "no" }))).toBe(0);
    expect(resolutionOutcome(resolutionInputSchema.parse({ outcome: "yes" }))).toBe(1);
    expect(resolutionOutcome(resolutionInputSchema.parse({ value: 2.5 }))).toBe(2.5);
    expect(resolutionOutcome(resolutionInputSchema.parse({ annulled: true, comment: "Index discontinued." }))).toBeNull();
    expect(messages(resolutionInputSchema.safeParse({}))).toEqual([
      'Resolve with an outcome ("yes" or "no"), a value (numeric question), or annul the question.',
    ]);
    expect(messages(resolutionInputSchema.safeParse({ outcome: "yes", annulled: true }))).toEqual([
      "Resolve with exactly one of: an outcome, a value, or annulled.",
    ]);
    expect(messages(resolutionInputSchema.safeParse({ outcome: "maybe" }))).toEqual(['The outcome of a binary question is "yes" or "no".']);
    expect(messages(resolutionInputSchema.safeParse({ annulled: false }))).toEqual(["To annul a question, send annulled: true."]);
    expect(messages(resolutionInputSchema.safeParse({ value: 1, comment: "x".repeat(2001) }))).toEqual([
      "Keep the comment to 2,000 characters or fewer.",
    ]);
  });

  it("checks the resolution against the question's kind", () => {
    expect(resolutionKindError(resolutionInputSchema.parse({ outcome: "yes" }), "numeric")).toBe(
      "This is a numeric question: resolve it with a value, not yes or no.",
    );
    expect(resolutionKindError(resolutionInputSchema.parse({ value: 1 }), "binary")).toBe(
      'This is a binary question: resolve it with "yes" or "no", not a value.',
    );
    expect(resolutionKindError(resolutionInputSchema.parse({ annulled: true }), "binary")).toBeNull();
    expect(resolutionKindError(resolutionInputSchema.parse({ value: 1 }), "numeric")).toBeNull();
  });
});
