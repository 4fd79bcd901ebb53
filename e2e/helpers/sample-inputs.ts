// Sample inputs for the HTTP specs: a valid chart spec and question, and the bad variants each must refuse.
/** A valid chart spec over the fixture's series RUT. */
export const CHART_SPEC = {
  title: "Russell 2000 in January",
  description: "",
  kind: "line",
  series: ["RUT"],
  range: { preset: "custom", from: "2026-01-01", to: "2026-01-31" },
  annotations: [{ date: "2026-01-15", label: "CPI" }],
};

/** Chart specs that break a rule of their own (not of a field's type), each under `spec` of the sample. */
export const badSpecs = (sample: Record<string, unknown>): Array<[string, unknown]> =>
  (
    [
      ["a ratio chart of one series", { ...CHART_SPEC, kind: "ratio" }],
      ["a range that starts after it ends", { ...CHART_SPEC, range: { preset: "custom", from: "2026-02-01", to: "2026-01-31" } }],
      ["a range from 2026-02-30", { ...CHART_SPEC, range: { preset: "custom", from: "2026-02-30" } }],
      ["21 annotations", { ...CHART_SPEC, annotations: Array.from({ length: 21 }, (_, i) => ({ date: "2026-01-15", label: `Event ${i}` })) }],
      ["a series listed twice", { ...CHART_SPEC, series: ["RUT", "RUT"] }],
      ["no series", { ...CHART_SPEC, series: [] }],
      ["an unknown kind", { ...CHART_SPEC, kind: "pie" }],
      ["a blank title", { ...CHART_SPEC, title: "   " }],
    ] as const
  ).map(([label, spec]) => [`spec with ${label}`, { ...sample, spec }]);

/** A valid binary question without a rule, resolving by hand. */
export const QUESTION = {
  title: "Will small caps beat large caps in 2026?",
  details: "Russell 2000 against the S&P 500.",
  criteria: "YES if the Russell 2000's 2026 total return is above the S&P 500's.",
  resolveBy: "2026-12-31",
  tags: ["small-caps"],
  kind: "binary",
};

/**
 * A question's fields with a rule that waits for data the fixture does not have (RUT's 2026-12-31 close), so a call
 * that skipped validation would create or edit a question and leave it open. The range fields (numbers, where a
 * fraction or a negative is a fine value) and `unit` are left out of the samples and checked in `extra`.
 */
export const questionSample = () => ({
  ...QUESTION,
  title: "Probe question",
  rule: { type: "value-threshold", a: "RUT", date: "2026-12-31", op: ">", threshold: 2000 },
});

/** Questions that break a rule across fields, each replacing fields of `sample` (a binary question with a rule). */
export const badQuestions = (sample: Record<string, unknown>): Array<[string, unknown]> => {
  const numeric = { ...sample, kind: "numeric", unit: "index points", rangeMin: 1500, rangeMax: 2500, rule: { type: "value-on-date", a: "RUT", date: "2026-12-31" } };
  return [
    ["a numeric question without a range", { ...numeric, rangeMin: undefined, rangeMax: undefined }],
    ["a numeric question with rangeMin above rangeMax", { ...numeric, rangeMin: 3000 }],
    ["a numeric question with rangeMin equal to rangeMax", { ...numeric, rangeMax: 1500 }],
    ["a numeric question with a yes/no rule", { ...numeric, rule: sample.rule }],
    ["a binary question with a unit", { ...sample, unit: "index points" }],
    ["a binary question with a range", { ...sample, rangeMin: 0, rangeMax: 1 }],
    ["a binary question with a value-on-date rule", { ...sample, rule: { type: "value-on-date", a: "RUT", date: "2026-12-31" } }],
    ["resolveBy 2026-02-30", { ...sample, resolveBy: "2026-02-30" }],
    ["resolveBy after the rule's last date", { ...sample, resolveBy: "2027-01-01" }],
    ["a rule dated 2026-02-30", { ...sample, rule: { type: "value-threshold", a: "RUT", date: "2026-02-30", op: ">", threshold: 2000 } }],
    ["a rule comparing a series with itself", { ...sample, rule: { type: "return-compare", a: "RUT", b: "RUT", from: "2026-01-02", to: "2026-12-31", op: ">" } }],
    ["a rule whose start is after its end", { ...sample, rule: { type: "return-threshold", a: "RUT", from: "2026-12-31", to: "2026-01-02", op: ">", threshold: 5 } }],
    ["a rule of an unknown type", { ...sample, rule: { type: "average", a: "RUT", date: "2026-12-31" } }],
    ["a blank title", { ...sample, title: "   " }],
    ["blank criteria", { ...sample, criteria: "   " }],
  ];
};

/** A date or moment that is not one, for the optional `asOf` (the samples leave it out: see the note on series.get). */
export const badAsOf = (sample: Record<string, unknown>): Array<[string, unknown]> => [
  ["asOf not a date", { ...sample, asOf: "not a date" }],
  ["asOf an impossible moment", { ...sample, asOf: "2026-13-45T00:00:00Z" }],
];
