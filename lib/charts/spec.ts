// ChartSpec: the saved description of a chart (kind, series, range, annotations), validated with messages a person can act on.
import { z } from "zod";
import { isRealIsoDate } from "./dates";

/** Chart kinds with the label the builder shows. */
export const CHART_KINDS = {
  line: "Line",
  rebased: "Rebased to 100",
  return: "Return since a date",
  ratio: "Ratio of two series",
  bars: "Bar of period returns",
} as const;

/** One of the chart kinds. */
export type ChartKind = keyof typeof CHART_KINDS;

/** Range presets with the label the builder shows. */
export const RANGE_PRESETS = {
  ytd: "Year to date",
  "1y": "1 year",
  "5y": "5 years",
  max: "All data",
  custom: "Custom dates",
} as const;

/** One of the range presets. */
export type RangePreset = keyof typeof RANGE_PRESETS;

/** Periods a bar chart can group returns by, with labels. */
export const BAR_PERIODS = { month: "Month", quarter: "Quarter", year: "Year" } as const;

/** The most series one chart may show. */
export const MAX_SERIES = 8;
/** The most annotations one chart may carry. */
export const MAX_ANNOTATIONS = 20;
/** The most questions one chart may overlay. */
export const MAX_OVERLAID_QUESTIONS = 5;

const KIND_KEYS = Object.keys(CHART_KINDS) as [ChartKind, ...ChartKind[]];
const SERIES_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const isoDateSchema = z
  .string({ error: "Enter a date as YYYY-MM-DD, like 2026-01-02." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter a date as YYYY-MM-DD, like 2026-01-02." })
  .refine(isRealIsoDate, { error: (issue) => `${String(issue.input)} is not a real calendar date.` });

/** A series key as used in chart specs: letters, digits, dot, dash, underscore; up to 64 characters. */
export const seriesKeySchema = z
  .string({ error: "A series key must be text." })
  .regex(SERIES_KEY, {
    error: (issue) =>
      `"${String(issue.input).slice(0, 40)}${String(issue.input).length > 40 ? "…" : ""}" is not a series key: use up to 64 letters, digits, ".", "_" or "-", starting with a letter or digit.`,
  });

/** The presets a chart's page can view a chart over in place of its saved range (and download so). */
export const rangeViewSchema = z.enum(["ytd", "1y", "5y", "max"], { error: "Choose a range to view: ytd, 1y, 5y or max." });

/** One of the presets a chart can be viewed over. */
export type RangeView = z.infer<typeof rangeViewSchema>;

const presetRange = z.object({
  preset: z.enum(["ytd", "1y", "5y", "max"]),
});

const customRange = z
  .object({
    preset: z.literal("custom"),
    from: isoDateSchema,
    to: isoDateSchema.optional(),
  })
  .refine((r) => r.to === undefined || r.from <= r.to, {
    error: "The start date must be on or before the end date.",
    path: ["to"],
  });

/** The dates a chart covers: a preset ending today, or custom dates (without `to`, up to today). */
export const chartRangeSchema = z.discriminatedUnion("preset", [presetRange, customRange], {
  error: "Choose a range: year to date, 1 year, 5 years, all data or custom dates.",
});

/** One event marked on a chart: a dashed line at the date with a short label; with an end date, a shaded band (a recession, a crisis). */
export const annotationSchema = z
  .object({
    date: isoDateSchema,
    end: isoDateSchema.optional(),
    label: z
      .string({ error: "Give the annotation a label." })
      .trim()
      .min(1, { error: "Give the annotation a label." })
      .max(80, { error: "Keep an annotation label to 80 characters or fewer." }),
  })
  .refine((a) => a.end === undefined || a.date <= a.end, { error: "A band's end date must be on or after its start date.", path: ["end"] });

/** Transforms a line or ratio chart can apply to each series before drawing, with labels. */
export const CHART_TRANSFORMS = { none: "None", ma: "Moving average", yoy: "Change from a year earlier (%)" } as const;

/** The most observations a moving average may span. */
export const MAX_MA_WINDOW = 500;

/** A transform applied to each series of a line or ratio chart: a trailing moving average over `window` observations, or the change from a year earlier. */
export const chartTransformSchema = z.discriminatedUnion(
  "type",
  [
    z.object({
      type: z.literal("ma"),
      window: z
        .number({ error: "Give the moving average a window: a whole number of observations." })
        .int({ error: "The moving-average window is a whole number of observations." })
        .min(2, { error: "A moving average needs a window of at least 2 observations." })
        .max(MAX_MA_WINDOW, { error: `Keep the moving-average window to ${MAX_MA_WINDOW} observations or fewer.` }),
    }),
    z.object({ type: z.literal("yoy") }),
  ],
  { error: "Choose a transform: a moving average or the change from a year earlier." },
);

/** A validated transform. */
export type ChartTransform = z.output<typeof chartTransformSchema>;

/** A saved chart: what to draw, from which series, over which dates. */
export const chartSpecSchema = z
  .object({
    title: z
      .string({ error: "Give the chart a title." })
      .trim()
      .min(1, { error: "Give the chart a title." })
      .max(200, { error: "Keep the title to 200 characters or fewer." }),
    description: z
      .string({ error: "The description must be text." })
      .trim()
      .max(1000, { error: "Keep the description to 1000 characters or fewer." })
      .default(""),
    kind: z.enum(KIND_KEYS, {
      error: "Choose a chart kind: line, rebased to 100, return since a date, ratio of two series or bar of period returns.",
    }),
    series: z
      .array(seriesKeySchema, { error: "Choose at least one series." })
      .min(1, { error: "Choose at least one series." })
      .max(MAX_SERIES, { error: `A chart can show at most ${MAX_SERIES} series; remove some.` }),
    range: chartRangeSchema,
    since: isoDateSchema.optional(),
    period: z.enum(["month", "quarter", "year"], { error: "Choose a period for the bars: month, quarter or year." }).optional(),
    annotations: z
      .array(annotationSchema, { error: "Annotations must be a list." })
      .max(MAX_ANNOTATIONS, { error: `A chart can carry at most ${MAX_ANNOTATIONS} annotations; remove some.` })
      .default([]),
    scale: z.enum(["linear", "log"], { error: "Choose a scale: linear or log." }).optional(),
    legend: z.enum(["name", "key"], { error: "Choose legend labels: series names or keys (tickers)." }).optional(),
    lastValues: z.boolean({ error: "Last-value labels are on or off." }).optional(),
    transform: chartTransformSchema.optional(),
    rebase: z.boolean({ error: "Rebasing the ratio is on or off." }).optional(),
    questions: z
      .array(
        z
          .string({ error: "A question to overlay is given by its id." })
          .regex(/^[a-z0-9]{1,64}$/, { error: "A question to overlay is given by its id." }),
        { error: "The questions to overlay must be a list of question ids." },
      )
      .max(MAX_OVERLAID_QUESTIONS, { error: `A chart can overlay at most ${MAX_OVERLAID_QUESTIONS} questions; remove some.` })
      .optional(),
  })
  .superRefine((spec, ctx) => {
    const seen = new Set<string>();
    spec.series.forEach((key, i) => {
      if (seen.has(key)) {
        ctx.addIssue({ code: "custom", path: ["series", i], message: `"${key}" is listed twice; each series can appear once.` });
      }
      seen.add(key);
    });
    if (spec.questions && new Set(spec.questions).size !== spec.questions.length) {
      ctx.addIssue({ code: "custom", path: ["questions"], message: "A question is overlaid twice; overlay each question once." });
    }
    if (spec.kind === "ratio" && spec.series.length !== 2) {
      ctx.addIssue({
        code: "custom",
        path: ["series"],
        message: "A ratio chart needs exactly two series: the numerator first, then the denominator.",
      });
    }
  });

/**
 * A validated chart spec (defaults applied). `since` applies to "return", "rebased" and a rebased ratio,
 * `period` to "bars", `transform` to "line" and "ratio", `rebase` (the ratio as 100 at `since` or the start)
 * to "ratio", `scale` and `lastValues` to line kinds; `legend` picks series names or keys. Other kinds ignore them.
 * `questions` (of the chart's notebook) draws each question's threshold, where it reads on this chart, and its resolve-by date.
 */
export type ChartSpec = z.output<typeof chartSpecSchema>;

/** A chart spec as written by a form or an API client, before defaults. */
export type ChartSpecInput = z.input<typeof chartSpecSchema>;

/** A chart range, validated. */
export type ChartRange = z.output<typeof chartRangeSchema>;
