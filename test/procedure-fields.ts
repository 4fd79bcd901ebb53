// The procedures' input fields as the validation and fuzz tests see them: which may be left out or empty, which are ids,
// and, per field, what a well-typed value looks like and the bad values to try.
import { FIXTURE_CHART_SPEC } from "./procedures";

/** A well-formed id that no row has. */
export const MISSING_ID = "nosuchid00000000";

/** Fields that may be left out on purpose (they have defaults, or widen the scope). */
export const OPTIONAL_FIELDS: Record<string, string[]> = {
  "notebooks.create": ["description"],
  "notes.list": ["notebookId"],
  "notes.create": ["body", "tags"],
  "search.query": ["notebookId", "tag", "limit"],
  "figures.evaluate": ["asOf"],
  "series.list": ["notebookId"],
  "series.get": ["from", "to", "asOf"],
  "series.create": ["unit", "frequency", "source", "sourceRef", "notes", "refreshIntervalMinutes"],
  "series.update": ["unit", "frequency", "notes", "sourceRef", "refreshIntervalMinutes"],
  "series.import": ["mapping"],
  "series.importMany": ["mapping"],
  "series.addFromSource": ["key"],
  "series.changes": ["notebookId"],
  "charts.list": ["notebookId"],
  "charts.get": ["asOf", "width"],
  "charts.table": ["asOf", "view"],
  "charts.preview": ["width"],
  "charts.update": ["baseVersion"],
  "questions.list": ["notebookId", "status"],
  "questions.ruleChart": ["width"],
  "notebooks.activity": ["actorId", "kind", "before", "limit"],
  "questions.create": ["details", "tags", "unit", "rule", "firstForecast"],
  "questions.update": ["baseVersion", "details", "tags", "unit", "rule"],
  "questions.forecast": ["rationale", "noteId"],
  "questions.resolve": ["comment"],
  "questions.calibration": ["notebookId"],
  "questions.team": ["extremize"],
  "share.create": ["expiresAt"],
  "comments.create": ["anchor"],
};

/** Fields where an empty string is a valid value. */
export const EMPTY_OK_FIELDS: Record<string, string[]> = {
  "notebooks.create": ["description"],
  "notes.create": ["body"],
  "search.query": ["q"],
  "series.create": ["unit", "sourceRef", "notes"],
  "series.update": ["unit", "sourceRef", "notes"],
  "questions.create": ["details", "unit"],
  "questions.update": ["details", "unit"],
  "questions.forecast": ["rationale"],
  "questions.resolve": ["comment"],
};

/**
 * Fields of the right kind for some generic malformed values: a number for a version, revision id, limit, width or
 * refresh interval, a list for tags, any string up to 200,000 characters for a body, something z.coerce.date turns
 * into a date for asOf. The generic value is skipped where the predicate holds, and the field's own bad values are
 * tried instead. Fields whose predicate accepts nothing (dates, keys, chart specs, import files) get every generic
 * value and their own bad values besides: rules the generic values cannot reach (a ratio of one series, from after to).
 */
export const WELL_TYPED_FIELDS: Record<string, Record<string, { accepts: (value: unknown) => boolean; bad: unknown[] }>> = (() => {
  const version = { accepts: (v: unknown) => typeof v === "number", bad: [0, -1, 1.5, "2", Number.NaN] };
  const tags = { accepts: (v: unknown) => Array.isArray(v), bad: [[""], ["has space"], ["-lead"], [12], ["t".repeat(41)], Array.from({ length: 21 }, (_, i) => `t${i}`)] };
  const body = { accepts: (v: unknown) => typeof v === "string", bad: ["x".repeat(200_001)] };
  // Series and charts.
  const notDates = ["2026-02-30", "2026-1-2", "02/01/2026", "2026-02-01T00:00:00Z"];
  // The sample reads 2026-01-01 to 2026-01-31, so a later start or an earlier end puts "from" after "to".
  const from = { accepts: () => false, bad: [...notDates, "2026-02-01"] };
  const to = { accepts: () => false, bad: [...notDates, "2025-12-31"] };
  const width = { accepts: (v: unknown) => typeof v === "number", bad: [199, 2001, 640.5, Number.NaN, "640"] };
  const refreshInterval = { accepts: (v: unknown) => v === null || typeof v === "number", bad: [14, 0, -60, 1.5, 60 * 24 * 31 + 1, "60"] };
  const seriesKey = { accepts: () => false, bad: ["has space", "-lead", ".lead", "k".repeat(65), "a/b", 42] };
  const importText = { accepts: () => false, bad: ["day,close\n2026-01-06,not a number\n", "day,close\n2026-02-30,2021\n", "<html><body>Not found</body></html>", "day,close\n"] };
  const importMapping = {
    accepts: () => false,
    bad: [{ dateColumn: "nope", valueColumn: "close" }, { dateColumn: "day", valueColumn: "nope" }, { dateColumn: "day" }, { dateColumn: "day", valueColumn: "close", filter: { column: "x" } }],
  };
  const spec = FIXTURE_CHART_SPEC;
  const chartSpec = {
    accepts: () => false,
    bad: [
      { ...spec, kind: "ratio" },
      { ...spec, range: { preset: "custom", from: "2026-02-01", to: "2026-01-31" } },
      { ...spec, range: { preset: "custom", from: "2026-02-30" } },
      { ...spec, annotations: Array.from({ length: 21 }, (_, i) => ({ date: "2026-01-15", label: `Event ${i}` })) },
      { ...spec, annotations: [{ date: "2026-01-15", label: "   " }] },
      { ...spec, annotations: [{ date: "2026-02-30", label: "CPI" }] },
      { ...spec, title: "   " },
      { ...spec, title: "t".repeat(201) },
      { ...spec, kind: "pie" },
      { ...spec, series: [] },
      { ...spec, series: ["RUT", "RUT"] },
      { ...spec, series: ["has space"] },
      { ...spec, series: ["k".repeat(65)] },
      { ...spec, series: ["k".repeat(10_000)] },
      { ...spec, series: Array.from({ length: 9 }, (_, i) => `S${i}`) },
      { ...spec, range: { preset: "2y" } },
      { ...spec, range: { preset: "custom" } },
      { ...spec, period: "week" },
      { ...spec, since: "2026-13-01" },
      { kind: "line", series: ["RUT"], range: { preset: "max" } },
      { ...spec, questions: ["q1", "q1"] },
      { ...spec, questions: ["Not An Id"] },
      { ...spec, questions: ["a", "b", "c", "d", "e", "f"] },
    ],
  };
  // asOf is a Date or ISO text; numbers, null and booleans are refused (they would otherwise read as 1970).
  const asOf = { accepts: () => false, bad: ["not a date", "2026-13-45T00:00:00Z", Number.NaN, new Date(Number.NaN), null, true, 1_767_225_600_000] };
  // Questions. The create sample is numeric (range 1500 to 2500, rule value-on-date RUT 2026-12-31), the update sample
  // binary (rule value-threshold RUT 2026-12-31); both resolve by 2026-12-31.
  const title = { accepts: () => false, bad: ["   ", "t".repeat(201)] };
  const details = { accepts: (v: unknown) => typeof v === "string" && v.length <= 20_000, bad: ["d".repeat(20_001)] };
  const criteria = { accepts: () => false, bad: ["   ", "c".repeat(5_001)] };
  // A rule reading data up to 2026-12-31 forbids a later resolve-by date.
  const resolveBy = { accepts: () => false, bad: [...notDates, "2027-01-01"] };
  const notFinite = [Number.NaN, Number.POSITIVE_INFINITY, "2000"];
  const numericRule = {
    accepts: () => false,
    bad: [
      // A rule of the wrong kind: a yes/no rule on a numeric question.
      { type: "value-threshold", a: "RUT", date: "2026-12-31", op: ">", threshold: 2000 },
      { type: "value-on-date", a: "RUT", date: "2026-02-30" },
      // Ends before resolve-by.
      { type: "value-on-date", a: "RUT", date: "2026-06-30" },
      { type: "value-on-date", a: "has space", date: "2026-12-31" },
      { type: "value-on-date", a: "k".repeat(10_000), date: "2026-12-31" },
      { type: "value-on-date", a: "RUT" },
      { type: "average", a: "RUT", date: "2026-12-31" },
      { a: "RUT", date: "2026-12-31" },
    ],
  };
  const binaryRule = {
    accepts: () => false,
    bad: [
      // A rule of the wrong kind: a number-valued rule on a binary question.
      { type: "value-on-date", a: "RUT", date: "2026-12-31" },
      { type: "value-threshold", a: "RUT", date: "2026-12-31", op: "=", threshold: 2000 },
      { type: "value-threshold", a: "RUT", date: "2026-12-31", op: ">", threshold: Number.NaN },
      { type: "value-threshold", a: "RUT", date: "2026-12-31", op: ">" },
      { type: "return-compare", a: "RUT", b: "RUT", from: "2026-01-02", to: "2026-12-31", op: ">" },
      { type: "return-compare", a: "RUT", b: "SPX", from: "2026-12-31", to: "2026-01-02", op: ">" },
      { type: "return-compare", a: "RUT", b: "SPX", from: "2026-01-02", to: "2026-12-31", op: ">=" },
      { type: "return-threshold", a: "RUT", from: "2026-01-02", to: "2026-12-31", op: ">", threshold: "5" },
      { type: "return-threshold", a: "RUT", from: "2026-01-02", to: "2026-13-01", op: ">", threshold: 5 },
    ],
  };
  // Comments: up to 10,000 characters after trimming; a quoted passage that is in the note (the sample's is).
  const commentBody = { accepts: (v: unknown) => typeof v === "string" && v.trim().length >= 1 && v.trim().length <= 10_000, bad: ["   ", "c".repeat(10_001)] };
  const commentAnchor = { accepts: () => false, bad: [{ quote: "" }, { quote: "q".repeat(2_001) }, { quote: "Not in the note" }, { quote: "Russell", start: -1 }, { quote: "Russell", start: 1.5 }, { quote: "Russell", prefix: "p".repeat(201) }] };
  return {
    "notes.create": { body, tags },
    "notes.update": { baseVersion: version },
    "figures.pin": { baseVersion: version },
    "figures.evaluate": { asOf },
    "notes.asOf": { at: asOf },
    "notes.revisions.get": { revisionId: version },
    "notes.revisions.restore": { revisionId: version },
    "notes.tags.set": { tags },
    "search.query": { limit: { accepts: (v: unknown) => typeof v === "number", bad: [0, 51, 1.5] } },
    "series.get": { from, to, asOf },
    "series.create": { key: seriesKey, source: { accepts: () => false, bad: ["ftp", "fred", "yahoo"] }, refreshIntervalMinutes: refreshInterval },
    "series.update": { refreshIntervalMinutes: refreshInterval },
    "series.import": { text: importText, mapping: importMapping },
    "series.importMany": {
      text: { accepts: () => false, bad: ["date,IWM\n2026-01-06,not a number\n", "date,IWM\n2026-02-30,250\n", "<html><body>Not found</body></html>", "date,IWM\n", "date,symbol,close\n2026-01-06,S&P 500,250\n"] },
      mapping: {
        accepts: () => false,
        bad: [{ layout: "wide", dateColumn: "date", valueColumns: [] }, { layout: "wide", dateColumn: "date", valueColumns: ["nope"] }, { layout: "long", dateColumn: "date", keyColumn: "nope", valueColumn: "IWM" }, { layout: "tall", dateColumn: "date" }],
      },
    },
    "series.addFromSource": {
      source: { accepts: () => false, bad: ["ftp", "FRED", "manual"] },
      ref: { accepts: (v: unknown) => typeof v === "string" && /^[A-Za-z0-9^.=_-]{1,64}$/.test(v.trim()), bad: ["", "has space", "a/b", "r".repeat(65)] },
      key: seriesKey,
    },
    // null clears the key; anything else must look like a FRED key.
    "series.setFredApiKey": { apiKey: { accepts: (v: unknown) => v === null, bad: ["0123456789ABCDEF0123456789ABCDEF", "a".repeat(31), "a".repeat(33), "0123456789abcdef 123456789abcdef", "0123456789abcdef-123456789abcdef"] } },
    "charts.get": { asOf, width },
    "charts.table": { asOf, view: { accepts: () => false, bad: ["custom", "YTD", "2y"] } },
    "charts.preview": { spec: chartSpec, width },
    "charts.create": { spec: chartSpec },
    "charts.update": { spec: chartSpec, baseVersion: version },
    "questions.list": { status: { accepts: () => false, bad: ["closed", "OPEN", "all"] } },
    "questions.ruleChart": { width },
    "notebooks.activity": {
      kind: { accepts: () => false, bad: ["all", "Wrote", "comments"] },
      before: { accepts: () => false, bad: ["", "abc", "12:x3", "12:e", "1767225600000"] },
      limit: { accepts: (v: unknown) => typeof v === "number", bad: [0, 101, 1.5] },
    },
    "questions.create": {
      title,
      details,
      criteria,
      resolveBy,
      tags,
      // A binary question has neither a unit nor a range.
      kind: { accepts: () => false, bad: ["binary", "Numeric", "date"] },
      unit: { accepts: (v: unknown) => typeof v === "string" && v.length <= 40, bad: ["u".repeat(41)] },
      // The range must run upwards: the sample's is 1500 to 2500.
      rangeMin: { accepts: (v: unknown) => typeof v === "number" && v < 2500, bad: [2500, 3000, ...notFinite] },
      rangeMax: { accepts: (v: unknown) => typeof v === "number" && v > 1500, bad: [1500, 1000, -1, ...notFinite] },
      rule: numericRule,
      // The first forecast must fit the numeric question: a value inside its 80% interval.
      firstForecast: { accepts: () => false, bad: [{ probability: 0.5 }, { value: 3000, low: 1900, high: 2300 }, { value: 2100 }, "2100"] },
    },
    "questions.update": {
      baseVersion: version,
      title,
      details,
      criteria,
      resolveBy,
      tags,
      // The kind cannot change (and a numeric question would need a range).
      kind: { accepts: () => false, bad: ["numeric", "Binary"] },
      // A binary question has no unit.
      unit: { accepts: () => false, bad: ["index points"] },
      rule: binaryRule,
    },
    "questions.forecast": {
      probability: { accepts: (v: unknown) => typeof v === "number" && v >= 0 && v <= 1, bad: [1.5, -0.01, 65, ...notFinite] },
      rationale: { accepts: (v: unknown) => typeof v === "string" && v.length <= 5_000, bad: ["r".repeat(5_001)] },
      // Evidence must be a live note of the question's notebook.
      noteId: { accepts: () => false, bad: [MISSING_ID] },
    },
    "share.create": {
      mode: { accepts: () => false, bad: ["public", "LIVE", "pinned"] },
      targetType: { accepts: () => false, bad: ["series", "chart", "Note", "token"] },
      label: { accepts: () => false, bad: ["   ", "l".repeat(81)] },
      expiresAt: { accepts: () => false, bad: ["2020-01-01T00:00:00Z", "tomorrow", "2026-13-01T00:00:00Z", "2030-01-01", 1_900_000_000_000, null] },
    },
    "questions.team": { extremize: { accepts: (v: unknown) => typeof v === "boolean", bad: ["yes", 1, null] } },
    "notebooks.members.setLeaderboardHidden": { hidden: { accepts: (v: unknown) => typeof v === "boolean", bad: ["true", 0, null] } },
    "comments.create": { body: commentBody, anchor: commentAnchor, targetType: { accepts: () => false, bad: ["series", "Note", "chart"] } },
    "comments.reply": { body: commentBody },
    "comments.edit": { body: commentBody },
    "questions.resolve": {
      outcome: { accepts: () => false, bad: ["maybe", "YES", 1, false] },
      comment: { accepts: (v: unknown) => typeof v === "string" && v.trim().length <= 2_000, bad: ["c".repeat(2_001)] },
    },
  };
})();

/** Fields that name a notebook, note, user, series, chart, token, question or share target by id. */
export const ID_FIELDS = ["id", "notebookId", "noteId", "userId", "seriesId", "questionId", "targetId"] as const;

